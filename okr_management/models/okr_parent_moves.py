# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A record moved to another parent stays where its rights put it.

The record rules check the record being written, not where it goes: a key
result's owner could move it under an objective they may not edit, and so
change someone else's progress. Each move re-checks the user's write access on
the new parent (an objective, a key result); aligning an objective needs to
read its new parent, and no objective moves into or out of a closed period.
The companies stay consistent through ``check_company`` on every relational
field between OKR records.
"""

from odoo import fields, models
from odoo.exceptions import ValidationError


def okr_check_new_parent(records, vals, fname, operation="write"):
    """Check ``operation`` access on the parent ``vals[fname]`` moves to."""
    if records.env.su or not vals.get(fname) or fname not in records._fields:
        return
    comodel = records._fields[fname].comodel_name
    new_parent = records.env[comodel].browse(vals[fname])
    if any(record[fname] != new_parent for record in records):
        new_parent.check_access(operation)


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        okr_check_new_parent(self, vals, "objective_id")
        return super().write(vals)


class OkrInitiative(models.Model):
    _inherit = "okr.initiative"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        okr_check_new_parent(self, vals, "key_result_id")
        return super().write(vals)


class OkrCheckIn(models.Model):
    _inherit = "okr.check.in"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        okr_check_new_parent(self, vals, "key_result_id")
        return super().write(vals)


class OkrObjective(models.Model):
    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        okr_check_new_parent(self, vals, "parent_id", "read")
        if vals.get("period_id") and not self.env.su:
            period = self.env["okr.period"].browse(vals["period_id"])
            period.check_access("read")
            moved = self.filtered(lambda o: o.period_id != period)
            if moved and "closed" in (period | moved.period_id).mapped("state"):
                raise ValidationError(
                    self.env._(
                        "An objective does not move into or out of a closed period."
                    )
                )
        return super().write(vals)


class OkrRetrospectiveLine(models.Model):
    _inherit = "okr.retrospective.line"  # pylint: disable=consider-merging-classes-inherited

    carry_key_result_ids = fields.Many2many(check_company=True)
