# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    # A shortcut on the form: the sales metrics as one-click buttons. Choosing one
    # fills source, metric, unit, direction and scope (onchange) and stays in step
    # with metric_id (compute/inverse), so nothing else stores it.
    crm_metric_preset_id = fields.Many2one(
        "okr.metric",
        string="Sales Metric",
        compute="_compute_crm_metric_preset_id",
        inverse="_inverse_crm_metric_preset_id",
        domain=[("model_name", "=", "crm.lead")],
        check_company=True,
        help="Measure this key result with a sales metric of the CRM, for its "
        "owner, its sales team or the whole company.",
    )

    @api.depends("metric_id")
    def _compute_crm_metric_preset_id(self):
        self._compute_metric_preset("crm_metric_preset_id", "crm.lead")

    def _inverse_crm_metric_preset_id(self):
        self._inverse_metric_preset("crm_metric_preset_id")

    @api.onchange("crm_metric_preset_id")
    def _onchange_crm_metric_preset_id(self):
        metric = self.crm_metric_preset_id
        # faster is better for a duration; more is better for the others
        if not self._apply_metric_preset(metric, metric.aggregate == "duration"):
            return
        self._okr_crm_default_scope()

    def _okr_crm_default_scope(self):
        """Keep a sales team already chosen (e.g. from the team's dashboard); else a
        team objective measures the owner's sales team, a company objective the
        company and any other the owner's own pipeline."""
        if self.metric_scope == "team" and self.metric_team_ref._name == "crm.team":
            return
        owner = self.user_id
        team = self.env["crm.team"]
        if owner:
            team = (
                self.env["crm.team"].search([("user_id", "=", owner.id)], limit=1)
                or owner.sale_team_id
            )
        if self.objective_id.level == "team" and team:
            self.metric_scope = "team"
            self.metric_team_ref = team
        elif self.objective_id.level == "company" or not owner:
            self.metric_scope = "company"
        else:
            self.metric_scope = "owner"

    # ------------------------------------------------------------------
    # Refresh on won / lost
    # ------------------------------------------------------------------
    @api.model
    def _okr_crm_affected_by(self, leads):
        """The open metric key results whose value ``leads`` can change: the
        metric measures their model, the window holds one of their dates and
        the scope (owner, team, company) holds them."""
        # safe: called after the salesperson's own write of ``leads`` (won or
        # lost); the key results found are refreshed with their owners'
        # rights, and nothing of them is returned to the salesperson
        key_results = self.sudo().search(
            [
                ("source", "=", "metric"),
                ("metric_id.model_id.model", "=", leads._name),
                ("state", "in", ("draft", "active")),
            ]
        )
        if not key_results:
            return key_results
        leads = leads.sudo().with_context(active_test=False)
        companies = set(leads.company_id.ids)
        any_company = not all(leads.mapped("company_id"))
        reach = {}
        for metric in key_results.metric_id:
            date_field = metric.date_field_id.name
            user_field = metric.user_field_id.name
            team_field = metric.team_field_id.name
            dates = None
            if date_field and date_field in leads._fields:
                dates = {
                    value.date() if isinstance(value, datetime.datetime) else value
                    for value in leads.mapped(date_field)
                    if value
                }
            reach[metric] = {
                "dates": dates,
                "users": set(leads.mapped(user_field).ids)
                if user_field in leads._fields
                else set(),
                "teams": {
                    f"{team._name},{team.id}" for team in leads.mapped(team_field)
                }
                if team_field in leads._fields
                else set(),
            }
        today = fields.Date.context_today(self)

        def affected(key_result):
            if not (any_company or key_result.company_id.id in companies):
                return False
            lead_reach = reach[key_result.metric_id]
            period = key_result.period_id
            if lead_reach["dates"] is not None:
                date_to = period.date_end
                if key_result.metric_window == "to_date":
                    date_to = min(date_to, today) if date_to else today
                if not any(
                    (not period.date_start or period.date_start <= day)
                    and (not date_to or day <= date_to)
                    for day in lead_reach["dates"]
                ):
                    return False
            if key_result.metric_scope == "owner":
                return key_result.user_id.id in lead_reach["users"]
            if key_result.metric_scope == "team":
                team = key_result.metric_team_ref
                return bool(team) and f"{team._name},{team.id}" in lead_reach["teams"]
            return True

        return key_results.filtered(affected)
