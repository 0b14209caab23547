# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A result field cannot be slipped in through the context either: over
JSON-RPC the caller sets ``default_*`` keys as freely as the values."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestProtectedDefaults(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env, "pd_user", groups="okr_management.group_okr_user"
        )

    def test_context_default_cannot_close_or_score(self):
        objectives = self.env["okr.objective"].with_user(self.user)
        for key, value in (
            ("default_state", "closed"),
            ("default_score", 1.0),
            ("default_is_achieved", True),
        ):
            with self.subTest(key=key), self.assertRaises(AccessError):
                objectives.with_context(**{key: value}).create(
                    {"name": "Sneaky", "period_id": self.year.id, "level": "individual"}
                )

    def test_draft_default_stays_allowed(self):
        objective = (
            self.env["okr.objective"]
            .with_user(self.user)
            .with_context(default_state="draft")
            .create({"name": "Plan", "period_id": self.year.id, "level": "individual"})
        )
        self.assertEqual(objective.state, "draft")
