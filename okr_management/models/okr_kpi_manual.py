# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""KPIs whose value is typed by hand: data that is not in Odoo.

Seed 004's service-desk KPIs (tickets solved with the knowledge base, L1
resolution time) live in a tool Odoo does not read. Such a KPI has no metric;
its responsible types the value, and the KPI keeps its previous value, trend
and drift warning as a refreshed one does. A KPI with a metric takes its value
from the metric only: a typed value would be gone at the next refresh.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class OkrKpi(models.Model):
    _inherit = "okr.kpi"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if not vals.get("metric_id") and "current_value" in vals:
                vals.setdefault("last_refresh", now)
        kpis = super().create(vals_list)
        typed = kpis.filtered(lambda kpi: not kpi.metric_id and kpi.last_refresh)
        if typed:
            # safe: the create above checked the user's rights on these KPIs
            typed.sudo()._notify_drift()
        return kpis

    def write(self, vals):
        if "current_value" not in vals:
            return super().write(vals)
        if "metric_id" in vals:
            measured = self if vals["metric_id"] else self.browse()
        else:
            measured = self.filtered("metric_id")
        # the refresh writes a metric's value as superuser, after its own check
        if measured and not self.env.su:
            raise UserError(
                self.env._(
                    "The value of %(kpi)s comes from its metric %(metric)s: "
                    "refresh it, or remove the metric to type the value.",
                    kpi=measured[0].display_name,
                    metric=(
                        measured[0].metric_id
                        or self.env["okr.metric"].browse(vals["metric_id"])
                    ).display_name,
                )
            )
        typed = self - measured
        before = {kpi.id: (kpi.current_value, kpi.last_refresh) for kpi in typed}
        res = super().write(vals)
        if typed:
            typed._record_typed_values(before)
        return res

    def _record_typed_values(self, before):
        """Previous value, trend and time of the typed values, one write per
        distinct set; then the drift warnings, as after a refresh."""
        now = fields.Datetime.now()
        by_vals = defaultdict(list)
        for kpi in self:
            previous, last = before[kpi.id]
            cmp = float_compare(kpi.current_value, previous, precision_digits=6)
            if not cmp:
                continue
            vals = {
                "previous_value": previous,
                # the first value has nothing to compare with
                "trend": ("up" if cmp > 0 else "down") if last else "flat",
                "last_refresh": now,
                "error": False,
            }
            by_vals[tuple(sorted(vals.items()))].append(kpi.id)
        for vals, ids in by_vals.items():
            self.browse(ids).write(dict(vals))
        if by_vals:
            # safe: the write above checked the user's rights on these KPIs
            self.sudo()._notify_drift()
