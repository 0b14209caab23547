# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

PROJECT_USER_GROUP = "project.group_project_user"


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"

    task_count = fields.Integer(
        string="Tasks",
        compute="_compute_task_project_counts",
        groups=PROJECT_USER_GROUP,
    )
    project_count = fields.Integer(
        string="Projects",
        compute="_compute_task_project_counts",
        groups=PROJECT_USER_GROUP,
    )

    def _compute_task_project_counts(self):
        counts = self.env["okr.objective"]._okr_task_project_counts(
            self, "okr_key_result_id", "key_result_id"
        )
        for key_result in self:
            key_result.task_count, key_result.project_count = counts[
                key_result._origin.id
            ]

    def action_view_tasks(self):
        self.ensure_one()
        return self.env["okr.objective"]._okr_tasks_action(
            [("okr_key_result_id", "=", self.id)], self.display_name
        )

    def action_view_projects(self):
        self.ensure_one()
        return self.env["okr.objective"]._okr_projects_action(
            [("okr_key_result_id", "=", self.id)],
            [("key_result_id", "=", self.id)],
            self.display_name,
        )
