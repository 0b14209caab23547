# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import freeze_time, tagged

from . import test_metric_key_result as base

TODAY = base.TODAY
DAY = base.DAY


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestMetricRefreshBatch(base.MetricKeyResultCase):
    """What a refresh writes: one history point per key result and day, chatter
    events only, the values and their stored computes in batches."""

    def bodies(self, key_result):
        return [
            body
            for body in key_result.message_ids.mapped("body")
            if "New partners" in body
        ]

    def drop_partner(self, owner):
        partner = self.partners.filtered(
            lambda p: p.user_id == owner and p.create_date.date() < TODAY
        )[:1]
        self.partners -= partner
        partner.unlink()

    # -- history -------------------------------------------------------------------
    def test_one_history_point_per_day(self):
        key_result = self.key_result()
        self.assertEqual(key_result.current_value, 5.0)
        point = self.history(key_result)
        self.assertEqual((point.previous_value, point.value), (0.0, 5.0))
        self.assertEqual(point.progress_note, "New partners", "the metric that set it")
        self.assertEqual(
            (point.objective_id, point.company_id),
            (key_result.objective_id, key_result.company_id),
        )
        # moved again the same day: that day's point follows, from the day's
        # first value to its latest
        self.add_partners(ann=1)
        key_result.action_refresh_metric()
        self.assertEqual(self.history(key_result), point)
        self.assertEqual(
            (point.date, point.previous_value, point.value, point.progress),
            (TODAY, 0.0, 6.0, 60.0),
        )
        self.add_partners(ann=1)
        key_result.action_refresh_metric()
        self.assertEqual((point.previous_value, point.value), (0.0, 7.0))
        # the next day: a new point, from the value the day before
        with freeze_time(TODAY + DAY):
            self.add_partners(ann=1)
            key_result.action_refresh_metric()
            history = self.history(key_result)
            self.assertEqual(len(history), 2)
            new_point = history - point
            self.assertEqual(
                (new_point.date, new_point.previous_value, new_point.value),
                (TODAY + DAY, 7.0, 8.0),
            )
            # nothing moved: no point and no write but the refresh time
            before = key_result.metric_last_refresh
            with freeze_time(datetime.datetime.combine(TODAY + DAY, datetime.time(5))):
                key_result.action_refresh_metric()
            self.assertEqual(self.history(key_result), history)
            self.assertGreater(key_result.metric_last_refresh, before)
        self.assertEqual(key_result.check_in_count, 2)

    # -- chatter: events, not every move ---------------------------------------------
    def test_chatter_logs_health_changes_not_moves(self):
        key_result = self.key_result()
        # 0 → 5 at save: off track → on track, a line naming the metric
        self.assertEqual(key_result.health, "on_track")
        self.assertEqual(len(self.bodies(key_result)), 1)
        self.assertIn("Off Track", self.bodies(key_result)[0])
        self.assertIn("On Track", self.bodies(key_result)[0])
        # 5 → 6: still on track, nothing in the chatter, the history has it
        self.add_partners(ann=1)
        key_result.action_refresh_metric()
        self.assertEqual(key_result.current_value, 6.0)
        self.assertEqual(len(self.bodies(key_result)), 1)
        # 6 → 4: under the pace, at risk: one line
        self.drop_partner(self.ann)
        self.drop_partner(self.ann)
        key_result.action_refresh_metric()
        self.assertEqual(key_result.current_value, 4.0)
        self.assertEqual(key_result.health, "at_risk")
        self.assertEqual(len(self.bodies(key_result)), 2)
        self.assertIn("At Risk", self.bodies(key_result)[0])

    def test_chatter_note_is_the_one_odoo_logs(self):
        """The refresh writes its notes in one INSERT: each is the note Odoo's
        own batch log would write, field for field."""
        key_result = self.key_result()
        [ours] = key_result.message_ids.filtered(lambda m: "New partners" in m.body)
        theirs = key_result._message_log_batch({key_result.id: ours.body})
        messages = self.env["mail.message"]
        names = [
            name
            for name, field in messages._fields.items()
            if field.store
            and field.column_type
            and name not in ("id", "create_date", "write_date", "date", "message_id")
        ]
        [our_values] = ours.read(names)
        [their_values] = theirs.read(names)
        our_values.pop("id"), their_values.pop("id")
        self.assertEqual(our_values, their_values)
        self.assertEqual(ours.date.date(), theirs.date.date())
        self.assertIn(ours, key_result.message_ids, "in the key result's chatter")

    def test_chatter_logs_error_once_and_recovery(self):
        key_result = self.key_result()
        logged = len(self.bodies(key_result))
        self.env.cr.execute(
            "UPDATE okr_metric SET domain = %s WHERE id = %s",
            ("[('x_removed_field', '=', 1)]", self.metric.id),
        )
        self.env.invalidate_all()
        key_result.action_refresh_metric()
        key_result.action_refresh_metric()
        self.assertTrue(key_result.metric_error)
        bodies = self.bodies(key_result)
        self.assertEqual(len(bodies), logged + 1, "the error once, not per refresh")
        self.assertIn("gives no value", bodies[0])
        self.env.cr.execute(
            "UPDATE okr_metric SET domain = %s WHERE id = %s",
            ("[('name', '=like', 'MKR %')]", self.metric.id),
        )
        self.env.invalidate_all()
        key_result.action_refresh_metric()
        self.assertFalse(key_result.metric_error)
        bodies = self.bodies(key_result)
        self.assertEqual(len(bodies), logged + 2)
        self.assertIn("gives values again", bodies[0])

    # -- stored computes over the batch ---------------------------------------------
    def test_batch_refresh_recomputes_progress_health_and_rollup(self):
        KeyResult = self.env["okr.key.result"].with_context(okr_metric_no_refresh=True)
        key_results = KeyResult.create(
            [
                {**self.key_result_vals(), "name": "Ann", "target_value": 5},
                {**self.key_result_vals(), "name": "Bob", "user_id": self.bob.id},
                {**self.key_result_vals(), "name": "All", "metric_scope": "company"},
            ]
        )
        self.assertEqual(self.objective.progress, 0.0)
        key_results._refresh_metric()
        self.assertEqual(key_results.mapped("current_value"), [5.0, 1.0, 6.0])
        self.assertEqual(key_results.mapped("progress"), [100.0, 10.0, 60.0])
        self.assertEqual(
            key_results.mapped("health"), ["on_track", "off_track", "on_track"]
        )
        self.assertEqual(key_results.mapped("evaluation_score"), [1.0, 0.1, 0.6])
        self.assertAlmostEqual(self.objective.progress, (100 + 10 + 60) / 3)
        self.assertEqual([len(self.history(kr)) for kr in key_results], [1, 1, 1])

    def test_batch_refresh_moves_the_shared_key_result(self):
        """Metric key results are computed in one batch; the shared key result
        they contribute to follows them in the same refresh."""
        KeyResult = self.env["okr.key.result"].with_context(okr_metric_no_refresh=True)
        shared = KeyResult.create(
            {
                "name": "Shared",
                "objective_id": self.objective.id,
                "source": "key_results",
            }
        )
        contributors = KeyResult.create(
            [
                {
                    **self.key_result_vals(),
                    "name": "Ann",
                    "target_value": 5,
                    "parent_key_result_id": shared.id,
                    "weight": 3,
                },
                {
                    **self.key_result_vals(),
                    "name": "Bob",
                    "user_id": self.bob.id,
                    "parent_key_result_id": shared.id,
                },
            ]
        )
        self.assertEqual(shared.progress, 0.0)
        contributors._refresh_metric()
        self.assertEqual(contributors.mapped("progress"), [100.0, 10.0])
        self.assertAlmostEqual(shared.progress, (3 * 100 + 10) / 4)
        # the objective weighs its key results too (Ann's weight is 3)
        self.assertAlmostEqual(
            self.objective.progress, (shared.progress + 3 * 100 + 10) / 5
        )

    # -- cost ------------------------------------------------------------------------
    def test_steady_refresh_writes_only_the_refresh_time(self):
        KeyResult = self.env["okr.key.result"].with_context(okr_metric_no_refresh=True)

        def make(count):
            return KeyResult.create(
                [{**self.key_result_vals(), "name": f"KR {i}"} for i in range(count)]
            )

        few, many = make(5), make(100)
        (few | many)._refresh_metric()

        def steady(key_results):
            self.env.flush_all()
            self.env.invalidate_all()
            messages = self.env["mail.message"].search_count([])
            points = self.env["okr.check.in"].search_count([])
            before = self.env.cr.sql_log_count
            key_results._refresh_metric()
            self.env.flush_all()
            count = self.env.cr.sql_log_count - before
            self.assertEqual(self.env["mail.message"].search_count([]), messages)
            self.assertEqual(self.env["okr.check.in"].search_count([]), points)
            return count

        with freeze_time(datetime.datetime.combine(TODAY, datetime.time(14))):
            self.assertEqual(steady(few), steady(many))
            self.assertEqual(
                set(many.mapped("metric_last_refresh")),
                {datetime.datetime.combine(TODAY, datetime.time(14))},
            )
