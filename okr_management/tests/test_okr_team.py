# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import OkrCase


class OkrTeamCase(OkrCase):
    """A company with teams: Sales with a sub-team Sales North, and IT."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user_groups = "okr_management.group_okr_user"
        cls.leader = new_test_user(cls.env, "okr_team_leader", groups=user_groups)
        cls.member = new_test_user(cls.env, "okr_team_member", groups=user_groups)
        cls.north_rep = new_test_user(cls.env, "okr_team_north", groups=user_groups)
        cls.outsider = new_test_user(cls.env, "okr_team_outsider", groups=user_groups)
        cls.manager = new_test_user(
            cls.env, "okr_team_manager", groups="okr_management.group_okr_manager"
        )
        team_model = cls.env["okr.team"]
        cls.sales = team_model.create(
            {
                "name": "Sales",
                "leader_id": cls.leader.id,
                "member_ids": [(4, cls.member.id)],
            }
        )
        cls.north = team_model.create(
            {
                "name": "Sales North",
                "parent_id": cls.sales.id,
                "member_ids": [(4, cls.north_rep.id)],
            }
        )
        cls.it = team_model.create(
            {"name": "IT", "leader_id": cls.outsider.id, "member_ids": []}
        )


@tagged("post_install", "-at_install")
class TestOkrTeam(OkrTeamCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Team Elsewhere"})
        cls.other_team = cls.env["okr.team"].create(
            {"name": "Elsewhere Sales", "company_id": cls.other_company.id}
        )

    def test_users_read_the_teams_of_their_companies(self):
        teams = self.env(user=self.member)["okr.team"].search([])
        self.assertIn(self.sales, teams)
        self.assertIn(self.north, teams)
        self.assertNotIn(self.other_team, teams)
        with self.assertRaises(AccessError):
            self.env(user=self.member)["okr.team"].browse(self.other_team.id).name  # noqa: B018

    def test_only_managers_manage_teams(self):
        user_teams = self.env(user=self.leader)["okr.team"]
        with self.assertRaises(AccessError):
            user_teams.create({"name": "Shadow team"})
        with self.assertRaises(AccessError):
            user_teams.browse(self.sales.id).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            user_teams.browse(self.it.id).unlink()
        manager_teams = self.env(user=self.manager)["okr.team"]
        team = manager_teams.create({"name": "Customer care"})
        team.write({"parent_id": self.sales.id})
        self.assertEqual(team.complete_name, "Sales / Customer care")
        team.unlink()

    def test_no_team_cycle(self):
        with self.assertRaises(ValidationError):
            self.sales.parent_id = self.north

    def test_my_teams_include_sub_teams(self):
        objective_model = self.env["okr.objective"]
        sales_okr = self._objective("Sell more", team_id=self.sales.id)
        north_okr = self._objective("Win the north", team_id=self.north.id)
        it_okr = self._objective("Stable systems", team_id=self.it.id)
        company_okr = self._objective("Grow", level="company")
        planned = sales_okr | north_okr | it_okr | company_okr

        def mine(user):
            found = objective_model.with_user(user).search(
                [("is_my_team", "=", True), ("id", "in", planned.ids)]
            )
            return found

        # the leader and a member of Sales see Sales and its sub-team
        self.assertEqual(mine(self.leader), sales_okr | north_okr)
        self.assertEqual(mine(self.member), sales_okr | north_okr)
        # a member of the sub-team only sees the sub-team
        self.assertEqual(mine(self.north_rep), north_okr)
        self.assertEqual(mine(self.outsider), it_okr)
        others = objective_model.with_user(self.north_rep).search(
            [("is_my_team", "=", False), ("id", "in", planned.ids)]
        )
        self.assertEqual(others, sales_okr | it_okr | company_okr)
        self.assertTrue(north_okr.with_user(self.north_rep).is_my_team)
        self.assertFalse(sales_okr.with_user(self.north_rep).is_my_team)
        self.assertEqual(
            self.env["okr.team"]
            .with_user(self.member)
            .search([("is_mine", "=", True)]),
            self.sales | self.north,
        )

    def test_team_defaults_to_the_owners_team(self):
        individual = self._objective(
            "My own", level="individual", user_id=self.north_rep.id
        )
        self.assertEqual(individual.team_id, self.north)
        # a leader's own team comes before those they are a member of
        self.north.member_ids = [(4, self.leader.id)]
        led = self._objective("Lead", user_id=self.leader.id)
        self.assertEqual(led.team_id, self.sales)
        # company objectives belong to no team
        led.level = "company"
        self.assertFalse(led.team_id)
        # an owner without a team leaves it empty
        alone = self._objective("Alone", level="individual", user_id=self.manager.id)
        self.assertFalse(alone.team_id)

    def test_board_columns_include_empty_teams(self):
        self._objective("Sell more", team_id=self.sales.id)
        groups = (
            self.env["okr.objective"]
            .with_context(read_group_expand=True, allowed_company_ids=self.company.ids)
            .formatted_read_group(
                [("period_id", "=", self.q1.id)], ["team_id"], ["__count"]
            )
        )
        # the company's column first, empty or not, then every team
        self.assertFalse(groups[0]["team_id"])
        self.assertEqual(groups[0]["__count"], 0)
        teams = [group["team_id"][0] for group in groups[1:]]
        self.assertEqual(teams, (self.sales | self.north | self.it).sorted().ids)
        self.assertNotIn(self.other_team.id, teams)
        counts = {group["team_id"][0]: group["__count"] for group in groups[1:]}
        self.assertEqual(counts[self.sales.id], 1)
        self.assertEqual(counts[self.it.id], 0)
