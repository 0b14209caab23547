# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import OkrPhoneTourCase


class TeamBoardTourMixin:
    """Two teams (one empty), a company objective and a sales objective whose
    two key results are checked in, one this week, one never."""

    @classmethod
    def _plan_teams(cls):
        admin = cls.env.ref("base.user_admin")
        cls.member = new_test_user(
            cls.env,
            "okr_tour_member",
            name="Tour Member",
            groups="okr_management.group_okr_user",
        )
        team_model = cls.env["okr.team"]
        cls.sales = team_model.create(
            {
                "name": "Tour Sales",
                "leader_id": admin.id,
                "member_ids": [(4, cls.member.id)],
            }
        )
        cls.it = team_model.create({"name": "Tour IT"})
        objective_model = cls.env["okr.objective"]
        objective_model.create(
            {
                "name": "Tour company goal",
                "period_id": cls.period.id,
                "level": "company",
                "user_id": admin.id,
            }
        )
        cls.objective = objective_model.create(
            {
                "name": "Tour sell more",
                "period_id": cls.period.id,
                "team_id": cls.sales.id,
                "user_id": admin.id,
            }
        )
        kr_model = cls.env["okr.key.result"]
        cls.checked = kr_model.create(
            {
                "name": "Tour checked key result",
                "objective_id": cls.objective.id,
                "user_id": admin.id,
                "target_value": 10.0,
            }
        )
        cls.late = kr_model.create(
            {
                "name": "Tour late key result",
                "objective_id": cls.objective.id,
                "user_id": cls.member.id,
                "target_value": 10.0,
            }
        )
        cls.objective.state = "active"
        cls.env["okr.check.in"].create(
            {
                "key_result_id": cls.checked.id,
                "value": 4.0,
                "confidence": 7,
                "date": fields.Date.context_today(cls.objective),
            }
        )


@tagged("post_install", "-at_install")
class TestTeamBoardPhoneTour(TeamBoardTourMixin, OkrPhoneTourCase):
    """At 375 px: Odoo's phone kanban, one column at a time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._plan_teams()

    def test_team_board_phone(self):
        self.start_tour(
            "/odoo/action-okr_management.action_okr_board",
            "okr_team_board_tour",
            login="admin",
        )


@tagged("post_install", "-at_install")
class TestTeamBoardDesktopTour(TeamBoardTourMixin, OkrPhoneTourCase):
    """At 1280 px: the teams side by side; the leader nudges the late member."""

    browser_size = "1280x800"
    touch_enabled = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._plan_teams()

    def test_team_board_desktop(self):
        self.start_tour(
            "/odoo/action-okr_management.action_okr_board",
            "okr_team_board_tour",
            login="admin",
        )

    def test_team_nudge(self):
        self.start_tour(
            "/odoo/action-okr_management.action_okr_board",
            "okr_team_nudge_tour",
            login="admin",
        )
        nudges = self.sales.activity_ids
        self.assertEqual(nudges.user_id, self.member)
