# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..models.okr_selections import LEVEL_SELECTION


class OkrMonthlyReview(models.TransientModel):
    _name = "okr.monthly.review"
    _description = "OKR Monthly Review"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_id = fields.Many2one(
        "okr.period",
        required=True,
        default=lambda self: self.env["okr.period"]._get_current(),
        domain="[('company_id', '=', company_id)]",
    )
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to review.",
    )
    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(compute="_compute_dates")
    objective_id = fields.Many2one(
        "okr.objective",
        string="Team",
        domain="[('company_id', '=', company_id)]",
        help="Review this objective and those aligned under it; leave empty for "
        "all the objectives of the period.",
    )
    level = fields.Selection(
        LEVEL_SELECTION,
        help="Only the objectives of this level.",
    )

    @api.depends("month")
    def _compute_dates(self):
        for wizard in self:
            start = wizard.month and wizard.month.replace(day=1)
            wizard.date_from = start
            wizard.date_to = start and start + relativedelta(day=31)

    def _objectives(self):
        self.ensure_one()
        domain = Domain("period_id", "child_of", self.period_id.id) & Domain(
            "state", "in", ["active", "closed"]
        )
        if self.objective_id:
            domain &= Domain("id", "child_of", self.objective_id.id)
        if self.level:
            domain &= Domain("level", "=", self.level)
        objectives = self.env["okr.objective"].search(domain)
        if not objectives:
            raise UserError(
                self.env._("No active or closed objective to review in this selection.")
            )
        return objectives

    def _report_action(self):
        self.ensure_one()
        team = self.objective_id.name or (
            dict(self._fields["level"]._description_selection(self.env)).get(self.level)
            if self.level
            else ""
        )
        return self.env.ref(
            "okr_management.action_report_okr_monthly_review"
        ).report_action(
            self._objectives(),
            data={
                "date_from": fields.Date.to_string(self.date_from),
                "date_to": fields.Date.to_string(self.date_to),
                "period_name": self.period_id.name,
                "team_name": team,
            },
            # the review uses the internal layout: no company letterhead to set up
            config=False,
        )

    def action_show(self):
        """On screen, in the web client."""
        action = self._report_action()
        action["report_type"] = "qweb-html"
        return action

    def action_print(self):
        return self._report_action()
