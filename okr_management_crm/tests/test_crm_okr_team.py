# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import OkrCrmCase


@tagged("post_install", "-at_install")
class TestCrmOkrTeam(OkrCrmCase):
    """A key result with scope team takes the team from its objective and
    measures the sales teams linked to it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_west = cls.env["crm.team"].create(
            {"name": "West", "company_id": cls.company.id}
        )
        for name, user, team, revenue in (
            ("north 1", cls.ann, cls.team_north, 1000.0),
            ("north 2", cls.ann, cls.team_north, 3000.0),
            ("south", cls.bob, cls.team_south, 2000.0),
            ("west", cls.bob, cls.team_west, 500.0),
        ):
            lead = cls._lead(name, user, team, revenue)
            lead.action_set_won()
            cls._date(lead, 10, 2)
        cls.env.flush_all()
        cls.okr_sales = cls.env["okr.team"].create(
            {
                "name": "Sales",
                "leader_id": cls.manager.id,
                "crm_team_ids": [(6, 0, (cls.team_north | cls.team_south).ids)],
            }
        )
        cls.objective.team_id = cls.okr_sales

    def test_scope_team_measures_the_linked_sales_teams(self):
        key_result = self._key_result(self.metric_won_revenue, "team")
        self.assertFalse(key_result.metric_error)
        self.assertAlmostEqual(key_result.current_value, 6000.0)  # not West
        # one link less: the next refresh measures North alone
        self.okr_sales.crm_team_ids = self.team_north
        key_result._refresh_metric()
        self.assertAlmostEqual(key_result.current_value, 4000.0)

    def test_typed_team_still_wins(self):
        """Existing key results naming their sales team keep measuring it."""
        key_result = self._key_result(
            self.metric_won_revenue, "team", team=self.team_west
        )
        self.assertAlmostEqual(key_result.current_value, 500.0)

    def test_scope_team_needs_a_team(self):
        self.objective.team_id = self.env["okr.team"].create({"name": "No sales"})
        with self.assertRaises(ValidationError):
            self._key_result(self.metric_won_revenue, "team")

    def test_sales_presets_only_where_they_fit(self):
        key_result = self.env["okr.key.result"].create(
            {
                "name": "On-time delivery",
                "objective_id": self.objective.id,
                "target_value": 95.0,
            }
        )
        # a fresh key result: any source fits
        self.assertTrue(key_result.crm_presets_fit)
        self.env["okr.check.in"].create(
            {"key_result_id": key_result.id, "value": 80.0, "confidence": 5}
        )
        # measured by check-ins now, but its team sells: the presets fit
        self.assertTrue(key_result.crm_presets_fit)
        operations = self.env["okr.team"].create({"name": "Operations"})
        self.objective.team_id = operations
        key_result.invalidate_recordset(["crm_presets_fit"])
        self.assertFalse(key_result.crm_presets_fit)
        # a key result already measured by a sales metric keeps its buttons
        sales_kr = self._key_result(self.metric_won_revenue, "company")
        self.assertTrue(sales_kr.crm_presets_fit)
