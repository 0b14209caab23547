# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .test_ritual_monthly_review import OkrMonthlyReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestMonthlyReviewDecisions(OkrMonthlyReviewCase):
    def _activities(self, decisions):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("id", "in", decisions.activity_id.ids)])
        )

    def test_decisions_become_activities(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        decisions = (
            self.env["okr.monthly.review.decision"]
            .with_user(self.leo)
            .create(
                [
                    {
                        "review_id": self.review.id,
                        "name": "Call every detractor",
                        "kind": "corrective",
                        "user_id": self.alice.id,
                        "date_deadline": date(2026, 3, 20),
                        "key_result_id": self.nps.id,
                    },
                    {
                        "review_id": self.review.id,
                        "name": "Hire a second agent for North",
                        "user_id": self.bob.id,
                        "date_deadline": date(2026, 4, 1),
                    },
                    {"review_id": self.review.id, "name": "Owner to be found"},
                ]
            )
        )
        on_kr, on_review, no_owner = decisions
        self.assertFalse(no_owner.activity_id)
        self.assertEqual(len(self._activities(decisions)), 2)
        activity = on_kr.activity_id
        self.assertEqual(
            (activity.res_model, activity.res_id), ("okr.key.result", self.nps.id)
        )
        self.assertEqual(activity.user_id, self.alice)
        self.assertEqual(activity.date_deadline, date(2026, 3, 20))
        self.assertEqual(activity.activity_type_id, todo)
        self.assertEqual(activity.summary, "Call every detractor")
        self.assertEqual(
            (on_review.activity_id.res_model, on_review.activity_id.res_id),
            ("okr.monthly.review", self.review.id),
        )
        # editing the owner and the date moves the same activity
        on_kr.write({"user_id": self.bob.id, "date_deadline": date(2026, 3, 27)})
        self.assertEqual(on_kr.activity_id, activity)
        self.assertEqual(
            (activity.user_id, activity.date_deadline), (self.bob, date(2026, 3, 27))
        )
        on_kr.key_result_id = False
        self.assertEqual(on_kr.activity_id, activity)
        self.assertEqual(activity.res_model, "okr.monthly.review")
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [("summary", "=", "Call every detractor")]
            ),
            1,
        )
        # an owner and a date given later: one activity, then
        no_owner.write({"user_id": self.carol.id, "date_deadline": date(2026, 3, 31)})
        self.assertTrue(no_owner.activity_id)
        self.assertEqual(len(self._activities(decisions)), 3)
        # done together
        on_kr.done = True
        self.assertFalse(activity.active, "done activities are archived")
        self.assertEqual(on_kr.activity_id, activity)
        self.assertEqual(len(self._activities(decisions)), 3)
        on_review.activity_id.with_user(self.bob).action_feedback(feedback="Hired")
        self.assertTrue(on_review.done)

    def test_one_activity_create_for_many_decisions(self):
        activity_class = type(self.env["mail.activity"])
        original = activity_class.create
        calls = []

        def counting_create(records, vals_list):
            calls.append(len(vals_list))
            return original(records, vals_list)

        with patch.object(activity_class, "create", counting_create):
            decisions = self.env["okr.monthly.review.decision"].create(
                [
                    {
                        "review_id": self.review.id,
                        "name": f"Decision {index}",
                        "user_id": self.alice.id,
                        "date_deadline": date(2026, 3, 20 + index),
                    }
                    for index in range(5)
                ]
            )
        self.assertEqual(calls, [5])
        self.assertEqual(len(decisions.activity_id), 5)

    def test_the_note_speaks_the_owners_language(self):
        self.env["res.lang"]._activate_lang("es_ES")
        self.alice.lang = "es_ES"
        decision = self.env["okr.monthly.review.decision"].create(
            {
                "review_id": self.review.id,
                "name": "Llamar a los detractores",
                "kind": "corrective",
                "user_id": self.alice.id,
                "date_deadline": date(2026, 3, 20),
            }
        )
        self.assertIn(
            "de la revisión mensual Support — 2026-02",
            str(decision.activity_id.note),
        )

    def test_key_result_within_the_review(self):
        unrelated = self.elsewhere.key_result_ids
        with self.assertRaisesRegex(ValidationError, "not one of the reviewed"):
            self.env["okr.monthly.review.decision"].create(
                {
                    "review_id": self.review.id,
                    "name": "Off topic",
                    "key_result_id": unrelated.id,
                }
            )

    def test_cron_prepares_each_leaders_review_once(self):
        reviews = self.env["okr.monthly.review"]
        lonely = self.env["okr.team"].create(
            {"name": "Lonely", "leader_id": self.carol.id, "parent_id": self.sales.id}
        )
        leaderless = self.env["okr.team"].create({"name": "Leaderless"})
        orphan = self._objective("Orphan", team_id=leaderless.id)
        self._key_result(orphan)
        orphan.action_activate()
        activities = reviews._okr_remind_monthly_reviews(date(2026, 3, 10))
        march = reviews.search([("month", "=", date(2026, 3, 1))])
        # Sales via its own objective; Support via its own; North via its child
        self.assertEqual(march.team_id, self.support | self.north | self.sales)
        self.assertNotIn(lonely, march.team_id)
        self.assertEqual(len(activities), 3)
        self.assertEqual(
            {(a.res_id, a.user_id) for a in activities},
            {(r.id, r.team_id.leader_id) for r in march},
        )
        self.assertEqual(
            set(activities.mapped("summary")), {"Prepare the monthly review"}
        )
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 3, 31)})
        # not twice, even once done
        activities[0].action_feedback()
        self.assertFalse(reviews._okr_remind_monthly_reviews(date(2026, 3, 20)))
        self.assertEqual(reviews.search_count([("month", "=", date(2026, 3, 1))]), 3)
        # the existing review of February is reused, not duplicated
        february = reviews._okr_remind_monthly_reviews(date(2026, 2, 25))
        self.assertIn(self.review.id, february.mapped("res_id"))
        self.assertEqual(
            reviews.search_count(
                [("team_id", "=", self.support.id), ("month", "=", date(2026, 2, 1))]
            ),
            1,
        )

    def test_cron_runs(self):
        cron = self.env.ref("okr_management.ir_cron_okr_monthly_review_reminder")
        self.assertEqual(cron.interval_type, "months")
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertEqual(
            self.env["okr.monthly.review"].search_count(
                [("month", "=", date(2026, 3, 1))]
            ),
            3,
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestMonthlyReviewAccess(OkrMonthlyReviewCase):
    def test_members_read_leaders_write(self):
        # a member reads the review and its decisions, without changing them
        as_alice = self.review.with_user(self.alice)
        self.assertEqual(as_alice.name, "Support — 2026-02")
        self.assertIn("Delight our customers", str(as_alice.content_html))
        with self.assertRaises(AccessError):
            as_alice.summary = "<p>Mine</p>"
        with self.assertRaises(AccessError):
            self.env["okr.monthly.review.decision"].with_user(self.alice).create(
                {"review_id": self.review.id, "name": "Sneaked in"}
            )
        with self.assertRaises(AccessError):
            self.env["okr.monthly.review"].with_user(self.alice).create(
                {"team_id": self.support.id, "month": date(2026, 3, 1)}
            )
        # the leader writes it, and the leader above writes the sub-team's
        self.review.with_user(self.leo).summary = "<p>Hire for North</p>"
        north = (
            self.env["okr.monthly.review"]
            .with_user(self.leo)
            .create({"team_id": self.north.id, "month": date(2026, 2, 1)})
        )
        north.action_done()
        # the sub-team's leader does not write the parent's
        with self.assertRaises(AccessError):
            self.review.with_user(self.bob).summary = "<p>North's view</p>"
        self.review.with_user(self.manager).action_done()
        with self.assertRaises(AccessError):
            self.review.with_user(self.leo).unlink()

    def test_other_company_cannot_read(self):
        other = self.env["res.company"].create({"name": "Review Other Ltd"})
        stranger = new_test_user(
            self.env,
            "review_stranger",
            groups="okr_management.group_okr_user",
            company_id=other.id,
            company_ids=[other.id],
        )
        decision = self.env["okr.monthly.review.decision"].create(
            {"review_id": self.review.id, "name": "Internal"}
        )
        with self.assertRaises(AccessError):
            self.review.with_user(stranger).read(["name"])
        with self.assertRaises(AccessError):
            decision.with_user(stranger).read(["name"])
        self.assertFalse(self.env["okr.monthly.review"].with_user(stranger).search([]))


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestMonthlyReviewQueries(OkrMonthlyReviewCase):
    def _team_review(self, name, size):
        team = self.env["okr.team"].create({"name": name, "leader_id": self.leo.id})
        objective = self._objective(name, user_id=self.leo.id, team_id=team.id)
        for index in range(size):
            key_result = self._key_result(objective, f"{name} {index}", current_value=0)
            self._check_in(key_result, date(2026, 1, 15), 10 + index)
            self._check_in(key_result, date(2026, 2, 15), 20 + index, blocker_note="x")
            self.env["okr.initiative"].create(
                {"name": f"{name} work {index}", "key_result_id": key_result.id}
            )
        objective.action_activate()
        return self.env["okr.monthly.review"].create(
            {"team_id": team.id, "month": date(2026, 2, 1)}
        )

    def _queries(self, review):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        data = review._okr_review_data()
        return self.env.cr.sql_log_count - before, data

    def test_content_queries_do_not_grow_with_key_results(self):
        small, large = self._team_review("Small", 2), self._team_review("Large", 8)
        small_count, small_data = self._queries(small)
        large_count, large_data = self._queries(large)
        self.assertEqual(len(large_data["rows"][0]["key_results"]), 8)
        self.assertEqual(len(large_data["rows"][0]["initiatives"]), 8)
        self.assertGreater(small_count, 0)
        self.assertEqual(large_count, small_count)
