# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..engine import progress as okr_math
from .okr_selections import CHECKLIST_FIELDS

# RACI: responsible is the owner (user_id), the others are these fields; the
# contributors do the work with the owner.
RACI_FIELDS = (
    "user_id",
    "accountable_id",
    "contributor_ids",
    "consulted_ids",
    "informed_ids",
)


class OkrObjective(models.Model):
    """Governance of an objective: who is involved (RACI, as followers), the
    activation checklist, closing and carrying over into the next period."""

    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    # -- RACI ------------------------------------------------------------------
    contributor_ids = fields.Many2many(
        "res.users",
        "okr_objective_contributor_rel",
        "objective_id",
        "user_id",
        string="Contributors",
        domain="[('share', '=', False)]",
    )
    accountable_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Who answers for the outcome and approves changes (the A of RACI); "
        "the owner is the responsible one.",
    )
    consulted_ids = fields.Many2many(
        "res.users",
        "okr_objective_consulted_rel",
        "objective_id",
        "user_id",
        domain="[('share', '=', False)]",
        help="Asked for their opinion before decisions (the C of RACI).",
    )
    informed_ids = fields.Many2many(
        "res.users",
        "okr_objective_informed_rel",
        "objective_id",
        "user_id",
        domain="[('share', '=', False)]",
        help="Kept up to date on progress (the I of RACI).",
    )

    # -- activation checklist ---------------------------------------------------
    checklist_measurable = fields.Boolean(
        string="Each key result is measurable", copy=False
    )
    checklist_stretch = fields.Boolean(
        string="It stretches the team beyond the usual", copy=False
    )
    checklist_aligned = fields.Boolean(
        string="Clearly tied to a company objective", copy=False
    )
    checklist_influence = fields.Boolean(
        string="Within the team's direct influence", copy=False
    )
    checklist_inspiring = fields.Boolean(string="Inspiring when read aloud", copy=False)
    checklist_done = fields.Boolean(
        string="Checklist Answered", readonly=True, copy=False
    )
    checklist_date = fields.Date(readonly=True, copy=False)
    checklist_user_id = fields.Many2one(
        "res.users", string="Checklist Answered By", readonly=True, copy=False
    )

    # -- carry-over (okr.carry.over.mixin) ---------------------------------------
    carry_over_from_id = fields.Many2one(
        "okr.objective",
        string="Carried Over From",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        check_company=True,
        help="The objective of an earlier period this one continues.",
    )
    carry_over_ids = fields.One2many(
        "okr.objective", "carry_over_from_id", string="Carried Over To"
    )
    # The inverse of okr.retrospective.line.objective_id: a key result whose
    # progress moves reaches the lines proposing it for carry-over through the
    # cache, not with a search at each write.
    retrospective_line_ids = fields.One2many(
        "okr.retrospective.line", "objective_id", string="Retrospective Lines"
    )

    # ------------------------------------------------------------------
    # CRUD: followers follow from the RACI
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        objectives = super().create(vals_list)
        # create and write checked the rights already: sudo spares the
        # followers' own access checks
        for objective in objectives:
            objective.sudo().message_subscribe(objective._raci_partners().ids)
        return objectives

    def write(self, vals):
        if not set(RACI_FIELDS) & set(vals):
            return super().write(vals)
        before = {objective: objective._raci_partners() for objective in self}
        res = super().write(vals)
        for objective in self:
            after = objective._raci_partners()
            objective.sudo().message_subscribe((after - before[objective]).ids)
            # who leaves every role stops following
            gone = before[objective] - after
            if gone:
                objective.sudo().message_unsubscribe(gone.ids)
        return res

    def _raci_partners(self):
        self.ensure_one()
        users = (
            self.user_id
            | self.accountable_id
            | self.contributor_ids
            | self.consulted_ids
            | self.informed_ids
        )
        return users.partner_id

    def _checklist_no_answers(self):
        """Labels of the questions answered no (for an answered checklist)."""
        self.ensure_one()
        if not self.checklist_done:
            return []
        return [
            self._fields[fname].get_description(self.env)["string"]
            for fname in CHECKLIST_FIELDS
            if not self[fname]
        ]

    # ------------------------------------------------------------------
    # Lifecycle: activate (after the checklist), close, cancel, reset
    # ------------------------------------------------------------------
    def action_activate(self):
        # The form's button asks for the checklist (context okr_checklist);
        # imports, demo data and code activate directly.
        if self.env.context.get("okr_checklist"):
            pending = self.filtered(
                lambda o: o.state == "draft" and not o.checklist_done
            )
            if pending:
                return {
                    "type": "ir.actions.act_window",
                    "name": self.env._("Before Activating: the OKR Checklist"),
                    "res_model": "okr.objective.checklist",
                    "views": [(False, "form")],
                    "target": "new",
                    "context": {
                        "default_objective_ids": [fields.Command.set(self.ids)],
                    },
                }
        # past the checklist: the write below never asks for it again
        objectives = self.with_context(okr_checklist=False)
        if objectives.filtered(lambda o: o.state != "draft"):
            raise UserError(self.env._("Only draft objectives can be activated."))
        objectives.write({"state": "active"})
        return True

    def action_close(self):
        """Close and freeze the scores of the objectives and their key results."""
        if self.filtered(lambda o: o.state == "cancelled"):
            raise UserError(self.env._("A cancelled objective cannot be closed."))
        to_close = self.filtered(lambda o: o.state != "closed")
        for key_result in to_close.key_result_ids:
            key_result.score = okr_math.score(key_result.progress)
        for objective in to_close:
            score = okr_math.score(objective.progress)
            objective.write(
                {
                    "state": "closed",
                    "score": score,
                    "is_achieved": okr_math.is_achieved(score, objective.okr_type),
                }
            )
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        self.write({"state": "draft", "score": 0.0, "is_achieved": False})
        self.key_result_ids.write({"score": 0.0})
        return True

    # ------------------------------------------------------------------
    # Carry-over into the next period
    # ------------------------------------------------------------------
    def _carry_over_to(self, period, key_results=None):
        """Copy this objective into ``period`` with ``key_results`` (all of them
        by default), linked to it; an earlier copy in that period is reused."""
        self.ensure_one()
        key_results = self.key_result_ids if key_results is None else key_results
        copy, created = self._carry_over_copy(
            lambda o: o.period_id == period and o.state != "cancelled",
            {
                "period_id": period.id,
                "parent_id": self._carry_over_parent(period).id,
                "key_result_ids": [],
            },
        )
        if created:
            copy.message_post(
                body=Markup(self.env._("Carried over from %(origin)s (%(period)s)."))
                % {
                    "origin": self._get_html_link(),
                    "period": self.period_id.display_name,
                }
            )
            self.message_post(
                body=Markup(self.env._("Carried over to %(copy)s (%(period)s)."))
                % {"copy": copy._get_html_link(), "period": period.display_name}
            )
        key_results._carry_over_to(copy)
        return copy

    def _carry_over_parent(self, period):
        """The objective the copy aligns to: the parent when its period still
        holds ``period``, else the parent's own carry-over in ``period``."""
        parent = self.parent_id
        if not parent:
            return parent
        outer = parent.period_id
        if outer.date_start <= period.date_start and period.date_end <= outer.date_end:
            return parent
        return parent.carry_over_ids.filtered(lambda o: o.period_id == period)[:1]
