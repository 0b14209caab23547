# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from odoo import api, models
from odoo.fields import Domain

from .okr_initiative import TASK_DONE


class OkrInitiative(models.Model):
    """The chain from work to result (seed 002): an initiative whose tasks
    (cancelled ones aside) are all done is done, and reopens with a task, so a
    key result measured by its initiatives moves in the same transaction."""

    _inherit = "okr.initiative"  # pylint: disable=consider-merging-classes-inherited

    def _okr_sync_state_from_tasks(self):
        """Done when every counted task is done, back in progress when one
        reopens; two writes at most, whatever the number of initiatives."""
        to_done = self.browse()
        to_reopen = self.browse()
        for initiative in self:
            if not initiative.task_count:
                continue
            all_done = initiative.task_done_count == initiative.task_count
            if all_done and initiative.state not in ("done", "cancelled"):
                to_done |= initiative
            elif not all_done and initiative.state == "done":
                to_reopen |= initiative
        if to_done:
            to_done.write({"state": "done"})
        if to_reopen:
            to_reopen.write({"state": "in_progress"})


class OkrObjective(models.Model):
    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _okr_tasks_done_between(self, date_from, date_to):
        return Domain("okr_date_done", ">=", datetime.combine(date_from, time.min)) & (
            Domain("okr_date_done", "<=", datetime.combine(date_to, time.max))
        )

    def _okr_work_done_objective_ids(self, date_from, date_to):
        ids = super()._okr_work_done_objective_ids(date_from, date_to)
        if not self.ids:
            return ids
        for objective, _count in self.env["project.task"]._read_group(
            Domain("okr_objective_id", "in", self.ids)
            & Domain("state", "=", TASK_DONE)
            & self._okr_tasks_done_between(date_from, date_to),
            ["okr_objective_id"],
            ["__count"],
        ):
            ids.add(objective.id)
        return ids
