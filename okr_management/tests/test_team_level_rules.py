# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from ast import literal_eval

from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .test_okr_team import OkrTeamCase


@tagged("post_install", "-at_install")
class TestTeamLevelRules(OkrTeamCase):
    """A team objective has its team and a company objective none, whatever
    writes them (not only the form); a carry-over keeps its team."""

    def test_team_objective_needs_its_team(self):
        # the manager belongs to no team: nothing to default to
        with self.assertRaises(ValidationError):
            self.env["okr.objective"].create(
                {
                    "name": "Unplaced",
                    "period_id": self.q1.id,
                    "level": "team",
                    "user_id": self.manager.id,
                }
            )
        objective = self._objective("Sell more", team_id=self.sales.id)
        with self.assertRaises(ValidationError):
            objective.team_id = False
        # an individual objective of an owner without a team may stay without one
        alone = self._objective("Alone", level="individual", user_id=self.manager.id)
        self.assertFalse(alone.team_id)
        with self.assertRaises(ValidationError):
            alone.level = "team"
        alone.write({"level": "team", "team_id": self.it.id})
        self.assertEqual(alone.team_id, self.it)

    def test_company_objective_has_no_team(self):
        with self.assertRaises(ValidationError):
            self._objective("Grow", level="company", team_id=self.sales.id)
        grow = self._objective("Grow", level="company")
        self.assertFalse(grow.team_id)
        with self.assertRaises(ValidationError):
            grow.team_id = self.sales
        # made a company objective, a team objective leaves its team
        objective = self._objective("Sell more", team_id=self.sales.id)
        objective.level = "company"
        self.assertFalse(objective.team_id)

    def test_the_refusal_names_the_objective(self):
        with self.assertRaises(ValidationError) as refusal:
            self.env["okr.objective"].create(
                {
                    "name": "Nobody's",
                    "period_id": self.q1.id,
                    "user_id": self.manager.id,
                }
            )
        self.assertIn("Nobody's", str(refusal.exception))
        self.assertIn("team", str(refusal.exception))

    def test_carry_over_keeps_the_team(self):
        # the owner leads Sales, yet this objective is Sales North's: the
        # carry-over stays in Sales North, it is not given the owner's team
        objective = self._objective(
            "Win the north", team_id=self.north.id, user_id=self.leader.id
        )
        self._key_result(objective, "Accounts won")
        copy = objective._carry_over_to(self.q2)
        self.assertEqual(copy.period_id, self.q2)
        self.assertEqual(copy.team_id, self.north)
        self.assertEqual(objective.copy().team_id, self.north)


@freeze_time("2026-02-18")
@tagged("post_install", "-at_install")
class TestEmptyTeamHead(OkrTeamCase):
    """A column without key results shows no health: not a green 0 % / 0 %."""

    def test_empty_team_has_no_health(self):
        objective = self._objective("Sell more", team_id=self.sales.id)
        self._key_result(objective, "Behind", current_value=0.0)
        # a team objective without key results: the team has nothing to measure
        self._objective("Plan only", team_id=self.north.id)
        board = [("period_id", "=", self.q1.id)]
        teams = [False, self.sales.id, self.north.id, self.it.id]
        stats = (
            self.env["okr.team"].with_user(self.member).get_board_stats(board, teams)
        )
        for empty in (False, self.north.id, self.it.id):
            values = stats[empty or 0]
            self.assertEqual(values["total"], 0)
            self.assertEqual(values["health"], "none")
        sales = stats[self.sales.id]
        self.assertEqual(sales["total"], 1)
        # half way through the quarter with nothing done: off track, not "none"
        self.assertGreater(sales["pace"], 0.0)
        self.assertEqual(sales["health"], "off_track")

    def test_health_bands(self):
        health = self.env["okr.team"]._board_health
        self.assertEqual(health(0, 0.0, 0.0), "none")
        self.assertEqual(health(3, 0.0, 0.0), "on_track")  # nothing due yet
        self.assertEqual(health(3, 50.0, 50.0), "on_track")
        self.assertEqual(health(3, 40.0, 50.0), "at_risk")
        self.assertEqual(health(3, 34.0, 50.0), "off_track")


@tagged("post_install", "-at_install")
class TestHierarchyByTeam(OkrTeamCase):
    """The alignment tree filtered to a team, as the web client searches it."""

    def _search_view(self):
        action = self.env.ref("okr_management.action_okr_board")
        views = self.env["okr.objective"].get_views(
            [(False, "hierarchy"), (action.search_view_id.id, "search")]
        )
        return etree.fromstring(views["views"]["search"]["arch"])

    def test_hierarchy_filtered_to_a_team(self):
        grow = self._objective("Grow", level="company")
        sales_okr = self._objective(
            "Sell more", team_id=self.sales.id, parent_id=grow.id
        )
        north_okr = self._objective(
            "Win the north", team_id=self.north.id, parent_id=sales_okr.id
        )
        it_okr = self._objective(
            "Stable systems", team_id=self.it.id, parent_id=grow.id
        )
        planned = grow | sales_okr | north_okr | it_okr
        # the search view's team field, as typed in the search box
        field = self._search_view().xpath("//field[@name='team_id']")[0]
        operator = field.get("operator", "=")
        hierarchy = self.env["okr.objective"].with_user(self.member)

        def tree(domain):
            nodes = hierarchy.hierarchy_read(
                [("id", "in", planned.ids), *domain],
                {"display_name": {}},
                "parent_id",
                "child_ids",
            )
            return {node["id"] for node in nodes}

        self.assertEqual(
            tree([("team_id", operator, self.sales.id)]),
            set((sales_okr | north_okr).ids),
        )
        self.assertEqual(
            tree([("team_id", operator, self.north.id)]) - {sales_okr.id},
            {north_okr.id},
        )
        # the "My team's" filter of the search view does the same for a member
        my_team = self._search_view().xpath("//filter[@name='filter_my_team']")[0]
        self.assertEqual(
            tree(literal_eval(my_team.get("domain"))),
            set((sales_okr | north_okr).ids),
        )


@tagged("post_install", "-at_install")
class TestBoardSwitchNames(OkrTeamCase):
    """The board's favourites in the user's language (ir.filters names are not
    translatable in Odoo 19: they are given translated where they are read)."""

    def _names(self, user):
        action = self.env.ref("okr_management.action_okr_board")
        filters = (
            self.env["ir.filters"]
            .with_user(user)
            .get_filters("okr.objective", action_id=action.id)
        )
        return {f["name"] for f in filters}

    def test_switch_names_follow_the_language(self):
        english = {"By team", "By owner", "By level", "By period: this year's quarters"}
        self.assertLessEqual(english, self._names(self.member))
        self.env["res.lang"]._activate_lang("es_ES")
        self.member.lang = "es_ES"
        names = self._names(self.member)
        self.assertFalse(english & names)
        self.assertLessEqual(
            {
                "Por equipo",
                "Por responsable",
                "Por nivel",
                "Por periodo: trimestres de este año",
            },
            names,
        )
        # a favourite of the user's own keeps the name they gave it
        own = self.env["ir.filters"].create(
            {
                "name": "By team",
                "model_id": "okr.objective",
                "action_id": self.env.ref("okr_management.action_okr_board").id,
                "user_ids": [(6, 0, self.member.ids)],
            }
        )
        self.assertIn(own.name, self._names(self.member))
