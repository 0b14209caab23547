# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models

from .okr_selections import CHECK_IN_ORIGIN_SELECTION


class OkrCheckIn(models.Model):
    _name = "okr.check.in"
    _description = "OKR Check-in"
    _order = "date desc, id desc"
    _rec_name = "key_result_id"
    _check_company_auto = True

    key_result_id = fields.Many2one(
        "okr.key.result",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    objective_id = fields.Many2one(
        related="key_result_id.objective_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="key_result_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(
        required=True, index=True, default=lambda self: fields.Date.context_today(self)
    )
    user_id = fields.Many2one(
        "res.users",
        string="By",
        required=True,
        default=lambda self: self.env.user,
    )
    value = fields.Float(string="New Value", aggregator="avg")
    previous_value = fields.Float(readonly=True)
    confidence = fields.Integer(
        default=lambda self: self._default_confidence(),
        help="How sure are you to reach the target, from 0 (not at all) to 10.",
    )
    progress_note = fields.Text(string="What Moved")
    blocker_note = fields.Text(string="What Is Blocked")
    attention_note = fields.Text(string="What Needs Attention")
    origin = fields.Selection(
        CHECK_IN_ORIGIN_SELECTION,
        required=True,
        default="manual",
    )
    progress = fields.Float(
        readonly=True,
        aggregator="avg",
        help="Progress of the key result after this check-in.",
    )
    unit = fields.Selection(related="key_result_id.unit")
    result_type = fields.Selection(related="key_result_id.result_type")

    _confidence_range = models.Constraint(
        "CHECK (confidence >= 0 AND confidence <= 10)",
        "The confidence must lie between 0 and 10.",
    )

    @api.depends("key_result_id", "date")
    def _compute_display_name(self):
        for check_in in self:
            check_in.display_name = (
                f"{check_in.key_result_id.name or ''} "
                f"({fields.Date.to_string(check_in.date) or ''})"
            )

    def _default_confidence(self):
        key_result = self.env["okr.key.result"].browse(
            self.env.context.get("default_key_result_id")
        )
        if key_result.exists() and key_result.check_in_count:
            return key_result.confidence
        return 5

    @api.model_create_multi
    def create(self, vals_list):
        check_ins = super().create(vals_list)
        # The state before this batch; then each check-in follows the previous
        # one of the same key result, in date order.
        key_results = check_ins.key_result_id
        last_value = {kr.id: kr.current_value for kr in key_results}
        # One grouped query for the whole batch, not one per key result.
        last_date = dict.fromkeys(key_results.ids, False)
        last_date.update(
            (key_result.id, date)
            for key_result, date in self._read_group(
                [
                    ("key_result_id", "in", key_results.ids),
                    ("id", "not in", check_ins.ids),
                ],
                ["key_result_id"],
                ["date:max"],
            )
        )
        given_previous = {
            check_in
            for check_in, vals in zip(check_ins, vals_list, strict=True)
            if "previous_value" in vals
        }
        by_key_result = defaultdict(list)
        for check_in in check_ins.sorted(lambda c: (c.date, c.id)):
            by_key_result[check_in.key_result_id].append(check_in)
        # what each check-in gets, written below in one write per distinct
        # values: a batch of a thousand check-ins is a few UPDATEs
        updates = defaultdict(dict)
        for key_result, records in by_key_result.items():
            new_value = None
            for check_in in records:
                if check_in not in given_previous:
                    updates[check_in]["previous_value"] = last_value[key_result.id]
                is_latest = (
                    not last_date[key_result.id]
                    or check_in.date >= last_date[key_result.id]
                )
                # A manual check-in drives a manual key result's value; a
                # back-dated one only adds history.
                if (
                    check_in.origin == "manual"
                    and key_result.source == "manual"
                    and is_latest
                ):
                    new_value = check_in.value
                    last_value[key_result.id] = check_in.value
                    last_date[key_result.id] = check_in.date
                # A key result whose value does not come from check-ins records
                # its own progress, not the one the typed value would give.
                updates[check_in]["progress"] = (
                    key_result.progress
                    if key_result.source == "initiatives"
                    else key_result._progress_for_value(check_in.value)[0]
                )
            if new_value is not None and new_value != key_result.current_value:
                key_result.current_value = new_value
        by_vals = defaultdict(list)
        for check_in, vals in updates.items():
            by_vals[tuple(sorted(vals.items()))].append(check_in.id)
        for vals, ids in by_vals.items():
            self.browse(ids).write(dict(vals))
        # okr_check_in_no_post: imports and demo data record history silently
        if not self.env.context.get("okr_check_in_no_post"):
            check_ins.filtered(lambda c: c.origin == "manual")._okr_post_summary()
        return check_ins

    def _okr_post_summary(self):
        """Tell the objective's followers: one message per objective and author,
        one line per key result (old → new value, confidence, the notes)."""
        subtype = self.env.ref(
            "okr_management.mt_objective_check_in", raise_if_not_found=False
        ) or self.env.ref("mail.mt_comment")
        groups = defaultdict(lambda: self.browse())
        for check_in in self.sorted(lambda c: (c.key_result_id.sequence, c.id)):
            groups[check_in.objective_id] |= check_in
        for objective, check_ins in groups.items():
            # Posted as superuser: a key result's owner may check in on an
            # objective they cannot edit (create checked their rights on the
            # key result). The author is who posts, never someone else.
            objective.sudo().message_post(
                body=check_ins._okr_summary_body(),
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_id=subtype.id,
            )

    def _okr_summary_body(self):
        lines = []
        for check_in in self:
            key_result = check_in.key_result_id
            parts = [
                Markup("<b>%s</b>: %s → %s")
                % (
                    key_result.name,
                    key_result._okr_format_value(check_in.previous_value),
                    key_result._okr_format_value(check_in.value),
                ),
                Markup("<br/>%s")
                % self.env._("Confidence: %(value)s/10", value=check_in.confidence),
            ]
            for label, note in (
                (self.env._("What moved?"), check_in.progress_note),
                (self.env._("What is blocked?"), check_in.blocker_note),
                (self.env._("What needs attention?"), check_in.attention_note),
            ):
                if note:
                    parts.append(Markup("<br/><i>%s</i> %s") % (label, note))
            lines.append(Markup("<li>%s</li>") % Markup("").join(parts))
        return Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("Check-in"),
            Markup("").join(lines),
        )
