# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..engine import progress as okr_math
from .okr_selections import HEALTH_SELECTION


class OkrScoringMixin(models.AbstractModel):
    """Progress against the pace line, health and score of an objective or a
    key result.

    The model gives ``period_id``, ``company_id`` and ``okr_type``, and computes
    ``progress`` (``_compute_progress``) and its latest check-in
    (``_compute_check_in_summary``); the pace, the health and their daily
    recompute are the same for both.
    """

    _name = "okr.scoring.mixin"
    _description = "OKR Progress, Pace and Health"

    progress = fields.Float(compute="_compute_progress", store=True, aggregator="avg")
    expected_progress = fields.Float(
        compute="_compute_expected_progress",
        store=True,
        aggregator="avg",
        help="Share of the period elapsed: the pace line.",
    )
    health = fields.Selection(
        HEALTH_SELECTION, compute="_compute_health", store=True, index=True
    )
    last_check_in_date = fields.Date(
        compute="_compute_check_in_summary", store=True, string="Last Check-in"
    )
    confidence = fields.Integer(
        compute="_compute_check_in_summary", store=True, aggregator="avg"
    )
    score = fields.Float(
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Progress / 100, frozen when the objective closes.",
    )

    def _okr_pace_fields(self):
        """The fields the pace line's dates are read from (its dependencies)."""
        return ["period_id.date_start", "period_id.date_end"]

    def _okr_pace_dates(self):
        """``(start, end)`` of the pace line: the period's."""
        self.ensure_one()
        return self.period_id.date_start, self.period_id.date_end

    @api.depends(lambda self: self._okr_pace_fields())
    def _compute_expected_progress(self):
        today = fields.Date.context_today(self)
        for record in self:
            record.expected_progress = okr_math.expected_progress(
                *record._okr_pace_dates(), today
            )

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
        for record in self:
            company = record.company_id or self.env.company
            record.health = company._okr_health(record)

    def _recompute_pace(self):
        """Recompute the calendar-driven fields now (daily scheduled action)."""
        for fname in ("expected_progress", "health"):
            self.env.add_to_compute(self._fields[fname], self)
        self.flush_recordset(["expected_progress", "health"])
