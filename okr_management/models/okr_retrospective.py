# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..engine import evaluation
from .okr_selections import AIM_SELECTION, RETROSPECTIVE_STATE_SELECTION


class OkrRetrospective(models.Model):
    """The quarterly retrospective of a period: what was achieved, what was
    not and why, what carries over, what was learned."""

    _name = "okr.retrospective"
    _description = "OKR Quarterly Retrospective"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _rec_names_search = ["period_id.name"]
    _check_company_auto = True

    # not stored: the same retrospective reads in each user's language
    name = fields.Char(compute="_compute_name")
    period_id = fields.Many2one(
        "okr.period", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, index=True, precompute=True
    )
    next_period_id = fields.Many2one(
        "okr.period",
        string="Carry Over Into",
        compute="_compute_next_period_id",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('company_id', '=', company_id), ('state', '!=', 'closed'), "
        "('id', '!=', period_id)]",
        help="The period the carried-over objectives and key results are copied "
        "into: by default the next one of the same type.",
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Facilitator",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        RETROSPECTIVE_STATE_SELECTION,
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "okr.retrospective.line", "retrospective_id", string="Objectives"
    )
    achievements = fields.Html(
        string="What We Achieved", help="The achievements worth celebrating."
    )
    lessons = fields.Html(
        string="What We Learned", help="The lessons to plan the next cycle with."
    )
    objective_count = fields.Integer(compute="_compute_summary")
    achieved_count = fields.Integer(string="Achieved", compute="_compute_summary")
    carried_over_count = fields.Integer(
        string="Carried Over", compute="_compute_summary"
    )
    average_objective_score = fields.Float(compute="_compute_summary")
    key_result_count = fields.Integer(
        string="Aspirational Key Results",
        compute="_compute_evaluation",
        help="The key results of the aspirational objectives: the ones scored "
        "against the 0.6-0.7 aim and by band.",
    )
    average_score = fields.Float(
        string="Average Aspirational Score",
        compute="_compute_evaluation",
        help="Mean of the aspirational key results' scores, against the usual "
        "0.6-0.7 aim. Committed key results are met at 1.0 or not met.",
    )
    committed_key_result_count = fields.Integer(
        string="Committed Key Results", compute="_compute_evaluation"
    )
    committed_met_count = fields.Integer(
        string="Met",
        compute="_compute_evaluation",
        help="Committed key results met at 100 %.",
    )
    committed_not_met_count = fields.Integer(
        string="Not Met", compute="_compute_evaluation"
    )
    aim_status = fields.Selection(
        AIM_SELECTION, string="Against the Aim", compute="_compute_evaluation"
    )
    fail_count = fields.Integer(string="Fail (< 0.3)", compute="_compute_evaluation")
    commit_count = fields.Integer(
        string="Commit (0.3-0.7)", compute="_compute_evaluation"
    )
    target_count = fields.Integer(
        string="Target (0.7-1.0)", compute="_compute_evaluation"
    )
    stretch_count = fields.Integer(
        string="Stretch (>= 1.0)", compute="_compute_evaluation"
    )

    _period_unique = models.Constraint(
        "UNIQUE (period_id)",
        "A period has one quarterly retrospective.",
    )

    @api.depends("period_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for retro in self:
            retro.name = self.env._(
                "Retrospective %(period)s", period=retro.period_id.name or ""
            )

    @api.depends("period_id")
    def _compute_next_period_id(self):
        for retro in self:
            if retro.period_id and not retro.next_period_id:
                retro.next_period_id = retro.period_id._get_next()

    @api.depends("line_ids.score", "line_ids.is_achieved", "line_ids.carried_over")
    def _compute_summary(self):
        for retro in self:
            lines = retro.line_ids
            retro.objective_count = len(lines)
            retro.achieved_count = len(lines.filtered("is_achieved"))
            retro.carried_over_count = len(lines.filtered("carried_over"))
            retro.average_objective_score = (
                sum(lines.mapped("score")) / len(lines) if lines else 0.0
            )

    @api.depends("line_ids.objective_id", "line_ids.okr_type")
    def _compute_evaluation(self):
        """Committed key results are met (1.0) or not met (seed 004);
        the 0.6-0.7 aim and the bands judge the aspirational ones."""
        # one grouped query for all the retrospectives' key results
        objective_ids = self.line_ids.objective_id.ids
        groups = {}
        if objective_ids:
            for objective, band, count, total in self.env["okr.key.result"]._read_group(
                Domain("objective_id", "in", objective_ids),
                ["objective_id", "score_band"],
                ["__count", "evaluation_score:sum"],
            ):
                groups[objective.id, band] = (count, total)
        for retro in self:
            counts = dict.fromkeys(evaluation.BANDS, 0)
            committed = dict.fromkeys(evaluation.BANDS, 0)
            total = 0.0
            for objective in retro.line_ids.objective_id:
                aspirational = objective.okr_type == "aspirational"
                for band in evaluation.BANDS:
                    count, score_sum = groups.get((objective.id, band), (0, 0.0))
                    if aspirational:
                        counts[band] += count
                        total += score_sum
                    else:
                        committed[band] += count
            met = committed[evaluation.STRETCH]
            retro.committed_key_result_count = sum(committed.values())
            retro.committed_met_count = met
            retro.committed_not_met_count = sum(committed.values()) - met
            number = sum(counts.values())
            retro.key_result_count = number
            retro.fail_count = counts[evaluation.FAIL]
            retro.commit_count = counts[evaluation.COMMIT]
            retro.target_count = counts[evaluation.TARGET]
            retro.stretch_count = counts[evaluation.STRETCH]
            retro.average_score = total / number if number else 0.0
            retro.aim_status = (
                evaluation.aim_status(retro.average_score) if number else False
            )

    def _sync_lines(self):
        """A line for each closed objective of the period not listed yet."""
        for retro in self:
            listed = retro.line_ids.objective_id
            objectives = self.env["okr.objective"].search(
                Domain("period_id", "=", retro.period_id.id)
                & Domain("state", "=", "closed")
                & Domain("id", "not in", listed.ids),
                order="level, sequence, id",
            )
            self.env["okr.retrospective.line"].create(
                [
                    {
                        "retrospective_id": retro.id,
                        "objective_id": objective.id,
                        # frozen copies: the retrospective keeps what was scored
                        "score": objective.score,
                        "is_achieved": objective.is_achieved,
                    }
                    for objective in objectives
                ]
            )

    def _action_open_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quarterly Retrospective"),
            "res_model": "okr.retrospective",
            "res_id": self.id,
            "views": [(False, "form")],
            "target": "new",
        }

    def action_done(self):
        """Carry over what was chosen into the next period, and finish."""
        for retro in self:
            to_carry = retro.line_ids.filtered(
                lambda line: line.carry_over != "none" and not line.carried_over
            )
            if to_carry and not retro.next_period_id:
                raise UserError(
                    self.env._(
                        "There is no period after %(period)s to carry over into: "
                        "create it first (Configuration > Periods).",
                        period=retro.period_id.display_name,
                    )
                )
            for line in to_carry:
                line._carry_over(retro.next_period_id)
            retro.state = "done"
            if to_carry:
                retro.message_post(
                    body=Markup(
                        self.env._(
                            "%(count)s objective(s) carried over into %(period)s."
                        )
                    )
                    % {
                        "count": len(to_carry),
                        "period": retro.next_period_id.display_name,
                    }
                )
        return True

    def action_reset_draft(self):
        self.write({"state": "draft"})
        return True

    def action_print(self):
        return self.env.ref(
            "okr_management.action_report_okr_retrospective"
        ).report_action(self)

    def action_open_carried_over(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Carried Over"),
            "res_model": "okr.objective",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.line_ids.carried_objective_id.ids)],
        }
