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

        Only the key results of the project's company that the reader may
        read: the served key results are found as superuser (the reader may
        not be an OKR user), then filtered with the reader's own rights.
        """
        served = project.sudo().okr_key_result_ids
        readable = served.with_env(self.env)._filtered_access("read")
        company = project.sudo().company_id
        # safe: each key result left was checked readable by the reader
        key_results = readable.filtered(
            lambda kr: not company or kr.company_id == company
        ).sudo()
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
