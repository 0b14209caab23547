# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import freeze_time, tagged

from .common import OkrCrmCase


@tagged("post_install", "-at_install")
class TestCrmFirstResponse(OkrCrmCase):
    """Seed 002's "first response under 5 minutes": from the creation of a lead
    to the first answer a salesperson logs on it."""

    def _created_minutes_ago(self, lead, minutes):
        lead.flush_recordset()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s",
            (self.now - datetime.timedelta(minutes=minutes), lead.id),
        )
        lead.invalidate_recordset(["create_date"])

    def test_first_answer_is_kept(self):
        lead = self._lead("Answered", self.ann, self.team_north)
        self._created_minutes_ago(lead, 40)
        self.assertFalse(lead.okr_first_response_date)
        # the customer's email, a tracked change and the system are no answer
        customer = self.env["res.partner"].create({"name": "Customer"})
        lead.message_post(body="Any news?", message_type="email", author_id=customer.id)
        lead.expected_revenue = 900
        lead.message_post(body="Automatic", message_type="comment")
        self.env.flush_all()
        self.assertFalse(lead.okr_first_response_date)
        # Ann's note is the answer; a later message does not move it
        lead.with_user(self.ann).message_post(
            body="Called back", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.assertEqual(lead.okr_first_response_date, self.now)
        with freeze_time("2026-11-16 11:00:00"):
            lead.with_user(self.ann).message_post(
                body="Follow-up", message_type="comment"
            )
        self.assertEqual(lead.okr_first_response_date, self.now)

    def test_call_marked_done_answers(self):
        lead = self._lead("Called", self.bob, self.team_south)
        activity = lead.activity_schedule(
            "mail.mail_activity_data_call", user_id=self.bob.id
        )
        activity.with_user(self.bob).action_feedback(feedback="Interested")
        self.assertEqual(lead.okr_first_response_date, self.now)

    def test_first_response_time_metric(self):
        """Ann answers in 40 and 10 minutes, Bob in 5; a lead nobody answered
        is not measured yet."""
        answers = [
            (self.ann, self.team_north, 40),
            (self.ann, self.team_north, 10),
            (self.bob, self.team_south, 5),
        ]
        for index, (owner, team, minutes) in enumerate(answers):
            lead = self._lead(f"Lead {index}", owner, team)
            self._created_minutes_ago(lead, minutes)
            lead.with_user(owner).message_post(body="Hello", message_type="comment")
        waiting = self._lead("Waiting", self.bob, self.team_south)
        self._created_minutes_ago(waiting, 300)
        self.env.flush_all()
        values = {
            name: key_result.current_value
            for name, key_result in {
                "ann": self._key_result(self.metric_first_response, "owner", self.ann),
                "bob": self._key_result(self.metric_first_response, "owner", self.bob),
                "company": self._key_result(self.metric_first_response, "company"),
            }.items()
        }
        self.assertAlmostEqual(values["ann"], 25.0)
        self.assertAlmostEqual(values["bob"], 5.0)
        self.assertAlmostEqual(values["company"], 55 / 3)
