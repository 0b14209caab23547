# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..engine import progress as okr_math

HEALTH_SELECTION = [
    ("on_track", "On Track"),
    ("at_risk", "At Risk"),
    ("off_track", "Off Track"),
]
OKR_TYPE_SELECTION = [
    ("committed", "Committed"),
    ("aspirational", "Aspirational"),
]
# RACI: responsible is the owner (user_id), the others are these fields; the
# contributors do the work with the owner.
RACI_FIELDS = (
    "user_id",
    "accountable_id",
    "contributor_ids",
    "consulted_ids",
    "informed_ids",
)
# The seeds' five questions to validate an OKR before it goes live.
CHECKLIST_FIELDS = (
    "checklist_measurable",
    "checklist_stretch",
    "checklist_aligned",
    "checklist_influence",
    "checklist_inspiring",
)
# days in an average quarter: a committed jump is measured per quarter
QUARTER_DAYS = 365.25 / 4


class OkrObjective(models.Model):
    _name = "okr.objective"
    _description = "OKR Objective"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, id"
    _parent_name = "parent_id"

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
        domain="[('company_id', 'in', allowed_company_ids)]",
        group_expand="_read_group_period_ids",
    )
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, index=True, precompute=True
    )
    date_deadline = fields.Date(related="period_id.date_end", string="Deadline")
    level = fields.Selection(
        [("company", "Company"), ("team", "Team"), ("individual", "Individual")],
        required=True,
        default="team",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    contributor_ids = fields.Many2many(
        "res.users",
        "okr_objective_contributor_rel",
        "objective_id",
        "user_id",
        string="Contributors",
        domain="[('share', '=', False)]",
    )
    parent_id = fields.Many2one(
        "okr.objective",
        string="Aligned To",
        index=True,
        ondelete="set null",
        tracking=True,
        help="The higher objective this one serves.",
    )
    child_ids = fields.One2many("okr.objective", "parent_id", string="Aligned")
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
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        recursive=True,
        aggregator="avg",
        help="Weighted mean of the key results' progress; without key results, "
        "the mean of the aligned objectives' progress.",
    )
    expected_progress = fields.Float(
        compute="_compute_expected_progress",
        store=True,
        aggregator="avg",
        help="Share of the period elapsed: the pace line.",
    )
    health = fields.Selection(
        HEALTH_SELECTION, compute="_compute_health", store=True, index=True
    )
    last_check_in_date = fields.Date(
        compute="_compute_check_in_summary", store=True, string="Last Check-in"
    )
    confidence = fields.Integer(
        compute="_compute_check_in_summary",
        store=True,
        aggregator="avg",
        help="Confidence of the latest check-in on its key results (0-10).",
    )
    score = fields.Float(
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Progress / 100, frozen when the objective closes.",
    )
    is_achieved = fields.Boolean(
        string="Achieved",
        readonly=True,
        copy=False,
        help="Closed with a score of 1.0 (committed) or 0.7 (aspirational).",
    )

    # -- governance (RACI) --------------------------------------------------
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

    # -- carry-over ------------------------------------------------------------
    carry_over_from_id = fields.Many2one(
        "okr.objective",
        string="Carried Over From",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="The objective of an earlier period this one continues.",
    )
    carry_over_ids = fields.One2many(
        "okr.objective", "carry_over_from_id", string="Carried Over To"
    )
    carry_over_count = fields.Integer(compute="_compute_carry_over_count")

    # -- KPIs beside the objective (the inverse of okr.kpi.objective_ids) --------
    kpi_ids = fields.Many2many(
        "okr.kpi",
        "okr_kpi_objective_rel",
        "objective_id",
        "kpi_id",
        string="KPIs",
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

    # -- quality coach -------------------------------------------------------------
    quality_warnings = fields.Html(
        string="Quality Coach",
        compute="_compute_quality_warnings",
        sanitize=False,
        help="The seeds' anti-patterns this objective falls into. Advice only: "
        "nothing is blocked.",
    )
    quality_warning_count = fields.Integer(
        string="Quality Warnings", compute="_compute_quality_warnings"
    )

    # -- weekly check-in -----------------------------------------------------------
    week_check_in_done = fields.Integer(
        string="Checked In This Week",
        compute="_compute_week_check_in",
        help="Key results of this objective with a check-in since Monday.",
    )
    week_check_in_rate = fields.Float(
        string="Weekly Check-in Completion",
        compute="_compute_week_check_in",
        help="Share of the key results checked in since Monday, in percent.",
    )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("parent_id")
    def _check_alignment_cycle(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("An objective cannot be aligned to itself or its children.")
            )

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

    # ------------------------------------------------------------------
    # Computes: one prefetch of the key results for the whole recordset
    # ------------------------------------------------------------------
    @api.model
    def _read_group_period_ids(self, periods, domain):
        # An empty board still shows the current quarter's column, to plan it.
        return periods or self.env["okr.period"]._get_current()

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

    @api.depends("period_id.date_start", "period_id.date_end")
    def _compute_expected_progress(self):
        today = fields.Date.context_today(self)
        for objective in self:
            period = objective.period_id
            objective.expected_progress = okr_math.expected_progress(
                period.date_start, period.date_end, today
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

    @api.depends(
        "progress",
        "expected_progress",
        "okr_type",
        "confidence",
        "last_check_in_date",
        "company_id.okr_on_track_threshold",
        "company_id.okr_at_risk_threshold",
    )
    def _compute_health(self):
        for objective in self:
            company = objective.company_id or self.env.company
            objective.health = company._okr_health(objective)

    @api.depends("carry_over_ids")
    def _compute_carry_over_count(self):
        for objective in self:
            objective.carry_over_count = len(objective.carry_over_ids)

    @api.depends(
        "state",
        "level",
        "user_id",
        "okr_type",
        "period_id",
        "checklist_done",
        "child_ids",
        "key_result_ids.result_type",
        "key_result_ids.source",
        "key_result_ids.start_value",
        "key_result_ids.target_value",
        "key_result_ids.initiative_ids.state",
    )
    @api.depends_context("uid")
    def _compute_quality_warnings(self):
        issues = self._quality_issues()
        for objective in self:
            messages = issues.get(objective, [])
            objective.quality_warning_count = len(messages)
            objective.quality_warnings = (
                Markup("<ul class='mb-0'>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % message for message in messages)
                if messages
                else False
            )

    @api.depends("key_result_count", "key_result_ids.last_check_in_date")
    def _compute_week_check_in(self):
        # One grouped query for the whole board, never one per card; metric
        # refreshes are not check-ins, so only manual ones count.
        ids = self._origin.ids
        done = {}
        if ids:
            done = {
                objective.id: count
                for objective, count in self.env["okr.check.in"]._read_group(
                    Domain("objective_id", "in", ids)
                    & Domain("origin", "=", "manual")
                    & Domain("date", ">=", self._okr_week_start()),
                    ["objective_id"],
                    ["key_result_id:count_distinct"],
                )
            }
        for objective in self:
            count = done.get(objective._origin.id, 0)
            objective.week_check_in_done = count
            total = objective.key_result_count
            objective.week_check_in_rate = count / total * 100.0 if total else 0.0

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

    # ------------------------------------------------------------------
    # Actions
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

    def action_open_carry_over_origin(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "okr.objective",
            "res_id": self.carry_over_from_id.id,
            "views": [(False, "form")],
        }

    def action_open_carry_overs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Carried Over"),
            "res_model": "okr.objective",
            "views": [(False, "list"), (False, "form")],
            "domain": [("carry_over_from_id", "=", self.id)],
        }

    # ------------------------------------------------------------------
    # Scheduled action
    # ------------------------------------------------------------------
    def _recompute_pace(self):
        """Recompute the calendar-driven fields now (daily scheduled action)."""
        for fname in ("expected_progress", "health"):
            self.env.add_to_compute(self._fields[fname], self)
        self.flush_recordset(["expected_progress", "health"])

    # ------------------------------------------------------------------
    # Governance: followers from the RACI, the activation checklist
    # ------------------------------------------------------------------
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
    # Carry-over into the next period
    # ------------------------------------------------------------------
    def _carry_over_to(self, period, key_results=None):
        """Copy this objective into ``period`` with ``key_results`` (all of them
        by default), linked to it; an earlier copy in that period is reused."""
        self.ensure_one()
        key_results = self.key_result_ids if key_results is None else key_results
        copy = self.carry_over_ids.filtered(
            lambda o: o.period_id == period and o.state != "cancelled"
        )[:1]
        if not copy:
            copy = self.copy(
                {
                    "period_id": period.id,
                    "carry_over_from_id": self.id,
                    "parent_id": self._carry_over_parent(period).id,
                    "key_result_ids": [],
                }
            )
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

    # ------------------------------------------------------------------
    # Quality coach: the seeds' anti-patterns, as advice
    # ------------------------------------------------------------------
    def _quality_issues(self):
        """``{objective: [message]}`` for the draft and active objectives.

        Batched for the board: one grouped query counts the objectives per owner
        and period, one finds the latest check-in of each objective; the key
        results and initiatives come through the prefetch.
        """
        issues = defaultdict(list)
        live = self.filtered(lambda o: o.state in ("draft", "active"))
        if not live:
            return issues
        today = fields.Date.context_today(self)
        # counts per (period, level, owner), in the database (other objectives
        # than the displayed ones count too)
        per_owner, per_company_level = defaultdict(int), defaultdict(int)
        periods = live.period_id
        if periods:
            for period, level, user, count in self.env["okr.objective"]._read_group(
                Domain("period_id", "in", periods.ids)
                & Domain("state", "in", ["draft", "active"]),
                ["period_id", "level", "user_id"],
                ["__count"],
            ):
                if level == "company":
                    per_company_level[period.id] += count
                else:
                    per_owner[period.id, user.id] += count
        last_check_in = {}
        saved_ids = [oid for oid in live._origin.ids if oid]
        if saved_ids:
            last_check_in = {
                objective.id: last
                for objective, last in self.env["okr.check.in"]._read_group(
                    Domain("objective_id", "in", saved_ids)
                    & Domain("origin", "=", "manual"),
                    ["objective_id"],
                    ["date:max"],
                )
            }
        for objective in live:
            company = objective.company_id or self.env.company
            messages = issues[objective]
            max_objectives = company.okr_coach_max_objectives
            period = objective.period_id
            if max_objectives > 0 and period:
                if objective.level == "company":
                    count = per_company_level[period.id]
                    if count > max_objectives:
                        messages.append(
                            self.env._(
                                "%(period)s has %(count)s company objectives: keep "
                                "to %(limit)s at most, or the company scatters.",
                                period=period.display_name,
                                count=count,
                                limit=max_objectives,
                            )
                        )
                else:
                    count = per_owner[period.id, objective.user_id.id]
                    if count > max_objectives:
                        messages.append(
                            self.env._(
                                "%(owner)s has %(count)s objectives in %(period)s: "
                                "keep to %(limit)s at most to stay focused.",
                                owner=objective.user_id.display_name
                                or self.env._("Nobody"),
                                count=count,
                                period=period.display_name,
                                limit=max_objectives,
                            )
                        )
            messages.extend(objective._key_result_issues(company))
            # an objective measured by its aligned objectives has nothing to
            # check in on
            if objective.state == "active" and objective.key_result_ids:
                days = company.okr_coach_check_in_days
                since = max(
                    filter(
                        None,
                        (last_check_in.get(objective._origin.id), period.date_start),
                    ),
                    default=None,
                )
                if days > 0 and since and (today - since).days >= days:
                    messages.append(
                        self.env._(
                            "Nobody checked in for %(days)s days: a 15-minute "
                            "weekly check-in keeps the objective alive.",
                            days=(today - since).days,
                        )
                    )
            no_answers = objective._checklist_no_answers()
            if no_answers:
                messages.append(
                    self.env._(
                        "The activation checklist was answered no to: %(questions)s.",
                        questions=", ".join(no_answers),
                    )
                )
        return issues

    def _key_result_issues(self, company):
        """The anti-patterns of this objective's key results."""
        self.ensure_one()
        messages = []
        key_results = self.key_result_ids
        count = len(key_results)
        low = company.okr_coach_min_key_results
        high = company.okr_coach_max_key_results
        # without key results, an objective is measured by its aligned ones
        rolls_up = not key_results and self.child_ids
        if low > 0 and count < low and not rolls_up:
            messages.append(
                self.env._(
                    "%(count)s key result(s): plan at least %(limit)s to know "
                    "whether the objective is reached.",
                    count=count,
                    limit=low,
                )
            )
        if high > 0 and count > high:
            messages.append(
                self.env._(
                    "%(count)s key results: keep to %(limit)s at most.",
                    count=count,
                    limit=high,
                )
            )
        for key_result in key_results:
            if (
                key_result.result_type != "milestone"
                and not key_result.start_value
                and not key_result.target_value
            ):
                messages.append(
                    self.env._(
                        "The key result %(name)s has no measurable target: state "
                        "it as 'from X to Y'.",
                        name=key_result.name,
                    )
                )
        outputs = key_results.filtered(
            lambda kr: (
                kr.source != "metric"
                and (kr.result_type == "milestone" or kr.source == "initiatives")
            )
        )
        if key_results and outputs == key_results:
            messages.append(
                self.env._(
                    "Every key result measures an output (a milestone or the "
                    "progress of the work), none the outcome: add one that "
                    "measures the impact, e.g. 'raise qualified leads by 20 %'."
                )
            )
        initiatives = key_results.initiative_ids.filtered(
            lambda i: i.state != "cancelled"
        )
        if key_results and not initiatives:
            messages.append(
                self.env._(
                    "No initiative links this objective to the work: plan the "
                    "initiatives (projects, tasks) that will move its key results."
                )
            )
        if self.okr_type == "committed":
            messages.extend(self._jump_issues(company))
        return messages

    def _jump_issues(self, company):
        """Committed targets that jump further than the realistic share."""
        self.ensure_one()
        limit = company.okr_coach_max_jump
        period = self.period_id
        if limit <= 0 or not period.date_start or not period.date_end:
            return []
        quarters = max(
            1.0, ((period.date_end - period.date_start).days + 1) / QUARTER_DAYS
        )
        allowed = limit * quarters
        messages = []
        for key_result in self.key_result_ids:
            start = key_result.start_value
            if (
                key_result.result_type not in ("increase", "decrease")
                or key_result.source == "initiatives"
                or not start
            ):
                continue
            jump = abs(key_result.target_value - start) / abs(start) * 100.0
            if jump > allowed + 1e-6:
                messages.append(
                    self.env._(
                        "The committed key result %(name)s moves %(jump)s %% from "
                        "its start: 20-40 %% a quarter is realistic (limit "
                        "%(limit)s %%); +300 %% in 90 days is inflated.",
                        name=key_result.name,
                        jump=round(jump),
                        limit=round(allowed),
                    )
                )
        return messages

    # ------------------------------------------------------------------
    # Weekly check-in
    # ------------------------------------------------------------------
    @api.model
    def _okr_week_start(self, today=None):
        """Monday of the current week (ISO week, as in Spanish calendars)."""
        today = today or fields.Date.context_today(self)
        return today - timedelta(days=today.weekday())
