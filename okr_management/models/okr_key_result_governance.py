# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from ..engine import evaluation
from ..engine import progress as okr_math
from .okr_selections import GOVERNED_FIELDS, SCORE_BAND_SELECTION

# the initiatives that go on in the next period with a carried-over key result
OPEN_INITIATIVE_STATES = ("todo", "in_progress", "blocked")


class OkrKeyResult(models.Model):
    """Governance of a key result: a reason for each change once its objective
    is active, carry-over into the next period, and the quarterly evaluation
    (score band, team)."""

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    # -- carry-over (okr.carry.over.mixin) ---------------------------------------
    carry_over_from_id = fields.Many2one(
        "okr.key.result",
        string="Carried Over From",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        check_company=True,
        help="The key result of an earlier period this one continues; its "
        "check-ins stay there.",
    )
    carry_over_ids = fields.One2many(
        "okr.key.result", "carry_over_from_id", string="Carried Over To"
    )

    # -- evaluation ----------------------------------------------------------------
    evaluation_score = fields.Float(
        compute="_compute_evaluation",
        store=True,
        aggregator="avg",
        help="The frozen score once the objective is closed, else the progress "
        "as a 0.0-1.0 score.",
    )
    score_band = fields.Selection(
        SCORE_BAND_SELECTION,
        compute="_compute_evaluation",
        store=True,
        index=True,
        help="Fail below 0.3, commit from 0.3, target from 0.7, stretch from 1.0 "
        "(an overshoot counts as stretch).",
    )
    evaluation_team_id = fields.Many2one(
        "okr.objective",
        compute="_compute_evaluation_team",
        store=True,
        index="btree_not_null",
        help="The team-level objective this key result rolls up into: its own "
        "objective, or the nearest team objective it is aligned to.",
    )

    @api.depends("state", "score", "progress", "raw_progress")
    def _compute_evaluation(self):
        for key_result in self:
            if key_result.state == "closed":
                # frozen at close: later value moves do not change the band
                score = key_result.score
                raw = None
            else:
                score = okr_math.score(key_result.progress)
                raw = key_result.raw_progress
            key_result.evaluation_score = score
            key_result.score_band = evaluation.score_band(score, raw)

    # A re-parent anywhere up the chain rewrites the parent path of every
    # objective below it; a level changing up the chain reaches the key results
    # below through the searchable alignment chain.
    @api.depends(
        "objective_id.level",
        "objective_id.parent_path",
        "objective_id.ancestor_ids.level",
    )
    def _compute_evaluation_team(self):
        objectives = self.objective_id
        chains = {objective: objective._alignment_chain() for objective in objectives}
        # the levels of every objective up the chains, in one read
        self.env["okr.objective"].union(*chains.values()).fetch(["level"])
        for key_result in self:
            objective = key_result.objective_id
            team = next(
                (node for node in chains.get(objective, ()) if node.level == "team"),
                None,
            )
            key_result.evaluation_team_id = team or objective

    # ------------------------------------------------------------------
    # A reason for each change of an active key result
    # ------------------------------------------------------------------
    def write(self, vals):
        # Governance first (this file loads after the metric source): a refused
        # change never reaches the metric refresh.
        changed = self._governed_changes(vals)
        if changed:
            reason = (self.env.context.get("okr_change_reason") or "").strip()
            if not reason:
                raise UserError(
                    self.env._(
                        "The objective of %(names)s is active: its start, target and "
                        "weight stay stable for the period. Use the Change button "
                        "and give a reason to change them.",
                        names=", ".join(changed.mapped("name")),
                    )
                )
            # the tracking message of this write carries the reason beside the
            # old and new values
            changed._track_set_log_message(
                Markup("<p>%s</p>")
                % self.env._("Change reason: %(reason)s", reason=reason)
            )
        return super().write(vals)

    def _governed_changes(self, vals):
        """The key results of active objectives that ``vals`` really changes."""
        fnames = [fname for fname in GOVERNED_FIELDS if fname in vals]
        if not fnames:
            return self.browse()
        return self.filtered(
            lambda kr: (
                kr.objective_id.state == "active"
                and any(
                    float_compare(vals[fname] or 0.0, kr[fname], precision_digits=6)
                    for fname in fnames
                )
            )
        )

    def action_open_change(self):
        """Open the wizard that changes start, target or weight with a reason."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change %(name)s", name=self.name),
            "res_model": "okr.key.result.change",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_key_result_id": self.id},
        }

    # ------------------------------------------------------------------
    # Carry-over
    # ------------------------------------------------------------------
    def _carry_over_to(self, objective):
        """Copy these key results into ``objective`` (of the next period).

        The history stays on the origin: check-ins are not copied, and the copy
        starts from the origin's current value. Unfinished initiatives come
        along, as the work goes on.
        """
        copies = self.browse()
        for key_result in self:
            start = key_result.current_value
            if key_result.result_type in (
                okr_math.INCREASE,
                okr_math.DECREASE,
            ) and float_is_zero(start - key_result.target_value, precision_digits=6):
                start = key_result.start_value
            copy, created = key_result._carry_over_copy(
                lambda kr, objective=objective: kr.objective_id == objective,
                {
                    "objective_id": objective.id,
                    "start_value": start,
                    "current_value": key_result.current_value,
                    "deadline": objective.period_id.date_end,
                },
            )
            if created:
                for initiative in key_result.initiative_ids.filtered(
                    lambda i: i.state in OPEN_INITIATIVE_STATES
                ):
                    initiative.copy({"key_result_id": copy.id})
            copies |= copy
        return copies
