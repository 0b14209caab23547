# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from ast import literal_eval
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged

from .test_board_queries import BOARD_SPECIFICATION
from .test_okr_team import OkrTeamCase


# Wednesday of the week that starts on Monday 16 November 2026
@freeze_time("2026-11-18")
@tagged("post_install", "-at_install")
class TestTeamBoard(OkrTeamCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.q4 = cls.env["okr.period"].create(
            {
                "name": "2026-Q4",
                "period_type": "quarter",
                "date_start": date(2026, 10, 1),
                "date_end": date(2026, 12, 31),
                "parent_id": cls.year.id,
                "state": "open",
            }
        )
        cls.sales_okr = cls._objective(
            "Sell more", period=cls.q4, team_id=cls.sales.id, state="active"
        )
        cls.north_okr = cls._objective(
            "Win the north", period=cls.q4, team_id=cls.north.id, state="active"
        )
        cls.company_okr = cls._objective("Grow", period=cls.q4, level="company")
        # Sales: three key results, one checked in this week, one last week,
        # one never; the north one checked in this week
        cls.kr_this_week = cls._key_result(
            cls.sales_okr, "This week", user_id=cls.leader.id
        )
        cls.kr_last_week = cls._key_result(
            cls.sales_okr, "Last week", user_id=cls.member.id
        )
        cls.kr_never = cls._key_result(cls.sales_okr, "Never", user_id=cls.member.id)
        cls.kr_north = cls._key_result(cls.north_okr, "North", user_id=cls.north_rep.id)
        cls.kr_company = cls._key_result(cls.company_okr, "Company")
        check_ins = cls.env["okr.check.in"]
        for key_result, day, value in (
            (cls.kr_this_week, date(2026, 11, 16), 50.0),
            (cls.kr_last_week, date(2026, 11, 12), 20.0),
            (cls.kr_north, date(2026, 11, 17), 80.0),
        ):
            check_ins.create(
                {
                    "key_result_id": key_result.id,
                    "value": value,
                    "confidence": 6,
                    "date": day,
                }
            )

    def test_column_aggregates(self):
        board = [("period_id", "=", self.q4.id)]
        teams = [False, self.sales.id, self.north.id, self.it.id]
        stats = (
            self.env["okr.team"].with_user(self.member).get_board_stats(board, teams)
        )
        sales = stats[self.sales.id]
        self.assertEqual((sales["checked"], sales["total"]), (1, 3))
        self.assertAlmostEqual(sales["progress"], (50.0 + 20.0 + 0.0) / 3)
        krs = self.kr_this_week | self.kr_last_week | self.kr_never
        pace = sum(krs.mapped("expected_progress")) / 3
        self.assertGreater(pace, 0.0)
        self.assertAlmostEqual(sales["pace"], pace)
        north = stats[self.north.id]
        self.assertEqual((north["checked"], north["total"]), (1, 1))
        self.assertAlmostEqual(north["progress"], 80.0)
        company = stats[0]
        self.assertEqual((company["checked"], company["total"]), (0, 1))
        # an empty team: nothing to check in
        self.assertEqual(stats[self.it.id]["total"], 0)
        # only a leader nudges, their own team
        self.assertFalse(sales["can_nudge"])
        led = self.env["okr.team"].with_user(self.leader).get_board_stats(board, teams)
        self.assertTrue(led[self.sales.id]["can_nudge"])
        self.assertFalse(led[self.it.id]["can_nudge"])

    def test_nudge_once(self):
        team = self.sales.with_user(self.leader)
        status = team.action_open_week_status()
        shown = self.env["okr.key.result"].search(status["domain"])
        # the team's and its sub-team's key results of the current quarter
        self.assertEqual(
            shown, self.kr_this_week | self.kr_last_week | self.kr_never | self.kr_north
        )
        team.action_nudge_members()
        nudges = self.sales.activity_ids
        # the member is late (last week, never); the leader and the north rep
        # (not a member of Sales) checked in or are not asked
        self.assertEqual(nudges.user_id, self.member)
        self.assertEqual(len(nudges), 1)
        # never twice: a second nudge leaves the open one alone
        result = team.action_nudge_members()
        self.assertEqual(len(self.sales.activity_ids), 1)
        self.assertEqual(result["params"]["type"], "info")
        # once done, the next week's nudge may come
        nudges.action_feedback()
        team.action_nudge_members()
        self.assertEqual(len(self.sales.activity_ids), 1)

    def test_only_the_leader_nudges(self):
        with self.assertRaises(AccessError):
            self.sales.with_user(self.member).action_nudge_members()
        self.assertFalse(self.sales.activity_ids)


@tagged("post_install", "-at_install")
class TestTeamBoardQueries(OkrTeamCase):
    """The board grouped by team: its query count grows neither with the
    objectives nor with the teams."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.small_company = cls.env["res.company"].create({"name": "Small Co"})
        cls.large_company = cls.env["res.company"].create({"name": "Large Co"})
        cls.viewer = new_test_user(
            cls.env,
            "okr_team_board_viewer",
            groups="okr_management.group_okr_user",
            company_id=cls.small_company.id,
            company_ids=[cls.small_company.id, cls.large_company.id],
        )
        for company, teams, objectives in (
            (cls.small_company, 2, 10),
            (cls.large_company, 20, 200),
        ):
            period = cls.env["okr.period"].create(
                {
                    "name": f"{company.name} Q1",
                    "period_type": "quarter",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 3, 31),
                    "company_id": company.id,
                }
            )
            team_records = cls.env["okr.team"].create(
                [
                    {
                        "name": f"{company.name} team {i}",
                        "company_id": company.id,
                        "leader_id": cls.viewer.id,
                    }
                    for i in range(teams)
                ]
            )
            cls.env["okr.objective"].create(
                [
                    {
                        "name": f"{company.name} objective {i}",
                        "period_id": period.id,
                        "level": "company" if i % 10 == 0 else "team",
                        "team_id": False if i % 10 == 0 else team_records[i % teams].id,
                        "user_id": cls.viewer.id,
                        "key_result_ids": [
                            (0, 0, {"name": f"KR {i}.{k}", "target_value": 100})
                            for k in range(2)
                        ],
                    }
                    for i in range(objectives)
                ]
            )

    def _open_board(self, company):
        """What the browser asks: the columns with their cards, then the heads."""
        self.env.invalidate_all()
        env = self.env(user=self.viewer, context={"allowed_company_ids": [company.id]})
        domain = [("company_id", "=", company.id)]
        before = self.env.cr.sql_log_count
        board = (
            env["okr.objective"]
            .with_context(read_group_expand=True)
            .web_read_group(
                domain,
                ["team_id"],
                ["__count"],
                auto_unfold=True,
                unfold_read_specification=BOARD_SPECIFICATION,
                unfold_read_default_limit=80,
            )
        )
        team_ids = [
            group["team_id"] and group["team_id"][0] for group in board["groups"]
        ]
        stats = env["okr.team"].get_board_stats(domain, team_ids)
        return self.env.cr.sql_log_count - before, board, stats

    def test_board_query_count_independent_of_objectives_and_teams(self):
        # warm the registry caches (rules and views, per set of companies)
        self._open_board(self.small_company)
        self._open_board(self.large_company)
        small_count, small, small_stats = self._open_board(self.small_company)
        large_count, large, large_stats = self._open_board(self.large_company)
        # the company's column first, then every team, all opened
        self.assertEqual(len(small["groups"]), 3)
        self.assertEqual(len(large["groups"]), 21)
        self.assertFalse(small["groups"][0]["team_id"])
        self.assertEqual(len(small["groups"][0]["__records"]), 1)
        self.assertEqual(len(large["groups"][0]["__records"]), 20)
        self.assertEqual(sum(len(group["__records"]) for group in large["groups"]), 200)
        self.assertEqual(len(large_stats), 21)
        self.assertEqual(sum(stat["total"] for stat in large_stats.values()), 400)
        self.assertEqual(len(small_stats), 3)
        self.assertEqual(small_count, large_count)


@freeze_time("2026-11-18")
@tagged("post_install", "-at_install")
class TestBoardSwitches(OkrTeamCase):
    """The board's favourites: the current quarter by team, owner or level, and
    the year's quarters side by side by period."""

    def test_current_quarter_and_year(self):
        q4 = self.env["okr.period"].create(
            {
                "name": "2026-Q4",
                "period_type": "quarter",
                "date_start": date(2026, 10, 1),
                "date_end": date(2026, 12, 31),
                "parent_id": self.year.id,
            }
        )
        now = self._objective("Now", period=q4, team_id=self.sales.id)
        spring = self._objective("Spring", period=self.q1, team_id=self.sales.id)
        yearly = self._objective("All year", period=self.year, level="company")
        objectives = self.env["okr.objective"]
        planned = [("id", "in", (now | spring | yearly).ids)]
        self.assertEqual(
            objectives.search(planned + [("in_current_quarter", "=", True)]), now
        )
        self.assertEqual(
            objectives.search(planned + [("in_current_year", "=", True)]),
            now | spring,
        )
        self.assertEqual(
            objectives.search(planned + [("in_current_year", "=", False)]), yearly
        )
        self.assertTrue(now.in_current_quarter)
        self.assertFalse(spring.in_current_quarter)
        favourites = self.env["ir.filters"].search(
            [("action_id", "=", self.env.ref("okr_management.action_okr_board").id)]
        )
        self.assertEqual(
            sorted(literal_eval(f.context)["group_by"][0] for f in favourites),
            ["level", "period_id", "team_id", "user_id"],
        )
