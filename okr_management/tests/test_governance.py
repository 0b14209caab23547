# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestGovernance(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        group = cls.env.ref("okr_management.group_okr_user")
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.owner, cls.boss, cls.peer, cls.fan, cls.dev = users.create(
            [
                {
                    "name": name,
                    "login": f"gov_{name.lower()}",
                    "email": f"{name.lower()}@example.com",
                    "group_ids": [(4, group.id)],
                }
                for name in ("Owner", "Boss", "Peer", "Fan", "Dev")
            ]
        )

    def _followers(self, objective):
        return objective.message_partner_ids

    def test_raci_followers(self):
        objective = self._objective(
            "Reliable delivery",
            user_id=self.owner.id,
            accountable_id=self.boss.id,
            contributor_ids=[(6, 0, self.dev.ids)],
            consulted_ids=[(6, 0, self.peer.ids)],
            informed_ids=[(6, 0, self.fan.ids)],
        )
        people = self.owner | self.boss | self.peer | self.fan | self.dev
        self.assertLessEqual(
            set(people.partner_id.ids), set(self._followers(objective).ids)
        )
        # leaving every role stops the following; a new role starts it
        objective.write(
            {"informed_ids": [(5, 0, 0)], "consulted_ids": [(6, 0, self.fan.ids)]}
        )
        self.assertIn(self.fan.partner_id, self._followers(objective))
        self.assertNotIn(self.peer.partner_id, self._followers(objective))
        objective.accountable_id = self.peer
        self.assertIn(self.peer.partner_id, self._followers(objective))
        self.assertNotIn(self.boss.partner_id, self._followers(objective))

    def _active_key_result(self):
        objective = self._objective("Reliable delivery", user_id=self.owner.id)
        key_result = self._key_result(
            objective, "On-time delivery", start_value=40, target_value=80
        )
        objective.action_activate()
        # records created in the same transaction are not tracked: commit-time
        # processing as if the change came in a later request
        self.env.flush_all()
        self.env.cr.flush()
        return objective, key_result

    def test_change_needs_a_reason_once_active(self):
        objective = self._objective("Draft one")
        draft_kr = self._key_result(objective, start_value=40, target_value=80)
        draft_kr.target_value = 90  # planning: no reason needed
        _objective, key_result = self._active_key_result()
        for vals in ({"target_value": 70}, {"start_value": 30}, {"weight": 2}):
            with self.assertRaisesRegex(UserError, "give a reason"):
                key_result.write(vals)
        # the value itself moves freely, and an unchanged value is no change
        key_result.write({"current_value": 50, "target_value": 80})
        self.assertEqual(key_result.current_value, 50)

    def test_change_wizard_keeps_reason_and_values(self):
        _objective, key_result = self._active_key_result()
        action = key_result.action_open_change()
        wizard_form = Form(
            self.env[action["res_model"]].with_context(**action["context"])
        )
        self.assertEqual(wizard_form.target_value, 80)
        wizard_form.target_value = 70
        wizard_form.weight = 2
        wizard_form.reason = "Half the market closed in February."
        wizard_form.save().action_apply()
        # the tracking message is written at commit time
        self.env.flush_all()
        self.env.cr.flush()
        key_result.invalidate_recordset()
        self.assertEqual((key_result.target_value, key_result.weight), (70, 2))
        message = key_result.message_ids.filtered(
            lambda m: "Half the market closed" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        changes = {
            tracking.field_id.name: (
                tracking.old_value_float,
                tracking.new_value_float,
            )
            for tracking in message.tracking_value_ids
        }
        self.assertEqual(changes, {"target_value": (80.0, 70.0), "weight": (1.0, 2.0)})

    def test_change_wizard_refuses_no_change(self):
        _objective, key_result = self._active_key_result()
        wizard = self.env["okr.key.result.change"].create(
            {"key_result_id": key_result.id, "reason": "Nothing really"}
        )
        with self.assertRaisesRegex(UserError, "Nothing changed"):
            wizard.action_apply()

    def test_activation_checklist_once(self):
        objective = self._objective("Inspiring one")
        self._key_result(objective)
        action = objective.with_context(okr_checklist=True).action_activate()
        self.assertEqual(action["res_model"], "okr.objective.checklist")
        self.assertEqual(objective.state, "draft")
        checklist = Form(
            self.env["okr.objective.checklist"].with_context(**action["context"])
        )
        checklist.checklist_measurable = True
        checklist.checklist_stretch = True
        checklist.checklist_aligned = True
        checklist.checklist_influence = False
        checklist.checklist_inspiring = True
        checklist.save().action_confirm()
        self.assertEqual(objective.state, "active")
        self.assertTrue(objective.checklist_done)
        self.assertFalse(objective.checklist_influence)
        self.assertTrue(objective.checklist_measurable)
        self.assertIn(
            "Activation checklist answered",
            " ".join(objective.message_ids.mapped("body")),
        )
        # answered once: a later activation goes straight through
        objective.action_reset_draft()
        self.assertTrue(objective.checklist_done)
        self.assertIs(
            objective.with_context(okr_checklist=True).action_activate(), True
        )
        self.assertEqual(objective.state, "active")
