# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# the fields whose change moves the decision's activity
ACTIVITY_FIELDS = {"name", "kind", "user_id", "date_deadline", "key_result_id"}


class OkrMonthlyReviewDecision(models.Model):
    """A decision or corrective action of a monthly review: an owner and a date
    make it an activity (To-Do) for the owner, on the key result it is about or
    else on the review. One activity per decision, moved when the owner or the
    date change, marked done with the decision."""

    _name = "okr.monthly.review.decision"
    _description = "OKR Monthly Review Decision"
    _order = "review_id, sequence, id"
    _check_company_auto = True

    review_id = fields.Many2one(
        "okr.monthly.review",
        string="Monthly Review",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="review_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Decision", required=True)
    kind = fields.Selection(
        [("decision", "Decision"), ("corrective", "Corrective Action")],
        default="decision",
        required=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    date_deadline = fields.Date(string="Deadline")
    key_result_id = fields.Many2one(
        "okr.key.result",
        check_company=True,
        help="The key result the decision is about: its activity goes there.",
    )
    done = fields.Boolean()
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

    @api.constrains("key_result_id", "review_id")
    def _check_key_result_in_review(self):
        for decision in self.filtered("key_result_id"):
            if decision.key_result_id not in decision.review_id.key_result_ids:
                raise ValidationError(
                    self.env._(
                        "The key result %(key_result)s is not one of the reviewed "
                        "team's key results.",
                        key_result=decision.key_result_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        decisions = super().create(vals_list)
        decisions._okr_sync_activities()
        return decisions

    def write(self, vals):
        result = super().write(vals)
        if ACTIVITY_FIELDS & set(vals) or "done" in vals:
            self._okr_sync_activities()
        return result

    def _okr_activity_values(self):
        self.ensure_one()
        target = self.key_result_id or self.review_id
        # the note reads in the owner's language
        env = self.with_context(lang=self.user_id.lang or self.env.lang).env
        return {
            "res_model_id": self.env["ir.model"]._get_id(target._name),
            "res_id": target.id,
            "user_id": self.user_id.id,
            "date_deadline": self.date_deadline,
            "summary": self.name,
            "note": env._(
                "%(kind)s of the monthly review %(review)s",
                kind=dict(self._fields["kind"]._description_selection(env)).get(
                    self.kind
                ),
                review=self.review_id.name,
            ),
        }

    def _okr_sync_activities(self):
        """Schedule, move or close the decisions' activities, in batch."""
        # The activities live on key results or reviews the decision's author
        # may not write (a key result belongs to its owner); the author may
        # write these decisions, which is what is checked here, so scheduling
        # the owner's activity as superuser gives no one more than that.
        self.check_access("write")
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        to_create = self.filtered(
            lambda d: not d.done and d.user_id and d.date_deadline and not d.activity_id
        )
        if to_create:
            activities = (
                self.env["mail.activity"]
                .sudo()
                .create(
                    [
                        {
                            **d._okr_activity_values(),
                            "activity_type_id": activity_type.id,
                        }
                        for d in to_create
                    ]
                )
            )
            for decision, activity in zip(to_create, activities, strict=True):
                decision.activity_id = activity
        for decision in (self - to_create).filtered("activity_id"):
            activity = decision.activity_id.sudo()
            if not activity.active:
                continue
            if decision.done:
                activity.action_feedback()
            elif decision.user_id and decision.date_deadline:
                values = decision._okr_activity_values()
                current = activity._convert_to_write(
                    {key: activity[key] for key in values}
                )
                changed = {
                    key: value
                    for key, value in values.items()
                    if str(current[key] or "") != str(value or "")
                }
                if changed:
                    activity.write(changed)
            else:
                # no owner or no date any more: no activity to keep
                activity.unlink()
