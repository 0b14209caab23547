# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    okr_initiative_progress_by_hours = fields.Boolean(
        related="company_id.okr_initiative_progress_by_hours",
        readonly=False,
    )
