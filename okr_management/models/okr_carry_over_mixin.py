# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class OkrCarryOverMixin(models.AbstractModel):
    """Carry-over into a later period: a copy linked to its origin, whose
    history stays on the origin.

    The model declares the link itself, as it points to the model's own records:
    ``carry_over_from_id`` (a Many2one to the model) and ``carry_over_ids`` (its
    One2many).
    """

    _name = "okr.carry.over.mixin"
    _description = "OKR Carry-over"

    carry_over_count = fields.Integer(compute="_compute_carry_over_count")

    @api.depends("carry_over_ids")
    def _compute_carry_over_count(self):
        for record in self:
            record.carry_over_count = len(record.carry_over_ids)

    def _carry_over_copy(self, match, default):
        """``(copy, created)``: the carry-over of this record that ``match``
        accepts, else a new copy with ``default``, linked to this record."""
        self.ensure_one()
        copy = self.carry_over_ids.filtered(match)[:1]
        if copy:
            return copy, False
        return self.copy({**default, "carry_over_from_id": self.id}), True

    def action_open_carry_over_origin(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.carry_over_from_id.id,
            "views": [(False, "form")],
        }

    def action_open_carry_overs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Carried Over"),
            "res_model": self._name,
            "views": [(False, "list"), (False, "form")],
            "domain": [("carry_over_from_id", "=", self.id)],
        }
