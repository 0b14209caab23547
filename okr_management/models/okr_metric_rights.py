# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Whose rights compute a metric value.

A metric key result is computed with its owner's rights (a KPI: its
responsible's), so naming the owner of a metric key result grants that owner's
view of the measured records. A plain user binds metrics only to key results
they own and names only themself; OKR managers name others. The superuser and
share users (portal, public) are never owners.
"""

from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, ValidationError

MANAGER_GROUP = "okr_management.group_okr_manager"
# what decides whose rights and which records compute a metric key result
METRIC_BINDING_FIELDS = {
    "source",
    "metric_id",
    "metric_scope",
    "metric_team_ref",
    "user_id",
}


def _is_metric_manager(env):
    return env.su or env.user.has_group(MANAGER_GROUP)


def _check_rights_owner(records, label):
    """The superuser and share users never compute a value (constraint)."""
    for record in records:
        user = record.user_id
        if user and (user.id == SUPERUSER_ID or user.share):
            raise ValidationError(
                records.env._(
                    "%(user)s cannot be the %(label)s of %(name)s: a metric value "
                    "is computed with the rights of a real internal user, never "
                    "the system's or a portal user's.",
                    user=user.name,
                    label=label,
                    name=record.display_name,
                )
            )


class OkrKeyResult(models.Model):
    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    @api.constrains("source", "user_id")
    def _check_metric_owner(self):
        _check_rights_owner(
            self.filtered(lambda kr: kr.source == "metric"), self.env._("owner")
        )

    @api.model_create_multi
    def create(self, vals_list):
        key_results = super().create(vals_list)
        key_results._check_metric_binding_owner()
        return key_results

    def write(self, vals):
        if METRIC_BINDING_FIELDS & set(vals):
            self._check_metric_binding_others()
        res = super().write(vals)
        if METRIC_BINDING_FIELDS & set(vals):
            self._check_metric_binding_owner()
        return res

    def _check_metric_binding_others(self):
        """Only a manager rebinds someone else's metric key result."""
        self._refuse_others_metric_key_results(
            lambda name: self.env._(
                "Only an OKR manager may change the metric, scope, team or "
                "owner of someone else's metric key result (%(name)s).",
                name=name,
            )
        )

    def _check_metric_binding_owner(self):
        """A plain user's metric key results are their own."""
        self._refuse_others_metric_key_results(
            lambda name: self.env._(
                "A key result measured by a metric is computed with its "
                "owner's rights: you may only name yourself as its owner "
                "(%(name)s). Ask an OKR manager to name someone else.",
                name=name,
            )
        )

    def _refuse_others_metric_key_results(self, message):
        """AccessError with ``message(name)`` when a plain user holds a metric
        key result owned by someone else (before a rebinding, or after it)."""
        if _is_metric_manager(self.env):
            return
        others = self.filtered(
            lambda kr: kr.source == "metric" and kr.user_id != self.env.user
        )
        if others:
            raise AccessError(message(others[0].display_name))


class OkrMetric(models.Model):
    _inherit = "okr.metric"

    @api.model_create_multi
    def create(self, vals_list):
        metrics = super().create(vals_list)
        metrics._check_model_readable()
        return metrics

    def write(self, vals):
        res = super().write(vals)
        if {"model_id", "domain", "ratio_domain"} & set(vals):
            self._check_model_readable()
        return res

    def _check_model_readable(self):
        """Only someone who can read a model measures it: a metric shows counts
        and sums of its records. (Not a constraint: Odoo runs those as the
        superuser, and this is about the current user.)"""
        if self.env.su:
            return
        for metric in self:
            model = metric.model_id.model
            if model in self.env and not self.env[model].has_access("read"):
                raise ValidationError(
                    self.env._(
                        "You cannot read %(model)s records, so you cannot define "
                        "the metric %(name)s on them.",
                        model=metric.model_id.name,
                        name=metric.name,
                    )
                )


class OkrKpi(models.Model):
    _inherit = "okr.kpi"

    @api.constrains("user_id")
    def _check_metric_owner(self):
        _check_rights_owner(self, self.env._("responsible"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("user_id", self._default_rights_owner())
        return super().create(vals_list)

    @api.model
    def _default_rights_owner(self):
        """The current user, unless it is the system or a share user."""
        user = self.env.user
        return False if user.id == SUPERUSER_ID or user.share else user.id
