# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class OkrInitiative(models.Model):
    _inherit = "okr.initiative"

    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="The sales team carrying out this initiative.",
    )
    # Leads are CRM data: only people with CRM access see them (the counts are
    # computed with their rights, so a salesperson counts what CRM shows them).
    lead_ids = fields.One2many(
        "crm.lead",
        "okr_initiative_id",
        string="Leads/Opportunities",
        groups="sales_team.group_sale_salesman",
    )
    lead_count = fields.Integer(
        compute="_compute_lead_counts",
        string="Leads",
        groups="sales_team.group_sale_salesman",
    )
    lead_won_count = fields.Integer(
        compute="_compute_lead_counts",
        string="Won",
        groups="sales_team.group_sale_salesman",
    )

    # counted with the reader's rights: the value differs per user
    @api.depends("lead_ids")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_lead_counts(self):
        # lost leads are archived: count them too, one grouped query for all
        rows = (
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [("okr_initiative_id", "in", self.ids)],
                ["okr_initiative_id", "won_status"],
                ["__count"],
            )
        )
        total, won = {}, {}
        for initiative, status, count in rows:
            total[initiative.id] = total.get(initiative.id, 0) + count
            if status == "won":
                won[initiative.id] = count
        for initiative in self:
            initiative.lead_count = total.get(initiative.id, 0)
            initiative.lead_won_count = won.get(initiative.id, 0)

    def action_view_leads(self):
        self.ensure_one()
        return self.env["crm.lead"]._okr_action_open(
            [("okr_initiative_id", "=", self.id)],
            self.env._("Leads of %(name)s", name=self.name),
            {
                "default_okr_initiative_id": self.id,
                "default_team_id": self.team_id.id,
            },
        )
