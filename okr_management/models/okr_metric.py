# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import metric as engine

NUMERIC_TTYPES = ("integer", "float", "monetary")
DATE_TTYPES = ("date", "datetime")


class OkrMetric(models.Model):
    _name = "okr.metric"
    _description = "OKR Metric"
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the metric between companies.",
    )
    # "set null" rather than "cascade": when an uninstall removes the model or a
    # field, the metric stays and its key results show why they stopped moving.
    model_id = fields.Many2one(
        "ir.model",
        ondelete="set null",
        domain="[('transient', '=', False), ('abstract', '=', False)]",
        help="The records measured, e.g. Leads, Tasks, Tickets.",
    )
    model_name = fields.Char(related="model_id.model", string="Model Name")
    domain = fields.Text(
        default="[]",
        required=True,
        help="Which records of the model are measured.",
    )
    date_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime')),"
        " ('store', '=', True)]",
        help="Places a record in a period (e.g. the closing date). Empty: all "
        "records count, whatever their date.",
    )
    aggregate = fields.Selection(
        [
            ("count", "Count"),
            ("sum", "Sum"),
            ("avg", "Average"),
            ("ratio", "Ratio (%)"),
            ("duration", "Average Duration"),
        ],
        required=True,
        default="count",
        help="Ratio: count (or sum) of the records also matching the ratio domain, "
        "divided by the same over all records, in percent. Average duration: the "
        "mean time between two date fields.",
    )
    value_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', 'in', "
        "('integer', 'float', 'monetary')), ('store', '=', True)]",
        help="The number summed or averaged. For a ratio: sum it instead of "
        "counting records.",
    )
    ratio_domain = fields.Text(
        default="[]",
        help="The extra condition of the numerator (e.g. won leads among leads).",
    )
    duration_start_field_id = fields.Many2one(
        "ir.model.fields",
        string="Duration From",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime')),"
        " ('store', '=', True)]",
    )
    duration_end_field_id = fields.Many2one(
        "ir.model.fields",
        string="Duration To",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime')),"
        " ('store', '=', True)]",
    )
    duration_unit = fields.Selection(
        [("minute", "Minutes"), ("hour", "Hours"), ("day", "Days")],
        default="hour",
        required=True,
    )
    user_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'),"
        " ('relation', '=', 'res.users'), ('store', '=', True)]",
        help="Lets each key result measure its owner's records (e.g. Salesperson).",
    )
    team_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="set null",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'),"
        " ('store', '=', True)]",
        help="Lets each key result measure one team's records (e.g. Sales Team).",
    )
    team_model_id = fields.Many2one(
        "ir.model",
        compute="_compute_team_model_id",
        store=True,
    )
    key_result_ids = fields.One2many("okr.key.result", "metric_id")
    key_result_count = fields.Integer(compute="_compute_key_result_count")
    kpi_ids = fields.One2many("okr.kpi", "metric_id", string="KPIs")
    preview_value = fields.Float(
        compute="_compute_preview",
        string="Value Now",
        help="The company-wide value over all time, with your rights.",
    )
    preview_error = fields.Char(compute="_compute_preview")

    @api.depends("team_field_id")
    def _compute_team_model_id(self):
        for metric in self:
            relation = metric.team_field_id.relation
            metric.team_model_id = (
                self.env["ir.model"]._get(relation) if relation else False
            )

    def _compute_key_result_count(self):
        counts = dict(
            self.env["okr.key.result"]._read_group(
                [("metric_id", "in", self.ids)], ["metric_id"], ["__count"]
            )
        )
        for metric in self:
            metric.key_result_count = counts.get(metric, 0)

    @api.depends(
        "model_id",
        "domain",
        "aggregate",
        "value_field_id",
        "ratio_domain",
        "duration_start_field_id",
        "duration_end_field_id",
        "duration_unit",
    )
    def _compute_preview(self):
        metrics = self.filtered("id")
        results = engine.evaluate(
            self.env,
            [m._to_definition() for m in metrics],
            [
                engine.MetricRequest(
                    key=m.id,
                    metric=m.id,
                    user_id=self.env.uid,
                    company_ids=tuple(self.env.companies.ids),
                )
                for m in metrics
            ],
        )
        for metric in self:
            value = results.get(metric.id)
            error = isinstance(value, engine.MetricError)
            metric.preview_value = 0.0 if error or value is None else value
            metric.preview_error = metric._error_message(value) if error else False

    # ------------------------------------------------------------------
    # The engine's view of a metric
    # ------------------------------------------------------------------
    def _to_definition(self):
        self.ensure_one()
        return engine.MetricDefinition(
            key=self.id,
            model=self.model_id.model or "",
            domain=self.domain or "[]",
            date_field=self.date_field_id.name or None,
            aggregate=self.aggregate,
            value_field=self.value_field_id.name or None,
            ratio_domain=self.ratio_domain or "[]",
            duration_start_field=self.duration_start_field_id.name or None,
            duration_end_field=self.duration_end_field_id.name or None,
            duration_unit=self.duration_unit,
            user_field=self.user_field_id.name or None,
            team_field=self.team_field_id.name or None,
        )

    def _error_message(self, error):
        """A sentence for the user from an engine error."""
        messages = {
            engine.ERR_MODEL: self.env._(
                "The measured model is missing (uninstalled?)."
            ),
            engine.ERR_FIELD: self.env._(
                "A field of the metric is missing or invalid."
            ),
            engine.ERR_DOMAIN: self.env._("The domain of the metric is invalid."),
            engine.ERR_ACCESS: self.env._(
                "The owner cannot read the measured records."
            ),
            engine.ERR_ZERO: self.env._(
                "Division by zero: no record in the ratio's base."
            ),
            engine.ERR_NO_DATA: self.env._("No record to measure yet."),
            engine.ERR_SCOPE: self.env._(
                "The scope needs an owner (and a user field) or a team (and a "
                "team field)."
            ),
            engine.ERR_QUERY: self.env._("The metric could not be computed."),
            engine.ERR_TIMEOUT: self.env._(
                "The metric took too long to compute and was stopped: narrow "
                "its domain."
            ),
            engine.ERR_OWNER: self.env._(
                "This value needs an owner: it is computed with the owner's rights."
            ),
        }
        message = messages.get(error.code, error.code)
        return f"{message} ({error.detail})" if error.detail else message

    @api.constrains(
        "model_id",
        "domain",
        "date_field_id",
        "aggregate",
        "value_field_id",
        "ratio_domain",
        "duration_start_field_id",
        "duration_end_field_id",
        "user_field_id",
        "team_field_id",
    )
    def _check_definition(self):
        for metric in self:
            if not metric.model_id:
                raise ValidationError(
                    self.env._("The metric %(name)s needs a model.", name=metric.name)
                )
            fields_by_model = (
                metric.date_field_id
                | metric.value_field_id
                | metric.duration_start_field_id
                | metric.duration_end_field_id
                | metric.user_field_id
                | metric.team_field_id
            )
            if any(f.model_id != metric.model_id for f in fields_by_model):
                raise ValidationError(
                    self.env._(
                        "The fields of the metric %(name)s must belong to its model.",
                        name=metric.name,
                    )
                )
            try:
                engine.check_definition(self.env, metric._to_definition())
            except engine.MetricDefinitionError as exc:
                raise ValidationError(
                    self.env._(
                        "The metric %(name)s is invalid: %(error)s",
                        name=metric.name,
                        error=metric._error_message(exc.error),
                    )
                ) from exc

    @api.onchange("model_id")
    def _onchange_model_id(self):
        # fields of another model make no sense any more
        for fname in (
            "date_field_id",
            "value_field_id",
            "duration_start_field_id",
            "duration_end_field_id",
            "user_field_id",
            "team_field_id",
        ):
            if self[fname] and self[fname].model_id != self.model_id:
                self[fname] = False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _action_open_records(self, request, name=None):
        """Window action listing the records behind ``request``'s value."""
        self.ensure_one()
        definition = self._to_definition()
        try:
            domain = engine.drilldown_domain(self.env, definition, request)
        except Exception as exc:  # noqa: BLE001 - shown to the user as such
            raise ValidationError(
                self._error_message(engine.MetricError(engine.ERR_DOMAIN, str(exc)))
            ) from exc
        return {
            "type": "ir.actions.act_window",
            "name": name or self.name,
            "res_model": definition.model,
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": {"create": False},
            "target": "current",
        }

    def action_open_records(self):
        """All the records the metric measures (company scope, all time)."""
        self.ensure_one()
        return self._action_open_records(
            engine.MetricRequest(
                key=self.id, metric=self.id, company_ids=tuple(self.env.companies.ids)
            )
        )

    def action_open_key_results(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Key Results"),
            "res_model": "okr.key.result",
            "views": [(False, "list"), (False, "form")],
            "domain": [("metric_id", "=", self.id)],
            "context": {"default_metric_id": self.id, "default_source": "metric"},
        }

    @api.model
    def _keep_used_presets(self, module):
        """Keep the metric presets of ``module`` that key results or KPIs use.

        Called from the uninstall hook of an addon that ships presets: Odoo would
        try to delete them with the addon, which fails on the key results and
        KPIs still measured by them. Dropping their external ids turns them into
        ordinary user records, so uninstalling loses nothing: the key results
        keep their metric and show why it no longer computes.
        """
        data = self.env["ir.model.data"].sudo()
        preset_data = data.search([("module", "=", module), ("model", "=", self._name)])
        metric_ids = set(preset_data.mapped("res_id"))
        used = set()
        for model in ("okr.key.result", "okr.kpi"):
            groups = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                ._read_group([("metric_id", "in", list(metric_ids))], ["metric_id"])
            )
            used.update(metric.id for (metric,) in groups)
        preset_data.filtered(lambda d: d.res_id in used).unlink()
        return used
