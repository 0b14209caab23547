# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import Form, tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestTaskPresets(OkrProjectCase):
    """The task metric buttons of the key result form: shown where they fit,
    one click fills the metric, its unit, its direction and its scope."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.on_time = cls.env.ref("okr_management_project.okr_metric_task_on_time")
        cls.rework = cls.env.ref("okr_management_project.okr_metric_task_rework")
        cls.cycle_time = cls.env.ref(
            "okr_management_project.okr_metric_task_cycle_time"
        )

    def _fresh(self, name="Deliveries on time"):
        return self.env["okr.key.result"].create(
            {
                "name": name,
                "objective_id": self.objective.id,
                "user_id": self.okr_project_user.id,
                "target_value": 95.0,
            }
        )

    def test_task_presets_only_where_they_fit(self):
        key_result = self._fresh()
        # a fresh key result: any source fits
        self.assertTrue(key_result.task_presets_fit)
        self.env["okr.check.in"].create(
            {"key_result_id": key_result.id, "value": 80.0, "confidence": 5}
        )
        # measured by check-ins now, and its team has no projects: no buttons
        key_result.invalidate_recordset(["task_presets_fit"])
        self.assertFalse(key_result.task_presets_fit)
        # the team takes on a project: the task metrics fit again
        self.okr_team.project_ids = self.project
        key_result.invalidate_recordset(["task_presets_fit"])
        self.assertTrue(key_result.task_presets_fit)
        # a key result already measured by a task metric keeps its buttons,
        # whatever its team
        self.okr_team.project_ids = False
        measured = self._fresh("Rework")
        measured.write({"source": "metric", "metric_id": self.rework.id})
        self.env["okr.check.in"].create(
            {"key_result_id": measured.id, "value": 5.0, "confidence": 5}
        )
        measured.invalidate_recordset(["task_presets_fit"])
        self.assertEqual(measured.task_metric_preset_id, self.rework)
        self.assertTrue(measured.task_presets_fit)
        key_result.invalidate_recordset(["task_presets_fit"])
        self.assertFalse(key_result.task_presets_fit)

    def test_one_click_fills_the_metric(self):
        self.okr_team.project_ids = self.project
        # done in time in the team's project; late in a project of no team
        now = fields.Datetime.now()
        in_time = self._tasks(1, date_deadline=now + timedelta(days=1))
        other = self.env["project.project"].create({"name": "Not the team's"})
        late = self.env["project.task"].create(
            {
                "name": "Late elsewhere",
                "project_id": other.id,
                "date_deadline": now - timedelta(days=1),
            }
        )
        (in_time | late).write({"state": "1_done"})
        with Form(self._fresh()) as form:
            form.task_metric_preset_id = self.on_time
            self.assertEqual(form.source, "metric")
            self.assertEqual(form.metric_id, self.on_time)
            self.assertEqual(form.unit, "percent")
            self.assertEqual(form.result_type, "increase")
            # the team's projects: scope team, nothing typed
            self.assertEqual(form.metric_scope, "team")
        key_result = form.record
        self.assertEqual(key_result.metric_id, self.on_time)
        key_result.action_refresh_metric()
        self.assertFalse(key_result.metric_error)
        # the team's project only: its one task, in time
        self.assertAlmostEqual(key_result.current_value, 100.0)
        # less rework and shorter cycles are better; without projects, the
        # company's tasks
        self.okr_team.project_ids = False
        with Form(self._fresh("Cycle time")) as form:
            form.task_metric_preset_id = self.cycle_time
            self.assertEqual(form.unit, "days")
            self.assertEqual(form.result_type, "decrease")
            self.assertEqual(form.metric_scope, "company")
        with Form(self._fresh("Rework")) as form:
            form.task_metric_preset_id = self.rework
            self.assertEqual(form.result_type, "decrease")
