# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo.tests import Form, freeze_time, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestKpiDrift(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = cls.env["res.users"].create(
            {
                "name": "KPI Owner",
                "login": "kpi_drift_owner",
                "group_ids": [(4, cls.env.ref("okr_management.group_okr_user").id)],
            }
        )
        # undated: the partners' create_date is the database's clock, not the
        # frozen day of the test
        cls.metric = cls.env["okr.metric"].create(
            {
                "name": "Drift partners",
                "model_id": cls.env["ir.model"]._get("res.partner").id,
                "domain": "[('name', '=like', 'DRIFT %')]",
                "aggregate": "count",
            }
        )
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"DRIFT {index}"} for index in range(5)]
        )
        cls.kpi = cls.env["okr.kpi"].create(
            {
                "name": "Active partners",
                "metric_id": cls.metric.id,
                "user_id": cls.owner.id,
                "healthy_operator": "above",
                "healthy_value": 3,
            }
        )

    def _drift_activities(self):
        return self.kpi.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("okr_management.mail_activity_type_kpi_drift")
            )
        )

    def test_drift_proposes_one_recovery(self):
        self.assertEqual(self.kpi.current_value, 5)
        self.assertFalse(self.kpi.is_drifting)
        self.assertFalse(self._drift_activities())
        self.partners[:3].unlink()
        self.kpi._refresh()
        self.assertEqual(self.kpi.current_value, 2)
        self.assertTrue(self.kpi.is_drifting)
        activity = self._drift_activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.owner)
        self.assertIn("outside its healthy range", activity.note)
        # a second refresh, still outside: no second activity
        self.kpi._refresh()
        self.kpi.action_refresh()
        self.assertEqual(self._drift_activities(), activity)
        # back in range: the activity is done
        self.env["res.partner"].create([{"name": "DRIFT back"}, {"name": "DRIFT on"}])
        self.kpi._refresh()
        self.assertFalse(self.kpi.is_drifting)
        self.assertFalse(self._drift_activities())

    def test_at_or_below(self):
        self.kpi.write({"healthy_operator": "below", "healthy_value": 4})
        self.kpi._refresh()
        self.assertTrue(self.kpi.is_drifting)
        self.assertEqual(len(self._drift_activities()), 1)

    def test_lower_is_better_progress(self):
        """Seed 004's level-1 resolution time, target 4 h, healthy at or below:
        at 8 h it is half-way and drifting, at 4 h or less it is done."""
        self.kpi.write(
            {"healthy_operator": "below", "healthy_value": 4, "target_value": 4}
        )
        self.env["res.partner"].create(
            [{"name": f"DRIFT more {index}"} for index in range(3)]
        )
        self.kpi._refresh()
        self.assertEqual(self.kpi.current_value, 8)
        self.assertAlmostEqual(self.kpi.progress, 50.0)
        self.assertTrue(self.kpi.is_drifting)
        self.env["res.partner"].search([("name", "=like", "DRIFT more%")]).unlink()
        self.partners[:2].unlink()
        self.kpi._refresh()
        self.assertEqual(self.kpi.current_value, 3)
        self.assertAlmostEqual(self.kpi.progress, 100.0)
        self.assertFalse(self.kpi.is_drifting)
        # higher is better: 3 of a target of 4
        self.kpi.healthy_operator = "above"
        self.assertAlmostEqual(self.kpi.progress, 75.0)
        self.kpi.healthy_operator = False
        self.assertAlmostEqual(self.kpi.progress, 75.0)

    @freeze_time("2027-05-15")
    def test_plan_recovery_objective(self):
        today = date(2027, 5, 15)
        current = self.env["okr.period"].create(
            {
                "name": "Now",
                "period_type": "quarter",
                "date_start": today - timedelta(days=10),
                "date_end": today + timedelta(days=10),
            }
        )
        following = self.env["okr.period"].create(
            {
                "name": "Next",
                "period_type": "quarter",
                "date_start": current.date_end + timedelta(days=1),
                "date_end": current.date_end + timedelta(days=90),
            }
        )
        self.partners[:3].unlink()
        self.kpi._refresh()
        action = self.kpi.action_plan_recovery()
        objective = Form(
            self.env[action["res_model"]].with_context(**action["context"])
        ).save()
        self.assertEqual(objective.state, "draft")
        self.assertEqual(objective.period_id, following)
        self.assertEqual(objective.user_id, self.owner)
        self.assertEqual(objective.kpi_ids, self.kpi)
        self.assertIn("Active partners", objective.name)
        key_result = objective.key_result_ids
        self.assertEqual(len(key_result), 1)
        self.assertEqual(
            (key_result.result_type, key_result.start_value, key_result.target_value),
            ("increase", 2.0, 3.0),
        )
