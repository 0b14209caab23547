# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestOkrAccessFromProject(OkrProjectCase):
    """A project user who is not an OKR user sees which initiative and
    objective a task serves, and cannot change the OKRs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_only_user = new_test_user(
            cls.env,
            login="project_only_user",
            groups="base.group_user,project.group_project_user",
        )
        cls.task = cls._tasks(2)[0]

    def test_project_user_reads_the_okr_names(self):
        task = self.task.with_user(self.project_only_user)
        # the "Objective › Key result" line names only OKRs the reader may
        # read (okr_management_project/tests/test_okr_visibility.py)
        self.assertFalse(task.okr_display)
        # What the task form and the kanban card read.
        values = task.web_read(
            {
                "okr_initiative_id": {"fields": {"display_name": {}}},
                "okr_key_result_id": {"fields": {"display_name": {}}},
                "okr_objective_id": {"fields": {"display_name": {}}},
                "okr_display": {},
            }
        )[0]
        self.assertEqual(
            values["okr_initiative_id"]["display_name"], "Weekly milestone board"
        )
        self.assertEqual(
            values["okr_objective_id"]["display_name"], "Deliver on the promised date"
        )
        # The OKR records themselves stay closed to this user.
        with self.assertRaises(AccessError):
            self.initiative.with_user(self.project_only_user).read(["progress"])

    def test_project_user_cannot_edit_the_okr(self):
        user = self.project_only_user
        with self.assertRaises(AccessError):
            self.initiative.with_user(user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.key_result.with_user(user).write({"target_value": 10.0})
        with self.assertRaises(AccessError):
            self.objective.with_user(user).write({"name": "Renamed"})
        # Nor through the task: linking or unlinking moves an initiative.
        with self.assertRaises(AccessError):
            self.task.with_user(user).write({"okr_initiative_id": False})
        other_task = self.env["project.task"].create(
            {"name": "Unlinked", "project_id": self.project.id}
        )
        with self.assertRaises(AccessError):
            other_task.with_user(user).write({"okr_initiative_id": self.initiative.id})
        with self.assertRaises(AccessError):
            self.env["project.task"].with_user(user).create(
                {
                    "name": "Sneaky",
                    "project_id": self.project.id,
                    "okr_initiative_id": self.initiative.id,
                }
            )
        self.assertEqual(self.initiative.name, "Weekly milestone board")
        self.assertEqual(self.initiative.task_count, 2)

    def test_project_user_work_still_moves_the_okr(self):
        # Doing the work is what moves the key result: no OKR right needed.
        self.task.with_user(self.project_only_user).write(
            {"state": "1_done", "name": "Done by the project user"}
        )
        self.assertAlmostEqual(self.initiative.progress, 50.0)
        self.assertAlmostEqual(self.key_result.progress, 50.0)

    def test_project_user_sees_no_okr_field_on_the_project(self):
        project = self.project.with_user(self.project_only_user)
        with self.assertRaises(AccessError):
            project.read(["okr_objective_ids"])
        # The project form still opens: the OKR fields are left out for them.
        arch = project.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("okr_objective_ids", arch)
        task_arch = self.task.with_user(self.project_only_user).get_views(
            [(False, "form")]
        )["views"]["form"]["arch"]
        self.assertIn('name="okr_display"', task_arch)

    def test_project_sharing_views_name_no_okr_field(self):
        # Portal users (project sharing) cannot read the OKR fields: a view of
        # theirs naming one fails to load in the browser.
        portal = new_test_user(self.env, login="okr_portal", groups="base.group_portal")
        for xmlid in (
            "project.project_sharing_project_task_view_tree",
            "project.project_sharing_project_task_view_kanban",
            "project.project_sharing_project_task_view_form",
            "project.project_sharing_project_task_view_search",
            "project.open_view_blocked_by_list_view",
        ):
            view_id = self.env.ref(xmlid).id
            arch = self.env["project.task"].with_user(portal).get_view(view_id)["arch"]
            self.assertNotIn("okr_", arch, xmlid)

    def test_portal_collaborator_closes_and_reopens_a_task(self):
        portal = new_test_user(
            self.env, login="okr_portal2", groups="base.group_portal"
        )
        self.project.write(
            {
                "privacy_visibility": "portal",
                "collaborator_ids": [
                    Command.create(
                        {"partner_id": portal.partner_id.id, "limited_access": False}
                    )
                ],
            }
        )
        task = self.task.with_user(portal)
        task.write({"state": "1_done"})
        self.assertAlmostEqual(self.key_result.progress, 50.0)
        task.write({"state": "01_in_progress"})
        self.assertAlmostEqual(self.key_result.progress, 0.0)
        self.assertEqual(self.task.okr_reopen_count, 1)
