# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import fields, models

OKR_USER_GROUP = "okr_management.group_okr_user"


class ProjectProject(models.Model):
    _inherit = "project.project"

    okr_initiative_ids = fields.One2many(
        "okr.initiative",
        "project_id",
        string="Initiatives",
        groups=OKR_USER_GROUP,
    )
    okr_served_initiative_ids = fields.Many2many(
        "okr.initiative",
        string="Initiatives Served",
        compute="_compute_okr_served",
        groups=OKR_USER_GROUP,
        help="Initiatives planned in this project or served by its tasks.",
    )
    okr_key_result_ids = fields.Many2many(
        "okr.key.result",
        string="Key Results Served",
        compute="_compute_okr_served",
        groups=OKR_USER_GROUP,
    )
    okr_objective_ids = fields.Many2many(
        "okr.objective",
        string="Objectives Served",
        compute="_compute_okr_served",
        groups=OKR_USER_GROUP,
    )
    okr_objective_count = fields.Integer(
        string="OKRs",
        compute="_compute_okr_served",
        groups=OKR_USER_GROUP,
    )

    def _compute_okr_served(self):
        initiative_ids = defaultdict(set)
        project_ids = [pid for pid in self._origin.ids if pid]
        if project_ids:
            # Tasks are read as superuser only to find the initiatives; the
            # initiatives shown are then filtered with the user's own rights.
            linked = (
                self.env["okr.initiative"]
                .sudo()
                ._read_group(
                    [("project_id", "in", project_ids)],
                    ["project_id"],
                    ["id:array_agg"],
                )
            )
            through_tasks = (
                self.env["project.task"]
                .sudo()
                ._read_group(
                    [
                        ("project_id", "in", project_ids),
                        ("okr_initiative_id", "!=", False),
                    ],
                    ["project_id"],
                    ["okr_initiative_id:array_agg"],
                )
            )
            for project, ids in linked + through_tasks:
                initiative_ids[project.id].update(ids)
        all_ids = set().union(*initiative_ids.values()) if initiative_ids else set()
        readable = (
            self.env["okr.initiative"].browse(list(all_ids))._filtered_access("read")
        )
        readable_ids = set(readable.ids)
        for project in self:
            initiatives = readable.browse(
                sorted(initiative_ids[project._origin.id] & readable_ids)
            )
            project.okr_served_initiative_ids = initiatives
            project.okr_key_result_ids = initiatives.key_result_id
            project.okr_objective_ids = initiatives.objective_id
            project.okr_objective_count = len(initiatives.objective_id)

    def action_view_okr_objectives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "okr_management.action_okr_objective"
        )
        action.update(
            {
                "name": self.env._("OKRs of %(project)s", project=self.name),
                "domain": [("id", "in", self.okr_objective_ids.ids)],
                "context": {"create": False},
            }
        )
        return action
