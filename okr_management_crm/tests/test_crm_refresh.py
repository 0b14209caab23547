# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.okr_management.engine.metric import execution as metric_execution

from .common import OkrCrmCase


@tagged("post_install", "-at_install")
class TestCrmRefresh(OkrCrmCase):
    """Winning or losing an opportunity moves the key results measuring it, in the
    same transaction, without waiting for the scheduled refresh."""

    def _check_ins(self, key_result):
        return key_result.check_in_ids.filtered(lambda c: c.origin == "metric")

    def test_won_and_lost_refresh_now(self):
        key_result = self._key_result(self.metric_conversion, "owner", owner=self.ann)
        # nothing closed yet: no value (a zero denominator is not 0 %)
        self.assertTrue(key_result.metric_error)
        first = self._lead("First", self.ann, self.team_north, 1000)
        second = self._lead("Second", self.ann, self.team_north, 1000)

        first.with_user(self.ann).action_set_won()
        self.assertEqual(key_result.current_value, 100.0)
        self.assertFalse(key_result.metric_error)

        second.with_user(self.ann).action_set_lost(lost_reason_id=self.lost_reason.id)
        self.assertEqual(key_result.current_value, 50.0)
        # one history point per day naming the metric: the second move of the
        # day updates it, from the day's first value to its latest
        self.assertEqual(
            self._check_ins(key_result).mapped(lambda c: (c.previous_value, c.value)),
            [(0.0, 50.0)],
        )
        self.assertIn(
            self.metric_conversion.name, self._check_ins(key_result)[:1].progress_note
        )

        # restoring the lost opportunity takes it out again
        second.with_user(self.ann).action_unarchive()
        self.assertEqual(key_result.current_value, 100.0)

    def test_team_company_and_revenue_move_together(self):
        team = self._key_result(self.metric_won_revenue, "team", team=self.team_south)
        company = self._key_result(self.metric_won_revenue, "company")
        lead = self._lead("Deal", self.bob, self.team_south, 2500)
        lead.with_user(self.bob).action_set_won()
        self.assertEqual(team.current_value, 2500.0)
        self.assertEqual(company.current_value, 2500.0)

    def test_only_the_key_results_it_can_change(self):
        """Other owners, other teams, closed objectives and periods that do not
        hold the closing date are left to the scheduled refresh."""
        ann = self._key_result(self.metric_won_revenue, "owner", owner=self.ann)
        bob = self._key_result(self.metric_won_revenue, "owner", owner=self.bob)
        north = self._key_result(self.metric_won_revenue, "team", team=self.team_north)
        past_period = self.env["okr.period"].create(
            {
                "name": "Past",
                "period_type": "custom",
                "date_start": self.period.date_start - datetime.timedelta(days=200),
                "date_end": self.period.date_start - datetime.timedelta(days=100),
                "company_id": self.company.id,
            }
        )
        past = self.env["okr.key.result"].create(
            {
                "name": "Past revenue",
                "objective_id": self.env["okr.objective"]
                .create(
                    {
                        "name": "Past",
                        "period_id": past_period.id,
                        "team_id": self.okr_team.id,
                    }
                )
                .id,
                "user_id": self.ann.id,
                "start_value": 0,
                "target_value": 10,
                "source": "metric",
                "metric_id": self.metric_won_revenue.id,
                "metric_scope": "company",
            }
        )
        untouched = bob | north | past
        before = {kr: kr.metric_last_refresh for kr in untouched}
        lead = self._lead("Deal", self.ann, self.team_south, 900)
        affected = lead._okr_refresh_key_results()
        self.assertNotIn(ann, affected)  # not closed yet: nothing dated
        lead.action_set_won()
        self.assertEqual(ann.current_value, 900.0)
        for key_result in untouched:
            self.assertEqual(key_result.metric_last_refresh, before[key_result])
        self.assertEqual(bob.current_value, 0.0)

    def test_one_grouped_query_per_metric(self):
        """The refresh costs one plan per metric (two queries for a ratio), for
        2 key results as for 20."""
        plans = []
        original = metric_execution._run_plan

        def spy(env, plan):
            plans.append((plan.definition.key, len(plan.requests)))
            return original(env, plan)

        def won_plans(count):
            plans.clear()
            lead = self._lead("Deal", self.ann, self.team_north, 100)
            with patch.object(metric_execution, "_run_plan", spy):
                lead.action_set_won()
            return sorted(plans)

        scopes = [
            ("company", None),
            ("team", self.team_north),
            ("team", self.team_south),
        ]
        for metric in (self.metric_conversion, self.metric_won_revenue):
            self._key_result(metric, "company")
        few = won_plans(2)
        self.assertEqual(
            [key for key, _count in few],
            sorted([self.metric_conversion.id, self.metric_won_revenue.id]),
        )
        for index in range(9):
            for metric in (self.metric_conversion, self.metric_won_revenue):
                scope, team = scopes[index % 3]
                self._key_result(metric, scope, team=team)
        many = won_plans(20)
        self.assertEqual([key for key, _count in many], [key for key, _c in few])
        # South's key results are not refreshed by a North deal
        self.assertEqual(sum(count for _key, count in many), 2 + 2 * 6)

    def test_broken_metric_never_blocks_a_sale(self):
        broken = self.env["okr.metric"].create(
            {
                "name": "Broken",
                "model_id": self.env["ir.model"]._get_id("crm.lead"),
                "domain": "[('probability', '>', 0)]",
                "aggregate": "count",
                "date_field_id": self.metric_conversion.date_field_id.id,
            }
        )
        key_result = self._key_result(broken, "company")
        good = self._key_result(self.metric_won_revenue, "company")
        # a field removed since (e.g. by an uninstall): the domain no longer parses
        self.env.cr.execute(
            "UPDATE okr_metric SET domain = %s WHERE id = %s",
            ("[('no_such_field', '=', 1)]", broken.id),
        )
        broken.invalidate_recordset(["domain"])
        lead = self._lead("Deal", self.ann, self.team_north, 300)
        lead.action_set_won()
        self.assertEqual(lead.won_status, "won")
        self.assertTrue(key_result.metric_error)
        self.assertEqual(good.current_value, 300.0)
