# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..models.okr_selections import GOVERNED_FIELDS


class OkrKeyResultChange(models.TransientModel):
    """Change the start, target or weight of a key result, with a reason."""

    _name = "okr.key.result.change"
    _description = "OKR Key Result Change"

    key_result_id = fields.Many2one("okr.key.result", required=True)
    objective_state = fields.Selection(
        related="key_result_id.objective_id.state", compute_sudo=False
    )
    start_value = fields.Float(
        string="Start", compute="_compute_values", store=True, readonly=False
    )
    target_value = fields.Float(
        string="Target", compute="_compute_values", store=True, readonly=False
    )
    weight = fields.Float(compute="_compute_values", store=True, readonly=False)
    reason = fields.Text(
        required=True,
        help="Why this key result changes within the period: kept in its chatter "
        "beside the old and new values.",
    )

    @api.depends("key_result_id")
    def _compute_values(self):
        for wizard in self:
            for fname in GOVERNED_FIELDS:
                wizard[fname] = wizard.key_result_id[fname]

    def action_apply(self):
        self.ensure_one()
        key_result = self.key_result_id
        vals = {
            fname: self[fname]
            for fname in GOVERNED_FIELDS
            if float_compare(self[fname], key_result[fname], precision_digits=6)
        }
        if not vals:
            raise UserError(self.env._("Nothing changed: change a value first."))
        key_result.with_context(okr_change_reason=self.reason).write(vals)
        return {"type": "ir.actions.act_window_close"}
