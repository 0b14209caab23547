# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import freeze_time, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOkrHealth(OkrCase):
    # 2026-Q1 has 90 days: on 2026-02-15, 45 have passed, the pace is 50 %.
    @freeze_time("2026-02-15")
    def test_committed_against_the_pace_line(self):
        objective = self._objective(okr_type="committed")
        key_result = self._key_result(objective, current_value=45)
        self.assertAlmostEqual(objective.expected_progress, 50.0)
        self.assertAlmostEqual(key_result.expected_progress, 50.0)
        self.assertEqual(objective.health, "on_track")
        self.assertEqual(key_result.health, "on_track")
        key_result.current_value = 40
        self.assertEqual(objective.health, "at_risk")
        key_result.current_value = 34
        self.assertEqual(objective.health, "off_track")

    @freeze_time("2026-02-15")
    def test_aspirational_is_held_to_seventy_percent(self):
        committed = self._objective("Committed", okr_type="committed")
        aspirational = self._objective("Aspirational", okr_type="aspirational")
        self._key_result(committed, current_value=34)
        self._key_result(aspirational, current_value=34)
        # the aspirational pace line is 0.7 x 50 = 35: 34 is on track there
        self.assertEqual(committed.health, "off_track")
        self.assertEqual(aspirational.health, "on_track")
        committed.okr_type = "aspirational"
        self.assertEqual(committed.health, "on_track")
        self.assertEqual(committed.key_result_ids.health, "on_track")

    @freeze_time("2026-02-15")
    def test_thresholds_come_from_the_company_settings(self):
        objective = self._objective()
        self._key_result(objective, current_value=40)
        self.assertEqual(objective.health, "at_risk")
        settings = self.env["res.config.settings"].create(
            {"okr_on_track_threshold": 80.0, "okr_at_risk_threshold": 60.0}
        )
        settings.execute()
        self.assertEqual(self.company.okr_on_track_threshold, 80.0)
        self.assertEqual(objective.health, "on_track")
        self.company.okr_on_track_threshold = 95.0
        self.company.okr_at_risk_threshold = 85.0
        self.assertEqual(objective.health, "off_track")

    @freeze_time("2026-02-15")
    def test_low_confidence_lowers_one_step(self):
        objective = self._objective()
        key_result = self._key_result(objective, current_value=45)
        check_in_model = self.env["okr.check.in"]
        check_in_model.create(
            {"key_result_id": key_result.id, "value": 45, "confidence": 4}
        )
        self.assertEqual(objective.health, "on_track")
        check_in_model.create(
            {"key_result_id": key_result.id, "value": 45, "confidence": 3}
        )
        self.assertEqual(key_result.health, "at_risk")
        self.assertEqual(objective.health, "at_risk")
        check_in_model.create(
            {"key_result_id": key_result.id, "value": 40, "confidence": 2}
        )
        self.assertEqual(objective.health, "off_track")

    @freeze_time("2025-12-20")
    def test_period_not_started_is_on_track(self):
        objective = self._objective()
        self._key_result(objective, current_value=0)
        self.assertEqual(objective.expected_progress, 0.0)
        self.assertEqual(objective.health, "on_track")

    def test_daily_cron_moves_pace_and_health(self):
        cron = self.env.ref("okr_management.ir_cron_okr_recompute_health")
        draft_period = self.env["okr.period"].create(
            {
                "name": "2026-M02",
                "period_type": "month",
                "date_start": date(2026, 2, 1),
                "date_end": date(2026, 2, 28),
            }
        )
        with freeze_time("2026-01-10"):
            objective = self._objective()
            key_result = self._key_result(objective, current_value=10)
            parked = self._objective("In a draft period", period=draft_period)
            self._key_result(parked, current_value=0)
            self.assertAlmostEqual(objective.expected_progress, 10.0)
            self.assertEqual(objective.health, "on_track")
            self.assertEqual(parked.health, "on_track")
        with freeze_time("2026-03-02"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
        # 60 of 90 days: the pace is 66.7 % and 10 % is far behind it
        self.assertAlmostEqual(objective.expected_progress, 60 / 90 * 100)
        self.assertAlmostEqual(key_result.expected_progress, 60 / 90 * 100)
        self.assertEqual(objective.health, "off_track")
        self.assertEqual(key_result.health, "off_track")
        # objectives of periods that are not open are left alone
        self.assertEqual(parked.expected_progress, 0.0)
        self.assertEqual(parked.health, "on_track")
