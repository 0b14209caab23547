# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.okr_management.models.okr_selections import HEALTH_SELECTION

# worst first: a team is as healthy as its weakest key result
HEALTH_RANK = {"off_track": 0, "at_risk": 1, "on_track": 2}
KANBAN_KEY_RESULTS = 5


class CrmTeam(models.Model):
    _inherit = "crm.team"

    # OKR data: only OKR users see it (the dashboard of a salesperson without
    # OKR access stays as it was).
    okr_initiative_ids = fields.One2many(
        "okr.initiative",
        "team_id",
        string="OKR Initiatives",
        groups="okr_management.group_okr_user",
    )
    okr_initiative_count = fields.Integer(
        compute="_compute_okr_initiative_count",
        string="Initiatives",
        groups="okr_management.group_okr_user",
    )
    okr_key_result_ids = fields.Many2many(
        "okr.key.result",
        compute="_compute_okr_key_results",
        string="Key Results",
        groups="okr_management.group_okr_user",
        help="The open key results measuring this team's leads and opportunities.",
    )
    okr_key_result_count = fields.Integer(
        compute="_compute_okr_key_results",
        string="Number of Key Results",
        groups="okr_management.group_okr_user",
    )
    okr_health = fields.Selection(
        HEALTH_SELECTION,
        compute="_compute_okr_key_results",
        string="OKR Health",
        groups="okr_management.group_okr_user",
        help="The health of the team's weakest key result.",
    )
    okr_key_result_data = fields.Json(
        compute="_compute_okr_key_results",
        string="Key Results Summary",
        groups="okr_management.group_okr_user",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_okr_initiative_count(self):
        counts = dict(
            self.env["okr.initiative"]._read_group(
                [("team_id", "in", self.ids)], ["team_id"], ["__count"]
            )
        )
        for team in self:
            team.okr_initiative_count = counts.get(team, 0)

    def _okr_key_result_domain(self):
        return [
            ("source", "=", "metric"),
            ("metric_scope", "=", "team"),
            ("metric_team_ref", "in", [f"{self._name},{tid}" for tid in self.ids]),
            ("state", "in", ("draft", "active")),
        ]

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_okr_key_results(self):
        # one search for every team of the dashboard, split through a dict
        key_results = self.env["okr.key.result"].search(self._okr_key_result_domain())
        by_team = defaultdict(lambda: self.env["okr.key.result"])
        for key_result in key_results:
            by_team[key_result.metric_team_ref.id] |= key_result
        for team in self:
            team_key_results = by_team[team.id]
            team.okr_key_result_ids = team_key_results
            team.okr_key_result_count = len(team_key_results)
            healths = [kr.health for kr in team_key_results if kr.health]
            team.okr_health = (
                min(healths, key=HEALTH_RANK.__getitem__) if healths else False
            )
            team.okr_key_result_data = [
                {
                    "id": kr.id,
                    "name": kr.name,
                    "health": kr.health or "",
                    "progress": round(kr.progress),
                    "error": bool(kr.metric_error),
                }
                for kr in team_key_results[:KANBAN_KEY_RESULTS]
            ]

    def action_view_okr_key_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "okr_management.action_okr_key_result"
        )
        action.update(
            {
                "name": self.env._("Key Results of %(team)s", team=self.name),
                "domain": self._okr_key_result_domain(),
                "context": {
                    "default_source": "metric",
                    "default_metric_scope": "team",
                    "default_metric_team_ref": f"{self._name},{self.id}",
                },
            }
        )
        return action

    def action_view_okr_initiatives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "okr_management.action_okr_initiative"
        )
        action.update(
            {
                "name": self.env._("Initiatives of %(team)s", team=self.name),
                "domain": [("team_id", "=", self.id)],
                "context": {"default_team_id": self.id},
            }
        )
        return action
