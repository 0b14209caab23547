# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain


class OkrObjective(models.Model):
    """How much of an objective was checked in this week (the weekly ritual)."""

    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    week_check_in_done = fields.Integer(
        string="Checked In This Week",
        compute="_compute_week_check_in",
        help="Key results of this objective with a check-in since Monday.",
    )
    week_check_in_rate = fields.Float(
        string="Weekly Check-in Completion",
        compute="_compute_week_check_in",
        help="Share of the key results checked in since Monday, in percent.",
    )

    @api.depends("key_result_count", "key_result_ids.last_check_in_date")
    def _compute_week_check_in(self):
        # One grouped query for the whole board, never one per card; metric
        # refreshes are not check-ins, so only manual ones count.
        ids = self._origin.ids
        done = {}
        if ids:
            done = {
                objective.id: count
                for objective, count in self.env["okr.check.in"]._read_group(
                    Domain("objective_id", "in", ids)
                    & Domain("origin", "=", "manual")
                    & Domain("date", ">=", self._okr_week_start()),
                    ["objective_id"],
                    ["key_result_id:count_distinct"],
                )
            }
        for objective in self:
            count = done.get(objective._origin.id, 0)
            objective.week_check_in_done = count
            total = objective.key_result_count
            objective.week_check_in_rate = count / total * 100.0 if total else 0.0

    @api.model
    def _okr_week_start(self, today=None):
        """Monday of the current week (ISO week, as in Spanish calendars)."""
        today = today or fields.Date.context_today(self)
        return today - timedelta(days=today.weekday())
