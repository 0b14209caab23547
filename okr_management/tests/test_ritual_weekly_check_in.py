# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .ritual_common import OkrRitualCase


@tagged("post_install", "-at_install")
@freeze_time("2026-02-18")
class TestRitualWeeklyCheckIn(OkrRitualCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # last week Alice put the NPS at 7.9 with a confidence of 6
        cls._check_in(cls.nps, date(2026, 2, 10), 7.9, confidence=6)
        # a key result of a draft objective is not in play yet
        cls.draft = cls._objective("Next idea", user_id=cls.alice.id)
        cls._key_result(cls.draft, "Not yet", user_id=cls.alice.id)
        # the manager follows the objective: the check-ins are news for him
        cls.objective.message_subscribe(partner_ids=cls.manager.partner_id.ids)

    def _open(self, user):
        action = self.env["okr.check.in.weekly"].with_user(user).action_open()
        self.assertEqual(action["res_model"], "okr.check.in.weekly")
        return self.env["okr.check.in.weekly"].with_user(user).browse(action["res_id"])

    def test_lists_my_key_results_with_their_values(self):
        wizard = self._open(self.alice)
        lines = wizard.line_ids
        self.assertEqual(lines.key_result_id, self.nps | self.resolution)
        nps_line = lines.filtered(lambda line: line.key_result_id == self.nps)
        # prefilled from the last check-in: confirming takes one tap
        self.assertEqual(nps_line.value, 7.9)
        self.assertEqual(nps_line.confidence, 6)
        resolution_line = lines - nps_line
        self.assertEqual(resolution_line.value, 8)
        self.assertEqual(resolution_line.confidence, 5)
        self.assertFalse(lines.filtered("is_touched"))

    def test_saving_creates_one_check_in_per_touched_key_result(self):
        wizard = self._open(self.alice)
        with Form(wizard) as form, form.line_ids.edit(0) as line:
            self.assertEqual(line.key_result_id, self.nps)
            line.value = 8.2
            line.confidence = 7
            line.progress_note = "Callbacks within a day"
            line.blocker_note = "The survey tool is down"
            self.assertTrue(line.is_touched)
        wizard.action_save()
        check_in = self.nps.check_in_ids.filtered(lambda c: c.date == date(2026, 2, 18))
        self.assertEqual(len(check_in), 1)
        self.assertEqual(check_in.user_id, self.alice)
        self.assertEqual(check_in.previous_value, 7.9)
        self.assertEqual(check_in.value, 8.2)
        self.assertEqual(check_in.confidence, 7)
        self.assertEqual(check_in.blocker_note, "The survey tool is down")
        self.assertEqual(self.nps.current_value, 8.2)
        self.assertEqual(self.nps.confidence, 7)
        # the resolution time was not touched: no check-in for it
        self.assertFalse(self.resolution.check_in_ids)
        # the board counts one of the four key results as checked in this week
        self.assertEqual(self.objective.week_check_in_done, 1)
        self.assertEqual(self.objective.week_check_in_rate, 25.0)

    def test_a_key_result_that_did_not_move_is_confirmed_by_ticking(self):
        wizard = self._open(self.alice)
        with self.assertRaises(UserError):
            wizard.action_save()
        resolution_line = wizard.line_ids.filtered(
            lambda line: line.key_result_id == self.resolution
        )
        resolution_line.is_touched = True
        wizard.action_save()
        self.assertEqual(len(self.resolution.check_in_ids), 1)
        self.assertEqual(self.resolution.check_in_ids.value, 8)
        self.assertFalse(self.nps.check_in_ids.filtered(lambda c: c.date.day == 18))

    def test_chatter_summary_tells_the_followers(self):
        wizard = self._open(self.alice)
        nps_line = wizard.line_ids.filtered(lambda line: line.key_result_id == self.nps)
        nps_line.write(
            {"value": 8.2, "confidence": 7, "attention_note": "Promoters in Madrid"}
        )
        messages_before = self.objective.message_ids
        wizard.action_save()
        message = self.objective.message_ids - messages_before
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.alice.partner_id)
        self.assertEqual(
            message.subtype_id, self.env.ref("okr_management.mt_objective_check_in")
        )
        body = str(message.body)
        self.assertIn("NPS from 7.5 to 8.8", body)
        self.assertIn("7.9 → 8.2", body)
        self.assertIn("7/10", body)
        self.assertIn("Promoters in Madrid", body)
        self.assertIn(self.manager.partner_id, message.notified_partner_ids)

    def test_saving_closes_my_check_in_reminder(self):
        reminder = self.nps.activity_schedule(
            "okr_management.mail_activity_type_okr_check_in", user_id=self.alice.id
        )
        bob_reminder = self.csat.activity_schedule(
            "okr_management.mail_activity_type_okr_check_in", user_id=self.bob.id
        )
        wizard = self._open(self.alice)
        wizard.line_ids[0].value = 8.0
        wizard.action_save()
        open_reminders = self.env["mail.activity"].search(
            [("activity_type_id", "=", reminder.activity_type_id.id)]
        )
        self.assertNotIn(reminder, open_reminders)
        self.assertIn(bob_reminder, open_reminders)

    def test_week_completion_cost_does_not_grow_with_objectives(self):
        objectives = self.objective
        for index in range(12):
            objective = self._objective(f"Team {index}", user_id=self.manager.id)
            key_result = self._key_result(objective, user_id=self.bob.id)
            self._check_in(key_result, date(2026, 2, 17), 10)
            # last week's check-in does not count for this week
            self._check_in(self._key_result(objective), date(2026, 2, 13), 5)
            objectives |= objective

        def queries(records):
            self.env.invalidate_all()
            records = records.browse(records.ids)
            records.mapped("key_result_count")
            before = self.env.cr.sql_log_count
            rates = records.mapped("week_check_in_rate")
            return self.env.cr.sql_log_count - before, rates

        few, _rates = queries(objectives[:3])
        many, rates = queries(objectives)
        self.assertEqual(few, many)
        self.assertEqual(rates[1:], [50.0] * 12)
