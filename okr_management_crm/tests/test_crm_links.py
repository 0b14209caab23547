# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import OkrCrmCase


@tagged("post_install", "-at_install")
class TestCrmLinks(OkrCrmCase):
    """Initiatives on leads and sales teams, the team's key results and the
    one-click sales metrics of the key result form."""

    def test_initiative_leads(self):
        key_result = self._key_result(self.metric_won_revenue, "company")
        initiative = self.env["okr.initiative"].create(
            {
                "name": "Follow-up campaign",
                "key_result_id": key_result.id,
                "team_id": self.team_north.id,
            }
        )
        won = self._lead("Won", self.ann, self.team_north, 100)
        lost = self._lead("Lost", self.ann, self.team_north, 100)
        self._lead("Other", self.ann, self.team_north, 100)
        (won | lost).okr_initiative_id = initiative
        won.action_set_won()
        lost.action_set_lost()
        self.assertEqual(initiative.lead_count, 2)
        self.assertEqual(initiative.lead_won_count, 1)
        action = initiative.action_view_leads()
        self.assertEqual(self.env["crm.lead"].search(action["domain"]), won | lost)
        self.assertEqual(action["context"]["default_okr_initiative_id"], initiative.id)
        self.assertEqual(won.action_open_okr_initiative()["res_id"], initiative.id)
        # the sales team's button
        self.assertEqual(self.team_north.okr_initiative_count, 1)
        action = self.team_north.action_view_okr_initiatives()
        self.assertEqual(
            self.env["okr.initiative"].search(action["domain"]), initiative
        )

    def test_team_key_results_and_health(self):
        conversion = self._key_result(
            self.metric_conversion, "team", team=self.team_north, target_value=50.0
        )
        revenue = self._key_result(
            self.metric_won_revenue, "team", team=self.team_north, target_value=1e6
        )
        south = self._key_result(
            self.metric_won_revenue, "team", team=self.team_south, target_value=100.0
        )
        self._key_result(self.metric_won_revenue, "company")
        self._lead("Deal", self.ann, self.team_north, 100).action_set_won()
        self._lead("Deal", self.bob, self.team_south, 100).action_set_won()
        teams = self.team_north | self.team_south
        self.assertEqual(self.team_north.okr_key_result_ids, conversion | revenue)
        self.assertEqual(teams.mapped("okr_key_result_count"), [2, 1])
        # South reached its target; North's revenue is far behind its pace
        self.assertEqual(south.health, "on_track")
        self.assertEqual(self.team_south.okr_health, "on_track")
        self.assertEqual(conversion.health, "on_track")
        self.assertEqual(revenue.health, "off_track")
        # the weakest key result sets the team's light
        self.assertEqual(self.team_north.okr_health, "off_track")
        data = self.team_north.okr_key_result_data
        self.assertEqual(
            [(row["id"], row["health"], row["progress"]) for row in data],
            [(conversion.id, "on_track", 100), (revenue.id, "off_track", 0)],
        )
        action = self.team_north.action_view_okr_key_results()
        self.assertEqual(
            self.env["okr.key.result"].search(action["domain"]), conversion | revenue
        )

    def test_team_card_renders_the_key_results(self):
        self._key_result(self.metric_won_revenue, "team", team=self.team_north)
        views = (
            self.env["crm.team"]
            .with_user(self.manager)
            .get_views(
                [
                    (
                        self.env.ref("sales_team.crm_team_view_kanban_dashboard").id,
                        "kanban",
                    )
                ]
            )
        )
        self.assertIn("o_okr_crm_team_key_results", views["views"]["kanban"]["arch"])
        rows = (
            self.env["crm.team"]
            .with_user(self.manager)
            .web_search_read(
                [("id", "=", self.team_north.id)],
                {"okr_key_result_data": {}, "okr_key_result_count": {}},
            )
        )
        self.assertEqual(rows["records"][0]["okr_key_result_count"], 1)

    def test_one_click_sales_metric(self):
        """Choosing a sales metric on a new key result fills the source, unit,
        direction and scope; a team objective measures its owner's sales team."""
        self.team_north.user_id = self.manager
        form = Form(self.env["okr.key.result"].with_user(self.manager))
        form.objective_id = self.objective
        form.crm_metric_preset_id = self.metric_conversion
        self.assertEqual(form.source, "metric")
        self.assertEqual(form.metric_id, self.metric_conversion)
        self.assertEqual(form.unit, "percent")
        self.assertEqual(form.result_type, "increase")
        self.assertEqual(form.metric_scope, "team")
        self.assertEqual(form.name, self.metric_conversion.name)
        form.crm_metric_preset_id = self.metric_first_response
        self.assertEqual(form.result_type, "decrease")
        self.assertEqual(form.unit, "number")
        form.start_value = 40
        form.target_value = 5
        key_result = form.save()
        self.assertEqual(key_result.metric_id, self.metric_first_response)
        self.assertEqual(key_result.metric_team_ref, self.team_north)
        self.assertEqual(key_result.crm_metric_preset_id, self.metric_first_response)

    def test_sales_metrics_offered(self):
        """The buttons offer the CRM metrics, not the others."""
        other = self.env["okr.metric"].create(
            {
                "name": "Partners",
                "model_id": self.env["ir.model"]._get_id("res.partner"),
                "aggregate": "count",
            }
        )
        field = self.env["okr.key.result"]._fields["crm_metric_preset_id"]
        offered = self.env["okr.metric"].search(field.domain)
        self.assertIn(self.metric_pipeline, offered)
        self.assertNotIn(other, offered)
