# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

NUDGE_ACTIVITY = "okr_management.mail_activity_type_okr_team_nudge"


class OkrTeam(models.Model):
    """The board's column heads: a team's weekly check-in completion and its
    progress against pace, and the leader's nudge to those not checked in."""

    _inherit = "okr.team"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _board_stats(self, objective_domain):
        """Per team (``False``: no team) of the objectives in ``objective_domain``:
        ``{team_id: {"total", "checked", "progress", "pace"}}``, from one grouped
        query over their key results, whatever the number of teams."""
        week_start = self.env["okr.objective"]._okr_week_start()
        key_results = self.env["okr.key.result"]
        rows = key_results._read_group(
            Domain("objective_id", "any", Domain(objective_domain))
            & Domain("objective_id.state", "!=", "cancelled"),
            ["team_id"],
            [
                "__count",
                "progress:avg",
                "expected_progress:avg",
                "last_check_in_date:array_agg",
            ],
        )
        stats = {}
        for team, count, progress, pace, dates in rows:
            stats[team.id or False] = {
                "total": count,
                "checked": sum(1 for day in dates if day and day >= week_start),
                "progress": progress or 0.0,
                "pace": pace or 0.0,
                "health": self._board_health(count, progress or 0.0, pace or 0.0),
            }
        return stats

    @api.model
    def _board_health(self, total, progress, pace):
        """The colour of a column head: ``"none"`` without key results (nothing
        is on track or late), else off track under 70 % of the pace, at risk
        under the pace, on track from it (the rounded percentages shown)."""
        if not total:
            return "none"
        progress, pace = round(progress), round(pace)
        if progress < pace * 0.7:
            return "off_track"
        if progress < pace:
            return "at_risk"
        return "on_track"

    @api.model
    def get_board_stats(self, objective_domain, team_ids):
        """The column heads of the board grouped by team (one call for all)."""
        stats = self._board_stats(objective_domain)
        teams = self.browse([tid for tid in team_ids if tid]).exists()
        mine = teams._can_nudge()
        result = {}
        for team_id in team_ids:
            values = stats.get(team_id or False) or {
                "total": 0,
                "checked": 0,
                "progress": 0.0,
                "pace": 0.0,
                "health": "none",
            }
            result[team_id or 0] = dict(values, can_nudge=team_id in mine.ids)
        return result

    def _can_nudge(self):
        """The teams of ``self`` the current user may nudge: those they lead
        (or all, for an OKR manager)."""
        if self.env.user.has_group("okr_management.group_okr_manager"):
            return self
        return self.filtered(lambda team: team.leader_id == self.env.user)

    # ------------------------------------------------------------------
    # The weekly check-in status and the nudge
    # ------------------------------------------------------------------
    def _week_key_results(self):
        """The key results of the team's (and sub-teams') active objectives of
        the current periods."""
        today = fields.Date.context_today(self)
        return self.env["okr.key.result"].search(
            [
                ("team_id", "child_of", self.ids),
                ("objective_id.state", "=", "active"),
                ("period_id.date_start", "<=", today),
                ("period_id.date_end", ">=", today),
            ]
        )

    def _members_not_checked_in(self):
        """Members (leader included) owning a key result of the team not checked
        in since Monday."""
        self.ensure_one()
        week_start = self.env["okr.objective"]._okr_week_start()
        people = self.member_ids | self.leader_id
        late = self._week_key_results().filtered(
            lambda kr: kr.user_id in people
            and (not kr.last_check_in_date or kr.last_check_in_date < week_start)
        )
        return late.user_id

    def action_open_week_status(self):
        """The team's key results of this quarter with their last check-in."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "okr_management.action_okr_team_week_status"
        )
        action["domain"] = [("id", "in", self._week_key_results().ids)]
        action["display_name"] = self.env._(
            "Weekly check-in: %(team)s", team=self.display_name
        )
        action["context"] = {"okr_nudge_team_id": self.id}
        return action

    def action_nudge_members(self):
        """One activity for each member not checked in this week, never two: a
        member with an open nudge of this team is left alone."""
        self.ensure_one()
        if not self._can_nudge():
            raise AccessError(
                self.env._(
                    "Only the team leader or an OKR manager can nudge its members."
                )
            )
        late = self._members_not_checked_in()
        activity_type = self.env.ref(NUDGE_ACTIVITY)
        # the leader may read the team, not write it: the check above is the
        # right to nudge, so the activities are created as superuser
        team = self.sudo()
        open_nudges = team.activity_ids.filtered(
            lambda act: act.activity_type_id == activity_type
        )
        to_nudge = late - open_nudges.user_id
        for user in to_nudge:
            team.activity_schedule(
                NUDGE_ACTIVITY,
                user_id=user.id,
                summary=self.env._("Check in on your key results this week"),
                note=self.env._(
                    "%(leader)s asks you to check in on the key results of %(team)s.",
                    leader=self.env.user.name,
                    team=self.display_name,
                ),
            )
        message = (
            self.env._("Nudged: %(names)s", names=", ".join(to_nudge.mapped("name")))
            if to_nudge
            else self.env._("Nobody to nudge: everyone checked in or was nudged.")
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success" if to_nudge else "info",
                "sticky": False,
            },
        }
