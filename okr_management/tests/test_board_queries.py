# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged

# What the board's kanban asks for: the fields of okr_objective_view_kanban, with
# the key results' sub-fields of the okr_key_result_bars widget, the pinned KPIs'
# of okr_kpi_pins, and the dependencies of kanban_activity and many2one_avatar_user.
BOARD_SPECIFICATION = {
    "okr_type": {},
    "health": {},
    "state": {},
    "level": {},
    "active": {},
    "expected_progress": {},
    "progress": {},
    "color": {},
    "name": {},
    "confidence": {},
    "last_check_in_date": {},
    "key_result_ids": {
        "fields": {
            "name": {},
            "progress": {},
            "raw_progress": {},
            "is_below_start": {},
            "is_overshoot": {},
            "health": {},
        },
        "context": {},
    },
    "pinned_kpi_ids": {
        "fields": {
            "name": {},
            "current_value": {},
            "target_value": {},
            "unit": {},
            "trend": {},
            "is_drifting": {},
            "healthy_operator": {},
            "healthy_value": {},
            "error": {},
        },
        "context": {},
    },
    "activity_ids": {},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_state": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
}


@tagged("post_install", "-at_install")
class TestBoardQueries(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        periods = cls.env["okr.period"]
        cls.small = periods.create(
            {
                "name": "Small Quarter",
                "period_type": "quarter",
                "date_start": "2030-01-01",
                "date_end": "2030-03-31",
                "company_id": company.id,
            }
        )
        cls.large = periods.create(
            {
                "name": "Large Quarter",
                "period_type": "quarter",
                "date_start": "2030-04-01",
                "date_end": "2030-06-30",
                "company_id": company.id,
            }
        )
        users = cls.env["res.users"].create(
            [{"name": f"Owner {i}", "login": f"okr_board_owner_{i}"} for i in range(5)]
        )
        # the owners' team: each objective lands in it (a team objective needs one)
        cls.env["okr.team"].create(
            {"name": "Board team", "member_ids": [(6, 0, users.ids)]}
        )
        # The board is opened by a plain OKR user: record rules apply.
        cls.okr_user = cls.env["res.users"].create(
            {
                "name": "Board Viewer",
                "login": "okr_board_viewer",
                "group_ids": [
                    (6, 0, [cls.env.ref("okr_management.group_okr_user").id])
                ],
            }
        )
        objectives = cls.env["okr.objective"].create(
            [
                cls._objective_vals(period, users[i % len(users)], i)
                for period, count in ((cls.small, 10), (cls.large, 200))
                for i in range(count)
            ]
        )
        # Each card has a KPI pinned to it, every other one out of its healthy
        # range; an unpinned and an archived KPI beside all of them stay off the
        # cards. Their drift activities are removed: only the cards count.
        cls.env["res.partner"].create([{"name": f"BOARD {i}"} for i in range(3)])
        metric = cls.env["okr.metric"].create(
            {
                "name": "Board partners",
                "model_id": cls.env["ir.model"]._get("res.partner").id,
                "domain": "[('name', '=like', 'BOARD %')]",
                "aggregate": "count",
            }
        )
        cls.kpis = cls.env["okr.kpi"].create(
            [
                {
                    "name": f"KPI {objective.name}",
                    "metric_id": metric.id,
                    # computed with the rights of its responsible
                    "user_id": cls.okr_user.id,
                    "unit": "partners",
                    "target_value": 10,
                    "healthy_operator": "above" if i % 2 else False,
                    "healthy_value": 5,
                    "objective_ids": [(6, 0, objective.ids)],
                }
                for i, objective in enumerate(objectives)
            ]
        )
        cls.kpis.activity_ids.unlink()
        cls.hidden_kpis = cls.env["okr.kpi"].create(
            [
                {
                    "name": name,
                    "metric_id": metric.id,
                    "user_id": False,
                    "objective_ids": [(6, 0, objectives.ids)],
                    **vals,
                }
                for name, vals in (
                    ("Unpinned KPI", {"pinned": False}),
                    ("Archived KPI", {"active": False}),
                )
            ]
        )

    @classmethod
    def _objective_vals(cls, period, user, i):
        return {
            "name": f"Objective {i}",
            "period_id": period.id,
            "user_id": user.id,
            "key_result_ids": [
                (
                    0,
                    0,
                    {
                        "name": f"KR {i}.{k}",
                        "start_value": 0,
                        "target_value": 100,
                        "current_value": (i * 7 + k * 30) % 130,
                    },
                )
                for k in range(3)
            ],
        }

    def _open_board(self, period):
        # What the browser does: a fresh request, nothing in the ORM cache.
        self.env.invalidate_all()
        return (
            self.env["okr.objective"]
            .with_user(self.okr_user)
            .web_search_read(
                [("period_id", "=", period.id)], BOARD_SPECIFICATION, limit=None
            )
        )

    def _count(self, period):
        before = self.env.cr.sql_log_count
        result = self._open_board(period)
        return self.env.cr.sql_log_count - before, result

    def test_board_query_count_does_not_grow_with_cards(self):
        self._open_board(self.small)  # warm the registry caches (views, fields)
        small_count, small = self._count(self.small)
        large_count, large = self._count(self.large)
        self.assertEqual(small["length"], 10)
        self.assertEqual(large["length"], 200)
        self.assertEqual(len(large["records"][0]["key_result_ids"]), 3)
        self.assertIn("progress", large["records"][0]["key_result_ids"][0])
        self.assertEqual(len(large["records"][0]["pinned_kpi_ids"]), 1)
        # as a plain OKR user (record rules apply): 10 cards cost what 200 do
        self.assertEqual(small_count, large_count)

    def test_paged_board_query_count_does_not_grow_with_cards(self):
        """A full page costs one query more than a partial one: the pager's
        count (web_search_read counts only when a page is full). With a full
        page on both sides, 10 cards cost what 200 do."""

        def open_paged(period, limit):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = (
                self.env["okr.objective"]
                .with_user(self.okr_user)
                .web_search_read(
                    [("period_id", "=", period.id)], BOARD_SPECIFICATION, limit=limit
                )
            )
            return self.env.cr.sql_log_count - before, result

        open_paged(self.small, 5)
        partial_count, partial = open_paged(self.small, 80)
        small_count, small = open_paged(self.small, 5)
        large_count, large = open_paged(self.large, 80)
        self.assertEqual((partial["length"], len(partial["records"])), (10, 10))
        self.assertEqual((small["length"], len(small["records"])), (10, 5))
        self.assertEqual((large["length"], len(large["records"])), (200, 80))
        self.assertEqual(small_count, partial_count + 1, "the pager's count")
        self.assertEqual(small_count, large_count)

    def test_grouped_board_query_count_does_not_grow_with_cards(self):
        """The board itself is grouped by period: web_read_group unfolds them."""

        def open_grouped(period):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = (
                self.env["okr.objective"]
                .with_user(self.okr_user)
                .web_read_group(
                    [("period_id", "=", period.id)],
                    ["period_id"],
                    ["__count"],
                    auto_unfold=True,
                    unfold_read_specification=BOARD_SPECIFICATION,
                    unfold_read_default_limit=None,
                )
            )
            return self.env.cr.sql_log_count - before, result

        open_grouped(self.small)
        small_count, small = open_grouped(self.small)
        large_count, large = open_grouped(self.large)
        self.assertEqual(len(small["groups"][0]["__records"]), 10)
        self.assertEqual(len(large["groups"][0]["__records"]), 200)
        self.assertEqual(small_count, large_count)

    def test_board_card_shows_its_pinned_kpis(self):
        """A card carries what its KPI line shows: value, target, unit, trend and
        the out-of-range mark; unpinned and archived KPIs stay off the board."""
        records = self._open_board(self.small)["records"]
        by_name = {record["name"]: record for record in records}
        # the second objective's KPI has a healthy range (at or above 5) it misses
        self.assertEqual(
            by_name["Objective 1"]["pinned_kpi_ids"],
            [
                {
                    "id": self.kpis[1].id,
                    "name": "KPI Objective 1",
                    "current_value": 3.0,
                    "target_value": 10.0,
                    "unit": "partners",
                    "trend": "flat",
                    "is_drifting": True,
                    "healthy_operator": "above",
                    "healthy_value": 5.0,
                    "error": False,
                }
            ],
        )
        self.assertFalse(by_name["Objective 0"]["pinned_kpi_ids"][0]["is_drifting"])

        self.env["res.partner"].create({"name": "BOARD 3"})
        self.kpis[1].action_refresh()
        self.kpis[0].pinned = False
        records = self._open_board(self.small)["records"]
        by_name = {record["name"]: record for record in records}
        kpi = by_name["Objective 1"]["pinned_kpi_ids"][0]
        self.assertEqual((kpi["current_value"], kpi["trend"]), (4.0, "up"))
        self.assertEqual(by_name["Objective 0"]["pinned_kpi_ids"], [])
