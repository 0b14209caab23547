# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..engine import progress as okr_math
from .okr_selections import (
    LEVEL_SELECTION,
    OBJECTIVE_STATE_SELECTION,
    OKR_TYPE_SELECTION,
)


class OkrObjective(models.Model):
    """An objective: its period, alignment, key results and roll-up.

    The other concerns extend it in their own files: governance (RACI, the
    activation checklist, close, carry-over), the quality coach and the weekly
    check-in completion.
    """

    _name = "okr.objective"
    _description = "OKR Objective"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "okr.scoring.mixin",
        "okr.carry.over.mixin",
        "okr.company.source.mixin",
    ]
    _order = "sequence, id"
    _parent_name = "parent_id"
    _parent_store = True
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    description = fields.Html()
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    period_id = fields.Many2one(
        "okr.period",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
        group_expand="_read_group_period_ids",
    )
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, index=True, precompute=True
    )
    date_deadline = fields.Date(related="period_id.date_end", string="Deadline")
    level = fields.Selection(
        LEVEL_SELECTION, required=True, default="team", tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    parent_id = fields.Many2one(
        "okr.objective",
        string="Aligned To",
        index=True,
        ondelete="set null",
        tracking=True,
        check_company=True,
        help="The higher objective this one serves.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("okr.objective", "parent_id", string="Aligned")
    ancestor_ids = fields.Many2many(
        "okr.objective",
        string="Alignment Chain",
        compute="_compute_ancestor_ids",
        search="_search_ancestor_ids",
        help="The objectives this one serves, directly or through others, the "
        "nearest first.",
    )
    okr_type = fields.Selection(
        OKR_TYPE_SELECTION,
        string="Type",
        required=True,
        default="committed",
        tracking=True,
        help="Committed objectives are held to 100 % of their targets, "
        "aspirational ones succeed at 70 %.",
    )
    strategic_contribution = fields.Text(
        help="How this objective serves the company's mission."
    )
    key_result_ids = fields.One2many(
        "okr.key.result", "objective_id", string="Key Results", copy=True
    )
    key_result_count = fields.Integer(compute="_compute_key_result_count", store=True)
    state = fields.Selection(
        OBJECTIVE_STATE_SELECTION,
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    progress = fields.Float(
        recursive=True,
        help="Weighted mean of the key results' progress; without key results, "
        "the mean of the aligned objectives' progress.",
    )
    confidence = fields.Integer(
        help="Confidence of the latest check-in on its key results (0-10)."
    )
    is_achieved = fields.Boolean(
        string="Achieved",
        readonly=True,
        copy=False,
        help="Closed with a score of 1.0 (committed) or 0.7 (aspirational).",
    )

    # -- KPIs beside the objective (the inverse of okr.kpi.objective_ids) --------
    kpi_ids = fields.Many2many(
        "okr.kpi",
        "okr_kpi_objective_rel",
        "objective_id",
        "kpi_id",
        string="KPIs",
        check_company=True,
    )
    # What the board's cards show: one read of the relation for all the cards,
    # filtered in SQL (archived KPIs too: x2many reads ignore active_test).
    pinned_kpi_ids = fields.Many2many(
        "okr.kpi",
        "okr_kpi_objective_rel",
        "objective_id",
        "kpi_id",
        string="Pinned KPIs",
        domain=[("pinned", "=", True), ("active", "=", True)],
        readonly=True,
    )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("parent_id", "period_id")
    def _check_alignment_period(self):
        # Both directions: a child that moves, and a parent whose period moves.
        for objective in self | self.child_ids:
            parent = objective.parent_id
            if not parent:
                continue
            inner, outer = objective.period_id, parent.period_id
            if inner.date_start < outer.date_start or inner.date_end > outer.date_end:
                raise ValidationError(
                    self.env._(
                        "The objective %(child)s (%(child_period)s) must lie within "
                        "the period of the objective it is aligned to, %(parent)s "
                        "(%(parent_period)s).",
                        child=objective.name,
                        child_period=inner.name,
                        parent=parent.name,
                        parent_period=outer.name,
                    )
                )

    def _check_alignment_cycle(self, parent):
        # Checked before the write: the parent store would refuse the cycle
        # with a bare "Recursion Detected."
        chain = {int(oid) for oid in (parent.parent_path or "").split("/") if oid}
        if (chain | {parent.id}) & set(self.ids):
            raise ValidationError(
                self.env._("An objective cannot be aligned to itself or its children.")
            )

    # ------------------------------------------------------------------
    # Computes: one prefetch of the key results for the whole recordset
    # ------------------------------------------------------------------
    @api.model
    def _read_group_period_ids(self, periods, domain):
        # An empty board still shows the current quarter's column, to plan it.
        return periods or self.env["okr.period"]._get_current()

    @api.depends("parent_path")
    def _compute_ancestor_ids(self):
        for objective in self:
            objective.ancestor_ids = objective._alignment_chain()[1:]

    def _search_ancestor_ids(self, operator, value):
        # the objectives that serve ``value``: those aligned anywhere below it
        if operator != "in":
            return NotImplemented
        return Domain("parent_id", "any", Domain("id", "child_of", list(value)))

    def _alignment_chain(self):
        """This objective and those it serves up to the top, the nearest first
        (from the parent path: no walk up the tree)."""
        self.ensure_one()
        ids = [int(oid) for oid in (self.parent_path or "").split("/") if oid]
        if not ids:
            return self
        return self.browse(reversed(ids))

    @api.depends("key_result_ids")
    def _compute_key_result_count(self):
        for objective in self:
            objective.key_result_count = len(objective.key_result_ids)

    @api.depends(
        "key_result_ids.progress",
        "key_result_ids.weight",
        "child_ids.progress",
        "child_ids.state",
    )
    def _compute_progress(self):
        for objective in self:
            if objective.key_result_ids:
                objective.progress = okr_math.weighted_mean(
                    (kr.progress, kr.weight) for kr in objective.key_result_ids
                )
            else:
                children = objective.child_ids.filtered(
                    lambda o: o.state != "cancelled"
                )
                objective.progress = okr_math.weighted_mean(
                    (child.progress, 1.0) for child in children
                )

    @api.depends("key_result_ids.last_check_in_date", "key_result_ids.confidence")
    def _compute_check_in_summary(self):
        for objective in self:
            checked = objective.key_result_ids.filtered("last_check_in_date")
            latest = max(
                checked, key=lambda kr: (kr.last_check_in_date, kr.id), default=None
            )
            objective.last_check_in_date = (
                latest.last_check_in_date if latest else False
            )
            objective.confidence = latest.confidence if latest else 0

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        if vals.get("parent_id"):
            self._check_alignment_cycle(self.browse(vals["parent_id"]))
        return super().write(vals)
