# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Wizards never show what the user may not read.

Their related fields are read as superuser (names, values, health of the
records they point to): each wizard checks, at create and write, that the user
may read (or, for a change, edit) the records it points to, so a wizard line
made over RPC with someone else's key result is refused.
"""

from odoo import api, models


def okr_check_targets(records, fname, operation):
    if records.env.su:
        return
    records[fname].check_access(operation)


class OkrCheckInWeeklyLine(models.TransientModel):
    _inherit = "okr.check.in.weekly.line"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        okr_check_targets(lines, "key_result_id", "read")
        return lines

    def write(self, vals):
        res = super().write(vals)
        if "key_result_id" in vals:
            okr_check_targets(self, "key_result_id", "read")
        return res


class OkrKeyResultChange(models.TransientModel):
    _inherit = "okr.key.result.change"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        okr_check_targets(wizards, "key_result_id", "write")
        return wizards

    def write(self, vals):
        res = super().write(vals)
        if "key_result_id" in vals:
            okr_check_targets(self, "key_result_id", "write")
        return res


class OkrObjectiveChecklist(models.TransientModel):
    _inherit = "okr.objective.checklist"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        okr_check_targets(wizards, "objective_ids", "write")
        return wizards

    def write(self, vals):
        res = super().write(vals)
        if "objective_ids" in vals:
            okr_check_targets(self, "objective_ids", "write")
        return res
