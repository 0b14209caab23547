# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestOkrBoardTour(HttpCase):
    """Plan on the board from a phone: the Odoo mobile app is the web client."""

    browser_size = "375x812"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The test database has no demo data: the board needs a current quarter.
        today = fields.Date.context_today(cls.env["okr.period"])
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        cls.period = cls.env["okr.period"].create(
            {
                "name": "Tour Quarter",
                "period_type": "quarter",
                "date_start": start,
                "date_end": start + relativedelta(months=3, days=-1),
                "company_id": cls.env.ref("base.main_company").id,
            }
        )
        cls.period.action_open()

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
