# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged
from odoo.tests.common import BaseCase

from odoo.addons.okr_management.engine import coach

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
TODAY = date(2026, 2, 20)
LIMITS = coach.Limits()


def kr(
    name="Conversion",
    result_type="increase",
    source="manual",
    start=18,
    target=25,
    unit="number",
):
    return coach.KeyResultFacts(name, result_type, source, start, target, unit)


def objective(**values):
    """An objective the coach has nothing to say about, changed by ``values``."""
    facts = {
        "state": "active",
        "level": "team",
        "okr_type": "committed",
        "date_start": Q1[0],
        "date_end": Q1[1],
        "peer_count": 1,
        "key_results": (kr(), kr("Response", "decrease", start=8, target=6)),
        "open_initiatives": 1,
        "last_check_in": date(2026, 2, 16),
    }
    facts.update(values)
    return coach.ObjectiveFacts(**facts)


@tagged("post_install", "-at_install")
class TestCoachRules(BaseCase):
    def test_objective_issues_table(self):
        three = (kr("A"), kr("B"), kr("C"))
        four = (*three, kr("D"))
        outputs = (
            kr("Launch", "milestone", start=0, target=1),
            kr("Publish", source="initiatives", start=0, target=100),
        )
        # (facts, limits) -> [(code, params)]
        table = [
            (objective(), LIMITS, []),
            # too many objectives: per owner, or at company level
            (objective(peer_count=3), LIMITS, []),
            (
                objective(peer_count=4),
                LIMITS,
                [(coach.TOO_MANY_OBJECTIVES, {"count": 4, "limit": 3})],
            ),
            (
                objective(peer_count=4, level="company"),
                LIMITS,
                [(coach.TOO_MANY_COMPANY_OBJECTIVES, {"count": 4, "limit": 3})],
            ),
            (objective(peer_count=4), LIMITS._replace(max_objectives=0), []),
            (
                objective(peer_count=3),
                LIMITS._replace(max_objectives=2),
                [(coach.TOO_MANY_OBJECTIVES, {"count": 3, "limit": 2})],
            ),
            # key result count
            (
                objective(key_results=three[:1]),
                LIMITS,
                [(coach.TOO_FEW_KEY_RESULTS, {"count": 1, "limit": 2})],
            ),
            (objective(key_results=three), LIMITS, []),
            (
                objective(key_results=four),
                LIMITS,
                [(coach.TOO_MANY_KEY_RESULTS, {"count": 4, "limit": 3})],
            ),
            (objective(key_results=four), LIMITS._replace(max_key_results=5), []),
            # without key results: measured by the aligned objectives, if any
            (
                objective(key_results=(), open_initiatives=0),
                LIMITS,
                [(coach.TOO_FEW_KEY_RESULTS, {"count": 0, "limit": 2})],
            ),
            (objective(key_results=(), has_aligned=True), LIMITS, []),
            # a target to measure
            (
                objective(
                    key_results=(
                        *three[:2],
                        kr("Happy", "maintain_above", start=0, target=0),
                    )
                ),
                LIMITS,
                [(coach.NO_MEASURABLE_TARGET, {"name": "Happy"})],
            ),
            # a milestone is done or not: no target to state
            (
                objective(
                    key_results=(
                        *three[:2],
                        kr("Go live", "milestone", start=0, target=0),
                    )
                ),
                LIMITS,
                [],
            ),
            # outputs only; a metric measures an outcome
            (objective(key_results=outputs), LIMITS, [(coach.OUTPUTS_ONLY, {})]),
            (
                objective(
                    key_results=(
                        outputs[0],
                        kr("Leads", "milestone", "metric", start=0, target=1),
                    )
                ),
                LIMITS,
                [],
            ),
            (
                objective(open_initiatives=0),
                LIMITS,
                [(coach.NO_INITIATIVE, {})],
            ),
            # +300 % in a quarter, committed or aspirational; a year allows four
            (
                objective(key_results=(kr(), kr("Sales", start=100, target=400))),
                LIMITS,
                [(coach.INFLATED_JUMP, {"name": "Sales", "jump": 300, "limit": 40})],
            ),
            (
                objective(
                    okr_type="aspirational",
                    key_results=(kr(), kr("Sales", start=100, target=400)),
                ),
                LIMITS,
                [(coach.INFLATED_JUMP, {"name": "Sales", "jump": 300, "limit": 40})],
            ),
            (
                objective(
                    date_start=YEAR[0],
                    date_end=YEAR[1],
                    key_results=(kr(), kr("Sales", start=100, target=250)),
                ),
                LIMITS,
                [],
            ),
            (
                objective(key_results=(kr(), kr("Sales", start=100, target=400))),
                LIMITS._replace(max_jump=0),
                [],
            ),
            # no jump from a zero start, a level, or initiatives' progress
            (
                objective(
                    key_results=(
                        kr("From zero", start=0, target=400),
                        kr("Level", "maintain_above", start=1, target=400),
                    )
                ),
                LIMITS,
                [],
            ),
            # nobody checked in: counted from the last check-in or the start
            (
                objective(last_check_in=date(2026, 2, 6)),
                LIMITS,
                [(coach.NO_CHECK_IN, {"days": 14})],
            ),
            (objective(last_check_in=date(2026, 2, 7)), LIMITS, []),
            (
                objective(last_check_in=None),
                LIMITS,
                [(coach.NO_CHECK_IN, {"days": 50})],
            ),
            (
                objective(last_check_in=None),
                LIMITS._replace(check_in_days=0),
                [],
            ),
            (objective(state="draft", last_check_in=None), LIMITS, []),
            # the checklist's "no" answers
            (
                objective(checklist_no=("Inspiring",)),
                LIMITS,
                [(coach.CHECKLIST_ANSWERED_NO, {"questions": ("Inspiring",)})],
            ),
            # closed and cancelled objectives are left alone
            (objective(state="closed", open_initiatives=0), LIMITS, []),
            (objective(state="cancelled", peer_count=9), LIMITS, []),
        ]
        for facts, limits, expected in table:
            with self.subTest(facts=facts, limits=limits):
                self.assertEqual(coach.objective_issues(facts, limits, TODAY), expected)

    def test_issues_keep_their_order(self):
        facts = objective(
            peer_count=4,
            key_results=(kr("Sales", start=100, target=400),),
            open_initiatives=0,
            last_check_in=None,
            checklist_no=("Aligned",),
        )
        self.assertEqual(
            [code for code, _params in coach.objective_issues(facts, LIMITS, TODAY)],
            [
                coach.TOO_MANY_OBJECTIVES,
                coach.TOO_FEW_KEY_RESULTS,
                coach.NO_INITIATIVE,
                coach.INFLATED_JUMP,
                coach.NO_CHECK_IN,
                coach.CHECKLIST_ANSWERED_NO,
            ],
        )

    def test_jump_arithmetic_table(self):
        # (start, end) -> quarters, allowed jump at 40 % a quarter
        table = [
            (Q1, 1.0, 40.0),
            # a month counts as a whole quarter, never less
            ((date(2026, 1, 1), date(2026, 1, 31)), 1.0, 40.0),
            ((date(2026, 1, 1), date(2026, 6, 30)), 181 / coach.QUARTER_DAYS, None),
            (YEAR, 365 / coach.QUARTER_DAYS, 160.0 * 365 / 365.25),
        ]
        for (start, end), quarters, allowed in table:
            with self.subTest(start=start, end=end):
                self.assertAlmostEqual(coach.quarters(start, end), quarters)
                if allowed is not None:
                    self.assertAlmostEqual(
                        coach.allowed_jump(40.0, start, end), allowed
                    )
        jumps = [
            (100, 400, 300.0),
            (100, 140, 40.0),
            (8, 6, 25.0),
            (-50, -25, 50.0),
        ]
        for start, target, percent in jumps:
            with self.subTest(start=start, target=target):
                self.assertAlmostEqual(coach.jump_percent(start, target), percent)

    def test_seed_key_results_are_realistic(self):
        """None of the seeds' example key results is inflated, in its seed's
        horizon: seed 002's in a quarter, seed 004's (Nexura, a semester)."""
        semester = (date(2026, 1, 1), date(2026, 6, 30))
        table = [
            # seed 002: on-time delivery 40 % -> 80 %, first response 40 -> 5
            # min, conversion 18 % -> 25 %, rework -25 %
            (Q1, kr("On time", start=40, target=80, unit="percent")),
            (Q1, kr("First response", "decrease", start=40, target=5)),
            (Q1, kr("Conversion", start=18, target=25, unit="percent")),
            (Q1, kr("Rework", "decrease", start=100, target=75)),
            (Q1, kr("Organic leads", start=50, target=60)),
            # seed 003: 2 h -> 45 min, escalations 40 % -> 25 %, self-service
            # 50 % -> 75 %
            (Q1, kr("Response", "decrease", start=120, target=45)),
            (Q1, kr("Escalations", "decrease", start=40, target=25, unit="percent")),
            (Q1, kr("Self-service", start=50, target=75, unit="percent")),
            # seed 004: adoption 20 % -> 75 %, resolution 8 h -> 4 h, level-1
            # tickets -30 %, improvement proposals +25 %
            (semester, kr("Adoption", start=20, target=75, unit="percent")),
            (semester, kr("Resolution", "decrease", start=8, target=4)),
            (semester, kr("Level-1 tickets", "decrease", start=100, target=70)),
            (semester, kr("Proposals", start=20, target=25)),
        ]
        for okr_type in ("committed", "aspirational"):
            for (start, end), key_result in table:
                with self.subTest(okr_type=okr_type, key_result=key_result.name):
                    facts = objective(
                        okr_type=okr_type,
                        date_start=start,
                        date_end=end,
                        key_results=(key_result,),
                    )
                    self.assertEqual(coach.jump_issues(facts, LIMITS), [])

    def test_inflated_on_its_scale(self):
        # (key result) -> issue in a quarter at 40 % a quarter
        table = [
            (kr("Sales", start=100, target=400), coach.INFLATED_JUMP, 300),
            (kr("Sales", start=100, target=141), coach.INFLATED_JUMP, 41),
            (kr("Sales", start=100, target=140), None, 40),
            # a percentage in points: 10 % -> 40 % is +300 % but 30 points
            (kr("Rate", start=10, target=40, unit="percent"), None, 30),
            (
                kr("Rate", start=20, target=75, unit="percent"),
                coach.INFLATED_POINTS,
                55,
            ),
            (
                kr("Errors", "decrease", start=30, target=5, unit="percent"),
                None,
                25,
            ),
            # a reduction: only removing everything is inflated
            (kr("Incidents", "decrease", start=40, target=1), None, 98),
            (
                kr("Incidents", "decrease", start=40, target=0),
                coach.INFLATED_REDUCTION,
                100,
            ),
            # a "reduction" that grows is growth
            (kr("Wait", "decrease", start=10, target=50), coach.INFLATED_JUMP, 400),
        ]
        for key_result, code, jump in table:
            with self.subTest(key_result=key_result):
                issues = coach.jump_issues(objective(key_results=(key_result,)), LIMITS)
                expected = (
                    [(code, {"name": key_result.name, "jump": jump, "limit": 40})]
                    if code
                    else []
                )
                self.assertEqual(issues, expected)

    def test_all_lagging(self):
        lagging = kr(name="Sales")._replace(indicator="lagging")
        leading = kr(name="Calls")._replace(indicator="leading")
        table = [
            ((lagging, lagging._replace(name="Churn")), [(coach.ALL_LAGGING, {})]),
            ((lagging, leading), []),
            # unknown indicators are no evidence
            ((lagging, kr()), []),
            ((), []),
        ]
        for key_results, expected in table:
            with self.subTest(key_results=key_results):
                self.assertEqual(coach.lagging_issues(key_results), expected)
        facts = objective(key_results=(lagging, lagging._replace(name="Churn")))
        self.assertIn(
            coach.ALL_LAGGING,
            [code for code, _p in coach.objective_issues(facts, LIMITS, TODAY)],
        )

    def test_output_key_results(self):
        self.assertTrue(coach.is_output(kr(result_type="milestone")))
        self.assertTrue(coach.is_output(kr(source="initiatives")))
        self.assertFalse(coach.is_output(kr()))
        self.assertFalse(coach.is_output(kr(result_type="milestone", source="metric")))
