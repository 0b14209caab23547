# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class OkrCheckInWeeklyLine(models.TransientModel):
    _name = "okr.check.in.weekly.line"
    _description = "Weekly Check-in: one Key Result"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "okr.check.in.weekly", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    key_result_id = fields.Many2one("okr.key.result", required=True, ondelete="cascade")
    key_result_name = fields.Char(related="key_result_id.name", compute_sudo=False)
    objective_id = fields.Many2one(
        related="key_result_id.objective_id", compute_sudo=False
    )
    source = fields.Selection(related="key_result_id.source", compute_sudo=False)
    unit = fields.Selection(related="key_result_id.unit", compute_sudo=False)
    start_value = fields.Float(related="key_result_id.start_value", compute_sudo=False)
    target_value = fields.Float(
        related="key_result_id.target_value", compute_sudo=False
    )
    health = fields.Selection(related="key_result_id.health", compute_sudo=False)
    last_check_in_date = fields.Date(
        related="key_result_id.last_check_in_date", compute_sudo=False
    )
    previous_value = fields.Float(string="Last Value")
    value = fields.Float(string="New Value")
    previous_confidence = fields.Integer(string="Last Confidence")
    confidence = fields.Integer(help="0: no chance to reach the target, 10: certain.")
    progress = fields.Float(
        compute="_compute_progress",
        help="Progress of the key result at the new value.",
    )
    progress_note = fields.Text(string="What Moved?")
    blocker_note = fields.Text(string="What Is Blocked?")
    attention_note = fields.Text(string="What Needs Attention?")
    is_touched = fields.Boolean(
        string="Checked",
        compute="_compute_is_touched",
        store=True,
        readonly=False,
        help="Saved as a check-in. Set by any change; tick it to confirm a key "
        "result that did not move.",
    )

    _confidence_range = models.Constraint(
        "CHECK (confidence >= 0 AND confidence <= 10)",
        "The confidence must lie between 0 and 10.",
    )

    @api.depends("value", "key_result_id")
    def _compute_progress(self):
        for line in self:
            key_result = line.key_result_id
            line.progress = (
                key_result._progress_for_value(line.value)[0] if key_result else 0.0
            )

    @api.depends(
        "value",
        "confidence",
        "progress_note",
        "blocker_note",
        "attention_note",
    )
    def _compute_is_touched(self):
        for line in self:
            line.is_touched = bool(
                line.value != line.previous_value
                or line.confidence != line.previous_confidence
                or line.progress_note
                or line.blocker_note
                or line.attention_note
            )

    def _prepare_check_in(self, date):
        self.ensure_one()
        key_result = self.key_result_id
        return {
            "key_result_id": key_result.id,
            "date": date,
            # only a manual key result takes its value from the check-in
            "value": self.value
            if key_result.source == "manual"
            else key_result.current_value,
            "confidence": self.confidence,
            "progress_note": self.progress_note,
            "blocker_note": self.blocker_note,
            "attention_note": self.attention_note,
        }
