# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a key result and a check-in accept.

A new key result starts at its start value; a closed objective's key results
keep the numbers of the close (no check-in, no value or metric write) until a
manager reopens it; a check-in is dated within its key result's period and
never after today, and its author is the user who records it.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MANAGER_GROUP = "okr_management.group_okr_manager"
# the key result's figures that a check-in or a metric refresh moves
VALUE_FIELDS = ("current_value", "confidence")


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # "from 8 h to 4 h" created without a value is at 8 h, not at 0
            # (which would read 100 % and on track before any check-in)
            if "current_value" not in vals:
                vals["current_value"] = vals.get("start_value") or 0.0
        return super().create(vals_list)

    @api.onchange("start_value")
    def _onchange_start_value_current(self):
        # the form sends its current value: a new key result follows its start
        for key_result in self:
            if not key_result._origin.id and not key_result.check_in_ids:
                key_result.current_value = key_result.start_value

    def write(self, vals):
        if any(fname in vals for fname in VALUE_FIELDS):
            self._okr_check_not_closed()
        return super().write(vals)

    def _okr_check_not_closed(self):
        closed = self.filtered(lambda kr: kr.objective_id.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The objective of %(names)s is closed: its numbers stay as they "
                    "were at the close. An OKR manager reopens it first.",
                    names=", ".join(closed.mapped("name")),
                )
            )


class OkrCheckIn(models.Model):
    _inherit = "okr.check.in"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            for vals in vals_list:
                # the author of a check-in is the user who records it
                vals["user_id"] = self.env.uid
        self.env["okr.key.result"].browse(
            {vals.get("key_result_id") for vals in vals_list} - {False, None}
        ).exists()._okr_check_not_closed()
        return super().create(vals_list)

    def write(self, vals):
        if (
            "user_id" in vals
            and not self.env.su
            and not self.env.user.has_group(MANAGER_GROUP)
        ):
            raise AccessError(
                self.env._("The author of a check-in is the user who recorded it.")
            )
        if {"value", "date", "key_result_id"} & set(vals):
            self.key_result_id._okr_check_not_closed()
        return super().write(vals)

    @api.constrains("date", "key_result_id")
    def _check_okr_date(self):
        today = fields.Date.context_today(self)
        for check_in in self:
            period = check_in.key_result_id.period_id
            if check_in.date > today:
                raise ValidationError(
                    self.env._(
                        "A check-in cannot be dated in the future (%(date)s).",
                        date=check_in.date,
                    )
                )
            if period.date_start and not (
                period.date_start <= check_in.date <= period.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "A check-in of %(name)s is dated within its period "
                        "%(period)s (%(start)s - %(end)s), not on %(date)s.",
                        name=check_in.key_result_id.name,
                        period=period.display_name,
                        start=period.date_start,
                        end=period.date_end,
                        date=check_in.date,
                    )
                )
