# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class OkrTeam(models.Model):
    """A team of the company: its leader, members and sub-teams.

    Objectives belong to a team; "my team's" are those of the teams I lead or
    belong to and of their sub-teams.
    """

    _name = "okr.team"
    _description = "OKR Team"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, complete_name, id"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        index=True,
        tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    member_ids = fields.Many2many(
        "res.users",
        "okr_team_member_rel",
        "team_id",
        "user_id",
        string="Members",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    parent_id = fields.Many2one(
        "okr.team",
        string="Parent Team",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("okr.team", "parent_id", string="Sub-teams")
    objective_ids = fields.One2many("okr.objective", "team_id", string="Objectives")
    objective_count = fields.Integer(compute="_compute_objective_count")
    is_mine = fields.Boolean(
        string="My Team",
        compute="_compute_is_mine",
        search="_search_is_mine",
        help="A team I lead or belong to, or one of their sub-teams.",
    )

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for team in self:
            if team.parent_id:
                team.complete_name = f"{team.parent_id.complete_name} / {team.name}"
            else:
                team.complete_name = team.name

    def _compute_objective_count(self):
        counts = dict(
            self.env["okr.objective"]._read_group(
                [("team_id", "in", self.ids)], ["team_id"], ["__count"]
            )
        )
        for team in self:
            team.objective_count = counts.get(team, 0)

    @api.model
    def _my_teams(self, user=None):
        """The teams ``user`` leads or belongs to, with their sub-teams."""
        user = user or self.env.user
        direct = self.search(
            ["|", ("leader_id", "=", user.id), ("member_ids", "in", user.id)]
        )
        if not direct:
            return direct
        return self.search([("id", "child_of", direct.ids)])

    def _compute_is_mine(self):
        mine = self._my_teams()
        for team in self:
            team.is_mine = team in mine

    def _search_is_mine(self, operator, value):
        if operator != "in":
            return NotImplemented
        ids = self._my_teams().ids
        return Domain("id", "in", ids) if True in value else Domain("id", "not in", ids)

    def write(self, vals):
        # Checked before the write: the parent store would refuse the cycle
        # with a bare "Recursion Detected."
        if vals.get("parent_id") and self.browse(vals["parent_id"]) in self.search(
            [("id", "child_of", self.ids)]
        ):
            raise ValidationError(
                self.env._("A team cannot be a sub-team of itself or its sub-teams.")
            )
        return super().write(vals)

    def _metric_scope_records(self, model_name):
        """The records of ``model_name`` linked to these teams, measured by a key
        result with scope team (sales teams, projects: see the CRM and project
        addons)."""
        return self.env[model_name] if model_name in self.env else self.env["okr.team"]

    def action_open_objectives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "okr_management.action_okr_objective"
        )
        action["domain"] = [("team_id", "child_of", self.id)]
        action["context"] = {"default_team_id": self.id, "default_level": "team"}
        return action
