# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOkrRollup(OkrCase):
    def test_key_results_weighted_mean(self):
        objective = self._objective()
        conversion = self._key_result(
            objective, start_value=18, target_value=25, current_value=21.5
        )
        resolution = self._key_result(
            objective,
            result_type="decrease",
            start_value=8,
            target_value=4,
            current_value=4,
            weight=3,
        )
        self.assertAlmostEqual(conversion.progress, 50.0)
        self.assertAlmostEqual(resolution.progress, 100.0)
        self.assertAlmostEqual(objective.progress, (50 * 1 + 100 * 3) / 4)
        self.assertEqual(objective.key_result_count, 2)

        resolution.current_value = 6
        self.assertAlmostEqual(resolution.progress, 50.0)
        self.assertAlmostEqual(objective.progress, 50.0)
        resolution.weight = 1
        conversion.current_value = 25
        self.assertAlmostEqual(objective.progress, 75.0)
        resolution.unlink()
        self.assertAlmostEqual(objective.progress, 100.0)
        self.assertEqual(objective.key_result_count, 1)

    def test_below_start_and_overshoot_are_visible(self):
        objective = self._objective()
        key_result = self._key_result(
            objective, start_value=40, target_value=80, current_value=30
        )
        self.assertEqual(key_result.progress, 0.0)
        self.assertAlmostEqual(key_result.raw_progress, -25.0)
        self.assertTrue(key_result.is_below_start)
        self.assertFalse(key_result.is_overshoot)
        key_result.current_value = 100
        self.assertEqual(key_result.progress, 100.0)
        self.assertAlmostEqual(key_result.raw_progress, 150.0)
        self.assertTrue(key_result.is_overshoot)
        self.assertFalse(key_result.is_below_start)
        # the overshoot does not make up for another key result
        self._key_result(objective, current_value=0)
        self.assertAlmostEqual(objective.progress, 50.0)

    def test_aligned_children_roll_up_recursively(self):
        company = self._objective("Company", level="company")
        team = self._objective("Team", parent_id=company.id)
        sales = self._objective("Sales", parent_id=team.id)
        support = self._objective("Support", parent_id=team.id)
        sales_kr = self._key_result(sales, current_value=40)
        self._key_result(support, current_value=80)
        self.assertAlmostEqual(team.progress, 60.0)
        self.assertAlmostEqual(company.progress, 60.0)
        sales_kr.current_value = 100
        self.assertAlmostEqual(team.progress, 90.0)
        self.assertAlmostEqual(company.progress, 90.0)
        support.action_cancel()
        self.assertAlmostEqual(team.progress, 100.0)
        # key results of its own win over the children
        self._key_result(team, current_value=10)
        self.assertAlmostEqual(team.progress, 10.0)
        self.assertAlmostEqual(company.progress, 10.0)
        # an objective with neither is at 0
        self.assertEqual(self._objective("Empty").progress, 0.0)

    def test_initiatives_source(self):
        objective = self._objective()
        key_result = self._key_result(
            objective, source="initiatives", start_value=0, target_value=0
        )
        self.assertEqual(key_result.progress, 0.0)
        initiative_model = self.env["okr.initiative"]
        publish, train, dropped = initiative_model.create(
            [
                {
                    "name": "Publish processes",
                    "key_result_id": key_result.id,
                    "progress": 100,
                    "weight": 2,
                },
                {
                    "name": "Train agents",
                    "key_result_id": key_result.id,
                    "progress": 40,
                },
                {
                    "name": "Dropped idea",
                    "key_result_id": key_result.id,
                    "progress": 0,
                    "weight": 5,
                },
            ]
        )
        self.assertAlmostEqual(key_result.progress, (200 + 40 + 0) / 8)
        dropped.state = "cancelled"
        self.assertAlmostEqual(key_result.progress, 80.0)
        self.assertAlmostEqual(objective.progress, 80.0)
        train.progress = 100
        self.assertAlmostEqual(objective.progress, 100.0)
        self.assertEqual(publish.objective_id, objective)
        self.assertEqual(publish.company_id, self.company)

    def test_milestone_with_initiatives(self):
        objective = self._objective()
        milestone = self._key_result(
            objective, result_type="milestone", start_value=0, target_value=1
        )
        self.assertEqual(milestone.progress, 0.0)
        milestone.current_value = 1
        self.assertEqual(milestone.progress, 100.0)
        first, second, _dropped = self.env["okr.initiative"].create(
            [
                {"name": "Catalogue", "key_result_id": milestone.id},
                {"name": "Portal", "key_result_id": milestone.id},
                {
                    "name": "Dropped",
                    "key_result_id": milestone.id,
                    "state": "cancelled",
                },
            ]
        )
        # with initiatives, the share of the done ones counts
        self.assertEqual(milestone.progress, 0.0)
        first.state = "done"
        self.assertAlmostEqual(milestone.progress, 50.0)
        second.state = "done"
        self.assertAlmostEqual(milestone.progress, 100.0)

    def test_check_in_updates_value_confidence_and_keeps_history(self):
        objective = self._objective()
        key_result = self._key_result(
            objective,
            result_type="decrease",
            unit="hours",
            start_value=8,
            target_value=4,
            current_value=8,
        )
        self.assertEqual(key_result.deadline, self.q1.date_end)
        check_in_model = self.env["okr.check.in"]
        first = check_in_model.create(
            {
                "key_result_id": key_result.id,
                "date": date(2026, 1, 15),
                "value": 7,
                "confidence": 8,
                "progress_note": "Triage in place",
            }
        )
        self.assertEqual(key_result.current_value, 7)
        self.assertEqual(key_result.confidence, 8)
        self.assertEqual(first.previous_value, 8)
        self.assertAlmostEqual(first.progress, 25.0)
        second = check_in_model.create(
            {
                "key_result_id": key_result.id,
                "date": date(2026, 2, 1),
                "value": 6,
                "confidence": 3,
                "blocker_note": "Knowledge base late",
            }
        )
        self.assertEqual(key_result.current_value, 6)
        self.assertEqual(key_result.confidence, 3)
        self.assertAlmostEqual(key_result.progress, 50.0)
        self.assertAlmostEqual(objective.progress, 50.0)
        self.assertEqual(second.previous_value, 7)
        self.assertAlmostEqual(second.progress, 50.0)
        self.assertEqual(key_result.last_check_in_date, date(2026, 2, 1))
        self.assertEqual(objective.last_check_in_date, date(2026, 2, 1))
        self.assertEqual(objective.confidence, 3)
        # a back-dated check-in adds history without moving the value
        check_in_model.create(
            {
                "key_result_id": key_result.id,
                "date": date(2026, 1, 20),
                "value": 7.5,
                "confidence": 9,
            }
        )
        self.assertEqual(key_result.current_value, 6)
        self.assertEqual(key_result.confidence, 3)
        self.assertEqual(key_result.check_in_count, 3)
        self.assertEqual(
            key_result.check_in_ids.sorted().mapped("value"),
            [6, 7.5, 7],
            "newest first",
        )

    def test_check_ins_in_batch(self):
        objective = self._objective()
        first_kr = self._key_result(objective, current_value=10)
        second_kr = self._key_result(objective, current_value=0)
        self.env["okr.check.in"].create(
            [
                {"key_result_id": first_kr.id, "date": date(2026, 2, 1), "value": 30},
                {"key_result_id": first_kr.id, "date": date(2026, 1, 1), "value": 20},
                {
                    "key_result_id": second_kr.id,
                    "value": 50,
                    "confidence": 7,
                    "date": date(2026, 2, 1),
                },
            ]
        )
        self.assertEqual(first_kr.current_value, 30)
        self.assertEqual(
            first_kr.check_in_ids.sorted("date").mapped("previous_value"), [10, 20]
        )
        self.assertEqual(second_kr.current_value, 50)
        self.assertEqual(second_kr.confidence, 7)
        self.assertAlmostEqual(objective.progress, 40.0)

    def test_check_in_on_initiative_key_result_keeps_its_value(self):
        objective = self._objective()
        key_result = self._key_result(objective, source="initiatives")
        self.env["okr.initiative"].create(
            {"name": "Work", "key_result_id": key_result.id, "progress": 30}
        )
        check_in = self.env["okr.check.in"].create(
            {
                "key_result_id": key_result.id,
                "value": 99,
                "confidence": 6,
                "date": date(2026, 2, 1),
            }
        )
        self.assertEqual(key_result.current_value, 0)
        self.assertAlmostEqual(key_result.progress, 30.0)
        self.assertAlmostEqual(check_in.progress, 30.0)
        self.assertEqual(key_result.confidence, 6)

    def test_check_in_action_defaults(self):
        key_result = self._key_result(self._objective(), current_value=12)
        action = key_result.action_check_in()
        self.assertEqual(action["res_model"], "okr.check.in")
        self.assertEqual(action["target"], "new")
        check_in = (
            self.env["okr.check.in"]
            .with_context(**action["context"])
            .create({"value": 20, "date": date(2026, 2, 1)})
        )
        self.assertEqual(check_in.key_result_id, key_result)
        self.assertEqual(check_in.confidence, 5)
        self.assertEqual(key_result.current_value, 20)
        check_in.confidence = 9
        self.assertEqual(
            key_result.action_check_in()["context"]["default_confidence"], 9
        )

    def _recompute_cost(self, count):
        """Queries to move every key result of ``count`` objectives at once."""
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        objectives = env["okr.objective"].create(
            [
                self._with_team(env, {"name": f"O{i}", "period_id": self.q1.id})
                for i in range(count)
            ]
        )
        key_results = env["okr.key.result"].create(
            [
                {
                    "name": f"KR{i}",
                    "objective_id": objective.id,
                    "target_value": 100,
                    "weight": 1 + i,
                }
                for objective in objectives
                for i in range(2)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        key_results.write({"current_value": 50})
        self.env.flush_all()
        cost = self.cr.sql_log_count - before
        self.assertTrue(all(o.progress == 50.0 for o in objectives))
        return cost, key_results

    def test_batch_recompute_query_count(self):
        cost_10, _ = self._recompute_cost(10)
        cost_50, key_results = self._recompute_cost(50)
        self.assertEqual(cost_10, cost_50, "the recompute must not query per record")
        self.env.invalidate_all()
        with self.assertQueryCount(cost_10):
            key_results.write({"current_value": 60})
