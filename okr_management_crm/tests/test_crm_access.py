# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OkrCrmCase


@tagged("post_install", "-at_install")
class TestCrmAccess(OkrCrmCase):
    """CRM's rights hold in the OKR screens: a salesperson sees only their own
    leads, and companies never mix."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann_won = cls._lead("Ann won", cls.ann, cls.team_south, 4000)
        cls.bob_won = cls._lead("Bob won", cls.bob, cls.team_south, 2000)
        cls.bob_lost = cls._lead("Bob lost", cls.bob, cls.team_south, 600)
        cls.ann_won.action_set_won()
        cls.bob_won.action_set_won()
        cls.bob_lost.action_set_lost()

    def test_drilldown_shows_a_salesperson_only_their_leads(self):
        """The team's key result (owned by the sales manager) counts the whole
        team; Ann, a salesperson and plain OKR user, opens its records and gets
        only what CRM shows her."""
        key_result = self._key_result(
            self.metric_conversion, "team", team=self.team_south
        )
        self.assertAlmostEqual(key_result.current_value, 200 / 3)
        action = key_result.with_user(self.ann).action_open_metric_records()
        self.assertEqual(action["res_model"], "crm.lead")
        manager_sees = (
            self.env["crm.lead"].with_user(self.manager).search(action["domain"])
        )
        self.assertEqual(manager_sees, self.ann_won | self.bob_won | self.bob_lost)
        ann_sees = self.env["crm.lead"].with_user(self.ann).search(action["domain"])
        self.assertEqual(ann_sees, self.ann_won)

    def test_value_with_the_owner_rights(self):
        """Ann's own key result on her team counts only the leads she can read."""
        key_result = self._key_result(
            self.metric_conversion, "team", owner=self.ann, team=self.team_south
        )
        self.assertEqual(key_result.current_value, 100.0)

    def test_initiative_lead_count_with_the_reader_rights(self):
        initiative = self.env["okr.initiative"].create(
            {
                "name": "Call every lead back",
                "key_result_id": self._key_result(
                    self.metric_won_revenue, "company"
                ).id,
                "team_id": self.team_south.id,
            }
        )
        (self.ann_won | self.bob_won | self.bob_lost).okr_initiative_id = initiative
        self.assertEqual(initiative.with_user(self.manager).lead_count, 3)
        self.assertEqual(initiative.with_user(self.manager).lead_won_count, 2)
        self.assertEqual(initiative.with_user(self.ann).lead_count, 1)

    def test_multi_company(self):
        company_b = self.env["res.company"].create({"name": "OKR CRM B"})
        self.ann.company_ids = [Command.link(company_b.id)]
        self.manager.company_ids = [Command.link(company_b.id)]
        team_b = self.env["crm.team"].create(
            {"name": "B team", "company_id": company_b.id}
        )
        lead_b = (
            self.env["crm.lead"]
            .with_company(company_b)
            .create(
                {
                    "name": "B deal",
                    "type": "opportunity",
                    "user_id": self.ann.id,
                    "team_id": team_b.id,
                    "company_id": company_b.id,
                    "expected_revenue": 9000,
                }
            )
        )
        period_b = self.env["okr.period"].create(
            {
                "name": "B period",
                "period_type": "custom",
                "date_start": self.period.date_start,
                "date_end": self.period.date_end,
                "company_id": company_b.id,
            }
        )
        objective_b = self.env["okr.objective"].create(
            {
                "name": "B sells",
                "period_id": period_b.id,
                "level": "individual",
                "state": "active",
            }
        )
        kr_a = self._key_result(self.metric_won_revenue, "owner", owner=self.ann)
        kr_b = self._key_result(
            self.metric_won_revenue,
            "owner",
            owner=self.ann,
            objective_id=objective_b.id,
        )
        self.assertEqual(kr_a.current_value, 4000.0)
        self.assertEqual(kr_b.current_value, 0.0)
        before_a = kr_a.metric_last_refresh
        lead_b.action_set_won()
        self.assertEqual(kr_b.current_value, 9000.0)
        self.assertEqual(kr_a.current_value, 4000.0)
        # company A's key result was not even refreshed by a deal of company B
        self.assertEqual(kr_a.metric_last_refresh, before_a)
        # an initiative of company A cannot link company B's sales team
        initiative = self.env["okr.initiative"].create(
            {"name": "A initiative", "key_result_id": kr_a.id}
        )
        with self.assertRaises(UserError):
            initiative.team_id = team_b

    def test_crm_screens_without_okr_access(self):
        """A salesperson without OKR access keeps CRM as it was: no OKR field in
        the lead form or the sales team card, and winning still works."""
        carl = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Carl",
                    "login": "okr_crm_carl",
                    "group_ids": [
                        Command.set([self.env.ref("sales_team.group_sale_salesman").id])
                    ],
                }
            )
        )
        lead_form = self.env["crm.lead"].with_user(carl).get_views([(False, "form")])
        self.assertNotIn("okr_initiative_id", lead_form["models"]["crm.lead"]["fields"])
        team_kanban = (
            self.env["crm.team"]
            .with_user(carl)
            .get_views(
                [
                    (
                        self.env.ref("sales_team.crm_team_view_kanban_dashboard").id,
                        "kanban",
                    )
                ]
            )
        )
        self.assertNotIn(
            "o_okr_crm_team_key_results", team_kanban["views"]["kanban"]["arch"]
        )
        ann_form = self.env["crm.lead"].with_user(self.ann).get_views([(False, "form")])
        self.assertIn("okr_initiative_id", ann_form["models"]["crm.lead"]["fields"])
        key_result = self._key_result(self.metric_won_revenue, "company")
        lead = self._lead("Carl's", carl, self.team_north, 10)
        lead.with_user(carl).action_set_won()
        self.assertEqual(lead.won_status, "won")
        self.assertEqual(key_result.current_value, 4000.0 + 2000.0 + 10.0)
