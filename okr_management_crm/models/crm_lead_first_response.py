# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmLead(models.Model):
    """The first answer to a lead (seed 002, "first response under 5
    minutes"): the first message, note or done activity (a call) a salesperson
    logs on it, kept by the chatter."""

    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    okr_first_response_date = fields.Datetime(
        string="First Response",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When a salesperson first answered the lead: the first message or "
        "note they posted, or the first activity (a call, an email) they marked "
        "done on it. The CRM preset 'First Response Time' measures from the "
        "creation to this date.",
    )

    def _message_post_after_hook(self, message, msg_values):
        res = super()._message_post_after_hook(message, msg_values)
        if not self.okr_first_response_date and self._okr_is_first_response(
            message, msg_values
        ):
            # the poster may only read the lead (an activity marked done is
            # posted in sudo): the date is the chatter's fact, not their edit
            self.sudo().okr_first_response_date = message.date or fields.Datetime.now()
        return res

    def _okr_is_first_response(self, message, msg_values):
        """A message or note, or an activity marked done, by an internal user
        other than the system: not the customer's email, not a tracking."""
        author = message.author_id
        if (
            not author
            or author == self.env.ref("base.partner_root")
            or not author.user_ids.filtered(lambda user: not user.share)
        ):
            return False
        message_type = msg_values.get("message_type", message.message_type)
        activity_done = message.subtype_id == self.env.ref("mail.mt_activities")
        return message_type == "comment" or activity_done
