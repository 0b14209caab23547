# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOkrAccess(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Elsewhere Ltd"})
        user_groups = "okr_management.group_okr_user"
        cls.alice = new_test_user(cls.env, "okr_alice", groups=user_groups)
        cls.bob = new_test_user(cls.env, "okr_bob", groups=user_groups)
        cls.manager = new_test_user(
            cls.env, "okr_manager", groups="okr_management.group_okr_manager"
        )
        cls.stranger = new_test_user(
            cls.env,
            "okr_stranger",
            groups=user_groups,
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls.portal = new_test_user(cls.env, "okr_portal", groups="base.group_portal")
        cls.bob_objective = cls._objective("Bob's", user_id=cls.bob.id)
        cls.bob_kr = cls._key_result(cls.bob_objective, user_id=cls.bob.id)
        cls.bob_initiative = cls.env["okr.initiative"].create(
            {
                "name": "Bob's work",
                "key_result_id": cls.bob_kr.id,
                "user_id": cls.bob.id,
            }
        )
        cls.other_period = cls.env["okr.period"].create(
            {
                "name": "Elsewhere Q1",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 3, 31),
                "company_id": cls.other_company.id,
            }
        )
        cls.other_objective = cls._objective(
            "Elsewhere", period=cls.other_period, user_id=cls.stranger.id
        )

    def test_user_reads_the_company_okrs(self):
        env = self.env(user=self.alice)
        objectives = env["okr.objective"].search([])
        self.assertIn(self.bob_objective, objectives)
        self.assertNotIn(self.other_objective, objectives)
        self.assertEqual(
            env["okr.key.result"].browse(self.bob_kr.id).name, "Key result"
        )
        self.assertEqual(env["okr.period"].search([("id", "=", self.q1.id)]), self.q1)

    def test_user_cannot_edit_someone_elses_okrs(self):
        env = self.env(user=self.alice)
        with self.assertRaises(AccessError):
            env["okr.key.result"].browse(self.bob_kr.id).write({"current_value": 90})
        with self.assertRaises(AccessError):
            env["okr.objective"].browse(self.bob_objective.id).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            env["okr.initiative"].browse(self.bob_initiative.id).progress = 50
        with self.assertRaises(AccessError):
            env["okr.check.in"].create(
                {"key_result_id": self.bob_kr.id, "value": 90, "date": date(2026, 2, 1)}
            )
        with self.assertRaises(AccessError):
            self._key_result(self.bob_objective, env=env, user_id=self.alice.id)
        with self.assertRaises(AccessError):
            env["okr.key.result"].browse(self.bob_kr.id).unlink()
        with self.assertRaises(AccessError):
            env["okr.initiative"].create(
                {
                    "name": "Mine",
                    "key_result_id": self.bob_kr.id,
                    "user_id": self.alice.id,
                }
            )
        self.assertEqual(self.bob_kr.current_value, 0)

    def test_user_edits_own_okrs(self):
        env = self.env(user=self.alice)
        objective = self._objective("Alice's", env=env)
        self.assertEqual(objective.user_id, self.alice)
        key_result = self._key_result(objective, env=env)
        key_result.current_value = 30
        env["okr.check.in"].create(
            {
                "key_result_id": key_result.id,
                "value": 60,
                "confidence": 7,
                "date": date(2026, 2, 1),
            }
        )
        self.assertEqual(key_result.current_value, 60)
        self.assertAlmostEqual(objective.progress, 60.0)
        env["okr.initiative"].create({"name": "Do it", "key_result_id": key_result.id})
        objective.action_activate()
        self.assertEqual(objective.state, "active")

    def test_key_result_owner_moves_someone_elses_objective(self):
        self.bob_kr.user_id = self.alice
        env = self.env(user=self.alice)
        env["okr.check.in"].create(
            {"key_result_id": self.bob_kr.id, "value": 40, "date": date(2026, 2, 1)}
        )
        self.assertEqual(self.bob_kr.current_value, 40)
        self.assertAlmostEqual(self.bob_objective.progress, 40.0)
        # owning a key result does not give the objective, nor its deletion
        with self.assertRaises(AccessError):
            env["okr.objective"].browse(self.bob_objective.id).name = "Mine"
        with self.assertRaises(AccessError):
            env["okr.key.result"].browse(self.bob_kr.id).unlink()
        # but its initiatives are the owner's to plan
        env["okr.initiative"].create({"name": "Plan", "key_result_id": self.bob_kr.id})

    def test_contributor_edits(self):
        self.bob_objective.contributor_ids = self.alice
        env = self.env(user=self.alice)
        env["okr.objective"].browse(self.bob_objective.id).description = "<p>Hi</p>"
        env["okr.key.result"].browse(self.bob_kr.id).current_value = 20
        env["okr.initiative"].browse(self.bob_initiative.id).progress = 50
        self._key_result(self.bob_objective, name="Alice's idea", env=env)
        self.assertEqual(self.bob_objective.key_result_count, 2)

    def test_manager_edits_everything(self):
        env = self.env(user=self.manager)
        env["okr.key.result"].browse(self.bob_kr.id).current_value = 70
        env["okr.objective"].browse(self.bob_objective.id).action_activate()
        env["okr.initiative"].browse(self.bob_initiative.id).unlink()
        env["okr.check.in"].create(
            {"key_result_id": self.bob_kr.id, "value": 80, "date": date(2026, 2, 1)}
        )
        period = env["okr.period"].create(
            {
                "name": "2026-Q3",
                "date_start": date(2026, 7, 1),
                "date_end": date(2026, 9, 30),
            }
        )
        period.action_open()
        self.assertEqual(self.bob_kr.current_value, 80)
        self.assertEqual(self.bob_objective.state, "active")
        # but not another company's
        self.assertFalse(
            env["okr.objective"].search([("id", "=", self.other_objective.id)])
        )

    def test_periods_are_for_managers(self):
        env = self.env(user=self.alice)
        with self.assertRaises(AccessError):
            env["okr.period"].create(
                {
                    "name": "2026-Q4",
                    "date_start": date(2026, 10, 1),
                    "date_end": date(2026, 12, 31),
                }
            )
        with self.assertRaises(AccessError):
            env["okr.period"].browse(self.q1.id).action_close()
        with self.assertRaises(AccessError):
            env["okr.period.generate"].create({"year": 2030})

    def test_other_company_is_invisible(self):
        env = self.env(user=self.stranger)
        self.assertEqual(env["okr.objective"].search([]), self.other_objective)
        self.assertFalse(env["okr.key.result"].search([]))
        self.assertFalse(env["okr.period"].search([("id", "in", self.q1.ids)]))
        with self.assertRaises(AccessError):
            env["okr.objective"].browse(self.bob_objective.id).name  # noqa: B018

    def test_portal_gets_nothing(self):
        env = self.env(user=self.portal)
        for model in (
            "okr.period",
            "okr.objective",
            "okr.key.result",
            "okr.initiative",
            "okr.check.in",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                env[model].search([])
        self.assertFalse(self.portal.has_group("okr_management.group_okr_user"))
