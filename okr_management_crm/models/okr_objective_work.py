# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

from odoo import models
from odoo.fields import Domain


class OkrObjective(models.Model):
    _inherit = "okr.objective"

    def _okr_work_done_objective_ids(self, date_from, date_to):
        """Leads won between the two dates are work done for the strategy flow."""
        ids = super()._okr_work_done_objective_ids(date_from, date_to)
        if not self.ids:
            return ids
        initiatives = self.env["okr.initiative"].search(
            Domain("objective_id", "in", self.ids)
        )
        if not initiatives:
            return ids
        for initiative, _count in self.env["crm.lead"]._read_group(
            Domain("okr_initiative_id", "in", initiatives.ids)
            & Domain("won_status", "=", "won")
            & Domain("date_closed", ">=", datetime.combine(date_from, time.min))
            & Domain("date_closed", "<=", datetime.combine(date_to, time.max)),
            ["okr_initiative_id"],
            ["__count"],
        ):
            ids.add(initiative.objective_id.id)
        return ids
