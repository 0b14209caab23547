# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Results are written by their actions, not by a plain ``write``.

Scores, achievement, the checklist's answers, an objective's status and a
retrospective's results only change through Close, Activate, Reset, the
checklist and the retrospective's Done: a plain user calling ``write`` over
JSON-RPC gets an AccessError. The actions check the user's write access on the
records first, then write as superuser (the only way past the guard).
Reopening (back to draft) is for OKR managers.
"""

from odoo import api, models
from odoo.exceptions import AccessError

from .okr_selections import CHECKLIST_FIELDS

MANAGER_GROUP = "okr_management.group_okr_manager"

OBJECTIVE_PROTECTED = {
    "state",
    "score",
    "is_achieved",
    "checklist_done",
    "checklist_date",
    "checklist_user_id",
    *CHECKLIST_FIELDS,
}
# what a new objective may be created with by a plain user (any other value of
# a protected field is the result of an action)
OBJECTIVE_CREATE_DEFAULTS = {"state": "draft", "score": 0.0, "is_achieved": False}


def okr_refuse_protected(records, vals, protected):
    """Raise an AccessError when a plain user writes a protected field."""
    if records.env.su:
        return
    fnames = sorted(protected & set(vals))
    if not fnames:
        return
    labels = ", ".join(
        records._fields[fname]._description_string(records.env) for fname in fnames
    )
    raise AccessError(
        records.env._(
            "%(fields)s of %(model)s change only through their actions (activate, "
            "close, reset, checklist, retrospective).",
            fields=labels,
            model=records._description,
        )
    )


def okr_check_manager(env, what):
    if env.su or env.user.has_group(MANAGER_GROUP):
        return
    raise AccessError(env._("Only an OKR manager may reopen %(what)s.", what=what))


class OkrObjective(models.Model):
    _inherit = "okr.objective"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # a default_* key of the context is a value the caller chose too
            defaults = {
                key[len("default_") :]: value
                for key, value in self.env.context.items()
                if key.startswith("default_")
                and key[len("default_") :] in OBJECTIVE_PROTECTED
            }
            for vals in vals_list:
                changed = {
                    fname: value
                    for fname, value in {**defaults, **vals}.items()
                    if fname in OBJECTIVE_PROTECTED
                    and value != OBJECTIVE_CREATE_DEFAULTS.get(fname, False)
                }
                okr_refuse_protected(self, changed, OBJECTIVE_PROTECTED)
        return super().create(vals_list)

    def write(self, vals):
        okr_refuse_protected(self, vals, OBJECTIVE_PROTECTED)
        return super().write(vals)

    def action_activate(self):
        self.check_access("write")
        # safe: write access on these objectives was checked just above
        action = super(OkrObjective, self.sudo()).action_activate()
        return action

    def action_close(self):
        self.check_access("write")
        # safe: write access checked above; the key results' scores follow
        return super(OkrObjective, self.sudo()).action_close()

    def action_cancel(self):
        self.check_access("write")
        # safe: write access checked above
        return super(OkrObjective, self.sudo()).action_cancel()

    def action_reset_draft(self):
        # back to draft lifts the reason a target change needs while active:
        # a manager's decision, not a way around the governance
        okr_check_manager(self.env, self.env._("an objective"))
        self.check_access("write")
        return super(OkrObjective, self.sudo()).action_reset_draft()


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        okr_refuse_protected(self, vals, {"score"})
        return super().write(vals)


class OkrRetrospective(models.Model):
    _inherit = "okr.retrospective"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        okr_refuse_protected(self, vals, {"state"})
        return super().write(vals)

    def action_done(self):
        self.check_access("write")
        # safe: write access checked above; the carry-over copies what the
        # retrospective's lines chose
        return super(OkrRetrospective, self.sudo()).action_done()

    def action_reset_draft(self):
        okr_check_manager(self.env, self.env._("a retrospective"))
        self.check_access("write")
        return super(OkrRetrospective, self.sudo()).action_reset_draft()


class OkrRetrospectiveLine(models.Model):
    _inherit = "okr.retrospective.line"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        okr_refuse_protected(
            self, vals, {"score", "is_achieved", "carried_objective_id"}
        )
        return super().write(vals)


class OkrPeriod(models.Model):
    _inherit = "okr.period"  # pylint: disable=consider-merging-classes-inherited

    def action_reset_draft(self):
        okr_check_manager(self.env, self.env._("a period"))
        return super().action_reset_draft()

    def action_open(self):
        if self.filtered(lambda p: p.state == "closed"):
            okr_check_manager(self.env, self.env._("a period"))
        return super().action_open()
