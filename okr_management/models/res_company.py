# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import coach
from ..engine import progress as okr_math
from .okr_selections import WEEKDAY_SELECTION


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    okr_on_track_threshold = fields.Float(
        string="On Track From (% of Pace)",
        default=90.0,
        help="An objective is on track when its progress reaches this share of "
        "the pace line.",
    )
    okr_at_risk_threshold = fields.Float(
        string="At Risk From (% of Pace)",
        default=70.0,
        help="Below the on-track threshold and from this share of the pace line, "
        "an objective is at risk; below it, off track.",
    )
    okr_check_in_weekday = fields.Selection(
        WEEKDAY_SELECTION,
        string="Check-in Weekday",
        default="0",
        required=True,
    )
    # Quality coach limits (rituals): the seeds' advice as defaults.
    okr_coach_max_objectives = fields.Integer(
        string="Objectives per Owner and Quarter",
        default=3,
        help="More objectives than this for one owner (or at company level) in "
        "a period scatters the focus.",
    )
    okr_coach_min_key_results = fields.Integer(
        string="Minimum Key Results per Objective", default=2
    )
    okr_coach_max_key_results = fields.Integer(
        string="Maximum Key Results per Objective", default=3
    )
    okr_coach_max_jump = fields.Float(
        string="Realistic Jump per Quarter (%)",
        default=40.0,
        help="A committed key result whose target moves further from its start "
        "than this share in a quarter is flagged as inflated (the seeds: 20-40 % "
        "is realistic, +300 % in 90 days is not).",
    )
    okr_coach_check_in_days = fields.Integer(
        string="Days Without Check-in",
        default=14,
        help="An active objective nobody checked in on for this many days is flagged.",
    )

    @api.constrains("okr_on_track_threshold", "okr_at_risk_threshold")
    def _check_okr_thresholds(self):
        for company in self:
            at_risk = company.okr_at_risk_threshold
            on_track = company.okr_on_track_threshold
            if not 0 <= at_risk <= on_track:
                raise ValidationError(
                    self.env._(
                        "The OKR thresholds of %(company)s must satisfy "
                        "0 <= at risk <= on track.",
                        company=company.display_name,
                    )
                )

    def _okr_health(self, record):
        """Traffic light of an objective or key result, with this company's
        thresholds; its confidence counts only once somebody checked in."""
        self.ensure_one()
        return okr_math.health(
            record.progress,
            record.expected_progress,
            record.okr_type,
            self.okr_on_track_threshold,
            self.okr_at_risk_threshold,
            record.confidence if record.last_check_in_date else None,
        )

    def _okr_coach_limits(self):
        """The quality coach's limits of this company."""
        self.ensure_one()
        return coach.Limits(
            max_objectives=self.okr_coach_max_objectives,
            min_key_results=self.okr_coach_min_key_results,
            max_key_results=self.okr_coach_max_key_results,
            max_jump=self.okr_coach_max_jump,
            check_in_days=self.okr_coach_check_in_days,
        )
