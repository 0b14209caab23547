# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class OkrObjective(models.Model):
    """The alignment through key results (seeds 000, 001): an objective whose
    key result contributes to another objective's key result is aligned with
    that objective, across the branches of the alignment tree."""

    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    kr_aligned_objective_ids = fields.Many2many(
        "okr.objective",
        "okr_objective_kr_alignment_rel",
        "objective_id",
        "aligned_objective_id",
        string="Contributes Through Key Results To",
        compute="_compute_kr_aligned_objective_ids",
        store=True,
        help="The objectives whose key results this objective's key results "
        "contribute to (the key result's 'Contributes To').",
    )
    # the other side, computed rather than a second view of the table, so that
    # nobody writes the relation but the compute above
    kr_contributing_objective_ids = fields.Many2many(
        "okr.objective",
        string="Key Results Fed By",
        compute="_compute_kr_contributing_objective_ids",
        help="The objectives whose key results contribute to this objective's "
        "key results.",
    )

    @api.depends("key_result_ids.parent_key_result_id.objective_id")
    def _compute_kr_aligned_objective_ids(self):
        for objective in self:
            objective.kr_aligned_objective_ids = (
                objective.key_result_ids.parent_key_result_id.objective_id - objective
            )

    @api.depends("key_result_ids.contributor_ids.objective_id")
    def _compute_kr_contributing_objective_ids(self):
        # one search for the whole recordset, not one per objective
        contributing = self.search(
            [("kr_aligned_objective_ids", "in", self._origin.ids)]
        )
        for objective in self:
            objective.kr_contributing_objective_ids = contributing.filtered(
                lambda other, target=objective._origin: target
                in other.kr_aligned_objective_ids
            )
