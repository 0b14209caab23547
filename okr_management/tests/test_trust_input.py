# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 12 B: no input breaks the board, and results stay where their rights
put them. Each test is one finding of the security review."""

import json
import math
from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from ..engine import coach
from ..engine import progress as okr_math
from .common import OkrCase

BAD_NUMBERS = (float("nan"), float("inf"), float("-inf"), 1e16, -1e300)


@tagged("post_install", "-at_install")
class TestTrustInput(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user_groups = "okr_management.group_okr_user"
        cls.alice = new_test_user(cls.env, "ti_alice", groups=user_groups)
        cls.bob = new_test_user(cls.env, "ti_bob", groups=user_groups)
        cls.manager = new_test_user(
            cls.env, "ti_manager", groups="okr_management.group_okr_manager"
        )
        cls.objective = cls._objective("Alice's", period=cls.year, user_id=cls.alice.id)
        cls.key_result = cls._key_result(cls.objective, user_id=cls.alice.id)
        cls.alice_env = cls.env(user=cls.alice)

    def _as_alice(self, record):
        return record.with_user(self.alice)

    # -- numbers -----------------------------------------------------------------
    def test_nan_weight_is_refused_and_board_stays_json(self):
        key_results = self.alice_env["okr.key.result"]
        for bad in BAD_NUMBERS:
            with self.subTest(value=bad), self.assertRaises(ValidationError):
                key_results.create(
                    {
                        "name": "Broken",
                        "objective_id": self.objective.id,
                        "target_value": 10.0,
                        "weight": bad,
                    }
                )
        result = self.alice_env["okr.objective"].web_search_read(
            [("id", "=", self.objective.id)], {"progress": {}, "score": {}}
        )
        json.dumps(result, allow_nan=False)

    def test_every_typed_float_is_refused_when_not_finite(self):
        initiative = self.env["okr.initiative"].create(
            {"name": "Work", "key_result_id": self.key_result.id}
        )
        metric = self.env["okr.metric"].create(
            {
                "name": "Partners",
                "model_id": self.env["ir.model"]._get("res.partner").id,
                "aggregate": "count",
            }
        )
        kpi = self.env["okr.kpi"].create({"name": "Backlog", "metric_id": metric.id})
        cases = [
            (self._as_alice(self.key_result), "target_value"),
            (self._as_alice(self.key_result), "start_value"),
            (self._as_alice(self.key_result), "current_value"),
            (initiative.with_user(self.alice), "weight"),
            (initiative.with_user(self.alice), "progress"),
            (self.env.company, "okr_on_track_threshold"),
            (self.env.company, "okr_at_risk_threshold"),
            (self.env.company, "okr_coach_max_jump"),
        ]
        cases += [(kpi, "target_value"), (kpi, "healthy_value")]
        for record, fname in cases:
            for bad in (float("nan"), float("inf"), 2e15):
                with (
                    self.subTest(model=record._name, field=fname, value=bad),
                    self.assertRaises(ValidationError),
                    self.env.cr.savepoint(),
                ):
                    record.write({fname: bad})
        self.key_result.invalidate_recordset()
        self.assertTrue(math.isfinite(self.key_result.target_value))

    def test_check_in_value_is_refused_when_not_finite(self):
        with self.assertRaises(ValidationError):
            self.alice_env["okr.check.in"].create(
                {"key_result_id": self.key_result.id, "value": float("nan")}
            )

    def test_engine_never_turns_nan_into_progress(self):
        nan, inf = float("nan"), float("inf")
        self.assertEqual(okr_math.clamp(nan), 0.0)
        for args in (
            ("increase", 0, 100, nan),
            ("increase", nan, 100, 50),
            ("decrease", 8, 4, inf),
            ("maintain_above", 0, nan, 5),
            ("milestone", 0, 1, 1, nan),
        ):
            with self.subTest(args=args):
                self.assertEqual(okr_math.key_result_progress(*args), (0.0, 0.0))
        self.assertEqual(okr_math.weighted_mean([(50, nan), (nan, 1)]), 0.0)
        self.assertEqual(okr_math.weighted_mean([(50, 1), (100, inf)]), 50.0)
        self.assertEqual(okr_math.score(nan), 0.0)
        self.assertFalse(okr_math.is_achieved(nan, okr_math.COMMITTED))
        self.assertEqual(okr_math.health(nan, 50.0), okr_math.OFF_TRACK)

    def test_coach_survives_extreme_values(self):
        facts = coach.ObjectiveFacts(
            okr_type=okr_math.COMMITTED,
            date_start=date(2026, 1, 1),
            date_end=date(2026, 3, 31),
            key_results=(coach.KeyResultFacts("Huge", start=1e-300, target=1e300),),
        )
        issues = coach.jump_issues(facts, coach.Limits())
        self.assertEqual([code for code, _params in issues], [coach.INFLATED_JUMP])
        self.assertTrue(math.isfinite(issues[0][1]["jump"]))

    # -- values -------------------------------------------------------------------
    def test_new_key_result_starts_at_its_start_value(self):
        key_result = self._key_result(
            self.objective,
            env=self.alice_env,
            result_type="decrease",
            start_value=8.0,
            target_value=4.0,
        )
        self.assertEqual(key_result.current_value, 8.0)
        self.assertEqual(key_result.progress, 0.0)
        with Form(self.alice_env["okr.key.result"]) as form:
            form.name = "Resolution time"
            form.objective_id = self.objective
            form.result_type = "decrease"
            form.start_value = 8.0
            form.target_value = 4.0
        self.assertEqual(form.record.progress, 0.0)

    # -- check-ins ----------------------------------------------------------------
    def test_check_in_is_dated_in_period_and_not_in_future(self):
        check_ins = self.alice_env["okr.check.in"]
        q1_key_result = self._key_result(self._objective("Q1", user_id=self.alice.id))
        for day, key_result in (
            (date(2031, 1, 1), self.key_result),
            (date(2026, 11, 17), self.key_result),
            (date(2025, 12, 31), self.key_result),
            (date(2026, 4, 1), q1_key_result),
        ):
            with self.subTest(day=day), self.assertRaises(ValidationError):
                check_ins.create(
                    {"key_result_id": key_result.id, "value": 5, "date": day}
                )
        check_in = check_ins.create(
            {"key_result_id": q1_key_result.id, "value": 5, "date": date(2026, 3, 31)}
        )
        with self.assertRaises(ValidationError):
            check_in.date = date(2026, 12, 1)

    def test_closed_objective_takes_no_check_in(self):
        objective = self._objective("Closed", user_id=self.alice.id)
        key_result = self._key_result(objective, user_id=self.alice.id)
        self.env["okr.check.in"].create(
            {"key_result_id": key_result.id, "value": 20, "date": date(2026, 2, 1)}
        )
        objective.action_activate()
        objective.action_close()
        progress = objective.progress
        for env in (self.alice_env, self.env(user=self.manager), self.env):
            with self.subTest(user=env.user.login), self.assertRaises(UserError):
                env["okr.check.in"].create(
                    {
                        "key_result_id": key_result.id,
                        "value": 999,
                        "date": date(2026, 3, 1),
                    }
                )
        with self.assertRaises(UserError):
            key_result.current_value = 999
        self.assertEqual(objective.progress, progress)
        # a manager reopens first
        objective.with_user(self.manager).action_reset_draft()
        self.env["okr.check.in"].create(
            {"key_result_id": key_result.id, "value": 30, "date": date(2026, 3, 1)}
        )
        self.assertEqual(key_result.current_value, 30)

    def test_check_in_author_is_its_creator(self):
        check_in = self.alice_env["okr.check.in"].create(
            {
                "key_result_id": self.key_result.id,
                "value": 10,
                "user_id": self.bob.id,
            }
        )
        self.assertEqual(check_in.user_id, self.alice)
        with self.assertRaises(AccessError):
            check_in.user_id = self.bob
        message = self.objective.message_ids[:1]
        self.assertEqual(message.author_id, self.alice.partner_id)
        self.assertIn("10", message.body)

    # -- protected results ----------------------------------------------------------
    def test_results_are_written_by_actions_only(self):
        objective = self._as_alice(self.objective)
        for vals in (
            {"score": 1.0},
            {"is_achieved": True},
            {"state": "closed"},
            {"checklist_done": True},
            {"checklist_measurable": True},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                objective.write(vals)
        with self.assertRaises(AccessError):
            self._as_alice(self.key_result).write({"score": 1.0})
        with self.assertRaises(AccessError):
            self.alice_env["okr.objective"].create(
                {"name": "Done", "period_id": self.q1.id, "state": "closed"}
            )
        # the actions still work for the owner
        objective.action_activate()
        self.assertEqual(objective.state, "active")
        objective.action_close()
        self.assertEqual(objective.state, "closed")

    def test_reset_to_draft_is_for_managers(self):
        objective = self._as_alice(self.objective)
        objective.action_activate()
        with self.assertRaises(AccessError):
            objective.action_reset_draft()
        # the target of an active objective still needs a reason
        with self.assertRaises(UserError):
            self._as_alice(self.key_result).target_value = 500
        self.objective.with_user(self.manager).action_reset_draft()
        self.assertEqual(self.objective.state, "draft")

    def test_contributor_cannot_delete_the_owners_objective(self):
        self.objective.contributor_ids = self.bob
        as_bob = self.objective.with_user(self.bob)
        as_bob.name = "Edited by a contributor"
        with self.assertRaises(AccessError):
            as_bob.unlink()
        self._as_alice(self.objective).unlink()
        self.assertFalse(self.objective.exists())

    def test_closed_period_reopens_only_by_manager(self):
        period = self.env["okr.period"].create(
            {
                "name": "Closed",
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 3, 31),
                "state": "closed",
            }
        )
        for method in ("action_open", "action_reset_draft"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(period.with_user(self.alice), method)()
        period.with_user(self.manager).action_open()
        self.assertEqual(period.state, "open")

    # -- reports --------------------------------------------------------------------
    def test_monthly_review_ignores_report_data(self):
        """The month comes from the review record, never from the report's
        options (a URL or an RPC call)."""
        team = self.env["okr.team"].create({"name": "Trust team"})
        review = self.env["okr.monthly.review"].create(
            {"team_id": team.id, "month": date(2026, 2, 17)}
        )
        self.assertEqual(review.month, date(2026, 2, 1))
        report = self.env["report.okr_management.report_okr_monthly_review"]
        for data in ({"date_from": "not-a-date"}, {"date_from": "2026-13-45"}):
            with self.subTest(data=data):
                values = report._get_report_values(review.ids, data=data)
                self.assertEqual(
                    values["review_data"][review.id]["date_from"], date(2026, 2, 1)
                )

    # -- moves and wizards -----------------------------------------------------------
    def test_moving_needs_write_access_on_the_new_parent(self):
        bob_objective = self._objective("Bob's", period=self.year, user_id=self.bob.id)
        bob_key_result = self._key_result(bob_objective, user_id=self.bob.id)
        own_key_result = self._as_alice(self.key_result)
        with self.assertRaises(AccessError):
            own_key_result.objective_id = bob_objective
        initiative = self.alice_env["okr.initiative"].create(
            {"name": "Mine", "key_result_id": self.key_result.id}
        )
        with self.assertRaises(AccessError):
            initiative.key_result_id = bob_key_result
        check_in = self.alice_env["okr.check.in"].create(
            {"key_result_id": self.key_result.id, "value": 3}
        )
        with self.assertRaises(AccessError):
            check_in.key_result_id = bob_key_result
        # the owner's own objectives are fine
        other = self._objective(
            "Alice's other", period=self.year, user_id=self.alice.id
        )
        own_key_result.objective_id = other
        self.assertEqual(self.key_result.objective_id, other)

    def test_objective_does_not_leave_a_closed_period(self):
        closed = self.env["okr.period"].create(
            {
                "name": "Closed",
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 3, 31),
                "state": "closed",
            }
        )
        with self.assertRaises(ValidationError):
            self._as_alice(self.objective).period_id = closed

    def test_wizards_refuse_records_the_user_cannot_reach(self):
        other_company = self.env["res.company"].create({"name": "Far Away"})
        period = self.env["okr.period"].create(
            {
                "name": "Far Q1",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 3, 31),
                "company_id": other_company.id,
            }
        )
        far_key_result = self._key_result(self._objective("Far", period=period))
        bob_objective = self._objective("Bob's", period=self.year, user_id=self.bob.id)
        weekly = self.alice_env["okr.check.in.weekly"].create({})
        with self.assertRaises(AccessError):
            self.alice_env["okr.check.in.weekly.line"].create(
                {"wizard_id": weekly.id, "key_result_id": far_key_result.id}
            )
        with self.assertRaises(AccessError):
            self.alice_env["okr.key.result.change"].create(
                {"key_result_id": far_key_result.id, "reason": "Peek"}
            )
        with self.assertRaises(AccessError):
            self.alice_env["okr.objective.checklist"].create(
                {"objective_ids": [(6, 0, bob_objective.ids)]}
            )

    def test_failed_metric_refresh_stores_a_readable_error_and_goes_last(self):
        metric = self.env["okr.metric"].create(
            {
                "name": "Partners",
                "model_id": self.env["ir.model"]._get("res.partner").id,
                "aggregate": "count",
            }
        )
        key_results = self.env["okr.key.result"].create(
            [
                {
                    "name": name,
                    "objective_id": self.objective.id,
                    "source": "metric",
                    "metric_id": metric.id,
                    "start_value": 0.0,
                    "target_value": 1e6,
                    # a metric value is computed with a real owner's rights
                    "user_id": self.alice.id,
                }
                for name in ("Broken", "Fine")
            ]
        )
        key_results.write({"metric_last_refresh": False, "metric_error": False})
        broken = key_results[0]
        original = type(broken)._refresh_metric

        def refresh(records):
            if broken in records:
                raise RuntimeError('relation "secret_table" does not exist')
            return original(records)

        with patch.object(type(broken), "_refresh_metric", refresh):
            key_results._refresh_metric_isolated()
        self.assertNotIn("secret_table", broken.metric_error)
        self.assertIn("could not be computed", broken.metric_error)
        self.assertTrue(broken.metric_last_refresh)
        self.assertFalse(key_results[1].metric_error)

    def test_retrospective_results_and_reopening(self):
        retrospective = self.env["okr.retrospective"].create({"period_id": self.q1.id})
        line = self.env["okr.retrospective.line"].create(
            {"retrospective_id": retrospective.id, "objective_id": self.objective.id}
        )
        as_alice = retrospective.with_user(self.alice)
        with self.assertRaises(AccessError):
            as_alice.state = "done"
        with self.assertRaises(AccessError):
            line.with_user(self.alice).write({"score": 1.0, "is_achieved": True})
        line.with_user(self.alice).lessons = "Plan earlier"
        as_alice.action_done()
        self.assertEqual(retrospective.state, "done")
        with self.assertRaises(AccessError):
            as_alice.action_reset_draft()
        retrospective.with_user(self.manager).action_reset_draft()
        self.assertEqual(retrospective.state, "draft")
