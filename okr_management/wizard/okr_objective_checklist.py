# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import fields, models

from ..models.okr_selections import CHECKLIST_FIELDS


class OkrObjectiveChecklist(models.TransientModel):
    """The seeds' five questions, answered once before an objective goes live."""

    _name = "okr.objective.checklist"
    _description = "OKR Activation Checklist"

    objective_ids = fields.Many2many("okr.objective", string="Objectives")
    checklist_measurable = fields.Boolean(
        string="Is each key result objectively measurable?"
    )
    checklist_stretch = fields.Boolean(
        string="Do the objectives stretch the team beyond the usual?"
    )
    checklist_aligned = fields.Boolean(
        string="Is there a clear link to the company's objectives?"
    )
    checklist_influence = fields.Boolean(
        string="Can the team influence these results with its daily work?"
    )
    checklist_inspiring = fields.Boolean(
        string="Would the objectives inspire the team if read aloud?"
    )

    def action_confirm(self):
        """Keep the answers on the objectives, then activate them.

        A "no" does not block: the quality coach keeps showing it until the
        objective is refined.
        """
        self.ensure_one()
        answers = {fname: self[fname] for fname in CHECKLIST_FIELDS}
        pending = self.objective_ids.filtered(lambda o: not o.checklist_done)
        pending.check_access("write")
        # safe: write access checked just above; the answers are protected
        # fields that only this wizard writes
        pending.sudo().write(
            {
                **answers,
                "checklist_done": True,
                "checklist_date": fields.Date.context_today(self),
                "checklist_user_id": self.env.user.id,
            }
        )
        items = Markup().join(
            Markup("<li>%s %s</li>")
            % (
                self._fields[fname].get_description(self.env)["string"],
                self.env._("Yes") if answers[fname] else self.env._("No"),
            )
            for fname in CHECKLIST_FIELDS
        )
        for objective in pending:
            objective.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (self.env._("Activation checklist answered:"), items)
            )
        return self.objective_ids.with_context(okr_checklist=False).action_activate()
