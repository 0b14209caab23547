# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class OkrTeam(models.Model):
    """An OKR team's projects: what its key results with scope team measure."""

    _inherit = "okr.team"

    project_ids = fields.Many2many(
        "project.project",
        "okr_team_project_rel",
        "okr_team_id",
        "project_id",
        string="Projects",
        check_company=True,
        help="The projects of this team: a key result of its objectives with a "
        "task metric and scope team measures their tasks.",
    )

    def _metric_scope_records(self, model_name):
        if model_name == "project.project":
            return self.project_ids
        return super()._metric_scope_records(model_name)
