# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import freeze_time, new_test_user, tagged

from .common import OkrCase

# What the weekly check-in form reads when the web client opens it: the fields of
# okr_check_in_weekly_view_form, the lines with the fields of its list.
WEEKLY_SPECIFICATION = {
    "date": {},
    "user_id": {"fields": {"display_name": {}}},
    "line_count": {},
    "line_ids": {
        "fields": {
            "sequence": {},
            "key_result_id": {"fields": {"display_name": {}}},
            "objective_id": {"fields": {"display_name": {}}},
            "source": {},
            "unit": {},
            "previous_value": {},
            "value": {},
            "progress": {},
            "previous_confidence": {},
            "confidence": {},
            "progress_note": {},
            "blocker_note": {},
            "attention_note": {},
            "is_touched": {},
        },
        # all the lines (the list shows 40 a page): the stricter count
        "context": {},
    },
}


@tagged("post_install", "-at_install")
@freeze_time("2026-02-18")
class TestCheckInWeeklyQueries(OkrCase):
    """The weekly check-in screen opens in the same number of queries for a
    user with 5 key results as for one with 50."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "okr_management.group_okr_user"
        cls.few = new_test_user(cls.env, "weekly_q_few", groups=groups)
        cls.many = new_test_user(cls.env, "weekly_q_many", groups=groups)
        manager = new_test_user(
            cls.env, "weekly_q_manager", groups="okr_management.group_okr_manager"
        )
        for user, count in ((cls.few, 5), (cls.many, 50)):
            # spread over several objectives, some checked in last week
            for index in range(5):
                objective = cls._objective(
                    f"{user.login} objective {index}",
                    user_id=manager.id,
                    level="team",
                )
                key_results = cls.env["okr.key.result"].create(
                    [
                        {
                            "name": f"{user.login} KR {index}.{k}",
                            "objective_id": objective.id,
                            "user_id": user.id,
                            "start_value": 0.0,
                            "target_value": 100.0,
                            "current_value": 10.0 * k,
                        }
                        for k in range(count // 5)
                    ]
                )
                objective.action_activate()
                cls.env["okr.check.in"].with_context(okr_check_in_no_post=True).create(
                    [
                        {
                            "key_result_id": key_result.id,
                            "date": date(2026, 2, 10),
                            "value": key_result.current_value + 5,
                            "confidence": 6,
                        }
                        for key_result in key_results[::2]
                    ]
                )

    def _open(self, user):
        """As the web client: the server action, then the form's read, each a
        fresh request (nothing in the ORM cache)."""
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        wizards = self.env["okr.check.in.weekly"].with_user(user)
        action = wizards.action_open()
        self.env.flush_all()
        self.env.invalidate_all()
        [form] = wizards.browse(action["res_id"]).web_read(WEEKLY_SPECIFICATION)
        return self.env.cr.sql_log_count - before, form

    def test_weekly_check_in_opens_in_constant_queries(self):
        # warm the registry caches (views, fields, each user's groups and rules)
        self._open(self.few)
        self._open(self.many)
        few_count, few = self._open(self.few)
        many_count, many = self._open(self.many)
        self.assertEqual(few["line_count"], 5)
        self.assertEqual(many["line_count"], 50)
        lines = {
            line["key_result_id"]["display_name"]: line for line in few["line_ids"]
        }
        # prefilled from the last check-in where there is one
        checked = lines["weekly_q_few KR 0.0"]
        self.assertEqual((checked["value"], checked["confidence"]), (5.0, 6))
        self.assertEqual(checked["progress"], 5.0)
        # 5 key results cost what 50 do
        self.assertEqual(few_count, many_count)
