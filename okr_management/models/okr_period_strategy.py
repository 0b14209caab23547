# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

LIVE_STATES = ("draft", "active")


class OkrPeriod(models.Model):
    """The strategy flow of a period (seed 000): "does the strategy reach the
    teams' day, or stay in slides?" Of the company objectives, how many have
    aligned team objectives, initiatives, and work done this month."""

    _inherit = "okr.period"  # pylint: disable=consider-merging-classes-inherited

    strategy_company_count = fields.Integer(
        string="Company Objectives", compute="_compute_strategy_flow"
    )
    strategy_aligned_count = fields.Integer(
        string="With Aligned Objectives",
        compute="_compute_strategy_flow",
        help="Company objectives that team or individual objectives serve.",
    )
    strategy_initiative_count = fields.Integer(
        string="With Initiatives",
        compute="_compute_strategy_flow",
        help="Company objectives with open initiatives, theirs or their aligned "
        "objectives'.",
    )
    strategy_work_count = fields.Integer(
        string="With Work Done This Month",
        compute="_compute_strategy_flow",
        help="Company objectives whose initiatives (theirs or their aligned "
        "objectives') had work done this month: tasks delivered, leads won.",
    )

    @api.depends_context("company")
    def _compute_strategy_flow(self):
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        month_end = month_start + relativedelta(months=1, days=-1)
        for period in self:
            flow = period._strategy_flow(month_start, month_end)
            period.strategy_company_count = flow["company"]
            period.strategy_aligned_count = flow["aligned"]
            period.strategy_initiative_count = flow["initiatives"]
            period.strategy_work_count = flow["work"]

    def _strategy_flow(self, date_from, date_to):
        """Counts of the company objectives of this period (its sub-periods'
        included) reaching each step; a fixed number of queries."""
        self.ensure_one()
        flow = dict.fromkeys(("company", "aligned", "initiatives", "work"), 0)
        if not self._origin.id:
            return flow
        Objective = self.env["okr.objective"]
        roots = Objective.search(
            Domain("period_id", "child_of", self._origin.id)
            & Domain("level", "=", "company")
            & Domain("state", "in", list(LIVE_STATES))
        )
        flow["company"] = len(roots)
        if not roots:
            return flow
        # every objective under a company objective, mapped to its roots
        tree = Objective.search_fetch(
            Domain("id", "child_of", roots.ids)
            & Domain("state", "in", (*LIVE_STATES, "closed")),
            ["parent_path", "parent_id"],
        )
        root_ids = set(roots.ids)
        roots_of = {
            objective.id: {int(oid) for oid in objective.parent_path.split("/") if oid}
            & root_ids
            for objective in tree
        }
        aligned = set().union(
            *(roots_of[o.id] for o in tree if o.parent_id and o.id not in root_ids)
        )
        with_initiatives = set()
        for objective, _count in self.env["okr.initiative"]._read_group(
            Domain("objective_id", "in", tree.ids) & Domain("state", "!=", "cancelled"),
            ["objective_id"],
            ["__count"],
        ):
            with_initiatives |= roots_of.get(objective.id, set())
        with_work = set()
        for objective_id in tree._okr_work_done_objective_ids(date_from, date_to):
            with_work |= roots_of.get(objective_id, set())
        flow.update(
            aligned=len(aligned),
            initiatives=len(with_initiatives),
            work=len(with_work),
        )
        return flow

    def action_open_coverage(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "okr_management.action_okr_operating_area_coverage"
        )
        action["context"] = {"okr_period_id": self.id}
        action["name"] = self.env._(
            "Operating Model Coverage: %(period)s", period=self.display_name
        )
        return action
