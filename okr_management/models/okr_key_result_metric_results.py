# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import fields, models
from odoo.tools import SQL, float_compare, float_repr
from odoo.tools.mail import generate_tracking_message_id

from ..engine import metric as metric_engine
from .okr_key_result_metric import METRIC_ERROR_ACTIVITY


class OkrKeyResult(models.Model):
    """Writing the results of a metric refresh, in batches whatever the count.

    - the values: one ``write`` per distinct value (with the refresh time, so
      a moved row is updated once), the progress of the batch in one call, so
      the stored computes (progress, health, score band, objective roll-up) run
      once over the whole batch; the refresh time of the others in one UPDATE;
    - the history: one metric point per key result and day, inserted in one
      statement; a value that moves again the same day updates that day's
      point (from the day's first value to its latest);
    - the chatter: events only, inserted in one statement: a health change, a
      metric error and its recovery. Plain value moves stay in the history.
    """

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    def _apply_metric_results(self, results):
        now = fields.Datetime.now()
        moved, failed = {}, {}
        for key_result in self:
            value = results.get(key_result.id)
            if isinstance(value, metric_engine.MetricError):
                failed[key_result] = value
            elif float_compare(value, key_result.current_value, precision_digits=6):
                moved[key_result] = value
        failed_ids = {kr.id for kr in failed}
        recovered = self.filtered(
            lambda kr: kr.metric_error and kr.id not in failed_ids
        )
        health_before = {kr.id: kr.health for kr in moved}
        if moved:
            # the refresh time goes with the new value, in the same UPDATE
            self._metric_record_moves(moved, now)
        done_ids = failed_ids | {kr.id for kr in moved}
        unmoved = self.filtered(lambda kr: kr.id not in done_ids)
        if unmoved:
            unmoved._metric_stamp_refresh(now)
        if recovered:
            self._metric_recovered(recovered)
        if failed:
            self._metric_failed(failed)
        if moved:
            self._metric_log_health_changes(moved, health_before)

    def _metric_stamp_refresh(self, now):
        """The refresh time of key results whose value did not move, in one
        UPDATE whatever their count.

        Nothing depends on it (no compute, no tracking, no rule): the ORM would
        only spend a ``write`` and its UPDATE chunks on it. The values pending
        in the cache are flushed first and the column invalidated after.
        """
        self.flush_recordset(["metric_last_refresh"])
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET metric_last_refresh = %s WHERE id IN %s",
                SQL.identifier(self._table),
                now,
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["metric_last_refresh"])

    def _metric_record_moves(self, moved, now):
        """New values ``{key_result: value}``: today's history point of each
        (created or updated) and the values with the refresh time ``now``,
        each in a few batched statements."""
        key_results = self.browse(kr.id for kr in moved)
        today = fields.Date.context_today(self)
        check_in_model = self.env["okr.check.in"]
        todays = {
            check_in.key_result_id.id: check_in
            for check_in in check_in_model.search_fetch(
                [
                    ("key_result_id", "in", key_results.ids),
                    ("origin", "=", "metric"),
                    ("date", "=", today),
                ],
                ["key_result_id"],
                order="id",
            )
        }
        # what a new point keeps of the key result before the move
        before = {
            key_result.id: (
                key_result.current_value,
                key_result.confidence if key_result.check_in_count else 5,
            )
            for key_result in moved
        }
        by_value = defaultdict(list)
        for key_result, value in moved.items():
            by_value[value].append(key_result.id)
        for value, ids in by_value.items():
            # the history names the metric; the field tracking would only
            # repeat the numbers
            self.browse(ids).with_context(mail_notrack=True).write(
                {"current_value": value, "metric_last_refresh": now}
            )
        # the progress at the new values, once: the points take it too
        key_results._compute_pending_progress()
        # a point of today moves with the value: one write per distinct value
        to_update = defaultdict(list)
        to_create = []
        for key_result, value in moved.items():
            check_in = todays.get(key_result.id)
            if check_in:
                to_update[(value, key_result.progress)].append(check_in.id)
            else:
                previous, confidence = before[key_result.id]
                to_create.append(
                    (
                        key_result.id,
                        value,
                        previous,
                        confidence,
                        key_result.progress,
                        # the audit trail: the metric that set the value
                        key_result.metric_id.name,
                    )
                )
        for (value, progress), ids in to_update.items():
            check_in_model.browse(ids).write({"value": value, "progress": progress})
        if to_create:
            self._metric_insert_points(to_create)

    def _metric_insert_points(self, rows):
        """Today's new history points ``[(key_result_id, value, previous_value,
        confidence, progress, metric name)]`` in one INSERT.

        What ``okr.check.in``'s create would do for a metric point, without its
        cost per row (defaults, precomputes, company checks): the objective and
        company come from the key result as its related fields would, the
        progress is the key result's at that value, and the ORM is told what
        was created so the check-in summary, health and roll-ups recompute.
        The refresh runs as superuser after the caller's access check.
        """
        self.flush_model(["objective_id", "company_id"])
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        uid = self.env.uid
        columns = list(zip(*rows, strict=True))
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO okr_check_in (
                    key_result_id, objective_id, company_id, date, user_id,
                    value, previous_value, confidence, progress, progress_note,
                    origin, create_uid, create_date, write_uid, write_date)
                SELECT kr.id, kr.objective_id, kr.company_id, %(today)s, %(uid)s,
                       v.value, v.previous_value, v.confidence, v.progress, v.note,
                       'metric', %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(ids)s::int[], %(values)s::float8[],
                              %(previous)s::float8[], %(confidence)s::int[],
                              %(progress)s::float8[], %(notes)s::text[])
                       AS v(kr_id, value, previous_value, confidence, progress, note)
                  JOIN okr_key_result kr ON kr.id = v.kr_id
             RETURNING id
                """,
                today=today,
                uid=uid,
                now=now,
                ids=list(columns[0]),
                values=list(columns[1]),
                previous=list(columns[2]),
                confidence=list(columns[3]),
                progress=list(columns[4]),
                notes=list(columns[5]),
            )
        )
        check_ins = self.env["okr.check.in"].browse(
            row[0] for row in self.env.cr.fetchall()
        )
        # keep the ORM right: the key results' lists of check-ins, and what
        # depends on them (count, last date, confidence, health, roll-ups)
        self.browse(columns[0]).invalidate_recordset(["check_in_ids"])
        check_ins.modified(check_ins._fields, create=True)
        # their objective and company, related fields the INSERT filled from
        # the same key result: not to compute (and UPDATE) again
        for fname in ("objective_id", "company_id"):
            self.env.remove_to_compute(check_ins._fields[fname], check_ins)
        return check_ins

    def _metric_log_health_changes(self, moved, health_before):
        """One chatter line per key result whose traffic light changed."""
        labels = dict(self._fields["health"]._description_selection(self.env))
        bodies = {}
        for key_result, value in moved.items():
            old, new = health_before.get(key_result.id), key_result.health
            if not old or old == new:
                continue
            bodies[key_result.id] = Markup(
                self.env._(
                    "Health: %(old)s → %(new)s, the metric <b>%(metric)s</b> "
                    "moved the value to %(value)s"
                )
            ) % {
                "old": labels.get(old, old),
                "new": labels.get(new, new),
                "metric": key_result.metric_id.name,
                "value": float_repr(value, 2),
            }
        if bodies:
            self._metric_log_notes(bodies)

    def _metric_log_notes(self, bodies):
        """Log ``{key_result_id: Markup body}`` in the chatter in one INSERT.

        The same notes as ``_message_log_batch`` (internal notes by the current
        user, no notification), without the cost per message of
        ``mail.message``'s create (defaults, sanitising our own markup, cache
        inverses): 1.5 ms each, 15 s for 10,000 key results whose light changed.
        When an installed module gives ``mail.message`` a stored field with a
        default or a compute we would not fill, the ORM logs them instead.
        """
        values = self._metric_note_values()
        if values is None:
            return self.browse(bodies)._message_log_batch(bodies)
        ids = list(bodies)
        columns = list(values)
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_message (%(columns)s, res_id, body)
                SELECT %(values)s, v.res_id, v.body
                  FROM unnest(%(ids)s::int[], %(bodies)s::text[]) AS v(res_id, body)
             RETURNING id
                """,
                columns=SQL(", ").join(SQL.identifier(name) for name in columns),
                values=SQL(", ").join(SQL("%s", values[name]) for name in columns),
                ids=ids,
                # the paragraph html_sanitize would add to a text line
                bodies=[str(Markup("<p>%s</p>") % bodies[kr_id]) for kr_id in ids],
            )
        )
        messages = self.env["mail.message"].browse(
            row[0] for row in self.env.cr.fetchall()
        )
        # keep the ORM right: what mail.message's create invalidates on the
        # documents (their chatter lists), and anything stored on messages
        res_id = messages._fields["res_id"]
        self.browse(ids).invalidate_recordset(
            [
                "message_ids",
                "message_needaction",
                "message_needaction_counter",
                *(
                    field.name
                    for field in self.pool.field_inverses[res_id]
                    if field.model_name == self._name
                ),
            ]
        )
        messages.modified(messages._fields, create=True)
        return messages

    def _metric_note_values(self):
        """The columns of a logged note, as ``_message_log_batch`` sets them;
        None when ``mail.message`` has a stored default or compute beyond them."""
        author_id, email_from = self._message_compute_author()
        now = fields.Datetime.now()
        uid = self.env.uid
        values = {
            "author_id": author_id,
            "email_from": email_from,
            "model": self._name,
            "message_type": "notification",
            "is_internal": True,
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "email_add_signature": False,
            "message_id": generate_tracking_message_id("message-notify"),
            "reply_to": self.env["mail.thread"]._notify_get_reply_to(
                default=email_from, author_id=author_id
            )[False],
            "date": now,
            "create_uid": uid,
            "create_date": now,
            "write_uid": uid,
            "write_date": now,
        }
        filled = {*values, "id", "res_id", "body"}
        for name, field in self.env["mail.message"]._fields.items():
            if (
                field.store
                and field.column_type
                and name not in filled
                and (field.default or field.compute)
            ):
                return None
        return values

    def _metric_recovered(self, recovered):
        """The metric gives values again: clear the error, close its activity
        and say so in the chatter."""
        recovered.write({"metric_error": False})
        recovered.activity_unlink([METRIC_ERROR_ACTIVITY])
        bodies = {
            key_result.id: Markup(
                self.env._("The metric <b>%(metric)s</b> gives values again.")
            )
            % {"metric": key_result.metric_id.name}
            for key_result in recovered
        }
        self._metric_log_notes(bodies)

    def _metric_failed(self, failed):
        """Keep the value, show the error, warn each owner once: one activity
        per broken key result not warned yet, created in one batch; a new error
        is logged in the chatter once, not at every refresh."""
        activity_type = self.env.ref(METRIC_ERROR_ACTIVITY, raise_if_not_found=False)
        warned = set()
        if activity_type:
            warned = {
                res_id
                for [res_id] in self.env["mail.activity"]._read_group(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", [kr.id for kr in failed]),
                        ("activity_type_id", "=", activity_type.id),
                    ],
                    ["res_id"],
                )
            }
        to_warn = []
        by_message = defaultdict(list)
        for key_result, error in failed.items():
            message = key_result.metric_id._error_message(error)
            if key_result.metric_error != message:
                by_message[message].append(key_result.id)
            # "no record yet" is not a broken source: no activity for it
            if (
                activity_type
                and not error.is_missing_data
                and key_result.id not in warned
                and key_result.user_id
            ):
                to_warn.append((key_result, message))
        bodies = {}
        for message, ids in by_message.items():
            self.browse(ids).write({"metric_error": message})
            for key_result in self.browse(ids):
                bodies[key_result.id] = Markup(
                    self.env._("The metric <b>%(metric)s</b> gives no value: %(error)s")
                ) % {"metric": key_result.metric_id.name, "error": message}
        if bodies:
            self._metric_log_notes(bodies)
        if to_warn and not self.env.context.get("mail_activity_automation_skip"):
            model_id = self.env["ir.model"]._get_id(self._name)
            today = fields.Date.context_today(self)
            self.env["mail.activity"].create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": key_result.id,
                        "activity_type_id": activity_type.id,
                        "summary": activity_type.summary,
                        "note": message,
                        "user_id": key_result.user_id.id,
                        "date_deadline": today,
                        "automated": True,
                    }
                    for key_result, message in to_warn
                ]
            )
