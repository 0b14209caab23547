# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

REWORK_TAG_MODULE = "okr_management_project"
REWORK_TAG_NAME = "project_tag_rework"


class ProjectTags(models.Model):
    _inherit = "project.tags"

    @api.model
    def _okr_ensure_rework_tag(self):
        """Give the "Rework" tag an xml id, reusing a tag of that name if any.

        Tag names are unique: a plain data record would fail to install in a
        database that already has a "Rework" tag.
        """
        if self.env.ref(
            f"{REWORK_TAG_MODULE}.{REWORK_TAG_NAME}", raise_if_not_found=False
        ):
            return
        tag = self.with_context(lang="en_US").search(
            [("name", "=ilike", "rework")], limit=1
        ) or self.with_context(lang="en_US").create({"name": "Rework", "color": 1})
        self.env["ir.model.data"].create(
            {
                "module": REWORK_TAG_MODULE,
                "name": REWORK_TAG_NAME,
                "model": tag._name,
                "res_id": tag.id,
                "noupdate": True,
            }
        )
        # Tasks already wearing a reused tag are rework from now on.
        tasks = tag.with_context(active_test=False).task_ids
        if tasks:
            self.env.add_to_compute(tasks._fields["okr_is_rework"], tasks)
