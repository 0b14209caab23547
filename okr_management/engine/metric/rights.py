# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Rights buckets: which users read the same records of a measured model.

Odoo itself says what a user may read: for each (user, companies) the key is
made of ``ir.rule._compute_domain(model, 'read')`` of the measured model AND of
every model the metric's domain reaches through a field path
(``partner_id.country_id``: the rules of res.partner and res.country), after the
model access (ir.model.access) of each. A user who cannot read one of those
models, or a field the metric uses (``groups=`` on the field), gets no key: an
access error. Users whose keys are equal read exactly the same records, so they
share one grouped query, run as one of them with Odoo applying the rules.

Never the superuser: a value computed as the superuser ignores every rule.
"""

from odoo import SUPERUSER_ID
from odoo.fields import Domain

SUBDOMAIN_OPERATORS = ("any", "not any", "any!", "not any!")


def _reached(model, domain, pairs):
    """Add to ``pairs`` the (model name, field name) a domain reads, paths and
    sub-domains (``any``) followed."""
    for condition in Domain(domain).iter_conditions():
        current, fld = model, None
        for name in condition.field_expr.split("."):
            fld = current._fields.get(name)
            if fld is None:  # a date part (``date.month_number``) or checked before
                break
            pairs.add((current._name, name))
            if not fld.relational:
                break
            current = current.env[fld.comodel_name]
        if (
            fld is not None
            and fld.relational
            and condition.operator in SUBDOMAIN_OPERATORS
            and isinstance(condition.value, Domain | list | tuple)
        ):
            _reached(current, condition.value, pairs)
    return pairs


class _Rights:
    """The rights key of (user, companies) on what a metric reads."""

    def __init__(self, env, uids):
        self.env = env
        users = env(su=True)["res.users"].browse(sorted(set(uids) - {0}))
        users.fetch(["company_ids"])
        self.companies = {user.id: frozenset(user.company_ids.ids) for user in users}
        self._reach = {}
        self._keys = {}

    def reached(self, model_name, domains, fnames):
        """Sorted (model, field) pairs read by a metric: its used fields and the
        paths of its domains (evaluated ``domains``)."""
        cache_key = (model_name, tuple(repr(d) for d in domains), fnames)
        if cache_key not in self._reach:
            model = self.env[model_name]
            pairs = {(model_name, fname) for fname in fnames}
            for domain in domains:
                _reached(model, domain, pairs)
            self._reach[cache_key] = tuple(sorted(pairs))
        return self._reach[cache_key]

    def key(self, model_name, pairs, uid, company_ids):
        """A hashable key: equal keys read the same records of ``model_name``.

        None when the user may not read the model, a reached model or a used
        field, and for the superuser.
        """
        if not uid or uid == SUPERUSER_ID:
            return None
        cache_key = (model_name, pairs, uid, company_ids)
        if cache_key not in self._keys:
            self._keys[cache_key] = self._compute_key(
                model_name, pairs, uid, company_ids
            )
        return self._keys[cache_key]

    def _compute_key(self, model_name, pairs, uid, company_ids):
        envs = self.env.transaction.envs
        known = set(envs)
        user_env = self.env(
            user=uid, su=False, context={"allowed_company_ids": list(company_ids)}
        )
        try:
            return self._key_as(user_env, model_name, pairs)
        finally:
            # Odoo finds an environment by scanning all those of the transaction,
            # and a used one lingers (its cached user and companies hold it in a
            # cycle) until the garbage collector's rare full pass: the few made
            # here per owner (its own, and those Odoo makes computing its groups
            # and rules) made every later env()/sudo()/with_context() of the
            # refresh scan thousands (10x the owners cost 77x the time). Only
            # the ORM-cached rules were wanted: drop from the transaction's
            # look-up the environments made here, never one the caller uses.
            for env in [env for env in envs if env not in known]:
                envs.discard(env)

    def _key_as(self, user_env, model_name, pairs):
        models = sorted({model_name} | {model for model, _fname in pairs})
        access = user_env["ir.model.access"]
        rule = user_env["ir.rule"]
        parts = []
        for name in models:
            if not access.check(name, "read", raise_exception=False):
                return None
            parts.append((name, repr(rule._compute_domain(name, "read"))))
        for name, fname in pairs:
            model = user_env[name]
            if not model._has_field_access(model._fields[fname], "read"):
                return None
        return tuple(parts)
