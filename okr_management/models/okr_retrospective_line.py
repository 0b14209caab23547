# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .okr_selections import CARRY_OVER_SELECTION


class OkrRetrospectiveLine(models.Model):
    """One objective walked through in a quarterly retrospective."""

    _name = "okr.retrospective.line"
    _description = "OKR Retrospective Objective"
    _order = "retrospective_id, sequence, id"
    _rec_name = "objective_id"
    _check_company_auto = True

    retrospective_id = fields.Many2one(
        "okr.retrospective", required=True, index=True, ondelete="cascade"
    )
    state = fields.Selection(related="retrospective_id.state", compute_sudo=False)
    sequence = fields.Integer(default=10)
    objective_id = fields.Many2one(
        "okr.objective",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="retrospective_id.company_id", store=True, index=True
    )
    user_id = fields.Many2one(
        related="objective_id.user_id", string="Owner", compute_sudo=False
    )
    okr_type = fields.Selection(related="objective_id.okr_type", compute_sudo=False)
    level = fields.Selection(related="objective_id.level", compute_sudo=False)
    key_result_ids = fields.One2many(
        related="objective_id.key_result_ids", compute_sudo=False
    )
    score = fields.Float(
        readonly=True, aggregator="avg", help="The score frozen at the close."
    )
    is_achieved = fields.Boolean(
        string="Achieved",
        readonly=True,
        help="1.0 for a committed objective, 0.7 for an aspirational one.",
    )
    why_not = fields.Text(help="What was not achieved, and why.")
    lessons = fields.Text(string="Lessons Learned")
    carry_over = fields.Selection(
        CARRY_OVER_SELECTION,
        default="none",
        required=True,
        help="Copy into the next period the unfinished key results (in a copy of "
        "the objective) or the whole objective; the copies link to their origin "
        "and its history stays there.",
    )
    carry_key_result_ids = fields.Many2many(
        "okr.key.result",
        "okr_retrospective_line_key_result_rel",
        "line_id",
        "key_result_id",
        string="Key Results to Carry Over",
        compute="_compute_carry_key_result_ids",
        store=True,
        readonly=False,
        domain="[('objective_id', '=', objective_id)]",
    )
    carried_objective_id = fields.Many2one(
        "okr.objective",
        string="Carried Over As",
        readonly=True,
        ondelete="set null",
        check_company=True,
    )
    carried_over = fields.Boolean(compute="_compute_carried_over", store=True)

    _objective_unique = models.Constraint(
        "UNIQUE (retrospective_id, objective_id)",
        "An objective is walked through once per retrospective.",
    )

    # the unfinished key results are those still short of 100 %
    @api.depends(
        "carry_over",
        "objective_id.key_result_ids",
        "objective_id.key_result_ids.progress",
    )
    def _compute_carry_key_result_ids(self):
        for line in self:
            key_results = line.objective_id.key_result_ids
            if line.carry_over == "unfinished":
                key_results = key_results.filtered(lambda kr: kr.progress < 100.0)
            elif line.carry_over == "none":
                key_results = key_results.browse()
            line.carry_key_result_ids = key_results

    @api.depends("carried_objective_id")
    def _compute_carried_over(self):
        for line in self:
            line.carried_over = bool(line.carried_objective_id)

    def _carry_over(self, period):
        self.ensure_one()
        key_results = self.carry_key_result_ids
        if self.carry_over == "objective" and not key_results:
            key_results = self.objective_id.key_result_ids
        self.carried_objective_id = self.objective_id._carry_over_to(
            period, key_results
        )

    def action_open_objective(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "okr.objective",
            "res_id": self.objective_id.id,
            "views": [(False, "form")],
        }
