# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOkrPeriod(OkrCase):
    def _generate(self, year, **values):
        wizard = Form(self.env["okr.period.generate"])
        wizard.year = year
        for name, value in values.items():
            setattr(wizard, name, value)
        return wizard.save().action_generate()

    def test_generate_year_and_quarters(self):
        action = self._generate(2027, open_periods=True)
        periods = self.env["okr.period"].search(action["domain"], order="date_start")
        year = periods.filtered(lambda p: p.period_type == "year")
        quarters = periods - year
        self.assertEqual(year.name, "2027")
        self.assertEqual(
            (year.date_start, year.date_end), (date(2027, 1, 1), date(2027, 12, 31))
        )
        self.assertEqual(
            quarters.mapped("name"), ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
        )
        self.assertEqual(
            [(q.date_start, q.date_end) for q in quarters],
            [
                (date(2027, 1, 1), date(2027, 3, 31)),
                (date(2027, 4, 1), date(2027, 6, 30)),
                (date(2027, 7, 1), date(2027, 9, 30)),
                (date(2027, 10, 1), date(2027, 12, 31)),
            ],
        )
        self.assertEqual(quarters.parent_id, year)
        self.assertEqual(year.child_ids, quarters)
        self.assertEqual(set(periods.mapped("state")), {"open"})
        self.assertEqual(periods.company_id, self.company)

    def test_generate_refuses_duplicates(self):
        self._generate(2028)
        count = self.env["okr.period"].search_count([])
        with self.assertRaisesRegex(UserError, "already has periods in 2028"):
            self._generate(2028)
        # 2026 has a year and two quarters already (set up by hand)
        with self.assertRaisesRegex(UserError, "2026-Q1"):
            self._generate(2026)
        self.assertEqual(self.env["okr.period"].search_count([]), count)

    def test_overlap_refused(self):
        with self.assertRaises(ValidationError):
            self.env["okr.period"].create(
                {
                    "name": "Odd quarter",
                    "date_start": date(2026, 2, 1),
                    "date_end": date(2026, 4, 30),
                }
            )

    def test_current_quarter(self):
        period_model = self.env["okr.period"]
        with freeze_time("2026-05-10"):
            self.assertEqual(period_model._get_current(), self.q2)
            self.assertEqual(period_model._get_current(period_type="year"), self.year)
        self.assertEqual(period_model._get_current(date=date(2026, 3, 31)), self.q1)
        self.assertFalse(period_model._get_current(date=date(2026, 8, 1)))
        other = self.env["res.company"].create({"name": "No periods"})
        self.assertFalse(
            period_model._get_current(company=other, date=date(2026, 2, 1))
        )

    def test_key_result_deadline_defaults_to_period_end(self):
        objective = self._objective()
        key_result = self._key_result(objective)
        self.assertEqual(key_result.deadline, date(2026, 3, 31))
        early = self._key_result(objective, deadline=date(2026, 2, 15))
        self.assertEqual(early.deadline, date(2026, 2, 15))
        self.assertEqual(objective.date_deadline, date(2026, 3, 31))

    def test_close_freezes_scores(self):
        committed = self._objective("Committed", okr_type="committed")
        aspirational = self._objective("Aspirational", okr_type="aspirational")
        done = self._objective("Done", okr_type="committed")
        dropped = self._objective("Dropped")
        kr_committed = self._key_result(committed, current_value=70)
        kr_aspirational = self._key_result(aspirational, current_value=70)
        self._key_result(done, current_value=120)
        (committed | aspirational | done).action_activate()
        dropped.action_cancel()

        self.q1.action_close()

        self.assertEqual(self.q1.state, "closed")
        self.assertEqual(
            (committed | aspirational | done).mapped("state"), ["closed"] * 3
        )
        self.assertEqual(dropped.state, "cancelled")
        self.assertAlmostEqual(committed.score, 0.7)
        self.assertAlmostEqual(aspirational.score, 0.7)
        self.assertAlmostEqual(done.score, 1.0)
        self.assertAlmostEqual(kr_committed.score, 0.7)
        self.assertFalse(committed.is_achieved)
        self.assertTrue(aspirational.is_achieved)
        self.assertTrue(done.is_achieved)
        # the numbers stay as they were at the close
        with self.assertRaises(UserError):
            kr_aspirational.current_value = 10
        self.assertAlmostEqual(aspirational.score, 0.7)
        self.assertTrue(aspirational.is_achieved)
        # reopening clears the frozen score
        aspirational.action_reset_draft()
        self.assertEqual(aspirational.score, 0.0)
        self.assertFalse(aspirational.is_achieved)
        self.assertEqual(kr_aspirational.score, 0.0)
        with self.assertRaises(UserError):
            dropped.action_close()
