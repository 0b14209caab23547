# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class OkrInitiativeTaskWizard(models.TransientModel):
    _name = "okr.initiative.task.wizard"
    _description = "Create Tasks for an Initiative"

    initiative_id = fields.Many2one("okr.initiative", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="initiative_id.company_id", compute_sudo=False)
    project_id = fields.Many2one(
        "project.project",
        required=True,
        domain="[('is_template', '=', False), "
        "'|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    task_names = fields.Text(
        string="Tasks",
        required=True,
        help="One task per line.",
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Assignees",
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Datetime(string="Deadline")
    allocated_hours = fields.Float(
        string="Allocated Time per Task",
        help="Hours planned for each task; they weigh the initiative's progress "
        "when the company counts it by hours.",
    )
    link_project = fields.Boolean(
        string="Plan the Initiative in this Project",
        compute="_compute_link_project",
        store=True,
        readonly=False,
    )

    @api.depends("initiative_id", "project_id")
    def _compute_link_project(self):
        for wizard in self:
            wizard.link_project = not wizard.initiative_id.project_id

    def _task_values(self):
        self.ensure_one()
        names = [line.strip() for line in (self.task_names or "").splitlines()]
        return [
            {
                "name": name,
                "project_id": self.project_id.id,
                "okr_initiative_id": self.initiative_id.id,
                "user_ids": [fields.Command.set(self.user_ids.ids)],
                "date_deadline": self.date_deadline,
                "allocated_hours": self.allocated_hours,
            }
            for name in names
            if name
        ]

    def action_create_tasks(self):
        self.ensure_one()
        vals_list = self._task_values()
        if not vals_list:
            raise UserError(self.env._("Write at least one task name, one per line."))
        self.env["project.task"].create(vals_list)
        if self.link_project:
            self.initiative_id.project_id = self.project_id
        return self.initiative_id.action_view_tasks()
