# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestInitiativeProgress(OkrProjectCase):
    def test_progress_is_share_of_done_tasks(self):
        tasks = self._tasks(4)
        self.assertEqual(self.initiative.progress, 0.0)
        tasks[:1].state = "1_done"
        self.assertAlmostEqual(self.initiative.progress, 25.0)
        self.assertEqual(
            (self.initiative.task_done_count, self.initiative.task_count), (1, 4)
        )
        # The chain runs in the same transaction, without any save or cron.
        self.assertAlmostEqual(self.key_result.progress, 25.0)
        self.assertAlmostEqual(self.objective.progress, 25.0)

    def test_cancelled_tasks_do_not_count(self):
        tasks = self._tasks(4)
        tasks[0].state = "1_done"
        tasks[1].state = "1_canceled"
        # 1 done out of 3 that still count.
        self.assertAlmostEqual(self.initiative.progress, 100.0 / 3)
        self.assertEqual(self.initiative.task_count, 3)
        tasks[2:].write({"state": "1_canceled"})
        self.assertAlmostEqual(self.initiative.progress, 100.0)
        self.assertAlmostEqual(self.key_result.progress, 100.0)

    def test_reopening_lowers_progress(self):
        tasks = self._tasks(2)
        tasks.write({"state": "1_done"})
        self.assertAlmostEqual(self.key_result.progress, 100.0)
        done_on = tasks[0].okr_date_done
        self.assertTrue(done_on)
        tasks[0].state = "01_in_progress"
        self.assertAlmostEqual(self.initiative.progress, 50.0)
        self.assertAlmostEqual(self.key_result.progress, 50.0)
        self.assertAlmostEqual(self.objective.progress, 50.0)
        # The reopening is remembered for the rework metric.
        self.assertEqual(tasks[0].okr_reopen_count, 1)
        self.assertTrue(tasks[0].okr_is_rework)
        self.assertFalse(tasks[0].okr_date_done)
        self.assertFalse(tasks[1].okr_is_rework)

    def test_progress_weighted_by_allocated_hours(self):
        small, big = self._tasks(1, allocated_hours=2.0) + self._tasks(
            1, allocated_hours=6.0
        )
        small.state = "1_done"
        self.assertAlmostEqual(self.initiative.progress, 50.0)
        self.company.okr_initiative_progress_by_hours = True
        # Switching the setting recomputes the company's initiatives at once.
        self.assertAlmostEqual(self.initiative.progress, 25.0)
        big.state = "1_done"
        small.state = "1_canceled"
        self.assertAlmostEqual(self.initiative.progress, 100.0)
        # A change of the planned hours moves the progress too.
        small.state = "01_in_progress"
        small.allocated_hours = 18.0
        self.assertAlmostEqual(self.initiative.progress, 25.0)

    def test_hours_without_any_estimate_fall_back_to_counts(self):
        self.company.okr_initiative_progress_by_hours = True
        tasks = self._tasks(4)
        tasks[:3].write({"state": "1_done"})
        self.assertAlmostEqual(self.initiative.progress, 75.0)

    def test_initiative_without_tasks_keeps_its_manual_progress(self):
        other = self.env["okr.initiative"].create(
            {
                "name": "Train the team",
                "key_result_id": self.key_result.id,
                "progress": 40.0,
            }
        )
        self.assertFalse(other.progress_from_tasks)
        self.assertAlmostEqual(other.progress, 40.0)
        other.progress = 60.0
        self.assertAlmostEqual(other.progress, 60.0)
        # Its first task takes the progress over.
        self._tasks(1, initiative=other)
        self.assertTrue(other.progress_from_tasks)
        self.assertAlmostEqual(other.progress, 0.0)

    def test_moving_a_task_to_another_initiative_moves_both(self):
        other = self.env["okr.initiative"].create(
            {"name": "Second initiative", "key_result_id": self.key_result.id}
        )
        tasks = self._tasks(2)
        self._tasks(1, initiative=other)
        tasks[0].state = "1_done"
        self.assertAlmostEqual(self.initiative.progress, 50.0)
        tasks[0].okr_initiative_id = other
        self.assertAlmostEqual(self.initiative.progress, 0.0)
        self.assertAlmostEqual(other.progress, 50.0)

    def test_archived_tasks_do_not_count(self):
        tasks = self._tasks(2)
        tasks[0].state = "1_done"
        tasks[1].active = False
        self.assertAlmostEqual(self.initiative.progress, 100.0)

    def test_on_time_delivery_facts(self):
        late, on_time, no_deadline = self._tasks(3)
        late.date_deadline = "2020-01-01 12:00:00"
        on_time.date_deadline = "2999-01-01 12:00:00"
        (late + on_time + no_deadline).write({"state": "1_done"})
        self.assertEqual(
            [t.okr_done_on_time for t in (late, on_time, no_deadline)],
            [False, True, False],
        )

    def test_rework_tag(self):
        task = self._tasks(1)
        self.assertFalse(task.okr_is_rework)
        task.tag_ids = self.env.ref("okr_management_project.project_tag_rework")
        self.assertTrue(task.okr_is_rework)
