# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

NO_STATUS = {"is_lost": False, "is_won": False}


class CrmLead(models.Model):
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    # OKR data: only OKR users see the link (a salesperson without OKR access keeps
    # the CRM screens as they were and never reads an initiative).
    okr_initiative_id = fields.Many2one(
        "okr.initiative",
        string="OKR Initiative",
        index="btree_not_null",
        tracking=True,
        copy=False,
        check_company=True,
        groups="okr_management.group_okr_user",
        help="The initiative of a key result this lead or opportunity serves.",
    )

    # ------------------------------------------------------------------
    # Won / lost: refresh the key results measuring leads, now
    # ------------------------------------------------------------------
    def _handle_won_lost(self, old_status_by_lead, new_status_by_lead):
        res = super()._handle_won_lost(old_status_by_lead, new_status_by_lead)
        changed = self.filtered(
            lambda lead: (
                old_status_by_lead.get(lead.id, NO_STATUS)
                != new_status_by_lead.get(lead.id, NO_STATUS)
            )
        )
        if changed and not self.env.context.get("okr_metric_no_refresh"):
            changed._okr_refresh_key_results()
        return res

    def _okr_refresh_key_results(self):
        """Refresh, in this transaction, the open metric key results whose value
        these leads can change: the engine computes them with one grouped query
        per metric (and window and rights), whatever their number."""
        key_results = self.env["okr.key.result"]._okr_crm_affected_by(self.sudo())
        if key_results:
            # a broken metric must never stop a salesperson from winning a deal;
            # each value is computed with its key result's owner's rights (not
            # the salesperson's) and every metric query runs under the metric
            # statement timeout, so a slow domain cannot hold "Mark Won"
            key_results._refresh_metric_isolated()
        return key_results

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _okr_action_open(self, domain, name, context=None):
        """Leads and opportunities of ``domain``, lost ones included."""
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "crm.lead",
            "views": [
                (self.env.ref("crm.crm_case_tree_view_oppor").id, "list"),
                (self.env.ref("crm.crm_case_kanban_view_leads").id, "kanban"),
                (False, "form"),
            ],
            "search_view_id": [
                self.env.ref("crm.view_crm_case_opportunities_filter").id
            ],
            # lost leads are archived: name `active` so they are listed too
            "domain": [*domain, ("active", "in", (True, False))],
            "context": dict(context or {}),
        }

    def action_open_okr_initiative(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "okr.initiative",
            "res_id": self.okr_initiative_id.id,
            "views": [(False, "form")],
        }
