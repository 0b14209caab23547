# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain


class OkrCheckInWeekly(models.TransientModel):
    _name = "okr.check.in.weekly"
    _description = "Weekly Check-in"

    user_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True
    )
    date = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self)
    )
    line_ids = fields.One2many(
        "okr.check.in.weekly.line", "wizard_id", string="Key Results"
    )
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for wizard in self:
            wizard.line_count = len(wizard.line_ids)

    @api.model
    def _key_results_domain(self):
        """My key results in play: owned by me (or, without owner, on my
        objectives) on an active objective."""
        uid = self.env.uid
        return Domain("state", "=", "active") & (
            Domain("user_id", "=", uid)
            | (Domain("user_id", "=", False) & Domain("objective_id.user_id", "=", uid))
        )

    @api.model
    def _refresh_stale_metrics(self, key_results):
        """Give metric key results a fresh value before the user confirms it."""
        hour_ago = fields.Datetime.now() - timedelta(hours=1)
        stale = key_results.filtered(
            lambda kr: (
                kr.source == "metric"
                and kr.metric_id
                and (not kr.metric_last_refresh or kr.metric_last_refresh < hour_ago)
            )
        )
        # only those the user may write (the refresh writes their value); the
        # system writes after that check, computed with each owner's rights
        stale = stale._filtered_access("write")
        if stale:
            stale.sudo()._refresh_metric()

    @api.model
    def _prepare_lines(self, key_results):
        return [
            Command.create(
                {
                    "key_result_id": key_result.id,
                    "sequence": index,
                    # a metric's or the last check-in's value: confirm or change
                    "previous_value": key_result.current_value,
                    "value": key_result.current_value,
                    "previous_confidence": key_result.confidence
                    if key_result.check_in_count
                    else 5,
                    "confidence": key_result.confidence
                    if key_result.check_in_count
                    else 5,
                }
            )
            for index, key_result in enumerate(key_results)
        ]

    @api.model
    def action_open(self):
        """Open the weekly check-in on all my key results (menu, board, activity)."""
        key_results = self.env["okr.key.result"].search(
            self._key_results_domain(),
            order="period_id, objective_id, sequence, id",
        )
        self._refresh_stale_metrics(key_results)
        wizard = self.create({"line_ids": self._prepare_lines(key_results)})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Weekly Check-in"),
            "res_model": self._name,
            "res_id": wizard.id,
            "views": [(False, "form")],
            "target": "new",
            "context": {"dialog_size": "extra-large"},
        }

    def action_save(self):
        """One check-in per key result touched; closes my check-in reminders."""
        self.ensure_one()
        lines = self.line_ids.filtered("is_touched")
        if not lines:
            raise UserError(
                self.env._(
                    "Nothing to check in yet: give a key result a new value or "
                    "confidence, answer a question, or tick “Checked” to confirm "
                    "that nothing changed."
                )
            )
        check_ins = self.env["okr.check.in"].create(
            [line._prepare_check_in(self.date) for line in lines]
        )
        reminders = self.env["mail.activity"].search(
            [
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("okr_management.mail_activity_type_okr_check_in").id,
                ),
                ("user_id", "=", self.env.uid),
            ]
        )
        if reminders:
            reminders.action_feedback(
                feedback=self.env._(
                    "%(count)s key results checked in.", count=len(check_ins)
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Checked in on %(count)s key results. Thank you!",
                    count=len(check_ins),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
