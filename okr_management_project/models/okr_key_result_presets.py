# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class OkrKeyResult(models.Model):
    """The task metrics as one-click buttons on the key result form, shown only
    where they fit, as the CRM addon does for its sales metrics."""

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    # Choosing one fills source, metric, unit, direction and scope (onchange) and
    # stays in step with metric_id (compute/inverse), so nothing else stores it.
    task_metric_preset_id = fields.Many2one(
        "okr.metric",
        string="Task Metric",
        compute="_compute_task_metric_preset_id",
        inverse="_inverse_task_metric_preset_id",
        domain=[("model_name", "=", "project.task")],
        check_company=True,
        help="Measure this key result with a task metric of the projects: the "
        "tasks of its team's projects, or of the whole company.",
    )
    task_presets_fit = fields.Boolean(
        compute="_compute_task_presets_fit",
        help="The task metric buttons fit: the key result has no source yet, "
        "already measures a task metric, or its objective's team has projects.",
    )

    @api.depends("metric_id")
    def _compute_task_metric_preset_id(self):
        self._compute_metric_preset("task_metric_preset_id", "project.task")

    def _inverse_task_metric_preset_id(self):
        self._inverse_metric_preset("task_metric_preset_id")

    @api.depends(
        "source", "metric_id", "check_in_count", "objective_id.team_id.project_ids"
    )
    def _compute_task_presets_fit(self):
        for key_result in self:
            fresh = key_result.source == "manual" and not key_result.check_in_count
            key_result.task_presets_fit = bool(
                fresh
                or key_result.metric_id.model_name == "project.task"
                or key_result.objective_id.team_id.project_ids
            )

    @api.onchange("task_metric_preset_id")
    def _onchange_task_metric_preset_id(self):
        metric = self.task_metric_preset_id
        # faster is better for a cycle time, less for a rework rate
        lower_is_better = metric.aggregate == "duration" or metric == self.env.ref(
            "okr_management_project.okr_metric_task_rework",
            raise_if_not_found=False,
        )
        if not self._apply_metric_preset(metric, lower_is_better):
            return
        # the team's projects when it has some (the scope takes them from the
        # objective's team), else the company's tasks: a task metric has no
        # owner field
        has_projects = bool(self.objective_id.team_id.project_ids)
        typed = self.metric_team_ref
        if typed and typed._name != "project.project":
            typed = self.metric_team_ref = False  # e.g. a sales team
        if self.metric_scope == "team" and (typed or has_projects):
            return
        self.metric_scope = "team" if has_projects else "company"
