# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class OkrObjective(models.Model):
    """The team an objective belongs to, and "my team's" objectives.

    Required for team objectives, empty for company ones (both checked on the
    server, not only in the form) and optional for individual ones, where it
    defaults to the owner's team. A copy (a carry-over) keeps its team.
    """

    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    # a new objective (the board's quick create) lands in the current quarter
    period_id = fields.Many2one(
        default=lambda self: self.env["okr.period"]._get_current()
    )
    team_id = fields.Many2one(
        "okr.team",
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
        copy=True,
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        group_expand="_read_group_team_ids",
    )
    is_my_team = fields.Boolean(
        string="My Team's",
        compute="_compute_is_my_team",
        search="_search_is_my_team",
        help="Objectives of the teams I lead or belong to, and of their sub-teams.",
    )

    @api.depends("level", "user_id")
    def _compute_team_id(self):
        for objective in self:
            if objective.level == "company":
                objective.team_id = False
            elif not objective.team_id and objective.user_id:
                objective.team_id = objective._owner_team()

    @api.constrains("level", "team_id")
    def _check_team_level(self):
        without_team = self.filtered(lambda o: o.level == "team" and not o.team_id)
        if without_team:
            raise ValidationError(
                self.env._(
                    "A team objective needs its team: choose the team of "
                    "%(objectives)s, or make it a company or individual objective.",
                    objectives=", ".join(without_team.mapped("display_name")),
                )
            )
        company_with_team = self.filtered(lambda o: o.level == "company" and o.team_id)
        if company_with_team:
            raise ValidationError(
                self.env._(
                    "A company objective belongs to no team: clear the team of "
                    "%(objectives)s, or make it a team objective.",
                    objectives=", ".join(company_with_team.mapped("display_name")),
                )
            )

    def _owner_team(self):
        """The owner's team: one they lead first, then one they belong to."""
        self.ensure_one()
        user = self.user_id
        teams = self.env["okr.team"].search(
            [
                ("company_id", "=", self.company_id.id or self.env.company.id),
                "|",
                ("leader_id", "=", user.id),
                ("member_ids", "in", user.id),
            ]
        )
        led = teams.filtered(lambda team: team.leader_id == user)
        return (led or teams)[:1]

    @api.model
    def _read_group_team_ids(self, teams, domain):
        # Every team of the allowed companies is a column of the board, even
        # empty: a team without objectives this quarter is worth seeing.
        return (
            self.env["okr.team"].search([("company_id", "in", self.env.companies.ids)])
            | teams
        )

    def _web_read_group_expand(self, domain, groups, groupby_spec, aggregates, order):
        groups = super()._web_read_group_expand(
            domain, groups, groupby_spec, aggregates, order
        )
        if groupby_spec.split(":")[0] != "team_id":
            return groups
        # The company's objectives (no team) head the board, even before the
        # first one is written: the column to plan them in.
        company = [group for group in groups if not group[0]] or [
            (
                self.env["okr.team"],
                *(self._read_group_empty_value(spec) for spec in aggregates),
            )
        ]
        return company + [group for group in groups if group[0]]

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        context = self.env.context
        # created in the board's company column (no team): a company objective
        if (
            "level" in fields
            and "default_team_id" in context
            and not context["default_team_id"]
            and "default_level" not in context
        ):
            defaults["level"] = "company"
        return defaults

    def _compute_is_my_team(self):
        mine = self.env["okr.team"]._my_teams()
        for objective in self:
            objective.is_my_team = objective.team_id in mine if mine else False

    def _search_is_my_team(self, operator, value):
        if operator != "in":
            return NotImplemented
        ids = self.env["okr.team"]._my_teams().ids
        if True in value:
            return Domain("team_id", "in", ids)
        return Domain("team_id", "not in", ids) | Domain("team_id", "=", False)
