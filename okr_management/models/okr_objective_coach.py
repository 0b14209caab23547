# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from ..engine import coach
from .okr_selections import CHECKLIST_FIELDS


class OkrObjective(models.Model):
    """The quality coach: the seeds' anti-patterns an objective falls into, as
    advice. The rules are in ``engine/coach.py``; here the facts are gathered
    for the whole board and the advice is worded."""

    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

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

    @api.depends(
        "state",
        "level",
        "user_id",
        "okr_type",
        "period_id",
        "child_ids",
        "checklist_done",
        *CHECKLIST_FIELDS,
        "key_result_ids.name",
        "key_result_ids.result_type",
        "key_result_ids.source",
        "key_result_ids.start_value",
        "key_result_ids.target_value",
        "key_result_ids.unit",
        "key_result_ids.indicator",
        "key_result_ids.last_check_in_date",
        "key_result_ids.initiative_ids.state",
        "company_id.okr_coach_max_objectives",
        "company_id.okr_coach_min_key_results",
        "company_id.okr_coach_max_key_results",
        "company_id.okr_coach_max_jump",
        "company_id.okr_coach_check_in_days",
    )
    # worded in the reader's language
    @api.depends_context("lang")
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

    def _quality_issues(self):
        """``{objective: [message]}`` for the draft and active objectives.

        Batched for the board: one grouped query counts the objectives per owner
        and period, one finds the latest check-in of each objective; the key
        results and initiatives come through the prefetch.
        """
        issues = defaultdict(list)
        live = self.filtered(lambda o: o.state in coach.LIVE_STATES)
        if not live:
            return issues
        today = fields.Date.context_today(self)
        peers = live._coach_peer_counts()
        last_check_in = live._coach_last_check_ins()
        for objective in live:
            company = objective.company_id or self.env.company
            facts = objective._coach_facts(peers, last_check_in)
            for code, params in coach.objective_issues(
                facts, company._okr_coach_limits(), today
            ):
                issues[objective].append(objective._coach_message(code, params))
        return issues

    def _coach_peer_counts(self):
        """``{(period id, level or owner id): count}`` of the draft and active
        objectives in these objectives' periods (others than these count too)."""
        counts = defaultdict(int)
        if not self.period_id:
            return counts
        for period, level, user, count in self.env["okr.objective"]._read_group(
            Domain("period_id", "in", self.period_id.ids)
            & Domain("state", "in", list(coach.LIVE_STATES)),
            ["period_id", "level", "user_id"],
            ["__count"],
        ):
            key = level if level == coach.COMPANY_LEVEL else user.id
            counts[period.id, key] += count
        return counts

    def _coach_last_check_ins(self):
        """``{objective id: date}`` of the latest manual check-in: a metric
        refresh is nobody checking in."""
        saved_ids = [oid for oid in self._origin.ids if oid]
        if not saved_ids:
            return {}
        return {
            objective.id: last
            for objective, last in self.env["okr.check.in"]._read_group(
                Domain("objective_id", "in", saved_ids)
                & Domain("origin", "=", "manual"),
                ["objective_id"],
                ["date:max"],
            )
        }

    def _coach_facts(self, peers, last_check_in):
        self.ensure_one()
        period = self.period_id
        key_results = self.key_result_ids
        peer_key = self.level if self.level == coach.COMPANY_LEVEL else self.user_id.id
        return coach.ObjectiveFacts(
            state=self.state,
            level=self.level,
            okr_type=self.okr_type,
            date_start=period.date_start or None,
            date_end=period.date_end or None,
            peer_count=peers.get((period.id, peer_key), 0),
            key_results=tuple(
                coach.KeyResultFacts(
                    name=kr.name,
                    result_type=kr.result_type,
                    source=kr.source,
                    start=kr.start_value,
                    target=kr.target_value,
                    unit=kr.unit,
                    indicator=kr.indicator,
                )
                for kr in key_results
            ),
            has_aligned=bool(self.child_ids),
            open_initiatives=len(
                key_results.initiative_ids.filtered(lambda i: i.state != "cancelled")
            ),
            last_check_in=last_check_in.get(self._origin.id),
            checklist_no=tuple(self._checklist_no_answers()),
        )

    def _coach_message(self, code, params):
        """The advice ``code`` of the coach engine, in the user's language."""
        self.ensure_one()
        if code == coach.TOO_MANY_COMPANY_OBJECTIVES:
            return self.env._(
                "%(period)s has %(count)s company objectives: keep to %(limit)s at "
                "most, or the company scatters.",
                period=self.period_id.display_name,
                **params,
            )
        if code == coach.TOO_MANY_OBJECTIVES:
            return self.env._(
                "%(owner)s has %(count)s objectives in %(period)s: keep to "
                "%(limit)s at most to stay focused.",
                owner=self.user_id.display_name or self.env._("Nobody"),
                period=self.period_id.display_name,
                **params,
            )
        if code == coach.TOO_FEW_KEY_RESULTS:
            return self.env._(
                "%(count)s key result(s): plan at least %(limit)s to know whether "
                "the objective is reached.",
                **params,
            )
        if code == coach.TOO_MANY_KEY_RESULTS:
            return self.env._(
                "%(count)s key results: keep to %(limit)s at most.", **params
            )
        if code == coach.NO_MEASURABLE_TARGET:
            return self.env._(
                "The key result %(name)s has no measurable target: state it as "
                "'from X to Y'.",
                **params,
            )
        if code == coach.OUTPUTS_ONLY:
            return self.env._(
                "Every key result measures an output (a milestone or the progress "
                "of the work), none the outcome: add one that measures the "
                "impact, e.g. 'raise qualified leads by 20 %'."
            )
        if code == coach.ALL_LAGGING:
            return self.env._(
                "Every key result is a lagging indicator: add a leading indicator "
                "you can move this week."
            )
        if code == coach.NO_INITIATIVE:
            return self.env._(
                "No initiative links this objective to the work: plan the "
                "initiatives (projects, tasks) that will move its key results."
            )
        if code == coach.INFLATED_JUMP:
            return self.env._(
                "The key result %(name)s moves %(jump)s %% from its start: "
                "20-40 %% a quarter is realistic (limit %(limit)s %%); +300 %% "
                "in 90 days is inflated.",
                **params,
            )
        if code == coach.INFLATED_POINTS:
            return self.env._(
                "The key result %(name)s moves %(jump)s points of its percentage: "
                "more than %(limit)s points in the period is inflated.",
                **params,
            )
        if code == coach.INFLATED_REDUCTION:
            return self.env._(
                "The key result %(name)s removes all of its start in the period: "
                "a reduction to zero is not realistic; aim for a step you can "
                "reach.",
                **params,
            )
        if code == coach.NO_CHECK_IN:
            return self.env._(
                "Nobody checked in for %(days)s days: a 15-minute weekly check-in "
                "keeps the objective alive.",
                **params,
            )
        if code == coach.CHECKLIST_ANSWERED_NO:
            return self.env._(
                "The activation checklist was answered no to: %(questions)s.",
                questions=", ".join(params["questions"]),
            )
        raise ValueError(f"Unknown quality coach advice: {code!r}")
