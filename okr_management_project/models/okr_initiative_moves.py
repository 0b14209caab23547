# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class OkrInitiative(models.Model):
    """An initiative planned in a project: the user must be able to read that
    project (a link does not change the project, so read access is enough);
    ``check_company`` keeps both in one company."""

    _inherit = "okr.initiative"  # pylint: disable=consider-merging-classes-inherited

    def _okr_check_project(self, project_ids):
        if self.env.su:
            return
        ids = {pid for pid in project_ids if pid}
        if ids:
            self.env["project.project"].browse(ids).check_access("read")

    @api.model_create_multi
    def create(self, vals_list):
        self._okr_check_project(vals.get("project_id") for vals in vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("project_id") and any(
            initiative.project_id.id != vals["project_id"] for initiative in self
        ):
            self._okr_check_project([vals["project_id"]])
        return super().write(vals)
