# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user

from .common import OkrCase


class OkrRitualCase(OkrCase):
    """A team in 2026-Q1: a manager's objective whose key results belong to
    Alice, Bob and Carol, plain OKR users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "okr_management.group_okr_user"
        cls.alice = new_test_user(cls.env, "ritual_alice", groups=groups)
        cls.bob = new_test_user(cls.env, "ritual_bob", groups=groups)
        cls.carol = new_test_user(cls.env, "ritual_carol", groups=groups)
        cls.manager = new_test_user(
            cls.env, "ritual_manager", groups="okr_management.group_okr_manager"
        )
        cls.company.okr_check_in_weekday = "0"
        cls.objective = cls._objective(
            "Delight our customers", user_id=cls.manager.id, level="team"
        )
        cls.nps = cls._key_result(
            cls.objective,
            "NPS from 7.5 to 8.8",
            user_id=cls.alice.id,
            start_value=7.5,
            target_value=8.8,
            current_value=7.5,
            unit="score",
        )
        cls.resolution = cls._key_result(
            cls.objective,
            "Resolution time from 8 h to 4 h",
            user_id=cls.alice.id,
            result_type="decrease",
            start_value=8,
            target_value=4,
            current_value=8,
            unit="hours",
        )
        cls.csat = cls._key_result(
            cls.objective, "CSAT at or above 4.2", user_id=cls.bob.id
        )
        cls.first_contact = cls._key_result(
            cls.objective, "First-contact resolution 85 %", user_id=cls.carol.id
        )
        cls.objective.action_activate()

    @classmethod
    def _check_in(cls, key_result, day, value=None, **values):
        return (
            cls.env["okr.check.in"]
            .with_context(okr_check_in_no_post=True)
            .create(
                {
                    "key_result_id": key_result.id,
                    "date": day,
                    "value": key_result.current_value if value is None else value,
                    **values,
                }
            )
        )
