# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .okr_initiative import TASK_CANCELED, TASK_DONE

OKR_USER_GROUP = "okr_management.group_okr_user"
REWORK_TAG = "okr_management_project.project_tag_rework"


class ProjectTask(models.Model):
    _inherit = "project.task"  # pylint: disable=consider-merging-classes-inherited

    # All OKR fields are for internal users: portal users (project sharing)
    # never read them, and Odoo strips them from the views those users load.
    okr_initiative_id = fields.Many2one(
        "okr.initiative",
        groups="base.group_user",
        string="Initiative",
        index="btree_not_null",
        tracking=True,
        copy=False,
        check_company=True,
        help="The OKR initiative this task serves: closing the task moves the "
        "initiative, its key result and its objective.",
    )
    # Related fields are read as superuser: a project user who is not an OKR
    # user still sees which key result and objective the task serves (names
    # only: the OKR records themselves stay out of reach). Stored to search,
    # filter and group tasks by them.
    okr_key_result_id = fields.Many2one(
        groups="base.group_user",
        related="okr_initiative_id.key_result_id",
        string="Key Result",
        store=True,
        index="btree_not_null",
    )
    okr_objective_id = fields.Many2one(
        groups="base.group_user",
        related="okr_initiative_id.objective_id",
        string="Objective",
        store=True,
        index="btree_not_null",
    )
    okr_initiative_progress = fields.Float(
        groups="base.group_user",
        related="okr_initiative_id.progress",
        string="Initiative Progress",
    )
    okr_display = fields.Char(
        groups="base.group_user",
        string="OKR",
        compute="_compute_okr_display",
        help="The objective and key result this task serves.",
    )
    # Delivery facts for the task metrics (on-time delivery, rework, cycle
    # time): Odoo sets date_end only on folded stages, not when the state
    # becomes done, so the suite keeps its own.
    okr_date_done = fields.Datetime(
        groups="base.group_user",
        string="Done On",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="When the task was last marked as done; cleared when it is reopened.",
    )
    okr_reopen_count = fields.Integer(
        groups="base.group_user",
        string="Times Reopened",
        copy=False,
        readonly=True,
        help="How many times the task went from done back to an open state.",
    )
    okr_done_on_time = fields.Boolean(
        groups="base.group_user",
        string="Done On Time",
        compute="_compute_okr_done_on_time",
        store=True,
        help="Done, with a deadline, and no later than it.",
    )

    okr_is_rework = fields.Boolean(
        groups="base.group_user",
        string="Rework",
        compute="_compute_okr_is_rework",
        store=True,
        help="Reopened after being done, or tagged as rework.",
    )

    @api.depends("okr_reopen_count", "tag_ids")
    def _compute_okr_is_rework(self):
        rework_tag = self.env.ref(REWORK_TAG, raise_if_not_found=False)
        for task in self:
            task.okr_is_rework = bool(
                task.okr_reopen_count or (rework_tag and rework_tag in task.tag_ids)
            )

    @api.depends("okr_key_result_id", "okr_objective_id")
    @api.depends_context("uid")
    def _compute_okr_display(self):
        # Only a key result of the task's company that the reader may read is
        # named: the ids are read as superuser, then filtered with the reader's
        # own rights (one check for the whole recordset).
        tasks = self.sudo()
        readable = (
            tasks.okr_key_result_id.with_env(self.env)._filtered_access("read").sudo()
        )
        for task, task_sudo in zip(self, tasks, strict=True):
            key_result = task_sudo.okr_key_result_id
            company = task_sudo.company_id
            if key_result in readable and (
                not company or key_result.company_id == company
            ):
                # safe: readable by the reader, checked above
                task.okr_display = f"{key_result.objective_id.name} › {key_result.name}"
            else:
                task.okr_display = False

    @api.depends("okr_date_done", "date_deadline")
    def _compute_okr_done_on_time(self):
        for task in self:
            task.okr_done_on_time = bool(
                task.okr_date_done
                and task.date_deadline
                and task.okr_date_done <= task.date_deadline
            )

    def _check_okr_link_access(self):
        # Linking a task moves an initiative: only OKR users may do it, even
        # though project users may write the task itself.
        if self.env.su or self.env.user.has_group(OKR_USER_GROUP):
            return
        raise AccessError(
            self.env._(
                "Only OKR users can change the initiative a task serves. "
                "Ask an OKR user to link this task."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("okr_initiative_id") for vals in vals_list):
            self._check_okr_link_access()
        tasks = super().create(vals_list)
        # Imported tasks may bring their own delivery date.
        done = tasks.sudo().filtered(
            lambda t: t.state == TASK_DONE and not t.okr_date_done
        )
        if done:
            done.write({"okr_date_done": fields.Datetime.now()})
        return tasks

    def write(self, vals):
        if "okr_initiative_id" in vals and any(
            task.okr_initiative_id.id != (vals["okr_initiative_id"] or False)
            for task in self
        ):
            self._check_okr_link_access()
        previous_state = (
            {task.id: task.state for task in self} if "state" in vals else {}
        )
        result = super().write(vals)
        if previous_state:
            # sudo: portal collaborators change states too, without OKR fields.
            self.sudo()._okr_track_state(previous_state)
        return result

    def _okr_track_state(self, previous_state):
        """Date the delivery and count the reopenings, in batches."""
        newly_done = self.browse()
        undone = self.browse()
        reopened = defaultdict(lambda: self.browse())
        for task in self:
            before = previous_state.get(task.id)
            if task.state == TASK_DONE and before != TASK_DONE:
                newly_done |= task
            elif task.state != TASK_DONE and before == TASK_DONE:
                undone |= task
                if task.state != TASK_CANCELED:
                    reopened[task.okr_reopen_count] |= task
        if newly_done:
            newly_done.write({"okr_date_done": fields.Datetime.now()})
        if undone:
            undone.write({"okr_date_done": False})
        for count, tasks in reopened.items():
            tasks.write({"okr_reopen_count": count + 1})
