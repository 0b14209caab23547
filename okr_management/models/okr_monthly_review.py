# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.misc import format_date


class OkrMonthlyReview(models.Model):
    """The monthly review of a team (45 minutes in the seeds): where its
    objectives and key results stand against the pace line, whether the
    initiatives are moving them, what the check-ins said was blocked, and the
    decisions and corrective actions taken, each with an owner and a date.

    The content is computed from the objectives, check-ins and KPIs (see
    ``okr_monthly_review_content.py``); the decisions are records.
    """

    _name = "okr.monthly.review"
    _description = "OKR Monthly Review"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "month desc, team_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    team_id = fields.Many2one(
        "okr.team",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        tracking=True,
        help="The first day of the month reviewed.",
    )
    month_label = fields.Char(string="Month Reviewed", compute="_compute_month_label")
    period_id = fields.Many2one(
        "okr.period",
        compute="_compute_period_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="The period the month belongs to (the shortest one that holds it).",
    )
    company_id = fields.Many2one(
        related="team_id.company_id", store=True, index=True, precompute=True
    )
    leader_id = fields.Many2one(related="team_id.leader_id", string="Team Leader")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    summary = fields.Html(
        string="Notes",
        help="What the team concluded: trends, strategic changes considered.",
    )
    decision_ids = fields.One2many(
        "okr.monthly.review.decision", "review_id", string="Decisions"
    )
    decision_count = fields.Integer(compute="_compute_decision_count")
    can_manage = fields.Boolean(
        compute="_compute_can_manage",
        search="_search_can_manage",
        help="An OKR manager, or the leader of the team or of a team above it.",
    )

    _team_month_unique = models.Constraint(
        "UNIQUE(team_id, month)",
        "A team has one monthly review per month.",
    )

    @api.depends("month")
    @api.depends_context("lang")
    def _compute_month_label(self):
        # "diciembre 2026": the date widget would show the first day only
        for review in self:
            review.month_label = review.month and format_date(
                self.env, review.month, date_format="MMMM y"
            )

    @api.depends("team_id.name", "month")
    def _compute_name(self):
        for review in self:
            month = review.month and review.month.strftime("%Y-%m") or ""
            review.name = f"{review.team_id.name or ''} — {month}"

    @api.depends("month", "company_id")
    def _compute_period_id(self):
        keys = {(r.company_id.id, r.month) for r in self if r.month and r.company_id}
        periods = self.env["okr.period"]
        if keys:
            periods = periods.search(
                Domain("company_id", "in", [company for company, _month in keys])
                & Domain("date_start", "<=", max(month for _c, month in keys))
                & Domain("date_end", ">=", min(month for _c, month in keys))
            )
        for review in self:
            holding = periods.filtered(
                lambda p, r=review: p.company_id == r.company_id
                and r.month
                and p.date_start <= r.month <= p.date_end
            )
            review.period_id = holding.sorted(
                lambda p: ((p.date_end - p.date_start).days, -p.id)
            )[:1]

    def _compute_decision_count(self):
        counts = dict(
            self.env["okr.monthly.review.decision"]._read_group(
                [("review_id", "in", self.ids)], ["review_id"], ["__count"]
            )
        )
        for review in self:
            review.decision_count = counts.get(review, 0)

    @api.model
    def _led_teams(self):
        """The teams the current user leads, with their sub-teams."""
        led = self.env["okr.team"].search([("leader_id", "=", self.env.uid)])
        if not led:
            return led
        return self.env["okr.team"].search([("id", "child_of", led.ids)])

    @api.depends("team_id")
    @api.depends_context("uid")
    def _compute_can_manage(self):
        led = self._led_teams()
        manager = self.env.user.has_group("okr_management.group_okr_manager")
        for review in self:
            review.can_manage = manager or review.team_id in led

    def _search_can_manage(self, operator, value):
        # used by the record rules: a team's leader (and the leaders above it)
        # write its reviews
        if operator != "in":
            return NotImplemented
        if self.env.user.has_group("okr_management.group_okr_manager"):
            domain = Domain.TRUE
        else:
            domain = Domain("team_id", "in", self._led_teams().ids)
        return domain if True in value else ~domain

    @api.model
    def _first_of_month(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._first_of_month(dict(v)) for v in vals_list])

    def write(self, vals):
        return super().write(self._first_of_month(dict(vals)))

    def action_done(self):
        self.write({"state": "done"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_print(self):
        return self.env.ref(
            "okr_management.action_report_okr_monthly_review"
        ).report_action(self, config=False)
