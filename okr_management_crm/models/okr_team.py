# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class OkrTeam(models.Model):
    """An OKR team's sales teams: what its key results with scope team measure."""

    _inherit = "okr.team"

    crm_team_ids = fields.Many2many(
        "crm.team",
        "okr_team_crm_team_rel",
        "okr_team_id",
        "crm_team_id",
        string="Sales Teams",
        check_company=True,
        help="The sales teams of this team: a key result of its objectives with "
        "a sales metric and scope team measures their leads and opportunities.",
    )

    def _metric_scope_records(self, model_name):
        if model_name == "crm.team":
            return self.crm_team_ids
        return super()._metric_scope_records(model_name)


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    crm_presets_fit = fields.Boolean(
        compute="_compute_crm_presets_fit",
        help="The sales metric buttons fit: the key result has no source yet, "
        "already measures a sales metric, or its objective's team has sales teams.",
    )

    @api.depends(
        "source", "metric_id", "check_in_count", "objective_id.team_id.crm_team_ids"
    )
    def _compute_crm_presets_fit(self):
        for key_result in self:
            fresh = key_result.source == "manual" and not key_result.check_in_count
            key_result.crm_presets_fit = bool(
                fresh
                or key_result.metric_id.model_name == "crm.lead"
                or key_result.objective_id.team_id.crm_team_ids
            )
