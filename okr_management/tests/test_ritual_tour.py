# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import tagged

from .common import OkrPhoneTourCase


@tagged("post_install", "-at_install")
class TestRitualWeeklyCheckInTour(OkrPhoneTourCase):
    """The weekly check-in from a phone: the Odoo mobile app is the web client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        cls.objective = cls.env["okr.objective"].create(
            {
                "name": "Delight our customers",
                "period_id": cls.period.id,
                "user_id": admin.id,
                "level": "individual",
            }
        )
        key_results = cls.env["okr.key.result"].create(
            [
                {
                    "name": "NPS from 7.5 to 8.8",
                    "objective_id": cls.objective.id,
                    "user_id": admin.id,
                    "start_value": 7.5,
                    "target_value": 8.8,
                    "current_value": 7.9,
                    "unit": "score",
                },
                {
                    "name": "Resolution time from 8 h to 4 h",
                    "objective_id": cls.objective.id,
                    "user_id": admin.id,
                    "result_type": "decrease",
                    "start_value": 8,
                    "target_value": 4,
                    "current_value": 6,
                    "unit": "hours",
                },
            ]
        )
        cls.nps, cls.resolution = key_results
        cls.objective.action_activate()

    def test_weekly_check_in_tour(self):
        self.start_tour(
            "/odoo/action-okr_management.action_okr_board",
            "okr_weekly_check_in_tour",
            login="admin",
        )
        self.assertEqual(len(self.nps.check_in_ids), 1)
        check_in = self.nps.check_in_ids
        self.assertEqual(check_in.previous_value, 7.9)
        self.assertEqual(check_in.value, 8.1)
        self.assertEqual(check_in.confidence, 7)
        self.assertEqual(check_in.blocker_note, "Waiting for the survey tool")
        self.assertEqual(self.nps.current_value, 8.1)
        # confirmed unchanged: a check-in at the same value
        self.assertEqual(self.resolution.check_in_ids.value, 6)
        self.assertIn("Waiting for the survey tool", self.objective.message_ids[0].body)
