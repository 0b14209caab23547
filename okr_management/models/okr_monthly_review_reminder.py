# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain


class OkrMonthlyReview(models.Model):
    """The monthly reminder: each team leader gets the month's draft review and
    one activity to prepare it."""

    _inherit = "okr.monthly.review"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_okr_monthly_review_reminder(self):
        """Monthly: the month's reviews and their leaders' activities."""
        activities = self._okr_remind_monthly_reviews(fields.Date.context_today(self))
        self.env["ir.cron"]._commit_progress(len(activities), remaining=0)

    @api.model
    def _okr_remind_monthly_reviews(self, today):
        """For each active team with a leader and active objectives (its own or
        its sub-teams') in a period running ``today``: create the month's draft
        review if missing and schedule one "Monthly review" activity for the
        leader, never twice for the same review. Return the new activities."""
        # The cron runs as superuser across companies; it only creates the
        # reviews and the leaders' activities the rules would let them create.
        month = today.replace(day=1)
        activity_model = self.env["mail.activity"].sudo()
        activity_type = self.env.ref(
            "okr_management.mail_activity_type_okr_monthly_review",
            raise_if_not_found=False,
        )
        if not activity_type:
            return activity_model
        objectives = (
            self.env["okr.objective"]
            .sudo()
            .search(
                Domain("state", "=", "active")
                & Domain("team_id", "!=", False)
                & Domain("period_id.date_start", "<=", today)
                & Domain("period_id.date_end", ">=", today)
            )
        )
        # a team's objectives count for the teams above it too
        team_ids = {
            int(team_id)
            for path in objectives.team_id.mapped("parent_path")
            for team_id in (path or "").split("/")
            if team_id
        }
        teams = (
            self.env["okr.team"]
            .sudo()
            .search(
                Domain("id", "in", list(team_ids))
                & Domain("leader_id", "!=", False)
                & Domain("leader_id.active", "=", True)
            )
        )
        if not teams:
            return activity_model
        reviews = self.sudo().search(
            Domain("team_id", "in", teams.ids) & Domain("month", "=", month)
        )
        missing = teams - reviews.team_id
        if missing:
            reviews |= self.sudo().create(
                [{"team_id": team.id, "month": month} for team in missing]
            )
        model_id = self.env["ir.model"]._get_id(self._name)
        # done activities are archived: they count, the review was prepared
        reminded = {
            res_id
            for [res_id] in activity_model.with_context(active_test=False)._read_group(
                Domain("res_model", "=", self._name)
                & Domain("res_id", "in", reviews.ids)
                & Domain("activity_type_id", "=", activity_type.id),
                ["res_id"],
            )
        }
        vals_list = []
        for review in reviews:
            if review.id in reminded:
                continue
            leader = review.team_id.leader_id
            review = review.with_context(lang=leader.lang)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": review.id,
                    "activity_type_id": activity_type.id,
                    "user_id": leader.id,
                    # held at the month's end
                    "date_deadline": month + relativedelta(day=31),
                    "summary": review.env._("Prepare the monthly review"),
                    "automated": True,
                }
            )
        return activity_model.create(vals_list)
