# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestPropagationQueries(OkrProjectCase):
    """Closing a task costs the same whatever the size of its initiative."""

    def _initiative_with_tasks(self, count):
        initiative = self.env["okr.initiative"].create(
            {"name": f"{count} tasks", "key_result_id": self.key_result.id}
        )
        tasks = self._tasks(count, initiative=initiative, allocated_hours=1.0)
        tasks[: count // 2].write({"state": "1_done"})
        return initiative, tasks[count // 2 :]

    def _close(self, task):
        """Close ``task`` as a project user and read the moved numbers."""
        task.with_user(self.okr_project_user).write({"state": "1_done"})
        self.env.flush_all()
        return (
            task.okr_initiative_id.progress,
            self.key_result.progress,
            self.objective.progress,
        )

    def _count_closing(self, open_tasks):
        # A first closing warms the caches (groups, access rules, templates).
        self._close(open_tasks[0])
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        self._close(open_tasks[1])
        return self.env.cr.sql_log_count - start

    def test_closing_a_task_is_constant_in_initiative_size(self):
        small, small_open = self._initiative_with_tasks(10)
        big, big_open = self._initiative_with_tasks(500)
        small_queries = self._count_closing(small_open)
        self.assertAlmostEqual(small.progress, 70.0)

        self._close(big_open[0])
        self.env.invalidate_all()
        with self.assertQueryCount(small_queries):
            progress, kr_progress, objective_progress = self._close(big_open[1])
        # 252 done of 500; the key result is the mean of its three initiatives
        # (the one of the common setup has no task and stays at 0).
        self.assertAlmostEqual(progress, 50.4)
        self.assertAlmostEqual(kr_progress, (0.0 + 70.0 + 50.4) / 3)
        self.assertAlmostEqual(objective_progress, kr_progress)
