# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import tagged

from .common import OkrPhoneTourCase


@tagged("post_install", "-at_install")
class TestOkrBoardTour(OkrPhoneTourCase):
    """Plan on the board from a phone: the Odoo mobile app is the web client."""

    def test_board_tour(self):
        self.start_tour(
            "/odoo/action-okr_management.action_okr_board",
            "okr_board_tour",
            login="admin",
        )
        objective = self.env["okr.objective"].search(
            [("name", "=", "Delight our customers")]
        )
        self.assertEqual(objective.period_id, self.period)
        self.assertEqual(objective.okr_type, "aspirational")
        self.assertEqual(len(objective.key_result_ids), 2)
        resolution = objective.key_result_ids.filtered(
            lambda kr: kr.name.startswith("Resolution time")
        )
        self.assertEqual(len(resolution.check_in_ids), 1)
        check_in = resolution.check_in_ids
        self.assertEqual(check_in.value, 6)
        self.assertEqual(check_in.confidence, 7)
        self.assertEqual(check_in.progress_note, "Triage by level two")
        self.assertEqual(resolution.current_value, 6)
        self.assertAlmostEqual(resolution.progress, 50.0)
        self.assertAlmostEqual(objective.progress, 25.0)
