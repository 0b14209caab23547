# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One-click metric presets on the key result form.

The CRM addon offers its sales metrics and the project addon its task metrics
as buttons. Each addon declares a computed Many2one (``crm_metric_preset_id``,
``task_metric_preset_id``) kept in step with ``metric_id``; choosing a button
fills the source, metric, name, unit and direction through the helpers here,
then the addon sets its own scope.
"""

from odoo import models

# the key result's unit that shows a metric's duration best
PRESET_DURATION_UNITS = {"day": "days", "hour": "hours", "minute": "number"}


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    def _compute_metric_preset(self, preset_field, model_name):
        """The preset field shows the metric when it measures ``model_name``."""
        for key_result in self:
            metric = key_result.metric_id
            key_result[preset_field] = (
                metric if metric.model_name == model_name else False
            )

    def _inverse_metric_preset(self, preset_field):
        for key_result in self:
            preset = key_result[preset_field]
            if preset and key_result.metric_id != preset:
                key_result.write({"source": "metric", "metric_id": preset.id})

    def _apply_metric_preset(self, metric, lower_is_better):
        """Onchange of a preset button: measure with ``metric``. Returns False
        when there is nothing to change."""
        if not metric or metric == self.metric_id:
            return False
        self.source = "metric"
        self.metric_id = metric
        if not self.name:
            self.name = metric.name
        if metric.aggregate == "ratio":
            self.unit = "percent"
        elif metric.aggregate == "duration":
            self.unit = PRESET_DURATION_UNITS.get(metric.duration_unit, "number")
        elif metric.value_field_id.ttype == "monetary":
            self.unit = "currency"
        else:
            self.unit = "number"
        if self.result_type in ("increase", "decrease"):
            self.result_type = "decrease" if lower_is_better else "increase"
        return True
