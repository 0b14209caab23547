# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..engine import progress as okr_math
from .okr_selections import (
    INDICATOR_SELECTION,
    KEY_RESULT_SOURCE_SELECTION,
    RESULT_TYPE_SELECTION,
    UNIT_SELECTION,
)


class OkrKeyResult(models.Model):
    """A key result: its measure, value, progress and check-ins.

    The other concerns extend it in their own files: the metric source, the
    weekly reminders and governance (reasoned changes, carry-over, evaluation).
    """

    _name = "okr.key.result"
    _description = "OKR Key Result"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "okr.scoring.mixin",
        "okr.carry.over.mixin",
        "okr.company.source.mixin",
    ]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    objective_id = fields.Many2one(
        "okr.objective",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
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
        RESULT_TYPE_SELECTION,
        string="Type",
        required=True,
        default="increase",
        tracking=True,
    )
    unit = fields.Selection(UNIT_SELECTION, required=True, default="number")
    currency_id = fields.Many2one(related="company_id.currency_id")
    start_value = fields.Float(string="Start", tracking=True)
    target_value = fields.Float(string="Target", tracking=True)
    current_value = fields.Float(string="Current", tracking=True)
    # tracked so that a reasoned change shows its old and new weight too
    weight = fields.Float(default=1.0, required=True, tracking=True)
    indicator = fields.Selection(
        INDICATOR_SELECTION,
        default="lagging",
        help="Leading indicators predict the outcome; lagging ones measure it.",
    )
    source = fields.Selection(
        KEY_RESULT_SOURCE_SELECTION,
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
    confidence = fields.Integer(help="Confidence (0-10) given at the latest check-in.")
    raw_progress = fields.Float(
        compute="_compute_progress",
        store=True,
        help="Progress before clamping: below 0 under the start, above 100 past "
        "the target.",
    )
    is_below_start = fields.Boolean(compute="_compute_progress", store=True)
    is_overshoot = fields.Boolean(compute="_compute_progress", store=True)
    value_chart_data = fields.Json(
        compute="_compute_value_chart_data",
        string="Value over Time",
        help="The check-in values by date and the pace line, for the form's chart.",
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
                key_result.result_type in (okr_math.INCREASE, okr_math.DECREASE)
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

    def _okr_pace_fields(self):
        return [*super()._okr_pace_fields(), "deadline"]

    def _okr_pace_dates(self):
        # the pace line of a key result ends at its deadline
        date_start, date_end = super()._okr_pace_dates()
        return date_start, self.deadline or date_end

    @api.depends("check_in_ids.date", "check_in_ids.confidence")
    def _compute_check_in_summary(self):
        # Two queries for the whole recordset, whatever the history: the count
        # and last date of each key result, then the check-ins of that day only
        # (the latest is the last one recorded on it).
        ids = [kr_id for kr_id in self._origin.ids if kr_id]
        check_in_model = self.env["okr.check.in"]
        summary = {}
        by_day = defaultdict(list)
        if ids:
            for key_result, count, day in check_in_model._read_group(
                Domain("key_result_id", "in", ids),
                ["key_result_id"],
                ["__count", "date:max"],
            ):
                summary[key_result.id] = (count, day, 0)
                by_day[day].append(key_result.id)
        if by_day:
            latest = check_in_model.search_fetch(
                Domain.OR(
                    Domain("date", "=", day) & Domain("key_result_id", "in", kr_ids)
                    for day, kr_ids in by_day.items()
                ),
                ["key_result_id", "confidence"],
                order="id",
            )
            for check_in in latest:
                count, day, _confidence = summary[check_in.key_result_id.id]
                summary[check_in.key_result_id.id] = (count, day, check_in.confidence)
        for key_result in self:
            count, day, confidence = summary.get(key_result._origin.id, (0, False, 0))
            key_result.check_in_count = count
            key_result.last_check_in_date = day
            key_result.confidence = confidence

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
                if key_result.result_type in (
                    okr_math.MAINTAIN_ABOVE,
                    okr_math.MAINTAIN_BELOW,
                ):
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

    # ------------------------------------------------------------------
    # Progress
    # ------------------------------------------------------------------
    def _initiative_progress(self):
        """Progress from the initiatives, or None when they do not drive it."""
        self.ensure_one()
        if self.source != "initiatives" and self.result_type != okr_math.MILESTONE:
            return None  # the initiatives are not read: a refresh asks 10,000 times
        initiatives = self.initiative_ids.filtered(lambda i: i.state != "cancelled")
        if self.source == "initiatives":
            return okr_math.weighted_mean((i.progress, i.weight) for i in initiatives)
        if self.result_type == okr_math.MILESTONE and initiatives:
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
