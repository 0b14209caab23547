# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class OkrKeyResult(models.Model):
    """The team of a key result: its objective's (stored, for grouped reads)."""

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    team_id = fields.Many2one(
        related="objective_id.team_id", store=True, index=True, string="Team"
    )

    def action_nudge_team_members(self):
        """The nudge button of a team's weekly check-in status."""
        team = self.env["okr.team"].browse(self.env.context.get("okr_nudge_team_id"))
        if not team.exists():
            raise UserError(self.env._("Open the weekly check-in status of a team."))
        return team.action_nudge_members()
