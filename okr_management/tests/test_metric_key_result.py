# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
from unittest.mock import patch

from odoo.fields import Domain
from odoo.tests import Form, TransactionCase, freeze_time, tagged

from odoo.addons.base.models.ir_cron import IrCron

from ..engine.metric import execution as metric_execution

# the partners are dated around this day, and the windows are measured from it
TODAY = datetime.date(2026, 11, 16)
DAY = datetime.timedelta(days=1)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class MetricKeyResultCase(TransactionCase):
    """Key results and KPIs fed by metrics over partners created here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        group_ids = [
            cls.env.ref("base.group_user").id,
            cls.env.ref("okr_management.group_okr_user").id,
        ]
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.ann, cls.bob = users.create(
            [
                {
                    "name": name,
                    "login": name,
                    "group_ids": [(6, 0, group_ids)],
                    "email": f"{name}@example.com",
                }
                for name in ("mkr_ann", "mkr_bob")
            ]
        )
        cls.period = cls.env["okr.period"].create(
            {
                "name": "Metric test period",
                "period_type": "custom",
                "date_start": TODAY - 30 * DAY,
                "date_end": TODAY + 30 * DAY,
                "company_id": cls.env.company.id,
            }
        )
        cls.objective = cls.env["okr.objective"].create(
            {
                "name": "Grow the partner base",
                "period_id": cls.period.id,
                "user_id": cls.ann.id,
                "level": "individual",
            }
        )
        cls.team = cls.env["res.partner"].create(
            {"name": "Team MKR", "is_company": True}
        )
        Fields = cls.env["ir.model.fields"]
        partner_model = cls.env["ir.model"]._get("res.partner")
        cls.metric = cls.env["okr.metric"].create(
            {
                "name": "New partners",
                "model_id": partner_model.id,
                "domain": "[('name', '=like', 'MKR %')]",
                "date_field_id": Fields._get("res.partner", "create_date").id,
                "aggregate": "count",
                "user_field_id": Fields._get("res.partner", "user_id").id,
                "team_field_id": Fields._get("res.partner", "parent_id").id,
            }
        )
        cls.ratio = cls.env["okr.metric"].create(
            {
                "name": "Share of companies",
                "model_id": partner_model.id,
                "domain": "[('name', '=like', 'MKR none %')]",
                "aggregate": "ratio",
                "ratio_domain": "[('is_company', '=', True)]",
            }
        )
        cls.partners = cls.env["res.partner"]
        cls.add_partners(ann=3, bob=1, ann_future=2)

    @classmethod
    def add_partners(cls, ann=0, bob=0, ann_future=0):
        """Partners dated in the period: past ones, and future ones for to_date."""
        vals = (
            [(cls.ann, cls.team, False)] * ann
            + [(cls.bob, cls.env["res.partner"], False)] * bob
            + [(cls.ann, cls.env["res.partner"], True)] * ann_future
        )
        for owner, team, future in vals:
            partner = cls.env["res.partner"].create(
                {
                    "name": f"MKR {len(cls.partners)}",
                    "user_id": owner.id,
                    "parent_id": team.id,
                }
            )
            cls.env.flush_all()
            cls.env.cr.execute(
                "UPDATE res_partner SET create_date = %s WHERE id = %s",
                (TODAY + (10 if future else -10) * DAY, partner.id),
            )
            cls.partners |= partner
        cls.env.invalidate_all()

    def key_result_vals(self):
        return {
            "name": "Partners",
            "objective_id": self.objective.id,
            "user_id": self.ann.id,
            "start_value": 0,
            "target_value": 10,
            "source": "metric",
            "metric_id": self.metric.id,
            "metric_scope": "owner",
            "metric_window": "period",
        }

    def key_result(self, **kw):
        return self.env["okr.key.result"].create({**self.key_result_vals(), **kw})

    def history(self, key_result):
        return key_result.check_in_ids.filtered(lambda c: c.origin == "metric")

    def error_activities(self, key_result):
        return key_result.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("okr_management.mail_activity_type_metric_error")
        )

    # -- refresh: value, history point, chatter ---------------------------------
    def test_refresh_on_save_history_and_chatter(self):
        key_result = self.key_result()
        # refreshed at save: ann's partners of the whole period
        self.assertEqual(key_result.current_value, 5.0)
        self.assertTrue(key_result.metric_last_refresh)
        self.assertEqual(self.history(key_result).value, 5.0)
        self.assertIn(
            "New partners",
            " ".join(key_result.message_ids.mapped("body")),
            "the chatter names the metric that moved the value",
        )
        self.add_partners(ann=1)
        # the next day: a new history point (one per day)
        with freeze_time(TODAY + DAY):
            key_result.action_refresh_metric()
            self.assertEqual(key_result.current_value, 6.0)
            self.assertEqual(
                sorted(self.history(key_result).mapped("value")), [5.0, 6.0]
            )
            # nothing moved: no new point
            key_result.action_refresh_metric()
            self.assertEqual(len(self.history(key_result)), 2)

    def test_scopes_and_windows(self):
        company = self.key_result(metric_scope="company")
        to_date = self.key_result(metric_window="to_date")
        bob = self.key_result(user_id=self.bob.id)
        team = self.key_result(
            metric_scope="team", metric_team_ref=f"res.partner,{self.team.id}"
        )
        self.assertEqual(company.current_value, 6.0)
        self.assertEqual(to_date.current_value, 3.0, "future records are excluded")
        self.assertEqual(bob.current_value, 1.0)
        self.assertEqual(team.current_value, 3.0)
        # a refresh reads the requests of all in one query: the same requests
        key_results = company | to_date | bob | team
        for today in (TODAY, self.objective.period_id.date_end + DAY):
            self.assertEqual(
                key_results._metric_requests(today),
                [kr._metric_request(today) for kr in key_results],
            )

    def test_drilldown_lists_the_records_behind_the_value(self):
        for vals in (
            {},
            {"metric_window": "to_date"},
            {"metric_scope": "team", "metric_team_ref": f"res.partner,{self.team.id}"},
        ):
            key_result = self.key_result(**vals)
            action = key_result.action_open_metric_records()
            self.assertEqual(action["res_model"], "res.partner")
            records = self.env["res.partner"].search(Domain(action["domain"]))
            self.assertEqual(len(records), key_result.current_value, vals)
            self.assertLessEqual(records, self.partners)

    # -- failures ----------------------------------------------------------------
    def test_failure_keeps_value_and_warns_owner_once(self):
        key_result = self.key_result()
        self.assertEqual(key_result.current_value, 5.0)
        # an uninstall-like breakage the constraints could not prevent
        self.env.cr.execute(
            "UPDATE okr_metric SET domain = %s WHERE id = %s",
            ("[('x_removed_field', '=', 1)]", self.metric.id),
        )
        self.env.invalidate_all()
        key_result.action_refresh_metric()
        key_result.action_refresh_metric()
        self.assertEqual(key_result.current_value, 5.0)
        self.assertIn("domain", key_result.metric_error)
        activity = self.error_activities(key_result)
        self.assertEqual(len(activity), 1, "one activity, not one per refresh")
        self.assertEqual(activity.user_id, self.ann)
        # repaired: the error and its activity go away
        self.env.cr.execute(
            "UPDATE okr_metric SET domain = %s WHERE id = %s",
            ("[('name', '=like', 'MKR %')]", self.metric.id),
        )
        self.env.invalidate_all()
        key_result.action_refresh_metric()
        self.assertFalse(key_result.metric_error)
        self.assertFalse(self.error_activities(key_result))

    def test_zero_denominator_gives_no_value(self):
        key_result = self.key_result(
            metric_id=self.ratio.id,
            metric_scope="company",
            current_value=40.0,
            start_value=0,
            target_value=100,
        )
        self.assertEqual(key_result.current_value, 40.0, "never 0")
        self.assertIn("Division by zero", key_result.metric_error)
        self.assertFalse(self.history(key_result))

    def test_cron_isolates_a_broken_metric(self):
        good = self.key_result()
        broken_metric = self.metric.copy({"name": "Broken"})
        broken = self.key_result(metric_id=broken_metric.id, user_id=self.bob.id)
        kpi = self.env["okr.kpi"].create(
            {
                "name": "Partners KPI",
                "metric_id": self.metric.id,
                "user_id": self.ann.id,
                "target_value": 20,
                "objective_ids": [(6, 0, self.objective.ids)],
            }
        )
        # measured up to today: the future records are not in yet
        self.assertEqual(kpi.current_value, 4.0)
        self.env.cr.execute(
            "UPDATE okr_metric SET domain = 'not a domain' WHERE id = %s",
            (broken_metric.id,),
        )
        self.env.invalidate_all()
        self.add_partners(ann=2, bob=1)
        with patch.object(IrCron, "_commit_progress", return_value=3600.0) as commit:
            self.env["okr.key.result"]._cron_refresh_metrics()
        self.assertTrue(commit.called, "the cron commits its progress in batches")
        self.assertEqual(good.current_value, 7.0)
        self.assertFalse(good.metric_error)
        self.assertEqual(broken.current_value, 1.0, "kept its last good value")
        self.assertTrue(broken.metric_error)
        self.assertEqual(len(self.error_activities(broken)), 1)
        self.assertEqual((kpi.current_value, kpi.previous_value), (7.0, 4.0))
        self.assertEqual(kpi.trend, "up")

    def test_cron_computes_its_run_in_one_engine_run(self):
        """Batches of one key result each: the metric's grouped query runs once
        for the whole run, not once per batch. A value computed for a request
        that changed since is computed again."""
        KeyResult = self.env["okr.key.result"].with_context(okr_metric_no_refresh=True)
        key_results = KeyResult.create(
            [
                {**self.key_result_vals(), "name": "Ann 1"},
                {**self.key_result_vals(), "name": "Ann 2"},
                {**self.key_result_vals(), "name": "Bob", "user_id": self.bob.id},
            ]
        )
        plans = []
        original = metric_execution._run_plan

        def spy(env, plan):
            plans.append({request.key for request in plan.requests})
            return original(env, plan)

        with (
            patch.object(metric_execution, "_run_plan", spy),
            patch.object(IrCron, "_commit_progress", return_value=3600.0),
        ):
            self.env["okr.key.result"]._cron_refresh_metrics(batch_size=1)
        self.assertEqual(
            [keys for keys in plans if keys & set(key_results.ids)],
            [set(key_results.ids)],
            "one plan for the three, whatever the batches",
        )
        self.assertEqual(key_results.mapped("current_value"), [5.0, 5.0, 1.0])
        # a computed value is used only for the same request and definition
        ann, ann_too = key_results[:2]
        computed = (ann | ann_too)._metric_values(TODAY)
        for key_result in (ann, ann_too):
            definition, request, _value = computed[key_result.id]
            computed[key_result.id] = (definition, request, 9.0)
        ann.metric_window = "to_date"
        (ann | ann_too)._refresh_metric(computed)
        self.assertEqual(ann.current_value, 3.0, "its request changed: computed")
        self.assertEqual(ann_too.current_value, 9.0, "the same request: reused")

    def test_cron_out_of_time_resumes_with_the_stalest(self):
        """A run out of time after its first batch still refreshes the KPIs; the
        next run starts with the key results the first one did not reach."""
        KeyResult = self.env["okr.key.result"].with_context(okr_metric_no_refresh=True)
        first_owner = KeyResult.create(
            [{**self.key_result_vals(), "name": f"Ann {i}"} for i in range(3)]
        )
        second_owner = KeyResult.create(
            [
                {**self.key_result_vals(), "name": f"Bob {i}", "user_id": self.bob.id}
                for i in range(2)
            ]
        )
        kpi = self.env["okr.kpi"].create(
            {
                "name": "Partners KPI",
                "metric_id": self.metric.id,
                "user_id": self.ann.id,
                "target_value": 20,
            }
        )
        self.assertEqual(kpi.current_value, 4.0)
        self.add_partners(ann=1, bob=1)
        batches, progress = [], []
        original = type(KeyResult)._refresh_metric_isolated

        def spy(key_results, computed=None):
            batches.append(key_results)
            return original(key_results, computed)

        def budget_spent_by_first_batch(processed=0, remaining=None):
            progress.append((processed, remaining))
            return 0.0 if processed else 3600.0

        def run(day):
            batches.clear()
            progress.clear()
            with (
                freeze_time(day),
                patch.object(type(KeyResult), "_refresh_metric_isolated", spy),
                patch.object(
                    IrCron,
                    "_commit_progress",
                    side_effect=budget_spent_by_first_batch,
                ),
            ):
                self.env["okr.key.result"]._cron_refresh_metrics(batch_size=3)
            self.env.invalidate_all()

        our_key_results = first_owner | second_owner
        run(datetime.datetime.combine(TODAY, datetime.time(9)))
        # one batch (whole owners, the never refreshed first), then out of time
        self.assertEqual(len(batches), 1)
        self.assertEqual(batches[0] & our_key_results, first_owner)
        self.assertEqual(first_owner.mapped("current_value"), [6.0] * 3)
        self.assertEqual(second_owner.mapped("current_value"), [0.0] * 2)
        self.assertFalse(any(second_owner.mapped("metric_last_refresh")))
        # the KPIs did not wait for the key results left over
        self.assertEqual(kpi.current_value, 6.0)
        # left to the next run: what the first batch did not cover
        self.assertEqual(progress[-1][1], progress[0][1] - len(batches[0]))

        run(datetime.datetime.combine(TODAY, datetime.time(10)))
        self.assertEqual(len(batches), 1)
        self.assertEqual(batches[0] & our_key_results, second_owner)
        self.assertEqual(second_owner.mapped("current_value"), [2.0] * 2)

    # -- rights --------------------------------------------------------------------
    def test_owner_cannot_see_other_company_records(self):
        company_b = self.env["res.company"].create({"name": "MKR B"})
        self.env["res.partner"].create(
            {"name": "MKR b", "user_id": self.ann.id, "company_id": company_b.id}
        )
        key_result = self.key_result()
        self.assertEqual(key_result.current_value, 5.0)
        self.ann.company_ids |= company_b
        key_result.action_refresh_metric()
        self.assertEqual(
            key_result.current_value, 5.0, "the key result's company bounds it too"
        )

    # -- cost ------------------------------------------------------------------------
    def test_query_count_follows_metrics_not_key_results(self):
        users = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                [
                    {
                        "name": f"mkr_owner_{i}",
                        "login": f"mkr_owner_{i}",
                        "group_ids": [(6, 0, self.ann.group_ids.ids)],
                    }
                    for i in range(10)
                ]
            )
        )
        second = self.metric.copy({"name": "New partners (2)"})
        KeyResult = self.env["okr.key.result"].with_context(okr_metric_no_refresh=True)

        def make(count):
            return KeyResult.create(
                [
                    {
                        "name": f"KR {i}",
                        "objective_id": self.objective.id,
                        "user_id": users[i % 10].id,
                        "start_value": 0,
                        "target_value": 10,
                        "source": "metric",
                        "metric_id": (self.metric if i % 2 else second).id,
                        "metric_scope": "owner" if i % 3 else "company",
                    }
                    for i in range(count)
                ]
            )

        few, many = make(20), make(200)
        # first refresh: every value moves, history points and chatter lines
        (few | many)._refresh_metric()
        self.add_partners(ann=1)
        self.env["res.partner"].create(
            [{"name": f"MKR moving {u.id}", "user_id": u.id} for u in users]
        )

        def refresh_queries(key_results):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            key_results._refresh_metric()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        # every value moves: history points, chatter lines and values are
        # written in batches; only Odoo's own split of INSERT/UPDATE statements
        # by 100 rows (check-ins, messages, key results) grows with the count
        moving_few = refresh_queries(few)
        moving_many = refresh_queries(many)
        self.assertLessEqual(moving_many, moving_few + 4)
        # nothing moves: the grouped query of each metric and one UPDATE
        # (10 times the key results: at most Odoo's batch splits more)
        steady_few = refresh_queries(few)
        steady_many = refresh_queries(many)
        self.assertLessEqual(steady_many, steady_few + 2)

    # -- settings ----------------------------------------------------------------
    def test_refresh_interval_setting(self):
        cron = self.env.ref("okr_management.ir_cron_okr_metric_refresh")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "hours"))
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.okr_metric_refresh_interval, 1)
        settings.okr_metric_refresh_interval = 3
        settings.save().execute()
        self.assertEqual((cron.interval_number, cron.interval_type), (3, "hours"))
