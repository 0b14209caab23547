# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain

# the objectives a coverage counts: planned, running or scored
COVERAGE_STATES = ("draft", "active", "closed")


class OkrOperatingArea(models.Model):
    """The seeds' operating model (000, 001): four areas (strategy, people,
    structure, value cycle) and their sixteen parts. Objectives name the parts
    they serve; the coverage of a period shows the parts nobody measures."""

    _name = "okr.operating.area"
    _description = "OKR Operating Model Area"
    _order = "parent_sequence, parent_path, sequence, id"
    _parent_store = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    parent_id = fields.Many2one(
        "okr.operating.area",
        string="Area",
        index=True,
        ondelete="cascade",
        domain="[('parent_id', '=', False)]",
        help="The area this part belongs to; empty for an area.",
    )
    parent_path = fields.Char(index=True)
    parent_sequence = fields.Integer(
        compute="_compute_parent_sequence", store=True, string="Area Order"
    )
    child_ids = fields.One2many("okr.operating.area", "parent_id", string="Parts")
    description = fields.Text(
        string="What OKRs Bring", translate=True, help="What OKRs bring to it."
    )
    objective_ids = fields.Many2many(
        "okr.objective",
        "okr_objective_operating_area_rel",
        "operating_area_id",
        "objective_id",
        string="Objectives",
    )
    # -- coverage of the period in the context (okr_period_id) ------------
    coverage_count = fields.Integer(
        string="Objectives Serving It",
        compute="_compute_coverage",
        help="Objectives of the period serving this part (or a part of this area).",
    )
    coverage_on_track = fields.Integer(string="On Track", compute="_compute_coverage")
    coverage_at_risk = fields.Integer(string="At Risk", compute="_compute_coverage")
    coverage_off_track = fields.Integer(string="Off Track", compute="_compute_coverage")
    is_unmeasured = fields.Boolean(
        string="Nobody Measures It",
        compute="_compute_coverage",
        help="No objective of the period serves it: are we measuring what "
        "matters, or only what is easy to measure?",
    )

    @api.depends("parent_id.sequence", "sequence")
    def _compute_parent_sequence(self):
        for area in self:
            area.parent_sequence = (area.parent_id or area).sequence

    @api.depends_context("okr_period_id", "company")
    def _compute_coverage(self):
        coverage = self._coverage(self._coverage_period_id())
        for area in self:
            counts = coverage.get(area.id, {})
            area.coverage_count = sum(counts.values())
            area.coverage_on_track = counts.get("on_track", 0)
            area.coverage_at_risk = counts.get("at_risk", 0)
            area.coverage_off_track = counts.get("off_track", 0)
            area.is_unmeasured = not area.coverage_count

    def _coverage(self, period_id):
        """``{area id: {health: count}}`` of the period's objectives (its
        sub-periods' included); an area counts each objective of its parts
        once. Two queries per call, whatever the number of objectives."""
        if not period_id:
            return {}
        objectives = defaultdict(dict)
        for objective in self.env["okr.objective"].search_fetch(
            Domain("period_id", "child_of", period_id)
            & Domain("state", "in", list(COVERAGE_STATES))
            & Domain("operating_area_ids", "!=", False),
            ["health", "operating_area_ids"],
        ):
            for part_id in objective.operating_area_ids.ids:
                objectives[part_id][objective.id] = objective.health
        parts = self.browse(list(objectives)).exists()
        for part in parts:
            if part.parent_id:
                objectives[part.parent_id.id].update(objectives[part.id])
        coverage = {}
        for area_id, healths in objectives.items():
            counts = defaultdict(int)
            for health in healths.values():
                counts[health or "on_track"] += 1
            coverage[area_id] = counts
        return coverage

    @api.model
    def _coverage_period_id(self):
        """The period of the context (a period's Coverage button), else the
        quarter running today: the menu opens on the plan in progress."""
        return (
            self.env.context.get("okr_period_id")
            or self.env["okr.period"]._get_current().id
        )

    def action_open_objectives(self):
        self.ensure_one()
        period_id = self._coverage_period_id()
        domain = Domain("operating_area_ids", "child_of", self.id)
        if period_id:
            domain &= Domain("period_id", "child_of", period_id)
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": "okr.objective",
            "views": [(False, "list"), (False, "form")],
            "domain": list(domain),
        }
