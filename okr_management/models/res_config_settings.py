# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    okr_on_track_threshold = fields.Float(
        related="company_id.okr_on_track_threshold", readonly=False
    )
    okr_at_risk_threshold = fields.Float(
        related="company_id.okr_at_risk_threshold", readonly=False
    )
    okr_check_in_weekday = fields.Selection(
        related="company_id.okr_check_in_weekday", readonly=False
    )
    okr_coach_max_objectives = fields.Integer(
        related="company_id.okr_coach_max_objectives", readonly=False
    )
    okr_coach_min_key_results = fields.Integer(
        related="company_id.okr_coach_min_key_results", readonly=False
    )
    okr_coach_max_key_results = fields.Integer(
        related="company_id.okr_coach_max_key_results", readonly=False
    )
    okr_coach_max_jump = fields.Float(
        related="company_id.okr_coach_max_jump", readonly=False
    )
    okr_coach_check_in_days = fields.Integer(
        related="company_id.okr_coach_check_in_days", readonly=False
    )
    # The metric refresh interval is the interval of its scheduled action: kept
    # there, not copied into a parameter that could disagree with it.
    okr_metric_refresh_interval = fields.Integer(
        string="Metric Refresh Interval",
        default=1,
        help="Hours between two automatic refreshes of the metric key results "
        "and KPIs.",
    )

    def _okr_metric_cron(self):
        return self.env.ref(
            "okr_management.ir_cron_okr_metric_refresh", raise_if_not_found=False
        )

    @api.model
    def get_values(self):
        res = super().get_values()
        cron = self._okr_metric_cron()
        if cron:
            cron = cron.sudo()
            hours = {
                "minutes": 1 / 60,
                "hours": 1,
                "days": 24,
                "weeks": 168,
                "months": 720,
            }
            res["okr_metric_refresh_interval"] = max(
                1, round(cron.interval_number * hours[cron.interval_type])
            )
        return res

    def set_values(self):
        res = super().set_values()
        cron = self._okr_metric_cron()
        if cron:
            cron.sudo().write(
                {
                    "interval_number": max(1, self.okr_metric_refresh_interval),
                    "interval_type": "hours",
                }
            )
        return res
