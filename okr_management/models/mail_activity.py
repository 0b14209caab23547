# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MailActivity(models.Model):
    """A monthly review decision is done when its activity is marked done."""

    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        # sudo: the owner of the activity (allowed to mark it done, which the
        # archiving at the end of super() checks) need not have write access
        # on the review; only the done flag of the decision behind this very
        # activity follows.
        decisions = (
            self.env["okr.monthly.review.decision"]
            .sudo()
            .search([("activity_id", "in", self.ids), ("done", "=", False)])
        )
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        decisions.write({"done": True})
        return result
