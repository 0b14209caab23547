# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain


class OkrObjective(models.Model):
    """The board grouped by team: every column opened with one search.

    Odoo opens the columns of a grouped kanban with a search per column (up to
    ten) and leaves the column of the empty value (here the company's
    objectives) folded. Grouped by team, the board reads the cards of all the
    columns with one search and one read instead, and opens them all, the
    company's first: its query count does not grow with the number of teams.
    """

    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    in_current_year = fields.Boolean(
        string="This Year's Quarters",
        compute="_compute_in_current_year",
        search="_search_in_current_year",
        help="Objectives of the quarters of the current year: the board by period "
        "shows them side by side.",
    )

    in_current_quarter = fields.Boolean(
        string="Current Quarter",
        compute="_compute_in_current_year",
        search="_search_in_current_quarter",
    )

    def _current_quarter_domain(self):
        today = fields.Date.context_today(self)
        return (
            Domain("period_id.period_type", "=", "quarter")
            & Domain("period_id.date_start", "<=", today)
            & Domain("period_id.date_end", ">=", today)
        )

    def _search_in_current_quarter(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = self._current_quarter_domain()
        return domain if True in value else ~domain

    def _current_year_domain(self):
        today = fields.Date.context_today(self)
        return (
            Domain("period_id.period_type", "=", "quarter")
            & Domain("period_id.date_start", ">=", today.replace(month=1, day=1))
            & Domain("period_id.date_start", "<=", today.replace(month=12, day=31))
        )

    def _compute_in_current_year(self):
        year = self.filtered_domain(list(self._current_year_domain()))
        quarter = self.filtered_domain(list(self._current_quarter_domain()))
        for objective in self:
            objective.in_current_year = objective in year
            objective.in_current_quarter = objective in quarter

    def _search_in_current_year(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = self._current_year_domain()
        return domain if True in value else ~domain

    @api.model
    def web_read_group(
        self,
        domain,
        groupby,
        aggregates=(),
        limit=None,
        offset=0,
        order=None,
        **kwargs,
    ):
        specification = kwargs.get("unfold_read_specification")
        if (
            list(groupby) != ["team_id"]
            or not kwargs.get("auto_unfold")
            or kwargs.get("opening_info")
            or specification is None
        ):
            return super().web_read_group(
                domain, groupby, aggregates, limit, offset, order, **kwargs
            )
        result = super().web_read_group(
            domain,
            groupby,
            aggregates,
            limit,
            offset,
            order,
            **dict(kwargs, auto_unfold=False),
        )
        per_column = kwargs.get("unfold_read_default_limit", 80)
        records = self.search(Domain(domain))
        cards = defaultdict(list)
        for record in records:
            column = cards[record.team_id.id]
            if per_column is None or len(column) < per_column:
                column.append(record.id)
        shown = self.browse([oid for ids in cards.values() for oid in ids])
        values = {value["id"]: value for value in shown.web_read(specification)}
        for group in result["groups"]:
            team = group["team_id"]
            team_id = team[0] if team else False
            group["__records"] = [values[oid] for oid in cards.get(team_id, [])]
        return result
