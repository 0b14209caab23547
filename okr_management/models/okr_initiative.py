# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .okr_selections import INITIATIVE_STATE_SELECTION


class OkrInitiative(models.Model):
    _name = "okr.initiative"
    _description = "OKR Initiative"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, date_deadline, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    key_result_id = fields.Many2one(
        "okr.key.result",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    objective_id = fields.Many2one(
        related="key_result_id.objective_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="key_result_id.company_id", store=True, index=True, precompute=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    date_start = fields.Date(string="Start Date")
    date_deadline = fields.Date(string="Deadline", tracking=True)
    state = fields.Selection(
        INITIATIVE_STATE_SELECTION,
        required=True,
        default="todo",
        tracking=True,
    )
    # A plain field here; okr_management_project computes it from tasks.
    progress = fields.Float(aggregator="avg", tracking=True)
    weight = fields.Float(default=1.0, required=True)
    description = fields.Html()
    color = fields.Integer()

    _progress_range = models.Constraint(
        "CHECK (progress >= 0 AND progress <= 100)",
        "The progress of an initiative must lie between 0 and 100.",
    )
    _positive_weight = models.Constraint(
        "CHECK (weight > 0)",
        "The weight of an initiative must be positive.",
    )
    _date_order = models.Constraint(
        "CHECK (date_deadline IS NULL OR date_start IS NULL "
        "OR date_deadline >= date_start)",
        "An initiative cannot end before it starts.",
    )
