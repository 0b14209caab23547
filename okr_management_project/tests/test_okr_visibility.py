# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestOkrVisibility(OkrProjectCase):
    """Project updates and tasks name only the OKRs the reader may read, of
    the project's company; an initiative links only to a readable project."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_only_user = new_test_user(
            cls.env,
            login="project_only_user",
            groups="base.group_user,project.group_project_user",
        )
        cls.project.privacy_visibility = "employees"

    def _update_description(self, user):
        return (
            self.env["project.update"]
            .with_user(user)
            .with_context(active_id=self.project.id)
            .default_get(["project_id", "description"])["description"]
        )

    def test_project_update_lists_only_readable_okrs(self):
        self._tasks(1)
        self.assertIn(
            "On-time delivery from 40 % to 80 %",
            self._update_description(self.okr_project_user),
        )
        self.assertNotIn(
            "On-time delivery from 40 % to 80 %",
            self._update_description(self.project_only_user),
        )

    def test_task_names_only_readable_okrs(self):
        task = self._tasks(1)
        self.assertEqual(
            task.with_user(self.okr_project_user).okr_display,
            "Deliver on the promised date › On-time delivery from 40 % to 80 %",
        )
        self.assertFalse(task.with_user(self.project_only_user).okr_display)

    def test_initiative_links_only_to_a_readable_project(self):
        private = self.env["project.project"].create(
            {"name": "Private", "privacy_visibility": "followers"}
        )
        outsider = new_test_user(
            self.env,
            login="okr_outsider",
            groups="base.group_user,project.group_project_user,"
            "okr_management.group_okr_user",
        )
        initiative = self.initiative.with_user(outsider)
        self.initiative.user_id = outsider
        with self.assertRaises(AccessError):
            initiative.project_id = private
        initiative.project_id = self.project
        self.assertEqual(self.initiative.project_id, self.project)
