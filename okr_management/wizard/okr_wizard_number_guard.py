# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class OkrKeyResultChange(models.TransientModel):
    _name = "okr.key.result.change"
    _inherit = ["okr.key.result.change", "okr.number.guard.mixin"]


class OkrCheckInWeeklyLine(models.TransientModel):
    _name = "okr.check.in.weekly.line"
    _inherit = ["okr.check.in.weekly.line", "okr.number.guard.mixin"]
