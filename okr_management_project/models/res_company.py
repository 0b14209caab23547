# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    okr_initiative_progress_by_hours = fields.Boolean(
        string="Weigh Initiative Progress by Allocated Hours",
        help="When set, an initiative's progress is the share of the allocated hours "
        "of its tasks that are done, instead of the share of its tasks that are "
        "done. Tasks without allocated hours then weigh nothing.",
    )
