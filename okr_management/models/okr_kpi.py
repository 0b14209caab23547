# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import float_compare, float_repr

from ..engine import metric as engine

DRIFT_ACTIVITY = "okr_management.mail_activity_type_kpi_drift"
DURATION_SYMBOLS = {"minute": "min", "hour": "h", "day": "d"}
AUTOMATIC_UNITS = {"%", *DURATION_SYMBOLS.values()}


class OkrKpi(models.Model):
    """A metric pinned beside the OKRs, with a target and a date, but no key
    result: "tickets solved with the knowledge base: 30 % in 6 months"."""

    _name = "okr.kpi"
    _description = "OKR KPI"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    metric_id = fields.Many2one(
        "okr.metric",
        ondelete="restrict",
        index=True,
        check_company=True,
        help="Where the value comes from, refreshed every hour. Empty: the value "
        "is typed by hand, for data that is not in Odoo (a service desk, a "
        "survey).",
    )
    objective_ids = fields.Many2many(
        "okr.objective",
        "okr_kpi_objective_rel",
        "kpi_id",
        "objective_id",
        string="Objectives",
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        help="The KPI is computed with this user's rights.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_start = fields.Date(
        string="Measured From",
        help="Records dated from this day count (the metric's date field). Empty: "
        "all records.",
    )
    target_value = fields.Float(string="Target")
    target_date = fields.Date()
    current_value = fields.Float(
        string="Current",
        help="From the metric; typed by hand when the KPI has no metric.",
    )
    previous_value = fields.Float(string="Previous", readonly=True)
    trend = fields.Selection(
        [("up", "Up"), ("down", "Down"), ("flat", "Flat")],
        readonly=True,
        default="flat",
        help="Direction of the last change of the value.",
    )
    last_refresh = fields.Datetime(readonly=True)
    error = fields.Text(readonly=True)
    progress = fields.Float(
        compute="_compute_progress",
        help="Current value as a share of the target (0-100).",
    )
    color = fields.Integer()
    pinned = fields.Boolean(
        string="Pinned to the Board",
        default=True,
        help="Shown on the cards of its objectives on the quarterly board.",
    )
    unit = fields.Char(
        compute="_compute_unit",
        store=True,
        readonly=False,
        help="Written after the values on the board, e.g. %, h, tickets. Proposed "
        "from the metric.",
    )

    # -- drift: a healthy range, and an activity when the value leaves it -----
    healthy_operator = fields.Selection(
        [("above", "At or Above"), ("below", "At or Below")],
        string="Healthy When",
        help="The KPI is healthy while its value stays at or above, or at or "
        "below, the healthy value. Empty: no healthy range.",
    )
    healthy_value = fields.Float()
    is_drifting = fields.Boolean(
        string="Drifting",
        compute="_compute_is_drifting",
        store=True,
        help="The last refresh found the value outside its healthy range.",
    )

    @api.depends("metric_id.aggregate", "metric_id.duration_unit")
    def _compute_unit(self):
        # symbols, the same in every language; a unit typed by the user stays
        for kpi in self:
            metric = kpi.metric_id
            if metric.aggregate == "ratio":
                kpi.unit = "%"
            elif metric.aggregate == "duration":
                kpi.unit = DURATION_SYMBOLS.get(metric.duration_unit)
            elif metric and kpi.unit in AUTOMATIC_UNITS:
                # a unit the previous metric proposed; a typed KPI keeps its own
                kpi.unit = False

    @api.depends("current_value", "target_value", "healthy_operator")
    def _compute_progress(self):
        # "at or below" means lower is better (resolution time, target 4 h):
        # 8 h is half-way, 4 h or less is 100 %
        for kpi in self:
            current, target = kpi.current_value, kpi.target_value
            if not target:
                ratio = 0.0
            elif kpi.healthy_operator == "below":
                ratio = 100.0 * target / current if current > 0 else 100.0
            else:
                ratio = 100.0 * current / target
            kpi.progress = max(0.0, min(100.0, ratio))

    @api.depends(
        "current_value", "healthy_operator", "healthy_value", "error", "last_refresh"
    )
    def _compute_is_drifting(self):
        for kpi in self:
            cmp = float_compare(
                kpi.current_value, kpi.healthy_value, precision_digits=6
            )
            kpi.is_drifting = bool(
                kpi.healthy_operator
                and not kpi.error
                and kpi.last_refresh
                and (
                    (kpi.healthy_operator == "above" and cmp < 0)
                    or (kpi.healthy_operator == "below" and cmp > 0)
                )
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        kpis = super().create(vals_list)
        # safe: the create above checked the user's rights on these KPIs; the
        # value is computed with each responsible's rights, not the system's
        kpis.sudo()._refresh()
        return kpis

    def write(self, vals):
        res = super().write(vals)
        if {"metric_id", "date_start", "user_id", "company_id"} & set(vals):
            # safe: the write above checked the user's rights on these KPIs
            self.sudo()._refresh()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_refresh(self):
        # refreshing writes the value: for those who may write the KPI; after
        # that check the system writes, computed with the responsible's rights
        self.check_access("write")
        self.sudo()._refresh()
        return True

    def action_open_records(self):
        self.ensure_one()
        return self.metric_id._action_open_records(self._metric_request(), self.name)

    def action_plan_recovery(self):
        """Open a draft recovery objective, prefilled: the user saves it."""
        self.ensure_one()
        result_type = "increase" if self.healthy_operator != "below" else "decrease"
        if (
            float_compare(self.current_value, self.healthy_value, precision_digits=6)
            == 0
        ):
            result_type = (
                "maintain_above"
                if self.healthy_operator != "below"
                else "maintain_below"
            )
        key_result = {
            "name": self.env._(
                "Bring %(kpi)s back %(range)s",
                kpi=self.name,
                range=self._healthy_range_label(),
            ),
            "result_type": result_type,
            "start_value": self.current_value,
            "target_value": self.healthy_value,
            "current_value": self.current_value,
            "user_id": self.user_id.id,
        }
        owner = self.user_id or self.env.user
        # a team objective needs a team: an owner in no team plans it as their own
        in_a_team = self.env["okr.team"].search_count(
            ["|", ("leader_id", "=", owner.id), ("member_ids", "in", owner.id)],
            limit=1,
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Recovery Objective"),
            "res_model": "okr.objective",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_name": self.env._("Recover %(kpi)s", kpi=self.name),
                "default_period_id": self._recovery_period().id,
                "default_user_id": owner.id,
                "default_level": "team" if in_a_team else "individual",
                "default_okr_type": "committed",
                "default_state": "draft",
                "default_strategic_contribution": self.env._(
                    "Brings the KPI %(kpi)s back into its healthy range (%(range)s).",
                    kpi=self.name,
                    range=self._healthy_range_label(),
                ),
                "default_kpi_ids": [fields.Command.set(self.ids)],
                "default_key_result_ids": [fields.Command.create(key_result)],
            },
        }

    # ------------------------------------------------------------------
    # Refresh from the metric, drift warnings
    # ------------------------------------------------------------------
    def _metric_request(self):
        self.ensure_one()
        return engine.MetricRequest(
            key=self.id,
            metric=self.metric_id.id,
            date_from=self.date_start or None,
            date_to=fields.Date.context_today(self),
            scope="company",
            # the responsible's rights only, never whoever runs the refresh
            user_id=self.user_id.id or None,
            company_ids=(self.company_id.id,),
        )

    def _refresh(self):
        """Recompute the KPIs in one engine run; an error stays on its KPI. Then
        warn about the drifting ones, whether or not a value was computed."""
        kpis = self.filtered("metric_id")
        if kpis:
            results = engine.evaluate(
                self.env,
                [metric._to_definition() for metric in kpis.metric_id],
                [kpi._metric_request() for kpi in kpis],
            )
            now = fields.Datetime.now()
            # one write per distinct values, not one per KPI
            by_vals = defaultdict(list)
            for kpi in kpis:
                value = results[kpi.id]
                if isinstance(value, engine.MetricError):
                    vals = {"error": kpi.metric_id._error_message(value)}
                else:
                    vals = {"error": False}
                    cmp = float_compare(value, kpi.current_value, precision_digits=6)
                    if cmp:
                        vals.update(
                            previous_value=kpi.current_value,
                            current_value=value,
                            # the first value has nothing to compare with
                            trend=("up" if cmp > 0 else "down")
                            if kpi.last_refresh
                            else "flat",
                        )
                vals["last_refresh"] = now
                by_vals[tuple(sorted(vals.items()))].append(kpi.id)
            for vals, ids in by_vals.items():
                self.browse(ids).write(dict(vals))
        self._notify_drift()

    def _notify_drift(self):
        """One activity per drifting KPI for its owner (none while one is open);
        a KPI back in range closes it."""
        activity_type = self.env.ref(DRIFT_ACTIVITY, raise_if_not_found=False)
        kpis = self.filtered("healthy_operator")
        if not activity_type or not kpis:
            return
        open_activities = self.env["mail.activity"].search(
            Domain("res_model", "=", self._name)
            & Domain("res_id", "in", kpis.ids)
            & Domain("activity_type_id", "=", activity_type.id)
        )
        warned = {activity.res_id: activity for activity in open_activities}
        recovered = self.env["mail.activity"]
        to_warn = []
        for kpi in kpis:
            if not kpi.is_drifting:
                # an error tells nothing about the range: the activity stays
                if not kpi.error and kpi.id in warned:
                    recovered |= warned[kpi.id]
                continue
            if kpi.id in warned or not kpi.user_id:
                continue
            to_warn.append(kpi)
        if to_warn and not self.env.context.get("mail_activity_automation_skip"):
            # what activity_schedule() would create, for all in one create
            model_id = self.env["ir.model"]._get_id(self._name)
            today = fields.Date.context_today(self)
            periods = {}
            for kpi in to_warn:
                if kpi.company_id not in periods:
                    periods[kpi.company_id] = kpi._recovery_period()
            self.env["mail.activity"].create(
                [
                    {
                        "activity_type_id": activity_type.id,
                        "summary": self.env._(
                            "%(kpi)s drifted: plan a recovery", kpi=kpi.name
                        ),
                        "automated": True,
                        "note": kpi._drift_note(periods[kpi.company_id]),
                        "date_deadline": today,
                        "res_model_id": model_id,
                        "res_id": kpi.id,
                        "user_id": kpi.user_id.id,
                    }
                    for kpi in to_warn
                ]
            )
        if recovered:
            recovered.action_feedback(feedback=self.env._("Back in the healthy range."))

    def _healthy_range_label(self):
        self.ensure_one()
        operator = dict(
            self._fields["healthy_operator"]._description_selection(self.env)
        ).get(self.healthy_operator, "")
        return f"{operator} {float_repr(self.healthy_value, 2)}".lower()

    def _drift_note(self, period=None):
        """The drift activity's note; ``period``: the recovery period when the
        caller has it (one look-up per company, not per KPI)."""
        self.ensure_one()
        period = period if period is not None else self._recovery_period()
        return Markup("<p>%s</p><p>%s</p>") % (
            self.env._(
                "%(kpi)s is at %(value)s, outside its healthy range (%(range)s).",
                kpi=self.name,
                value=float_repr(self.current_value, 2),
                range=self._healthy_range_label(),
            ),
            self.env._(
                "Open the KPI and click 'Plan Recovery' for a draft recovery "
                "objective in %(period)s, prefilled with a key result that brings "
                "it back.",
                period=period.display_name or self.env._("the next period"),
            ),
        )

    def _recovery_period(self):
        """The period after the current quarter, where a recovery is planned."""
        self.ensure_one()
        periods = self.env["okr.period"]
        current = periods._get_current(self.company_id)
        if current:
            return current._get_next()
        return periods.search(
            Domain("company_id", "=", self.company_id.id)
            & Domain("period_type", "=", "quarter")
            & Domain("date_start", ">", fields.Date.context_today(self)),
            order="date_start",
            limit=1,
        )
