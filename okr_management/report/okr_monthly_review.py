# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools.misc import format_date

from ..engine import progress as okr_math

HEALTH_COLORS = {
    "on_track": "#28a745",
    "at_risk": "#f0ad00",
    "off_track": "#dc3545",
}


class ReportOkrMonthlyReview(models.AbstractModel):
    """The monthly review (45 minutes in the seeds): where each objective and key
    result stood at the month's end against the pace line, how confidence moved
    during the month, and what the check-ins said was blocked or needs attention.
    """

    _name = "report.okr_management.report_okr_monthly_review"
    _description = "OKR Monthly Review"

    @api.model
    def _month_bounds(self, data):
        today = fields.Date.context_today(self)
        data = data if isinstance(data, dict) else {}
        try:
            date_from = fields.Date.to_date(data.get("date_from")) or today.replace(
                day=1
            )
            date_to = fields.Date.to_date(data.get("date_to")) or (
                date_from + relativedelta(day=31)
            )
        except (TypeError, ValueError, OverflowError) as exc:
            # the report's options come from the URL or an RPC call: a month
            # that is not a date is the caller's error, not a crash
            raise UserError(
                self.env._(
                    "The monthly review needs dates as YYYY-MM-DD (got %(from)s "
                    "and %(to)s).",
                    **{"from": data.get("date_from"), "to": data.get("date_to")},
                )
            ) from exc
        if date_to < date_from:
            raise UserError(
                self.env._("The monthly review's month ends before it starts.")
            )
        return date_from, date_to

    @api.model
    def _tree_order(self, objectives):
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
    def _get_report_values(self, docids, data=None):
        data = data or {}
        objectives = self.env["okr.objective"].browse(docids).exists()
        date_from, date_to = self._month_bounds(data)
        today = fields.Date.context_today(self)
        as_of = min(date_to, today)
        # the month still running shows the live values; a past one its end
        live = as_of >= today
        key_results = objectives.key_result_ids
        check_ins = self.env["okr.check.in"].search(
            Domain("key_result_id", "in", key_results.ids)
            & Domain("date", "<=", as_of),
            order="date, id",
        )
        history = defaultdict(list)
        for check_in in check_ins:
            history[check_in.key_result_id].append(check_in)

        kr_rows = {}
        for key_result in key_results:
            kr_rows[key_result] = self._key_result_row(
                key_result, history[key_result], date_from, as_of, live
            )

        rows = []
        objective_progress = {}
        ordered = self._tree_order(objectives)
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
        for objective, depth in ordered:
            rows.append(
                self._objective_row(
                    objective,
                    depth,
                    objective_progress[objective],
                    [kr_rows[kr] for kr in objective.key_result_ids],
                    as_of,
                    live,
                )
            )

        month_check_ins = check_ins.filtered(
            lambda c: c.date >= date_from and c.origin == "manual"
        )
        health_count = defaultdict(int)
        for row in rows:
            health_count[row["health"]] += 1
        return {
            "doc_ids": objectives.ids,
            "doc_model": "okr.objective",
            "docs": objectives,
            "rows": rows,
            "date_from": date_from,
            "date_to": date_to,
            "as_of": as_of,
            "month_label": format_date(self.env, date_from, date_format="MMMM y"),
            "title_period": data.get("period_name")
            or ", ".join(objectives.period_id.mapped("name")),
            "title_team": data.get("team_name") or "",
            "health_count": health_count,
            "health_labels": dict(
                self.env["okr.objective"]
                ._fields["health"]
                ._description_selection(self.env)
            ),
            "health_colors": HEALTH_COLORS,
            "check_in_count": len(month_check_ins),
            "blocker_count": len(month_check_ins.filtered("blocker_note")),
            "average_progress": okr_math.weighted_mean(
                (row["progress"], 1.0) for row in rows if not row["depth"]
            ),
            "okr_date": lambda value: format_date(self.env, value),
        }

    @api.model
    def _key_result_row(self, key_result, history, date_from, as_of, live):
        past = [c for c in history if c.date <= as_of]
        month = [c for c in past if c.date >= date_from and c.origin == "manual"]
        last = past[-1] if past else None
        if live:
            value, progress = key_result.current_value, key_result.progress
        elif last:
            value, progress = last.value, last.progress
        else:
            value = key_result.start_value
            progress = key_result._progress_for_value(value)[0]
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
        return {
            "key_result": key_result,
            "value": key_result._okr_format_value(value),
            "start": key_result._okr_format_value(key_result.start_value),
            "target": key_result._okr_format_value(key_result.target_value),
            "progress": progress,
            "expected": expected,
            "pace": okr_math.pace(expected, key_result.okr_type),
            "health": health,
            "first_confidence": first_confidence,
            "last_confidence": last_confidence,
            "trend": self._trend(first_confidence, last_confidence),
            "check_in_count": len(month),
            "blockers": [c for c in month if c.blocker_note],
            "attention": [c for c in month if c.attention_note],
        }

    @api.model
    def _objective_row(self, objective, depth, progress, kr_rows, as_of, live):
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
            "blockers": sorted(
                (c for row in kr_rows for c in row["blockers"]),
                key=lambda c: (c.date, c.id),
            ),
            "attention": sorted(
                (c for row in kr_rows for c in row["attention"]),
                key=lambda c: (c.date, c.id),
            ),
        }

    @staticmethod
    def _trend(first, last):
        if first is None or last is None or first == last:
            return "→"
        return "↑" if last > first else "↓"
