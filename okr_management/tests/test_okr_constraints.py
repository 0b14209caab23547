# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOkrConstraints(OkrCase):
    def _period(self, name, start, end, period_type="quarter", **values):
        return self.env["okr.period"].create(
            {
                "name": name,
                "period_type": period_type,
                "date_start": start,
                "date_end": end,
                **values,
            }
        )

    @mute_logger("odoo.sql_db")
    def test_period_end_before_start(self):
        with self.assertRaises(IntegrityError):
            self._period("Backwards", date(2027, 3, 31), date(2027, 1, 1))
        with self.assertRaises(IntegrityError):
            self.q2.date_end = date(2026, 3, 1)
            self.env.flush_all()

    def test_overlapping_periods(self):
        with self.assertRaisesRegex(ValidationError, "Q1 again overlaps 2026-Q"):
            self._period("Q1 again", date(2026, 3, 1), date(2026, 5, 31))
        with self.assertRaises(ValidationError):
            self.q2.date_start = date(2026, 3, 31)
        # two new overlapping periods in one batch
        with self.assertRaises(ValidationError):
            self.env["okr.period"].create(
                [
                    {
                        "name": name,
                        "date_start": date(2027, 1, 1),
                        "date_end": date(2027, 3, 31),
                    }
                    for name in ("A", "B")
                ]
            )
        # another type, another company, or an adjacent period is fine
        self._period("January", date(2026, 1, 1), date(2026, 1, 31), "month")
        other = self.env["res.company"].create({"name": "Other Co"})
        self._period(
            "Other Q1", date(2026, 1, 1), date(2026, 3, 31), company_id=other.id
        )
        self._period("2026-Q3", date(2026, 7, 1), date(2026, 9, 30))

    def test_quarter_within_its_year(self):
        with self.assertRaises(ValidationError):
            self._period(
                "2027-Q1", date(2027, 1, 1), date(2027, 3, 31), parent_id=self.year.id
            )

    def test_start_equal_target(self):
        objective = self._objective()
        for result_type in ("increase", "decrease"):
            with self.subTest(result_type=result_type):
                with self.assertRaisesRegex(ValidationError, "starts at its target"):
                    self._key_result(
                        objective,
                        result_type=result_type,
                        start_value=5,
                        target_value=5,
                    )
        key_result = self._key_result(objective, start_value=0, target_value=10)
        with self.assertRaises(ValidationError):
            key_result.target_value = 0
        # a milestone or a level to hold may start at its target
        self._key_result(objective, result_type="milestone", target_value=0)
        self._key_result(
            objective, result_type="maintain_above", start_value=99, target_value=99
        )

    @mute_logger("odoo.sql_db")
    def test_weights_must_be_positive(self):
        objective = self._objective()
        for weight in (0, -1):
            with self.subTest(weight=weight), self.assertRaises(IntegrityError):
                self._key_result(objective, weight=weight)
        key_result = self._key_result(objective)
        with self.assertRaises(IntegrityError):
            self.env["okr.initiative"].create(
                {"name": "Nothing", "key_result_id": key_result.id, "weight": 0}
            )

    @mute_logger("odoo.sql_db")
    def test_confidence_range(self):
        key_result = self._key_result(self._objective())
        for confidence in (-1, 11):
            with self.subTest(c=confidence), self.assertRaises(IntegrityError):
                self.env["okr.check.in"].create(
                    {
                        "key_result_id": key_result.id,
                        "value": 1,
                        "confidence": confidence,
                        "date": date(2026, 2, 1),
                    }
                )
        for confidence in (0, 10):
            self.env["okr.check.in"].create(
                {
                    "key_result_id": key_result.id,
                    "value": 1,
                    "confidence": confidence,
                    "date": date(2026, 2, 1),
                }
            )

    @mute_logger("odoo.sql_db")
    def test_initiative_progress_range(self):
        key_result = self._key_result(self._objective())
        for progress in (-1, 100.5):
            with self.subTest(progress=progress), self.assertRaises(IntegrityError):
                self.env["okr.initiative"].create(
                    {
                        "name": "Out",
                        "key_result_id": key_result.id,
                        "progress": progress,
                    }
                )
        with self.assertRaises(IntegrityError):
            self.env["okr.initiative"].create(
                {
                    "name": "Backwards",
                    "key_result_id": key_result.id,
                    "date_start": date(2026, 2, 1),
                    "date_deadline": date(2026, 1, 1),
                }
            )

    def test_alignment_cycle(self):
        company = self._objective("Company")
        team = self._objective("Team", parent_id=company.id)
        person = self._objective("Person", parent_id=team.id)
        with self.assertRaisesRegex(ValidationError, "aligned to itself"):
            company.parent_id = person
        with self.assertRaises(ValidationError):
            company.parent_id = company

    def test_alignment_within_parent_period(self):
        yearly = self._objective("Yearly", period=self.year)
        quarterly = self._objective("Q1", parent_id=yearly.id)
        self.assertEqual(quarterly.parent_id, yearly)
        with self.assertRaisesRegex(ValidationError, "must lie within"):
            self._objective("Q2 under Q1", period=self.q2, parent_id=quarterly.id)
        with self.assertRaises(ValidationError):
            self._objective("Year under Q1", period=self.year, parent_id=quarterly.id)
        # moving the parent out from under its child is refused as well
        with self.assertRaises(ValidationError):
            yearly.period_id = self.q2

    def test_company_thresholds(self):
        with self.assertRaises(ValidationError):
            self.company.write(
                {"okr_on_track_threshold": 60.0, "okr_at_risk_threshold": 70.0}
            )
