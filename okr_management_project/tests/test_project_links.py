# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestProjectLinks(OkrProjectCase):
    def test_project_shows_the_okrs_it_serves(self):
        self.assertFalse(self.project.okr_objective_ids)
        other_project = self.env["project.project"].create({"name": "Other"})
        # Served through a task, and through the initiative's own project.
        self._tasks(1)
        second_objective = self.env["okr.objective"].create(
            {
                "name": "Second objective",
                "period_id": self.period.id,
                "team_id": self.okr_team.id,
            }
        )
        second_kr = self.env["okr.key.result"].create(
            {
                "name": "Second key result",
                "objective_id": second_objective.id,
                "source": "initiatives",
            }
        )
        self.env["okr.initiative"].create(
            {
                "name": "Planned here",
                "key_result_id": second_kr.id,
                "project_id": self.project.id,
            }
        )
        self.env.invalidate_all()
        self.assertEqual(
            self.project.okr_objective_ids, self.objective + second_objective
        )
        self.assertEqual(self.project.okr_key_result_ids, self.key_result + second_kr)
        self.assertEqual(self.project.okr_objective_count, 2)
        self.assertFalse(other_project.okr_objective_ids)
        action = self.project.action_view_okr_objectives()
        self.assertEqual(
            self.env["okr.objective"].search(action["domain"]),
            self.objective + second_objective,
        )

    def test_key_result_and_objective_smart_buttons(self):
        self._tasks(3)
        other_project = self.env["project.project"].create({"name": "Other"})
        self.env["project.task"].create(
            {
                "name": "Elsewhere",
                "project_id": other_project.id,
                "okr_initiative_id": self.initiative.id,
            }
        )
        for record in (self.key_result, self.objective):
            self.assertEqual(record.task_count, 4)
            self.assertEqual(record.project_count, 2)
            tasks = self.env["project.task"].search(
                record.action_view_tasks()["domain"]
            )
            self.assertEqual(tasks, self.initiative.task_ids)
            projects = self.env["project.project"].search(
                record.action_view_projects()["domain"]
            )
            self.assertEqual(projects, self.project + other_project)

    def test_project_update_lists_the_okrs(self):
        self._tasks(2)[0].state = "1_done"
        description = (
            self.env["project.update"]
            .with_context(active_id=self.project.id)
            .default_get(["project_id", "description"])["description"]
        )
        self.assertIn("OKRs Served", description)
        self.assertIn("On-time delivery from 40 % to 80 %", description)
        self.assertIn("50 %", description)
        # A project serving no OKR keeps Odoo's update unchanged.
        other = self.env["project.project"].create({"name": "Other"})
        description = (
            self.env["project.update"]
            .with_context(active_id=other.id)
            .default_get(["project_id", "description"])["description"]
        )
        self.assertNotIn("OKRs Served", description)

    def test_create_tasks_wizard(self):
        action = self.initiative.action_create_tasks()
        wizard_form = Form(
            self.env[action["res_model"]].with_context(**action["context"])
        )
        wizard_form.project_id = self.project
        wizard_form.task_names = "Publish the checklist\n\n  Review late orders  \n"
        wizard_form.allocated_hours = 4.0
        self.assertTrue(wizard_form.link_project)
        wizard = wizard_form.save()
        result = wizard.action_create_tasks()
        tasks = self.initiative.task_ids
        self.assertEqual(
            sorted(tasks.mapped("name")),
            ["Publish the checklist", "Review late orders"],
        )
        self.assertEqual(tasks.project_id, self.project)
        self.assertEqual(tasks.mapped("allocated_hours"), [4.0, 4.0])
        self.assertEqual(self.initiative.project_id, self.project)
        self.assertEqual(self.initiative.task_count, 2)
        self.assertEqual(
            self.env["project.task"].search(result["domain"]), self.initiative.task_ids
        )

    def test_create_tasks_wizard_needs_names(self):
        wizard = self.env["okr.initiative.task.wizard"].create(
            {
                "initiative_id": self.initiative.id,
                "project_id": self.project.id,
                "task_names": " \n ",
            }
        )
        with self.assertRaises(UserError):
            wizard.action_create_tasks()
