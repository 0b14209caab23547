# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestInitiativeAutoDone(OkrProjectCase):
    """Seed 002's chain: the last task delivered finishes its initiative, and a
    milestone key result measured by its initiatives reaches 100 %."""

    def _milestone(self, task_count):
        key_result = self.env["okr.key.result"].create(
            {
                "name": f"Portal live ({task_count} tasks)",
                "objective_id": self.objective.id,
                "result_type": "milestone",
                "user_id": self.okr_project_user.id,
                "start_value": 0.0,
                "target_value": 1.0,
            }
        )
        initiative = self.env["okr.initiative"].create(
            {"name": "Launch the portal", "key_result_id": key_result.id}
        )
        return key_result, initiative, self._tasks(task_count, initiative=initiative)

    def test_last_task_finishes_the_initiative(self):
        key_result, initiative, tasks = self._milestone(3)
        # a cancelled task does not hold the initiative back
        tasks[2].state = "1_canceled"
        user_tasks = tasks.with_user(self.okr_project_user)
        user_tasks[0].state = "1_done"
        self.assertEqual(initiative.state, "todo")
        self.assertEqual(key_result.progress, 0.0)
        user_tasks[1].state = "1_done"
        self.assertEqual(initiative.state, "done")
        self.assertEqual(key_result.progress, 100.0)
        # a task reopened reopens the initiative and the milestone
        user_tasks[1].state = "01_in_progress"
        self.assertEqual(initiative.state, "in_progress")
        self.assertEqual(key_result.progress, 0.0)
        # a new open task too
        user_tasks[1].state = "1_done"
        self.assertEqual(initiative.state, "done")
        self._tasks(1, initiative=initiative)
        self.assertEqual(initiative.state, "in_progress")
        # an initiative without tasks keeps its hand-set state
        self.initiative.state = "done"
        self.initiative._okr_sync_state_from_tasks()
        self.assertEqual(self.initiative.state, "done")

    def _count_last_closing(self, task_count):
        _key_result, initiative, tasks = self._milestone(task_count)
        tasks[:-1].write({"state": "1_done"})
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        tasks[-1].with_user(self.okr_project_user).write({"state": "1_done"})
        self.env.flush_all()
        self.assertEqual(initiative.state, "done")
        return self.env.cr.sql_log_count - start

    def test_last_closing_is_constant_in_initiative_size(self):
        # a first closing warms the caches (groups, access rules, templates)
        self._count_last_closing(3)
        small = self._count_last_closing(4)
        large = self._count_last_closing(60)
        self.assertEqual(large, small)
