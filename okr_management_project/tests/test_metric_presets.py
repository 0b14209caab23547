# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestTaskMetricPresets(OkrProjectCase):
    """The task metrics measure what their names promise, per project."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        cls.late, cls.on_time, cls.reopened, cls.open_task = cls._tasks(4)
        cls.late.date_deadline = now - timedelta(days=1)
        cls.on_time.date_deadline = now + timedelta(days=1)
        (cls.late + cls.on_time + cls.reopened).write({"state": "1_done"})
        cls.reopened.state = "01_in_progress"
        cls.reopened.state = "1_done"
        # Another project's delivered task stays out of a project-scoped value.
        other = cls.env["project.project"].create({"name": "Other project"})
        cls.env["project.task"].create(
            {"name": "Elsewhere", "project_id": other.id, "state": "1_done"}
        )

    def _value(self, preset):
        key_result = self.env["okr.key.result"].create(
            {
                "name": preset,
                "objective_id": self.objective.id,
                "user_id": self.okr_project_user.id,
                "source": "metric",
                "metric_id": self.env.ref(f"okr_management_project.{preset}").id,
                "metric_window": "period",
                "metric_scope": "team",
                "metric_team_ref": f"project.project,{self.project.id}",
                "start_value": 0.0,
                "target_value": 10.0,
            }
        )
        key_result.action_refresh_metric()
        self.assertFalse(key_result.metric_error)
        return key_result.current_value

    def test_tasks_delivered(self):
        self.assertEqual(self._value("okr_metric_task_delivered"), 3)

    def test_on_time_delivery_rate(self):
        # Of the two done tasks with a deadline, one was done in time.
        self.assertAlmostEqual(self._value("okr_metric_task_on_time"), 50.0)

    def test_rework_rate(self):
        self.assertAlmostEqual(self._value("okr_metric_task_rework"), 100.0 / 3)
        self.on_time.tag_ids = self.env.ref("okr_management_project.project_tag_rework")
        self.assertAlmostEqual(self._value("okr_metric_task_rework"), 200.0 / 3)

    def test_average_cycle_time(self):
        done_on = fields.Datetime.now()
        for task, days in ((self.late, 4), (self.on_time, 2), (self.reopened, 3)):
            self.env.cr.execute(
                "UPDATE project_task SET create_date = %s WHERE id = %s",
                (done_on - timedelta(days=days), task.id),
            )
        (self.late + self.on_time + self.reopened).write({"okr_date_done": done_on})
        self.env.invalidate_all()
        self.assertAlmostEqual(self._value("okr_metric_task_cycle_time"), 3.0)
