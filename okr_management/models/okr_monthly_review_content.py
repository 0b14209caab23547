# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.float_utils import float_compare
from odoo.tools.misc import format_date, formatLang

from ..engine import progress as okr_math

HEALTH_COLORS = {
    "on_track": "#28a745",
    "at_risk": "#f0ad00",
    "off_track": "#dc3545",
}
KPI_TRENDS = {"up": "↑", "down": "↓", "flat": "→"}


class OkrMonthlyReview(models.Model):
    """What the review looks at, computed: the team's objectives and key results
    at the month's end against pace, their trend against the previous month's
    end, the KPIs beside them, whether each initiative's key result moved, and
    the month's blocker and attention notes. Shared by the form and the PDF."""

    _inherit = "okr.monthly.review"  # pylint: disable=consider-merging-classes-inherited

    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(compute="_compute_dates")
    objective_ids = fields.Many2many(
        "okr.objective",
        compute="_compute_content_records",
        string="Objectives",
        help="The active or closed objectives of the team and its sub-teams in "
        "periods that cover the month.",
    )
    key_result_ids = fields.Many2many(
        "okr.key.result", compute="_compute_content_records", string="Key Results"
    )
    kpi_ids = fields.Many2many(
        "okr.kpi", compute="_compute_content_records", string="KPIs"
    )
    content_html = fields.Html(
        string="Review", compute="_compute_content_html", sanitize=False
    )

    @api.depends("month")
    def _compute_dates(self):
        for review in self:
            start = review.month and review.month.replace(day=1)
            review.date_from = start
            review.date_to = start and start + relativedelta(day=31)

    def _okr_objectives(self):
        self.ensure_one()
        if not self.team_id or not self.month:
            return self.env["okr.objective"]
        return self.env["okr.objective"].search(
            Domain("team_id", "child_of", self.team_id.id)
            & Domain("company_id", "=", self.company_id.id)
            & Domain("state", "in", ["active", "closed"])
            & Domain("period_id.date_start", "<=", self.date_to)
            & Domain("period_id.date_end", ">=", self.date_from)
        )

    @api.depends("team_id", "month")
    def _compute_content_records(self):
        for review in self:
            objectives = review._okr_objectives()
            review.objective_ids = objectives
            review.key_result_ids = objectives.key_result_ids
            review.kpi_ids = objectives.kpi_ids

    @api.depends("team_id", "month")
    def _compute_content_html(self):
        for review in self:
            if not review.team_id or not review.month:
                review.content_html = False
                continue
            review.content_html = self.env["ir.qweb"]._render(
                "okr_management.okr_monthly_review_content",
                review._okr_review_data(),
            )

    # -- the data, shared by the form and the PDF ------------------------------------
    def _okr_review_data(self):
        self.ensure_one()
        return self._okr_month_data(
            self._okr_objectives(), self.date_from, self.date_to
        )

    @api.model
    def _okr_tree_order(self, objectives):
        """Objectives as ``(objective, depth)``, each under the one it serves."""
        children = defaultdict(list)
        roots = []
        for objective in objectives.sorted(lambda o: (o.sequence, o.id)):
            if objective.parent_id in objectives:
                children[objective.parent_id].append(objective)
            else:
                roots.append(objective)
        ordered = []

        def visit(objective, depth):
            ordered.append((objective, depth))
            for child in children[objective]:
                visit(child, depth + 1)

        for root in roots:
            visit(root, 0)
        return ordered

    @api.model
    def _okr_month_data(self, objectives, date_from, date_to):
        today = fields.Date.context_today(self)
        as_of = min(date_to, today)
        # the month still running shows the live values; a past one its end
        live = as_of >= today
        key_results = objectives.key_result_ids
        # the whole history up to the month's end, in one read: the month's
        # end, the previous month's end and the month's notes come from it
        check_ins = self.env["okr.check.in"].search(
            Domain("key_result_id", "in", key_results.ids)
            & Domain("date", "<=", as_of),
            order="date, id",
        )
        history = defaultdict(list)
        for check_in in check_ins:
            history[check_in.key_result_id].append(check_in)
        kr_rows = {
            key_result: self._okr_key_result_row(
                key_result, history[key_result], date_from, as_of, live
            )
            for key_result in key_results
        }

        objective_progress = {}
        ordered = self._okr_tree_order(objectives)
        # children first, so an objective without key results averages them
        for objective, _depth in reversed(ordered):
            krs = [kr_rows[kr] for kr in objective.key_result_ids]
            if live:
                progress = objective.progress
            elif krs:
                progress = okr_math.weighted_mean(
                    (row["progress"], row["key_result"].weight) for row in krs
                )
            else:
                progress = okr_math.weighted_mean(
                    (objective_progress.get(child, child.progress), 1.0)
                    for child in objective.child_ids.filtered(
                        lambda o: o.state != "cancelled"
                    )
                )
            objective_progress[objective] = progress
        rows = [
            self._okr_objective_row(
                objective,
                depth,
                objective_progress[objective],
                [kr_rows[kr] for kr in objective.key_result_ids],
                as_of,
                live,
            )
            for objective, depth in ordered
        ]
        month_check_ins = check_ins.filtered(
            lambda c: c.date >= date_from and c.origin == "manual"
        )
        health_count = defaultdict(int)
        for row in rows:
            health_count[row["health"]] += 1
        return {
            "rows": rows,
            "kpis": [self._okr_kpi_row(kpi) for kpi in objectives.kpi_ids],
            "date_from": date_from,
            "date_to": date_to,
            "as_of": as_of,
            "month_label": format_date(self.env, date_from, date_format="MMMM y"),
            "previous_label": format_date(
                self.env, date_from - relativedelta(months=1), date_format="MMMM"
            ),
            "health_count": health_count,
            "health_labels": dict(
                self.env["okr.objective"]
                ._fields["health"]
                ._description_selection(self.env)
            ),
            "health_colors": HEALTH_COLORS,
            "check_in_count": len(month_check_ins),
            "blocker_count": len(month_check_ins.filtered("blocker_note")),
            "initiative_count": sum(len(r["initiatives"]) for r in rows),
            "stalled_count": sum(
                1 for r in rows for i in r["initiatives"] if not i["moved"]
            ),
            "average_progress": okr_math.weighted_mean(
                (row["progress"], 1.0) for row in rows if not row["depth"]
            ),
            "okr_date": lambda value: format_date(self.env, value),
        }

    @api.model
    def _okr_key_result_row(self, key_result, history, date_from, as_of, live):
        past = [c for c in history if c.date <= as_of]
        before = [c for c in past if c.date < date_from]
        month = [c for c in past if c.date >= date_from and c.origin == "manual"]
        last = past[-1] if past else None
        if live:
            value, progress = key_result.current_value, key_result.progress
        elif last:
            value, progress = last.value, last.progress
        else:
            value = key_result.start_value
            progress = key_result._progress_for_value(value)[0]
        # the previous month's end: its last check-in, else the start
        if before:
            previous_value, previous_progress = before[-1].value, before[-1].progress
        else:
            previous_value = key_result.start_value
            previous_progress = key_result._progress_for_value(previous_value)[0]
        period = key_result.period_id
        expected = okr_math.expected_progress(
            period.date_start, key_result.deadline or period.date_end, as_of
        )
        manual = [c for c in past if c.origin == "manual"]
        confidence = manual[-1].confidence if manual else None
        if live:
            health = key_result.health
        else:
            company = key_result.company_id
            health = okr_math.health(
                progress,
                expected,
                key_result.okr_type,
                company.okr_on_track_threshold,
                company.okr_at_risk_threshold,
                confidence,
            )
        first_confidence = month[0].confidence if month else None
        last_confidence = month[-1].confidence if month else None
        # progress, not the raw value: a falling resolution time is a gain
        change = float_compare(progress, previous_progress, precision_digits=1)
        return {
            "key_result": key_result,
            "value": key_result._okr_format_value(value),
            "previous_value": key_result._okr_format_value(previous_value),
            "start": key_result._okr_format_value(key_result.start_value),
            "target": key_result._okr_format_value(key_result.target_value),
            "progress": progress,
            "previous_progress": previous_progress,
            "moved": change != 0
            or float_compare(value, previous_value, precision_digits=4) != 0,
            "value_trend": {1: "↑", -1: "↓"}.get(change, "→"),
            "expected": expected,
            "pace": okr_math.pace(expected, key_result.okr_type),
            "health": health,
            "first_confidence": first_confidence,
            "last_confidence": last_confidence,
            "trend": self._okr_trend(first_confidence, last_confidence),
            "check_in_count": len(month),
            "blockers": [c for c in month if c.blocker_note],
            "attention": [c for c in month if c.attention_note],
        }

    @api.model
    def _okr_objective_row(self, objective, depth, progress, kr_rows, as_of, live):
        period = objective.period_id
        expected = okr_math.expected_progress(period.date_start, period.date_end, as_of)
        confidences = [
            row["last_confidence"]
            for row in kr_rows
            if row["last_confidence"] is not None
        ]
        if live:
            health = objective.health
        else:
            company = objective.company_id
            health = okr_math.health(
                progress,
                expected,
                objective.okr_type,
                company.okr_on_track_threshold,
                company.okr_at_risk_threshold,
                min(confidences) if confidences else None,
            )
        return {
            "objective": objective,
            "depth": depth,
            "progress": progress,
            "expected": expected,
            "pace": okr_math.pace(expected, objective.okr_type),
            "health": health,
            "key_results": kr_rows,
            # are the initiatives working? each with whether its key result moved
            "initiatives": [
                {
                    "initiative": initiative,
                    "key_result": row["key_result"],
                    "moved": row["moved"],
                    "value_trend": row["value_trend"],
                }
                for row in kr_rows
                for initiative in row["key_result"].initiative_ids
                if initiative.state != "cancelled"
            ],
            "blockers": sorted(
                (c for row in kr_rows for c in row["blockers"]),
                key=lambda c: (c.date, c.id),
            ),
            "attention": sorted(
                (c for row in kr_rows for c in row["attention"]),
                key=lambda c: (c.date, c.id),
            ),
        }

    @api.model
    def _okr_kpi_row(self, kpi):
        def fmt(value):
            digits = next(d for d in (0, 1, 2) if round(value, d) == round(value, 2))
            return formatLang(self.env, value or 0.0, digits=digits)

        return {
            "kpi": kpi,
            "value": fmt(kpi.current_value),
            "target": fmt(kpi.target_value) if kpi.target_value else "",
            "trend": KPI_TRENDS.get(kpi.trend, "→"),
            "objectives": ", ".join(kpi.objective_ids.mapped("name")),
        }

    @staticmethod
    def _okr_trend(first, last):
        if first is None or last is None or first == last:
            return "→"
        return "↑" if last > first else "↓"
