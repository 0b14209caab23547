# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestKeyResultAlignment(OkrCase):
    """The alignment tree shows the links through key results (seeds 000, 001):
    an objective whose key result contributes to another objective's key result
    is aligned with that objective, across the tree's branches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_objective = cls._objective("Customers stay", level="company")
        cls.shared = cls._key_result(
            cls.company_objective, "Churn down", source="key_results"
        )
        cls.support = cls._objective("Answer fast", level="team")
        cls.success = cls._objective("Onboard well", level="team")
        cls.support_kr = cls._key_result(cls.support, "First contact resolution")
        cls.success_kr = cls._key_result(cls.success, "Onboarded accounts")

    def test_link_aligns_objectives_both_ways(self):
        self.assertFalse(self.support.kr_aligned_objective_ids)
        self.support_kr.parent_key_result_id = self.shared
        self.assertEqual(self.support.kr_aligned_objective_ids, self.company_objective)
        self.assertEqual(
            self.company_objective.kr_contributing_objective_ids, self.support
        )
        self.success_kr.parent_key_result_id = self.support_kr
        self.assertEqual(self.success.kr_aligned_objective_ids, self.support)
        self.assertEqual(self.support.kr_contributing_objective_ids, self.success)
        # stored: the tree's cards and a search find it
        self.assertEqual(
            self.env["okr.objective"].search(
                [("kr_aligned_objective_ids", "=", self.company_objective.id)]
            ),
            self.support,
        )

    def test_unlink_and_move_recompute(self):
        self.support_kr.parent_key_result_id = self.shared
        self.support_kr.parent_key_result_id = False
        self.assertFalse(self.support.kr_aligned_objective_ids)
        self.assertFalse(self.company_objective.kr_contributing_objective_ids)
        # the shared key result moves to another objective: the link follows
        self.support_kr.parent_key_result_id = self.shared
        self.shared.objective_id = self.success
        self.assertEqual(self.support.kr_aligned_objective_ids, self.success)
        # a link inside one objective aligns it with nothing
        self._key_result(self.support, "Inner", parent_key_result_id=self.support_kr.id)
        self.assertEqual(self.support.kr_aligned_objective_ids, self.success)

    def test_user_reads_links_but_cannot_write_them(self):
        self.support_kr.parent_key_result_id = self.shared
        user = new_test_user(
            self.env, "kr_alignment_user", groups="okr_management.group_okr_user"
        )
        objective = self.company_objective.with_user(user)
        self.assertEqual(objective.kr_contributing_objective_ids, self.support)
        self.assertEqual(
            self.support.with_user(user).kr_aligned_objective_ids,
            self.company_objective,
        )
        # someone else's objective: its links are not theirs to change
        with self.assertRaises(AccessError):
            self.support.with_user(user).kr_aligned_objective_ids = False

    def test_views_load_with_the_links(self):
        self.support_kr.parent_key_result_id = self.shared
        hierarchy = self.env["okr.objective"].get_views([(False, "hierarchy")])
        arch = hierarchy["views"]["hierarchy"]["arch"]
        self.assertIn("kr_aligned_objective_ids", arch)
        self.assertIn("kr_contributing_objective_ids", arch)
        form = Form(self.support)
        self.assertEqual(form.kr_aligned_objective_ids[:], self.company_objective)


@tagged("post_install", "-at_install")
class TestValueChartPair(OkrCase):
    """The value chart draws the leading / lagging pair (seed 003)."""

    def _check_in(self, key_result, day, value):
        return self.env["okr.check.in"].create(
            {"key_result_id": key_result.id, "date": day, "value": value}
        )

    def test_leading_draws_its_lagging_and_back(self):
        objective = self._objective("Support that surprises")
        csat = self._key_result(
            objective,
            "CSAT above 4.8",
            unit="score",
            start_value=4.0,
            target_value=4.8,
            indicator="lagging",
        )
        resolution = self._key_result(
            objective,
            "95 % first contact resolution",
            unit="percent",
            start_value=75,
            target_value=95,
            indicator="leading",
            lagging_key_result_id=csat.id,
        )
        self._check_in(csat, date(2026, 2, 2), 4.4)
        self._check_in(resolution, date(2026, 1, 12), 80)
        self._check_in(resolution, date(2026, 2, 9), 85)
        (csat | resolution).invalidate_recordset(["value_chart_data"])

        data = resolution.value_chart_data
        self.assertEqual(data["indicator"], "leading")
        self.assertEqual(len(data["pairs"]), 1)
        pair = data["pairs"][0]
        self.assertEqual(
            (pair["id"], pair["role"], pair["scaled"]), (csat.id, "lagging", True)
        )
        # another unit: the score as its progress, (4.4 - 4.0) / 0.8 = 50 %
        self.assertEqual(pair["points"][0][0], "2026-02-02")
        self.assertAlmostEqual(pair["points"][0][1], 50.0)

        data = csat.value_chart_data
        self.assertEqual(data["indicator"], "lagging")
        self.assertEqual([p["role"] for p in data["pairs"]], ["leading"])
        self.assertEqual(data["pairs"][0]["id"], resolution.id)
        self.assertEqual(
            [point[0] for point in data["pairs"][0]["points"]],
            ["2026-01-12", "2026-02-09"],
        )
        self.assertAlmostEqual(data["pairs"][0]["points"][1][1], 50.0)

        # the same unit: the values themselves, on the same axis
        csat.write({"unit": "percent", "start_value": 60, "target_value": 90})
        resolution.invalidate_recordset(["value_chart_data"])
        pair = resolution.value_chart_data["pairs"][0]
        self.assertFalse(pair["scaled"])
        self.assertEqual(pair["points"], [["2026-02-02", 4.4]])

        # no pair, nothing more to draw
        resolution.lagging_key_result_id = False
        (csat | resolution).invalidate_recordset(["value_chart_data"])
        self.assertEqual(resolution.value_chart_data["pairs"], [])
        self.assertEqual(csat.value_chart_data["pairs"], [])

    def test_pairs_read_once_for_a_recordset(self):
        objective = self._objective()

        def chart_queries(count):
            key_results = self.env["okr.key.result"]
            for _index in range(count):
                lagging = self._key_result(objective, unit="score")
                leading = self._key_result(
                    objective,
                    indicator="leading",
                    lagging_key_result_id=lagging.id,
                )
                self._check_in(lagging, date(2026, 1, 5), 10)
                self._check_in(leading, date(2026, 1, 5), 10)
                key_results |= lagging | leading
            self.env.flush_all()
            self.env.invalidate_all()
            key_results = key_results.browse(key_results.ids)
            before = self.env.cr.sql_log_count
            values = key_results.mapped("value_chart_data")
            self.assertEqual([len(v["pairs"]) for v in values], [1] * 2 * count)
            return self.env.cr.sql_log_count - before

        self.assertEqual(chart_queries(2), chart_queries(20))
