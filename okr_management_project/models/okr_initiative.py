# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

TASK_DONE = "1_done"
TASK_CANCELED = "1_canceled"


class OkrInitiative(models.Model):
    _inherit = "okr.initiative"  # pylint: disable=consider-merging-classes-inherited

    project_id = fields.Many2one(
        "project.project",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="Project where the work of this initiative is planned.",
    )
    task_ids = fields.One2many(
        "project.task",
        "okr_initiative_id",
        string="Tasks",
        groups="project.group_project_user",
    )
    # Stored with the progress (same compute): the list and the card show them
    # without reading the tasks, which a user without project rights cannot.
    task_count = fields.Integer(
        compute="_compute_task_progress",
        store=True,
        help="Tasks serving this initiative, cancelled ones excluded.",
    )
    task_done_count = fields.Integer(
        string="Done Task Count",
        compute="_compute_task_progress",
        store=True,
    )
    progress = fields.Float(
        compute="_compute_task_progress",
        store=True,
        readonly=False,
        help="Entered by hand while the initiative has no task; once tasks serve "
        "it, the share of them that is done (of their allocated hours when the "
        "company weighs progress by hours). Cancelled tasks do not count.",
    )
    progress_from_tasks = fields.Boolean(
        compute="_compute_task_progress",
        store=True,
        help="Technical: the progress follows the tasks.",
    )

    @api.depends(
        "task_ids.state",
        "task_ids.allocated_hours",
        "task_ids.active",
        "company_id.okr_initiative_progress_by_hours",
    )
    def _compute_task_progress(self):
        # One grouped query for the whole batch: closing a task costs the same
        # whether its initiative has 10 or 500 tasks.
        stats = defaultdict(
            lambda: {"all": 0, "count": 0, "done": 0, "h": 0.0, "hd": 0.0}
        )
        origin_ids = [rec._origin.id for rec in self if rec._origin.id]
        if origin_ids:
            groups = self.env["project.task"]._read_group(
                [("okr_initiative_id", "in", origin_ids)],
                ["okr_initiative_id", "state"],
                ["__count", "allocated_hours:sum"],
            )
            for initiative, state, count, hours in groups:
                row = stats[initiative.id]
                row["all"] += count
                if state == TASK_CANCELED:
                    continue
                row["count"] += count
                row["h"] += hours
                if state == TASK_DONE:
                    row["done"] += count
                    row["hd"] += hours
        for initiative in self:
            row = stats[initiative._origin.id]
            initiative.task_count = row["count"]
            initiative.task_done_count = row["done"]
            initiative.progress_from_tasks = bool(row["all"])
            if not row["all"]:
                # No task: the progress stays what the owner entered.
                continue
            by_hours = initiative.company_id.okr_initiative_progress_by_hours
            if by_hours and row["h"] > 0:
                initiative.progress = 100.0 * row["hd"] / row["h"]
            elif row["count"]:
                initiative.progress = 100.0 * row["done"] / row["count"]
            else:
                initiative.progress = 0.0

    def action_view_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "project.action_view_all_task"
        )
        action.update(
            {
                "name": self.env._("Tasks of %(initiative)s", initiative=self.name),
                "domain": [("okr_initiative_id", "=", self.id)],
                "context": {
                    "default_okr_initiative_id": self.id,
                    "default_project_id": self.project_id.id,
                    "search_default_open_tasks": 0,
                },
            }
        )
        return action

    def action_create_tasks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Create Tasks"),
            "res_model": "okr.initiative.task.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_initiative_id": self.id,
                "default_project_id": self.project_id.id,
            },
        }
