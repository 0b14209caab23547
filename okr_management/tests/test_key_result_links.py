# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestKeyResultLinks(OkrCase):
    """Key results shared across teams (seeds 000, 001); leading and lagging
    pairs (seed 003)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls._objective("Customers stay", level="company")
        cls.shared = cls._key_result(
            company,
            "Churn down to 5 %",
            source="key_results",
            start_value=0,
            target_value=0,
        )
        support = cls._objective("Answer fast", level="team")
        success = cls._objective("Onboard well", level="team")
        cls.support_kr = cls._key_result(
            support,
            "First contact resolution 95 %",
            start_value=0,
            target_value=100,
            parent_key_result_id=cls.shared.id,
        )
        cls.success_kr = cls._key_result(
            success,
            "Onboarded accounts",
            start_value=0,
            target_value=100,
            weight=3,
            parent_key_result_id=cls.shared.id,
        )

    def test_weighted_mean_of_contributors(self):
        self.assertEqual(self.shared.contributor_ids, self.support_kr | self.success_kr)
        self.assertEqual(self.shared.progress, 0.0)
        self.support_kr.current_value = 80
        self.success_kr.current_value = 40
        # (80 * 1 + 40 * 3) / 4
        self.assertAlmostEqual(self.shared.progress, 50.0)
        self.assertAlmostEqual(self.shared.objective_id.progress, 50.0)
        # a contributor that leaves no longer counts
        self.success_kr.parent_key_result_id = False
        self.assertAlmostEqual(self.shared.progress, 80.0)
        # a key result measured by its own values ignores its contributors
        self.shared.write({"source": "manual", "target_value": 10})
        self.assertAlmostEqual(self.shared.progress, 0.0)

    def test_cycles_refused(self):
        with self.assertRaises(ValidationError):
            self.shared.parent_key_result_id = self.support_kr
        with self.assertRaises(ValidationError):
            self.shared.parent_key_result_id = self.shared

    def test_leading_predicts_lagging(self):
        objective = self._objective("Support")
        lagging = self._key_result(objective, "CSAT above 4.8", indicator="lagging")
        with Form(self.env["okr.key.result"]) as form:
            form.objective_id = objective
            form.name = "Knowledge base articles"
            form.target_value = 30
            form.indicator = "leading"
            form.lagging_key_result_id = lagging
        leading = form.save()
        self.assertEqual(lagging.leading_key_result_ids, leading)
        # only a leading key result predicts, never itself
        with self.assertRaises(ValidationError):
            leading.indicator = "lagging"
        with self.assertRaises(ValidationError):
            lagging.write({"indicator": "leading", "lagging_key_result_id": lagging.id})
