# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# the task fields that can finish or reopen an initiative
STATE_FIELDS = {"state", "okr_initiative_id", "active", "stage_id"}


class ProjectTask(models.Model):
    _inherit = "project.task"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        # sudo reads only the link: a project user may not be an OKR user
        tasks._okr_sync_initiatives(tasks.sudo().okr_initiative_id)
        return tasks

    def write(self, vals):
        # sudo reads only the link (see create); the write itself is checked
        before = self.sudo().okr_initiative_id if STATE_FIELDS & set(vals) else None
        result = super().write(vals)
        if before is not None:
            self._okr_sync_initiatives(before | self.sudo().okr_initiative_id)
        return result

    def _okr_sync_initiatives(self, initiatives):
        # sudo: whoever may close a task moves its initiative, as the task's
        # progress already does; only the state follows the tasks here
        if initiatives:
            initiatives.sudo()._okr_sync_state_from_tasks()
