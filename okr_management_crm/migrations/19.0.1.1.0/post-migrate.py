# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The "First Response Time" preset (noupdate) measured the time to assign:
    it now measures the time to the first answer, and "Time to Assign" is its
    own preset (created by the update)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    preset = env.ref("okr_management_crm.okr_metric_crm_first_response", False)
    end = env.ref("okr_management_crm.field_crm_lead__okr_first_response_date", False)
    if preset and end:
        preset.write(
            {
                "duration_end_field_id": end.id,
                "description": "Average time from the creation of a lead to the "
                "first answer a salesperson logs on it (a message, a note or a "
                "call marked done), for the leads created in the period, in "
                "minutes.",
            }
        )
