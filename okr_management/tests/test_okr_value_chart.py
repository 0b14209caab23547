# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOkrValueChart(OkrCase):
    def _check_in(self, key_result, day, value, origin="manual"):
        return self.env["okr.check.in"].create(
            {
                "key_result_id": key_result.id,
                "date": day,
                "value": value,
                "origin": origin,
            }
        )

    def test_chart_has_check_ins_in_date_order_and_type_pace(self):
        committed = self._key_result(
            self._objective("Committed"), start_value=20, target_value=60
        )
        aspirational = self._key_result(
            self._objective("Moonshot", okr_type="aspirational"),
            start_value=20,
            target_value=60,
        )
        # entered out of order, a metric refresh among the manual check-ins
        self._check_in(committed, date(2026, 2, 15), 40)
        self._check_in(committed, date(2026, 1, 10), 25, origin="metric")
        self._check_in(committed, date(2026, 3, 1), 45)
        self._check_in(aspirational, date(2026, 1, 20), 30)

        key_results = committed | aspirational
        key_results.invalidate_recordset(["value_chart_data"])
        data = committed.value_chart_data
        self.assertEqual(
            data["points"],
            [["2026-01-10", 25.0], ["2026-02-15", 40.0], ["2026-03-01", 45.0]],
        )
        # committed: the whole way from the start to the target by the deadline
        self.assertEqual(data["pace"], [["2026-01-01", 20.0], ["2026-03-31", 60.0]])
        self.assertEqual(data["target"], 60.0)

        data = aspirational.value_chart_data
        self.assertEqual(data["points"], [["2026-01-20", 30.0]])
        # aspirational: held to 70 % of the way, 20 + 0.7 * 40
        self.assertEqual(data["pace"][0], ["2026-01-01", 20.0])
        self.assertEqual(data["pace"][1][0], "2026-03-31")
        self.assertAlmostEqual(data["pace"][1][1], 48.0)

        # an earlier deadline ends the pace line there
        committed.deadline = date(2026, 2, 28)
        self.assertEqual(committed.value_chart_data["pace"][1], ["2026-02-28", 60.0])

    def test_chart_reads_check_ins_once_for_a_recordset(self):
        objective = self._objective()

        def chart_queries(count):
            key_results = self.env["okr.key.result"]
            for _index in range(count):
                key_result = self._key_result(objective)
                self._check_in(key_result, date(2026, 1, 5), 10)
                key_results |= key_result
            self.env.flush_all()
            self.env.invalidate_all()
            key_results = key_results.browse(key_results.ids)
            before = self.env.cr.sql_log_count
            values = key_results.mapped("value_chart_data")
            self.assertEqual([len(v["points"]) for v in values], [1] * count)
            return self.env.cr.sql_log_count - before

        # the check-ins of 2 key results cost what those of 20 cost
        self.assertEqual(chart_queries(2), chart_queries(20))
