# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import freeze_time, tagged

from .ritual_common import OkrRitualCase

# 2026-02-16 is a Monday, 2026-02-17 a Tuesday
MONDAY = "2026-02-16"
TUESDAY = "2026-02-17"


@tagged("post_install", "-at_install")
class TestRitualReminder(OkrRitualCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref(
            "okr_management.mail_activity_type_okr_check_in"
        )
        cls.cron = cls.env.ref("okr_management.ir_cron_okr_check_in_reminder")
        # Alice checked in on both her key results three days ago; Bob eleven
        # days ago (a metric recorded a value since: not him checking in);
        # Carol never did.
        cls._check_in(cls.nps, date(2026, 2, 13), 7.9, confidence=6)
        cls._check_in(cls.resolution, date(2026, 2, 13), 7, confidence=6)
        cls._check_in(cls.csat, date(2026, 2, 5), 40)
        cls._check_in(cls.csat, date(2026, 2, 15), 45, origin="metric")

    def _reminders(self):
        return self.env["mail.activity"].search(
            [("activity_type_id", "=", self.activity_type.id)]
        )

    def _run_cron(self, day):
        with freeze_time(day), self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_late_owners_are_reminded_once_on_the_weekday(self):
        self._run_cron(MONDAY)
        reminders = self._reminders()
        self.assertEqual(reminders.user_id, self.bob | self.carol)
        bob_reminder = reminders.filtered(lambda a: a.user_id == self.bob)
        self.assertEqual(bob_reminder.res_model, "okr.key.result")
        self.assertEqual(bob_reminder.res_id, self.csat.id)
        self.assertEqual(bob_reminder.date_deadline, date(2026, 2, 16))
        self.assertIn("CSAT at or above 4.2", bob_reminder.note)
        # the note opens the weekly check-in
        self.assertIn('href="/odoo/weekly-check-in"', bob_reminder.note)
        # the next run (say the cron ran twice) adds no second open reminder
        self._run_cron(MONDAY)
        self.assertEqual(self._reminders(), reminders)

    def test_nothing_on_another_weekday(self):
        self._run_cron(TUESDAY)
        self.assertFalse(self._reminders())
        self.company.okr_check_in_weekday = "1"
        self._run_cron(TUESDAY)
        self.assertEqual(self._reminders().user_id, self.bob | self.carol)

    def test_a_key_result_left_for_a_week_is_reminded(self):
        # Alice's check-ins are exactly a week old on the next Friday's
        # weekday: her turn comes, listing both key results.
        self.company.okr_check_in_weekday = "4"
        self._run_cron("2026-02-19")  # Thursday: not the weekday
        self.assertFalse(self._reminders())
        self._run_cron("2026-02-20")  # Friday, 7 days after her check-in
        alice_reminder = self._reminders().filtered(lambda a: a.user_id == self.alice)
        self.assertEqual(len(alice_reminder), 1)
        self.assertIn("NPS from 7.5 to 8.8", alice_reminder.note)
        self.assertIn("Resolution time from 8 h to 4 h", alice_reminder.note)

    def test_a_done_reminder_comes_back_the_next_week_if_still_late(self):
        self._run_cron(MONDAY)
        self._reminders().filtered(lambda a: a.user_id == self.bob).action_feedback(
            "Later"
        )
        self._run_cron("2026-02-23")
        self.assertIn(self.bob, self._reminders().user_id)

    def test_only_active_objectives_of_running_periods(self):
        self.objective.action_close()
        self._run_cron(MONDAY)
        self.assertFalse(self._reminders())
