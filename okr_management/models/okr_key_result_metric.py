# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..engine import metric as metric_engine
from .okr_selections import METRIC_SCOPE_SELECTION, METRIC_WINDOW_SELECTION

_logger = logging.getLogger(__name__)

METRIC_ERROR_ACTIVITY = "okr_management.mail_activity_type_metric_error"
# a change of these fields refreshes a metric key result at save
METRIC_TRIGGER_FIELDS = {
    "source",
    "metric_id",
    "metric_window",
    "metric_scope",
    "metric_team_ref",
    "user_id",
    "objective_id",
}


# what a refresh reads of each key result through the ORM (its request is read
# in one query, see _metric_requests)
METRIC_REFRESH_FIELDS = ["source", "metric_id", "current_value", "metric_error"]
# the columns of a request (a team scope reads its team through the ORM)
METRIC_REQUEST_FIELDS = [
    "period_id",
    "metric_id",
    "metric_window",
    "metric_scope",
    "user_id",
    "company_id",
]


class OkrKeyResult(models.Model):
    """The metric source: the value of a key result refreshes from live records
    through the metric engine (at save, on demand and every hour)."""

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    metric_id = fields.Many2one(
        "okr.metric",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="The value of this key result is computed from this metric.",
    )
    metric_window = fields.Selection(
        METRIC_WINDOW_SELECTION,
        string="Window",
        default="period",
        help="Records dated in the whole period, or from its start to today.",
    )
    metric_scope = fields.Selection(
        METRIC_SCOPE_SELECTION,
        string="Scope",
        default="company",
        help="All the company's records, only the owner's (the metric's user "
        "field), or one team's (the metric's team field).",
    )
    metric_team_model_id = fields.Many2one(related="metric_id.team_model_id")
    # The team field of a metric may point to any model (sales team, project,
    # department...): a Reference stores the model with the id, so a metric whose
    # team field changes model is detected instead of matching a wrong record.
    metric_team_ref = fields.Reference(
        selection="_selection_metric_team_model", string="Metric Team"
    )
    metric_error = fields.Text(
        readonly=True, copy=False, help="Why the last refresh gave no value."
    )
    metric_last_refresh = fields.Datetime(
        string="Last Refresh", readonly=True, copy=False
    )

    @api.constrains("source", "metric_id", "metric_scope", "metric_team_ref")
    def _check_metric(self):
        for key_result in self.filtered(lambda kr: kr.source == "metric"):
            metric = key_result.metric_id
            if not metric:
                raise ValidationError(
                    self.env._(
                        "The key result %(name)s takes its value from a metric: "
                        "choose one.",
                        name=key_result.name,
                    )
                )
            if key_result.metric_scope == "owner" and not metric.user_field_id:
                raise ValidationError(
                    self.env._(
                        "The metric %(metric)s has no user field: it cannot measure "
                        "the owner's records.",
                        metric=metric.name,
                    )
                )
            if key_result.metric_scope == "team":
                team = key_result.metric_team_ref
                if not metric.team_field_id:
                    raise ValidationError(
                        self.env._(
                            "The metric %(metric)s has no team field: it cannot "
                            "measure a team's records.",
                            metric=metric.name,
                        )
                    )
                if (team and team._name != metric.team_field_id.relation) or (
                    not team
                    and not key_result.objective_id.team_id._metric_scope_records(
                        metric.team_field_id.relation
                    )
                ):
                    raise ValidationError(
                        self.env._(
                            "Choose the team (a %(model)s) whose records the key "
                            "result %(name)s measures.",
                            model=metric.team_model_id.name,
                            name=key_result.name,
                        )
                    )

    @api.model
    def _selection_metric_team_model(self):
        return [
            (model.model, model.name)
            for model in self.env["ir.model"].sudo().search([("transient", "=", False)])
        ]

    # ------------------------------------------------------------------
    # CRUD: a metric key result refreshes when saved
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        key_results = super().create(vals_list)
        key_results._refresh_metric_on_save()
        return key_results

    def write(self, vals):
        res = super().write(vals)
        if METRIC_TRIGGER_FIELDS & set(vals):
            self._refresh_metric_on_save()
        return res

    def _refresh_metric_on_save(self):
        # okr_metric_no_refresh: imports and benchmarks refresh later, in bulk
        if self.env.context.get("okr_metric_no_refresh"):
            return
        to_refresh = self.filtered(lambda kr: kr.source == "metric" and kr.metric_id)
        if to_refresh:
            # the caller has just created/written these key results, so they may
            # write them; the system only writes the value, which the engine
            # computes with each owner's rights (never the caller's)
            to_refresh.check_access("write")
            to_refresh.sudo()._refresh_metric()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_refresh_metric(self):
        """Refresh button: recompute now, with the owners' rights."""
        # refreshing writes the value and a history point: for those who may
        # write the key result; after that check the system writes, the engine
        # computing with each owner's rights, not the caller's
        self.check_access("write")
        self.sudo()._refresh_metric()
        return True

    def action_open_metric_records(self):
        """Drill-down: the records behind the current value."""
        self.ensure_one()
        if not self.metric_id:
            return False
        request = self._metric_request(fields.Date.context_today(self))
        return self.metric_id._action_open_records(request, name=self.name)

    # ------------------------------------------------------------------
    # Request, refresh, apply
    # ------------------------------------------------------------------
    def _metric_request(self, today):
        """The engine request of this key result: its window, scope and owner."""
        self.ensure_one()
        return self._metric_requests(today)[0]

    def _metric_team_scope_id(self):
        """The scope of a team-scoped key result: the team typed on it, if it
        is of the metric's team model; with none typed, its objective's team's
        linked records of that model (sales teams, projects); else None."""
        self.ensure_one()
        relation = self.metric_id.team_field_id.relation
        if self.metric_team_ref:
            team = self.metric_team_ref
            return team.id if team._name == relation else None
        linked = self.objective_id.team_id._metric_scope_records(relation)
        return linked.id if len(linked) == 1 else tuple(linked.ids) or None

    def _metric_requests(self, today):
        """The engine requests of ``self`` (their window, scope and owner),
        read in one query instead of through the fields of each key result
        (0.7 s for 10,000); a team scope asks ``_metric_team_scope_id``."""
        self.flush_recordset(METRIC_REQUEST_FIELDS)
        rows = self.env.execute_query(
            SQL(
                "SELECT id, %s FROM %s WHERE id = ANY(%s)",
                SQL(", ").join(SQL.identifier(name) for name in METRIC_REQUEST_FIELDS),
                SQL.identifier(self._table),
                self.ids,
            )
        )
        periods = {
            period.id: (period.date_start or None, period.date_end or None)
            for period in self.env["okr.period"].browse(
                {row[1] for row in rows if row[1]}
            )
        }
        requests = {}
        for kr_id, period_id, metric_id, window, scope, user_id, company in rows:
            date_from, date_to = periods.get(period_id, (None, None))
            if window == "to_date":
                date_to = min(date_to, today) if date_to else today
            if scope == "owner":
                scope_id = user_id or False
            elif scope == "team":
                scope_id = self.browse(kr_id)._metric_team_scope_id()
            else:
                scope_id = None
            requests[kr_id] = metric_engine.MetricRequest(
                key=kr_id,
                metric=metric_id or False,
                date_from=date_from,
                date_to=date_to,
                scope=scope or "company",
                scope_id=scope_id,
                # the owner's rights only: no owner, no value ("needs an owner")
                user_id=user_id or None,
                company_ids=(company,) if company else (),
            )
        return [requests[kr_id] for kr_id in self.ids]

    def _metric_definitions(self):
        """``{metric id: definition}`` of the metrics of ``self``."""
        return {metric.id: metric._to_definition() for metric in self.metric_id}

    def _metric_values(self, today):
        """``{key result id: (definition, request, value)}`` of ``self`` in one
        engine run: what ``_refresh_metric`` may reuse (the cron computes a
        whole run at once, then writes it batch by batch)."""
        definitions = self._metric_definitions()
        requests = self._metric_requests(fields.Date.context_today(self))
        values = metric_engine.evaluate(self.env, definitions.values(), requests)
        return {
            request.key: (definitions.get(request.metric), request, values[request.key])
            for request in requests
        }

    def _refresh_metric(self, computed=None):
        """Refresh metric key results (in a sudo env) in one engine run.

        The rows are locked first (SKIP LOCKED): a key result another transaction
        is refreshing is left to it, so two refreshes never record the same
        history point twice. ``computed`` (from ``_metric_values``) gives values
        already computed; one is used only if its key result still asks the
        same request of the same metric definition, the others are computed
        now. Return the key results that were refreshed.
        """
        # only the columns a refresh reads through the ORM: a first access would
        # load every column of every key result (0.5 s at 10,000, steady)
        self.fetch(METRIC_REFRESH_FIELDS)
        key_results = self.filtered(lambda kr: kr.source == "metric" and kr.metric_id)
        if not key_results:
            return key_results
        key_results = key_results.try_lock_for_update(allow_referencing=True)
        today = fields.Date.context_today(self)
        definitions = key_results._metric_definitions()
        results, to_compute = {}, []
        for request in key_results._metric_requests(today):
            known = (computed or {}).get(request.key)
            if known and known[:2] == (definitions.get(request.metric), request):
                results[request.key] = known[2]
            else:
                to_compute.append(request)
        if to_compute:
            results.update(
                metric_engine.evaluate(self.env, definitions.values(), to_compute)
            )
        key_results._apply_metric_results(results)
        return key_results

    # _apply_metric_results: okr_key_result_metric_results.py writes the
    # values, history points and chatter events of a refresh in batches

    # ------------------------------------------------------------------
    # Scheduled refresh
    # ------------------------------------------------------------------
    @api.model
    def _cron_refresh_metrics(self, batch_size=500):
        """Hourly: refresh every open metric key result, then the KPIs.

        Batches hold whole owners (their rights are computed once) and are
        committed one by one, the stalest first: a run cut short resumes with
        what it did not reach, and no lock is held for the whole run.
        """
        key_results = self.sudo().search(
            [
                ("source", "=", "metric"),
                ("metric_id", "!=", False),
                ("state", "in", ("draft", "active")),
            ],
            order="metric_last_refresh ASC NULLS FIRST, id",
        )
        by_owner = defaultdict(list)
        for key_result in key_results:
            by_owner[key_result.user_id.id].append(key_result.id)
        batches, batch = [], []
        for ids in by_owner.values():
            if batch and len(batch) + len(ids) > batch_size:
                batches.append(batch)
                batch = []
            batch.extend(ids)
        if batch:
            batches.append(batch)
        # the values of the whole run in one engine run (one grouped query per
        # metric, not one per batch), written batch by batch
        try:
            computed = key_results._metric_values(fields.Date.context_today(self))
        except Exception:  # noqa: BLE001 - each batch computes its own then
            _logger.exception("Metric values of the run failed, computing per batch")
            computed = None
        cron = self.env["ir.cron"]
        unreached = len(key_results)
        cron._commit_progress(remaining=unreached)
        for ids in batches:
            self.sudo().browse(ids)._refresh_metric_isolated(computed)
            unreached -= len(ids)
            if not cron._commit_progress(len(ids)):
                # out of time: the KPIs (one query per metric) must not wait
                # for the key results left to the next run
                break
        kpis = self.env["okr.kpi"].sudo().search([("metric_id.active", "=", True)])
        kpis._refresh()
        cron._commit_progress(remaining=unreached)

    def _refresh_metric_isolated(self, computed=None):
        """Refresh a batch (with the values ``computed`` for it, if any); if it
        fails as a whole, refresh one by one, each computed afresh, so one
        broken key result never stops the others."""
        try:
            with self.env.cr.savepoint():
                self._refresh_metric(computed)
        except Exception:
            _logger.exception("Metric refresh of a batch failed, retrying one by one")
            for key_result in self:
                try:
                    with self.env.cr.savepoint():
                        key_result._refresh_metric()
                except Exception:  # noqa: BLE001 - stored on the key result
                    _logger.exception("Metric refresh of %s failed", key_result)
                    # a readable message (the details are in the server log, not
                    # SQL text on the form), and a refresh date so that the
                    # next run tries it last, after the healthy ones
                    key_result.write(
                        {
                            "metric_error": self.env._(
                                "The metric could not be computed; the server log "
                                "has the details. It is retried at the next refresh."
                            ),
                            "metric_last_refresh": fields.Datetime.now(),
                        }
                    )
