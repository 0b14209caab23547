# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import date, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.misc import formatLang

# the weekly check-in in the web client (the path of its action): activity
# notes link to it
WEEKLY_CHECK_IN_URL = "/odoo/weekly-check-in"


class OkrKeyResult(models.Model):
    """The weekly check-in reminders, and the values as people read them."""

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    def _okr_format_value(self, value):
        """``value`` in this key result's unit, in the user's language (6,5 h)."""
        self.ensure_one()
        if self.unit == "currency" and self.currency_id:
            return formatLang(self.env, value or 0.0, currency_obj=self.currency_id)
        value = value or 0.0
        # as many decimals as the value has, up to two: 7.9, not 7.90
        digits = next(d for d in (0, 1, 2) if round(value, d) == round(value, 2))
        number = formatLang(self.env, value, digits=digits)
        suffix = {
            "percent": " %",
            "hours": self.env._(" h"),
            "days": self.env._(" d"),
        }.get(self.unit, "")
        return number + suffix

    def _okr_owner(self):
        """Who checks in: the key result's owner, else the objective's."""
        self.ensure_one()
        return self.user_id or self.objective_id.user_id

    @api.model
    def _cron_okr_check_in_reminder(self):
        """Daily: on each company's check-in weekday, remind the late owners."""
        activities = self._okr_remind_check_ins(fields.Date.context_today(self))
        self.env["ir.cron"]._commit_progress(len(activities), remaining=0)

    @api.model
    def _okr_remind_check_ins(self, today):
        """Schedule one "Check-in" activity per owner with a key result left
        without a check-in for a week, in the companies whose check-in weekday
        is ``today``. An owner who still has an open one gets no second one.
        Return the new activities."""
        activity_model = self.env["mail.activity"].sudo()
        activity_type = self.env.ref(
            "okr_management.mail_activity_type_okr_check_in", raise_if_not_found=False
        )
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("okr_check_in_weekday", "=", str(today.weekday()))])
        )
        if not activity_type or not companies:
            return activity_model
        key_results = self.sudo().search(
            Domain("company_id", "in", companies.ids)
            & Domain("state", "=", "active")
            & Domain("period_id.date_start", "<=", today)
            & Domain("period_id.date_end", ">=", today)
        )
        # The last check-in of each key result, in one query; the values a
        # metric records are not the owner checking in.
        last_check_in = dict(
            self.env["okr.check.in"]
            .sudo()
            ._read_group(
                Domain("key_result_id", "in", key_results.ids)
                & Domain("origin", "=", "manual"),
                ["key_result_id"],
                ["date:max"],
            )
        )
        week_ago = today - timedelta(days=7)
        late = defaultdict(lambda: self.sudo().browse())
        for key_result in key_results:
            owner = key_result._okr_owner()
            last = last_check_in.get(key_result)
            if owner and not owner.share and (not last or last <= week_ago):
                late[owner] |= key_result
        reminded = {
            user.id
            for [user] in activity_model._read_group(
                [
                    ("activity_type_id", "=", activity_type.id),
                    ("user_id", "in", [user.id for user in late]),
                ],
                ["user_id"],
            )
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for owner, owner_key_results in late.items():
            if owner.id in reminded:
                continue
            # attached to the key result waiting longest, listing all of them
            waiting = owner_key_results.sorted(
                lambda kr: (last_check_in.get(kr) or date.min, kr.id)
            ).with_context(lang=owner.lang)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": waiting[0].id,
                    "activity_type_id": activity_type.id,
                    "user_id": owner.id,
                    "date_deadline": today,
                    "summary": waiting.env._("Weekly check-in"),
                    "note": waiting._okr_reminder_note(),
                    "automated": True,
                }
            )
        return activity_model.create(vals_list)

    def _okr_reminder_note(self):
        items = Markup("").join(
            Markup("<li>%s <i>(%s)</i></li>")
            % (key_result.name, key_result.objective_id.name)
            for key_result in self
        )
        return Markup(
            '<p>%(intro)s</p><ul>%(items)s</ul><p><a href="%(url)s">%(link)s</a></p>'
        ) % {
            "intro": self.env._("No check-in for a week on:"),
            "items": items,
            "url": WEEKLY_CHECK_IN_URL,
            "link": self.env._("Open the weekly check-in"),
        }
