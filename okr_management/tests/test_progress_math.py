# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged
from odoo.tests.common import BaseCase

from odoo.addons.okr_management.engine import progress as okr_math


@tagged("post_install", "-at_install")
class TestProgressMath(BaseCase):
    def test_key_result_progress_table(self):
        # (type, start, target, current, initiatives) -> (clamped, raw)
        table = [
            # increase: linear, overshoot and below start kept in raw
            ("increase", 18, 25, 18, None, 0.0, 0.0),
            ("increase", 18, 25, 21.5, None, 50.0, 50.0),
            ("increase", 18, 25, 25, None, 100.0, 100.0),
            ("increase", 0, 10, 15, None, 100.0, 150.0),
            ("increase", 10, 20, 5, None, 0.0, -50.0),
            # decrease: "8 h -> 4 h at 6 h is 50 %"
            ("decrease", 8, 4, 6, None, 50.0, 50.0),
            ("decrease", 8, 4, 4, None, 100.0, 100.0),
            ("decrease", 8, 4, 2, None, 100.0, 150.0),
            ("decrease", 8, 4, 10, None, 0.0, -50.0),
            # equal start and target (a key result being typed; refused at save)
            # does not divide by zero and shows no progress, not a false 100 %
            ("increase", 0, 0, 0, None, 0.0, 0.0),
            ("increase", 5, 5, 5, None, 0.0, 0.0),
            ("increase", 5, 5, 6, None, 0.0, 0.0),
            ("decrease", 5, 5, 5, None, 0.0, 0.0),
            # maintain: all or nothing
            ("maintain_above", 0, 99.5, 99.5, None, 100.0, 100.0),
            ("maintain_above", 0, 99.5, 99.4, None, 0.0, 0.0),
            ("maintain_below", 0, 5, 5, None, 100.0, 100.0),
            ("maintain_below", 0, 5, 5.1, None, 0.0, 0.0),
            # milestone: done or not, or the share of done initiatives
            ("milestone", 0, 1, 0, None, 0.0, 0.0),
            ("milestone", 0, 1, 1, None, 100.0, 100.0),
            ("milestone", 0, 0, 0, None, 0.0, 0.0),
            ("milestone", 0, 1, 0, 50.0, 50.0, 50.0),
            ("milestone", 0, 1, 1, 0.0, 0.0, 0.0),
        ]
        for result_type, start, target, current, initiatives, clamped, raw in table:
            with self.subTest(
                type=result_type, start=start, target=target, cur=current
            ):
                got = okr_math.key_result_progress(
                    result_type, start, target, current, initiatives
                )
                self.assertAlmostEqual(got[0], clamped)
                self.assertAlmostEqual(got[1], raw)

    def test_unknown_type_refused(self):
        with self.assertRaises(ValueError):
            okr_math.key_result_progress("sideways", 0, 1, 1)

    def test_weighted_mean_table(self):
        table = [
            ([], 0.0),
            ([(80.0, 0.0), (20.0, 0.0)], 0.0),
            ([(50.0, 1.0)], 50.0),
            ([(100.0, 1.0), (0.0, 1.0)], 50.0),
            ([(100.0, 3.0), (0.0, 1.0)], 75.0),
            # a zero or negative weight is left out, not divided by
            ([(100.0, 1.0), (0.0, 0.0)], 100.0),
            ([(100.0, 1.0), (0.0, -2.0)], 100.0),
        ]
        for pairs, expected in table:
            with self.subTest(pairs=pairs):
                self.assertAlmostEqual(okr_math.weighted_mean(pairs), expected)
        # a generator works as well as a list
        self.assertAlmostEqual(okr_math.weighted_mean(iter([(40.0, 1.0)])), 40.0)

    def test_expected_progress_table(self):
        start, end = date(2026, 1, 1), date(2026, 1, 10)
        table = [
            (date(2025, 12, 31), 0.0),
            (date(2026, 1, 1), 0.0),
            (date(2026, 1, 6), 50.0),
            (date(2026, 1, 10), 90.0),
            (date(2026, 1, 11), 100.0),
            (date(2027, 1, 1), 100.0),
        ]
        for today, expected in table:
            with self.subTest(today=today):
                self.assertAlmostEqual(
                    okr_math.expected_progress(start, end, today), expected
                )
        self.assertEqual(okr_math.expected_progress(False, end, end), 0.0)
        self.assertEqual(okr_math.expected_progress(end, start, end), 0.0)

    def test_health_table(self):
        table = [
            # progress, expected, type, confidence -> health (thresholds 90/70)
            (45.0, 50.0, "committed", None, "on_track"),
            (40.0, 50.0, "committed", None, "at_risk"),
            (34.0, 50.0, "committed", None, "off_track"),
            # aspirational pace line is 70 % of the expected progress (35)
            (34.0, 50.0, "aspirational", None, "on_track"),
            (25.0, 50.0, "aspirational", None, "at_risk"),
            (20.0, 50.0, "aspirational", None, "off_track"),
            # period not started: nothing expected yet
            (0.0, 0.0, "committed", None, "on_track"),
            # confidence 3 or less lowers one step; 4 does not; off track stays
            (45.0, 50.0, "committed", 3, "at_risk"),
            (45.0, 50.0, "committed", 0, "at_risk"),
            (40.0, 50.0, "committed", 3, "off_track"),
            (34.0, 50.0, "committed", 2, "off_track"),
            (45.0, 50.0, "committed", 4, "on_track"),
            (0.0, 0.0, "aspirational", 1, "at_risk"),
            # overshoot is simply on track
            (120.0, 50.0, "committed", None, "on_track"),
        ]
        for progress, expected, okr_type, confidence, health in table:
            with self.subTest(p=progress, e=expected, t=okr_type, c=confidence):
                self.assertEqual(
                    okr_math.health(progress, expected, okr_type, 90, 70, confidence),
                    health,
                )

    def test_health_thresholds(self):
        # 80 % of the pace: at risk with the defaults, on track from 80
        self.assertEqual(okr_math.health(40.0, 50.0, "committed", 90, 70), "at_risk")
        self.assertEqual(okr_math.health(40.0, 50.0, "committed", 80, 70), "on_track")
        self.assertEqual(okr_math.health(40.0, 50.0, "committed", 95, 85), "off_track")

    def test_score_and_achievement(self):
        table = [
            (0.0, 0.0),
            (55.0, 0.55),
            (100.0, 1.0),
            (150.0, 1.0),
            (-20.0, 0.0),
        ]
        for progress, score in table:
            with self.subTest(progress=progress):
                self.assertAlmostEqual(okr_math.score(progress), score)
        achieved = [
            (0.69, "aspirational", False),
            (0.7, "aspirational", True),
            (0.7, "committed", False),
            (0.99, "committed", False),
            (1.0, "committed", True),
            (okr_math.score(70.0), "aspirational", True),
        ]
        for score, okr_type, expected in achieved:
            with self.subTest(score=score, okr_type=okr_type):
                self.assertIs(okr_math.is_achieved(score, okr_type), expected)
