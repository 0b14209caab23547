# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ProjectUpdate(models.Model):
    _inherit = "project.update"

    @api.model
    def _get_template_values(self, project):
        values = super()._get_template_values(project)
        values["okr_key_results"] = self._get_okr_values(project)
        return values

    @api.model
    def _get_okr_values(self, project):
        """The key results the project serves, for the update's summary.

        Read as superuser on purpose: everyone who reads the project update
        may know which OKRs the project serves (names and progress only).
        """
        key_results = project.sudo().okr_key_result_ids
        health_labels = dict(
            key_results._fields["health"]._description_selection(self.env)
        )
        return [
            {
                "objective": key_result.objective_id.name,
                "name": key_result.name,
                "progress": round(key_result.progress),
                "health": health_labels.get(key_result.health, ""),
            }
            for key_result in key_results.sorted(
                lambda kr: (kr.objective_id.name or "", kr.sequence, kr.id)
            )
        ]
