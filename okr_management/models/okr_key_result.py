# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict
from datetime import date, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import float_compare, float_is_zero, float_repr
from odoo.tools.misc import formatLang

from ..engine import evaluation
from ..engine import metric as metric_engine
from ..engine import progress as okr_math
from .okr_objective import HEALTH_SELECTION

_logger = logging.getLogger(__name__)

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

# The seeds keep key results stable for the quarter: once the objective is
# active, these only change with a reason.
GOVERNED_FIELDS = ("start_value", "target_value", "weight")

SCORE_BAND_SELECTION = [
    (evaluation.FAIL, "Fail (< 0.3)"),
    (evaluation.COMMIT, "Commit (0.3-0.7)"),
    (evaluation.TARGET, "Target (0.7-1.0)"),
    (evaluation.STRETCH, "Stretch (>= 1.0)"),
]

# the weekly check-in in the web client (the path of its action): activity
# notes link to it
WEEKLY_CHECK_IN_URL = "/odoo/weekly-check-in"


class OkrKeyResult(models.Model):
    _name = "okr.key.result"
    _description = "OKR Key Result"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    objective_id = fields.Many2one(
        "okr.objective",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="objective_id.company_id", store=True, index=True, precompute=True
    )
    period_id = fields.Many2one(
        related="objective_id.period_id", store=True, index=True, precompute=True
    )
    okr_type = fields.Selection(
        related="objective_id.okr_type",
        string="Objective Type",
        store=True,
        precompute=True,
    )
    state = fields.Selection(
        related="objective_id.state", string="Objective Status", store=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    result_type = fields.Selection(
        [
            ("increase", "Increase"),
            ("decrease", "Decrease"),
            ("maintain_above", "Stay At or Above"),
            ("maintain_below", "Stay At or Below"),
            ("milestone", "Milestone"),
        ],
        string="Type",
        required=True,
        default="increase",
        tracking=True,
    )
    unit = fields.Selection(
        [
            ("number", "Number"),
            ("percent", "Percent"),
            ("currency", "Currency"),
            ("hours", "Hours"),
            ("days", "Days"),
            ("score", "Score"),
        ],
        required=True,
        default="number",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    start_value = fields.Float(string="Start", tracking=True)
    target_value = fields.Float(string="Target", tracking=True)
    current_value = fields.Float(string="Current", tracking=True)
    # tracked so that a reasoned change shows its old and new weight too
    weight = fields.Float(default=1.0, required=True, tracking=True)
    indicator = fields.Selection(
        [("leading", "Leading"), ("lagging", "Lagging")],
        default="lagging",
        help="Leading indicators predict the outcome; lagging ones measure it.",
    )
    source = fields.Selection(
        [
            ("manual", "Check-ins"),
            ("initiatives", "Initiatives"),
            ("metric", "Metric"),
        ],
        required=True,
        default="manual",
        help="Where the progress comes from: the values of the check-ins, or the "
        "weighted progress of the initiatives.",
    )
    deadline = fields.Date(
        compute="_compute_deadline", store=True, readonly=False, precompute=True
    )
    initiative_ids = fields.One2many(
        "okr.initiative", "key_result_id", string="Initiatives"
    )
    check_in_ids = fields.One2many("okr.check.in", "key_result_id", string="Check-ins")
    check_in_count = fields.Integer(compute="_compute_check_in_summary", store=True)
    last_check_in_date = fields.Date(
        compute="_compute_check_in_summary", store=True, string="Last Check-in"
    )
    confidence = fields.Integer(
        compute="_compute_check_in_summary",
        store=True,
        aggregator="avg",
        help="Confidence (0-10) given at the latest check-in.",
    )
    progress = fields.Float(
        compute="_compute_progress", store=True, aggregator="avg", tracking=False
    )
    raw_progress = fields.Float(
        compute="_compute_progress",
        store=True,
        help="Progress before clamping: below 0 under the start, above 100 past "
        "the target.",
    )
    is_below_start = fields.Boolean(compute="_compute_progress", store=True)
    is_overshoot = fields.Boolean(compute="_compute_progress", store=True)
    expected_progress = fields.Float(
        compute="_compute_expected_progress", store=True, aggregator="avg"
    )
    health = fields.Selection(
        HEALTH_SELECTION, compute="_compute_health", store=True, index=True
    )
    score = fields.Float(
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Progress / 100, frozen when the objective closes.",
    )
    value_chart_data = fields.Json(
        compute="_compute_value_chart_data",
        string="Value over Time",
        help="The check-in values by date and the pace line, for the form's chart.",
    )

    # ------------------------------------------------------------------
    # Metric source (metric engine): the value refreshes from live records
    # ------------------------------------------------------------------
    metric_id = fields.Many2one(
        "okr.metric",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The value of this key result is computed from this metric.",
    )
    metric_window = fields.Selection(
        [("period", "Whole Period"), ("to_date", "Period to Date")],
        string="Window",
        default="period",
        help="Records dated in the whole period, or from its start to today.",
    )
    metric_scope = fields.Selection(
        [("company", "Company"), ("owner", "Owner"), ("team", "Team")],
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

    # ------------------------------------------------------------------
    # Governance and evaluation
    # ------------------------------------------------------------------
    carry_over_from_id = fields.Many2one(
        "okr.key.result",
        string="Carried Over From",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="The key result of an earlier period this one continues; its "
        "check-ins stay there.",
    )
    carry_over_ids = fields.One2many(
        "okr.key.result", "carry_over_from_id", string="Carried Over To"
    )
    evaluation_score = fields.Float(
        compute="_compute_evaluation",
        store=True,
        aggregator="avg",
        help="The frozen score once the objective is closed, else the progress "
        "as a 0.0-1.0 score.",
    )
    score_band = fields.Selection(
        SCORE_BAND_SELECTION,
        compute="_compute_evaluation",
        store=True,
        index=True,
        help="Fail below 0.3, commit from 0.3, target from 0.7, stretch from 1.0 "
        "(an overshoot counts as stretch).",
    )
    evaluation_team_id = fields.Many2one(
        "okr.objective",
        compute="_compute_evaluation_team",
        store=True,
        index="btree_not_null",
        help="The team-level objective this key result rolls up into: its own "
        "objective, or the nearest team objective it is aligned to.",
    )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    _positive_weight = models.Constraint(
        "CHECK (weight > 0)",
        "The weight of a key result must be positive.",
    )

    @api.constrains("result_type", "start_value", "target_value", "source")
    def _check_start_target(self):
        for key_result in self:
            # Only a linear key result divides by its span; a milestone, a level
            # to maintain or one driven by initiatives may start at its target.
            if (
                key_result.result_type in ("increase", "decrease")
                and key_result.source != "initiatives"
                and key_result.start_value == key_result.target_value
            ):
                raise ValidationError(
                    self.env._(
                        "The key result %(name)s starts at its target (%(value)s): "
                        "give it a target different from its start.",
                        name=key_result.name,
                        value=key_result.target_value,
                    )
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
                if not team or team._name != metric.team_field_id.relation:
                    raise ValidationError(
                        self.env._(
                            "Choose the team (a %(model)s) whose records the key "
                            "result %(name)s measures.",
                            model=metric.team_model_id.name,
                            name=key_result.name,
                        )
                    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("objective_id.period_id.date_start", "objective_id.period_id.date_end")
    def _compute_deadline(self):
        for key_result in self:
            period = key_result.objective_id.period_id
            deadline = key_result.deadline
            # Follow the period unless a deadline inside it was chosen.
            if not deadline or not (
                period.date_start and period.date_start <= deadline <= period.date_end
            ):
                key_result.deadline = period.date_end

    @api.depends(
        "result_type",
        "start_value",
        "target_value",
        "current_value",
        "source",
        "initiative_ids.progress",
        "initiative_ids.weight",
        "initiative_ids.state",
    )
    def _compute_progress(self):
        for key_result in self:
            progress, raw = key_result._progress_for_value(key_result.current_value)
            key_result.progress = progress
            key_result.raw_progress = raw
            key_result.is_below_start = raw < 0
            key_result.is_overshoot = raw > 100

    @api.depends("period_id.date_start", "period_id.date_end", "deadline")
    def _compute_expected_progress(self):
        today = fields.Date.context_today(self)
        for key_result in self:
            period = key_result.period_id
            key_result.expected_progress = okr_math.expected_progress(
                period.date_start, key_result.deadline or period.date_end, today
            )

    @api.depends("check_in_ids.date", "check_in_ids.confidence")
    def _compute_check_in_summary(self):
        for key_result in self:
            # Sorted here: a cached one2many does not re-sort new records.
            check_ins = key_result.check_in_ids
            latest = check_ins.sorted(lambda c: (c.date, c.id), reverse=True)[:1]
            key_result.check_in_count = len(check_ins)
            key_result.last_check_in_date = latest.date
            key_result.confidence = latest.confidence if latest else 0

    @api.depends(
        "progress",
        "expected_progress",
        "okr_type",
        "confidence",
        "last_check_in_date",
        "company_id.okr_on_track_threshold",
        "company_id.okr_at_risk_threshold",
    )
    def _compute_health(self):
        for key_result in self:
            company = key_result.company_id or self.env.company
            key_result.health = company._okr_health(key_result)

    @api.depends("state", "score", "progress", "raw_progress")
    def _compute_evaluation(self):
        for key_result in self:
            if key_result.state == "closed":
                # frozen at close: later value moves do not change the band
                score = key_result.score
                raw = None
            else:
                score = okr_math.score(key_result.progress)
                raw = key_result.raw_progress
            key_result.evaluation_score = score
            key_result.score_band = evaluation.score_band(score, raw)

    @api.depends(
        "check_in_ids.date",
        "check_in_ids.value",
        "start_value",
        "target_value",
        "result_type",
        "unit",
        "okr_type",
        "deadline",
        "period_id.date_start",
        "period_id.date_end",
    )
    def _compute_value_chart_data(self):
        # one read of the check-ins of the whole recordset, already in date order
        points = defaultdict(list)
        check_ins = self.env["okr.check.in"].search_fetch(
            [("key_result_id", "in", self._origin.ids)],
            ["key_result_id", "date", "value"],
            order="date, id",
        )
        for check_in in check_ins:
            points[check_in.key_result_id.id].append(
                [fields.Date.to_string(check_in.date), check_in.value]
            )
        for key_result in self:
            date_start = key_result.period_id.date_start
            date_end = key_result.deadline or key_result.period_id.date_end
            start, target = key_result.start_value, key_result.target_value
            pace_line = []
            if date_start and date_end:
                if key_result.result_type in ("maintain_above", "maintain_below"):
                    # a level to hold all along, not a distance to cover
                    pace_start = pace_end = target
                else:
                    # an aspirational objective is held to 70 % of the way
                    pace_start = start
                    bar = okr_math.pace(100.0, key_result.okr_type) / 100.0
                    pace_end = start + (target - start) * bar
                pace_line = [
                    [fields.Date.to_string(date_start), pace_start],
                    [fields.Date.to_string(date_end), pace_end],
                ]
            key_result.value_chart_data = {
                "points": points[key_result._origin.id],
                "pace": pace_line,
                "start": start,
                "target": target,
                "unit": key_result.unit,
            }

    @api.depends(
        "objective_id.level",
        "objective_id.parent_id.level",
        "objective_id.parent_id.parent_id.level",
    )
    def _compute_evaluation_team(self):
        for key_result in self:
            objective = node = key_result.objective_id
            depth = 0
            while node and node.level != "team" and depth < 10:
                node, depth = node.parent_id, depth + 1
            key_result.evaluation_team_id = (
                node if node and node.level == "team" else objective
            )

    @api.model
    def _selection_metric_team_model(self):
        return [
            (model.model, model.name)
            for model in self.env["ir.model"].sudo().search([("transient", "=", False)])
        ]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        key_results = super().create(vals_list)
        key_results._refresh_metric_on_save()
        return key_results

    def write(self, vals):
        # governance first: a refused change never reaches the metric refresh
        changed = self._governed_changes(vals)
        if changed:
            reason = (self.env.context.get("okr_change_reason") or "").strip()
            if not reason:
                raise UserError(
                    self.env._(
                        "The objective of %(names)s is active: its start, target and "
                        "weight stay stable for the period. Use the Change button "
                        "and give a reason to change them.",
                        names=", ".join(changed.mapped("name")),
                    )
                )
            # the tracking message of this write carries the reason beside the
            # old and new values
            changed._track_set_log_message(
                Markup("<p>%s</p>")
                % self.env._("Change reason: %(reason)s", reason=reason)
            )
        res = super().write(vals)
        if METRIC_TRIGGER_FIELDS & set(vals):
            self._refresh_metric_on_save()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_check_in(self):
        """Open the small check-in form, prefilled with the current value."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Check-in: %(name)s", name=self.name),
            "res_model": "okr.check.in",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_key_result_id": self.id,
                "default_value": self.current_value,
                "default_confidence": self.confidence if self.check_in_count else 5,
            },
        }

    def action_open_change(self):
        """Open the wizard that changes start, target or weight with a reason."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change %(name)s", name=self.name),
            "res_model": "okr.key.result.change",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_key_result_id": self.id},
        }

    def action_open_carry_over_origin(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "okr.key.result",
            "res_id": self.carry_over_from_id.id,
            "views": [(False, "form")],
        }

    def action_refresh_metric(self):
        """Refresh button: recompute now, with the owners' rights."""
        self.check_access("read")
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
    # Progress
    # ------------------------------------------------------------------
    def _initiative_progress(self):
        """Progress from the initiatives, or None when they do not drive it."""
        self.ensure_one()
        initiatives = self.initiative_ids.filtered(lambda i: i.state != "cancelled")
        if self.source == "initiatives":
            return okr_math.weighted_mean((i.progress, i.weight) for i in initiatives)
        if self.result_type == "milestone" and initiatives:
            done = initiatives.filtered(lambda i: i.state == "done")
            return len(done) / len(initiatives) * 100.0
        return None

    def _progress_for_value(self, value):
        """``(progress, raw)`` this key result would have at ``value``."""
        self.ensure_one()
        from_initiatives = self._initiative_progress()
        if self.source == "initiatives":
            return okr_math.clamp(from_initiatives), from_initiatives
        return okr_math.key_result_progress(
            self.result_type,
            self.start_value,
            self.target_value,
            value,
            from_initiatives,
        )

    def _recompute_pace(self):
        """Recompute the calendar-driven fields now (daily scheduled action)."""
        for fname in ("expected_progress", "health"):
            self.env.add_to_compute(self._fields[fname], self)
        self.flush_recordset(["expected_progress", "health"])

    # ------------------------------------------------------------------
    # Governance: a reason for each change of an active key result
    # ------------------------------------------------------------------
    def _governed_changes(self, vals):
        """The key results of active objectives that ``vals`` really changes."""
        fnames = [fname for fname in GOVERNED_FIELDS if fname in vals]
        if not fnames:
            return self.browse()
        return self.filtered(
            lambda kr: (
                kr.objective_id.state == "active"
                and any(
                    float_compare(vals[fname] or 0.0, kr[fname], precision_digits=6)
                    for fname in fnames
                )
            )
        )

    # ------------------------------------------------------------------
    # Carry-over
    # ------------------------------------------------------------------
    def _carry_over_to(self, objective):
        """Copy these key results into ``objective`` (of the next period).

        The history stays on the origin: check-ins are not copied, and the copy
        starts from the origin's current value. Unfinished initiatives come
        along, as the work goes on.
        """
        copies = self.browse()
        for key_result in self:
            done = key_result.carry_over_ids.filtered(
                lambda kr, objective=objective: kr.objective_id == objective
            )
            if done:
                copies |= done
                continue
            start = key_result.current_value
            if key_result.result_type in ("increase", "decrease") and float_is_zero(
                start - key_result.target_value, precision_digits=6
            ):
                start = key_result.start_value
            copy = key_result.copy(
                {
                    "objective_id": objective.id,
                    "carry_over_from_id": key_result.id,
                    "start_value": start,
                    "current_value": key_result.current_value,
                    "deadline": objective.period_id.date_end,
                }
            )
            for initiative in key_result.initiative_ids.filtered(
                lambda i: i.state in ("todo", "in_progress", "blocked")
            ):
                initiative.copy({"key_result_id": copy.id})
            copies |= copy
        return copies

    # ------------------------------------------------------------------
    # Metric source (metric engine)
    # ------------------------------------------------------------------
    def _metric_request(self, today):
        """The engine request of this key result: its window, scope and owner."""
        self.ensure_one()
        period = self.period_id
        date_from = period.date_start or None
        date_to = period.date_end or None
        if self.metric_window == "to_date":
            date_to = min(date_to, today) if date_to else today
        scope_id = None
        if self.metric_scope == "owner":
            scope_id = self.user_id.id
        elif self.metric_scope == "team" and self.metric_team_ref:
            team = self.metric_team_ref
            if team._name == self.metric_id.team_field_id.relation:
                scope_id = team.id
        owner = self.user_id or self.objective_id.user_id
        return metric_engine.MetricRequest(
            key=self.id,
            metric=self.metric_id.id,
            date_from=date_from,
            date_to=date_to,
            scope=self.metric_scope or "company",
            scope_id=scope_id,
            # no owner: evaluated as nobody rather than as the superuser
            user_id=owner.id or self.env.ref("base.public_user").id,
            company_ids=(self.company_id.id,) if self.company_id else (),
        )

    def _refresh_metric(self):
        """Refresh metric key results (in a sudo env) in one engine run.

        The rows are locked first (SKIP LOCKED): a key result another transaction
        is refreshing is left to it, so two refreshes never record the same
        history point twice. Return the key results that were refreshed.
        """
        key_results = self.filtered(lambda kr: kr.source == "metric" and kr.metric_id)
        if not key_results:
            return key_results
        key_results = key_results.try_lock_for_update(allow_referencing=True)
        today = fields.Date.context_today(self)
        results = metric_engine.evaluate(
            self.env,
            [metric._to_definition() for metric in key_results.metric_id],
            [key_result._metric_request(today) for key_result in key_results],
        )
        key_results._apply_metric_results(results)
        return key_results

    def _apply_metric_results(self, results):
        now = fields.Datetime.now()
        moved, unchanged, failed = [], self.browse(), {}
        for key_result in self:
            value = results.get(key_result.id)
            if isinstance(value, metric_engine.MetricError):
                failed[key_result] = value
            elif float_compare(value, key_result.current_value, precision_digits=6):
                moved.append((key_result, value))
            else:
                unchanged |= key_result
        recovered = self.filtered("metric_error") - self.browse(kr.id for kr in failed)
        if moved:
            # okr.check.in's create reads the earlier check-ins of each key
            # result: load them for all at once, not one query per key result
            self.browse(kr.id for kr, _value in moved).check_in_ids.mapped("date")
            # the history point (same chart as check-ins), in one create
            self.env["okr.check.in"].create(
                [
                    {
                        "key_result_id": key_result.id,
                        "value": value,
                        "previous_value": key_result.current_value,
                        "confidence": key_result.confidence
                        if key_result.check_in_count
                        else 5,
                        "origin": "metric",
                        "progress_note": key_result.metric_id.name,
                    }
                    for key_result, value in moved
                ]
            )
            bodies = {
                key_result.id: Markup(
                    self.env._(
                        "Value refreshed from the metric <b>%(metric)s</b>: "
                        "%(old)s → %(new)s"
                    )
                )
                % {
                    "metric": key_result.metric_id.name,
                    "old": float_repr(key_result.current_value, 2),
                    "new": float_repr(value, 2),
                }
                for key_result, value in moved
            }
            # the chatter line names the metric; the field tracking would only
            # repeat the numbers
            for key_result, value in moved:
                key_result.with_context(mail_notrack=True).write(
                    {
                        "current_value": value,
                        "metric_last_refresh": now,
                        "metric_error": False,
                    }
                )
            self.browse(bodies)._message_log_batch(bodies)
        if unchanged:
            unchanged.write({"metric_last_refresh": now, "metric_error": False})
        if failed:
            self._metric_failed(failed)
        if recovered:
            recovered.activity_unlink(
                ["okr_management.mail_activity_type_metric_error"]
            )

    def _metric_failed(self, failed):
        """Keep the value, show the error, warn each owner once."""
        activity_type = self.env.ref(
            "okr_management.mail_activity_type_metric_error", raise_if_not_found=False
        )
        warned = set()
        if activity_type:
            warned = {
                res_id
                for [res_id] in self.env["mail.activity"]._read_group(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", [kr.id for kr in failed]),
                        ("activity_type_id", "=", activity_type.id),
                    ],
                    ["res_id"],
                )
            }
        for key_result, error in failed.items():
            message = key_result.metric_id._error_message(error)
            if key_result.metric_error != message:
                key_result.metric_error = message
            # "no record yet" is not a broken source: no activity for it
            if (
                activity_type
                and not error.is_missing_data
                and key_result.id not in warned
                and key_result.user_id
            ):
                key_result.activity_schedule(
                    "okr_management.mail_activity_type_metric_error",
                    note=message,
                    user_id=key_result.user_id.id,
                )

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
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=len(key_results))
        for ids in batches:
            self.sudo().browse(ids)._refresh_metric_isolated()
            if not cron._commit_progress(len(ids)):
                return
        kpis = self.env["okr.kpi"].sudo().search([("metric_id.active", "=", True)])
        kpis._refresh()
        cron._commit_progress(remaining=0)

    def _refresh_metric_isolated(self):
        """Refresh a batch; if it fails as a whole, refresh one by one so one
        broken key result never stops the others."""
        try:
            with self.env.cr.savepoint():
                self._refresh_metric()
        except Exception:
            _logger.exception("Metric refresh of a batch failed, retrying one by one")
            for key_result in self:
                try:
                    with self.env.cr.savepoint():
                        key_result._refresh_metric()
                except Exception as exc:  # noqa: BLE001 - stored on the key result
                    _logger.exception("Metric refresh of %s failed", key_result)
                    key_result.metric_error = str(exc)

    def _refresh_metric_on_save(self):
        # okr_metric_no_refresh: imports and benchmarks refresh later, in bulk
        if self.env.context.get("okr_metric_no_refresh"):
            return
        to_refresh = self.filtered(lambda kr: kr.source == "metric" and kr.metric_id)
        if to_refresh:
            to_refresh.sudo()._refresh_metric()

    # ------------------------------------------------------------------
    # Weekly check-in reminders
    # ------------------------------------------------------------------
    def _okr_format_value(self, value):
        """``value`` in this key result's unit, in the user's language (6,5 h)."""
        self.ensure_one()
        if self.unit == "currency" and self.currency_id:
            return formatLang(self.env, value or 0.0, currency_obj=self.currency_id)
        value = value or 0.0
        # as many decimals as the value has, up to two: 7.9, not 7.90
        digits = next(d for d in (0, 1, 2) if round(value, d) == round(value, 2))
        number = formatLang(self.env, value, digits=digits)
        suffix = {
            "percent": " %",
            "hours": self.env._(" h"),
            "days": self.env._(" d"),
        }.get(self.unit, "")
        return number + suffix

    def _okr_owner(self):
        """Who checks in: the key result's owner, else the objective's."""
        self.ensure_one()
        return self.user_id or self.objective_id.user_id

    @api.model
    def _cron_okr_check_in_reminder(self):
        """Daily: on each company's check-in weekday, remind the late owners."""
        activities = self._okr_remind_check_ins(fields.Date.context_today(self))
        self.env["ir.cron"]._commit_progress(len(activities), remaining=0)

    @api.model
    def _okr_remind_check_ins(self, today):
        """Schedule one "Check-in" activity per owner with a key result left
        without a check-in for a week, in the companies whose check-in weekday
        is ``today``. An owner who still has an open one gets no second one.
        Return the new activities."""
        activity_model = self.env["mail.activity"].sudo()
        activity_type = self.env.ref(
            "okr_management.mail_activity_type_okr_check_in", raise_if_not_found=False
        )
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("okr_check_in_weekday", "=", str(today.weekday()))])
        )
        if not activity_type or not companies:
            return activity_model
        key_results = self.sudo().search(
            Domain("company_id", "in", companies.ids)
            & Domain("state", "=", "active")
            & Domain("period_id.date_start", "<=", today)
            & Domain("period_id.date_end", ">=", today)
        )
        # The last check-in of each key result, in one query; the values a
        # metric records are not the owner checking in.
        last_check_in = dict(
            self.env["okr.check.in"]
            .sudo()
            ._read_group(
                Domain("key_result_id", "in", key_results.ids)
                & Domain("origin", "=", "manual"),
                ["key_result_id"],
                ["date:max"],
            )
        )
        week_ago = today - timedelta(days=7)
        late = defaultdict(lambda: self.sudo().browse())
        for key_result in key_results:
            owner = key_result._okr_owner()
            last = last_check_in.get(key_result)
            if owner and not owner.share and (not last or last <= week_ago):
                late[owner] |= key_result
        reminded = {
            user.id
            for [user] in activity_model._read_group(
                [
                    ("activity_type_id", "=", activity_type.id),
                    ("user_id", "in", [user.id for user in late]),
                ],
                ["user_id"],
            )
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for owner, owner_key_results in late.items():
            if owner.id in reminded:
                continue
            # attached to the key result waiting longest, listing all of them
            waiting = owner_key_results.sorted(
                lambda kr: (last_check_in.get(kr) or date.min, kr.id)
            ).with_context(lang=owner.lang)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": waiting[0].id,
                    "activity_type_id": activity_type.id,
                    "user_id": owner.id,
                    "date_deadline": today,
                    "summary": waiting.env._("Weekly check-in"),
                    "note": waiting._okr_reminder_note(),
                    "automated": True,
                }
            )
        return activity_model.create(vals_list)

    def _okr_reminder_note(self):
        items = Markup("").join(
            Markup("<li>%s <i>(%s)</i></li>")
            % (key_result.name, key_result.objective_id.name)
            for key_result in self
        )
        return Markup(
            '<p>%(intro)s</p><ul>%(items)s</ul><p><a href="%(url)s">%(link)s</a></p>'
        ) % {
            "intro": self.env._("No check-in for a week on:"),
            "items": items,
            "url": WEEKLY_CHECK_IN_URL,
            "link": self.env._("Open the weekly check-in"),
        }
