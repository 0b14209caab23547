# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class OkrObjective(models.Model):
    """The parts of the operating model an objective serves (seeds 000, 001)."""

    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    operating_area_ids = fields.Many2many(
        "okr.operating.area",
        "okr_objective_operating_area_rel",
        "objective_id",
        "operating_area_id",
        string="Operating Model",
        domain="[('parent_id', '!=', False)]",
        help="The parts of the operating model this objective serves: the "
        "coverage of a period shows the parts nobody measures.",
    )

    def _okr_work_done_objective_ids(self, date_from, date_to):
        """Ids of these objectives whose initiatives had work done between the
        two dates: the project and CRM addons add their tasks and leads."""
        return set()
