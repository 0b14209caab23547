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

The key is computed once per *rights profile*, not once per user, when that is
provably the same thing: users with the same groups (implied ones included) and
the same companies get the same model access and field access, and the same
rules; those rules give the same domains when none of them names anything but
``company_ids`` and ``company_id`` (no ``user``). A rule that names the user, or
a model whose field access is customised in an unknown way, keeps the key per
user. At 10,000 owners this is what keeps the rights out of the query count:
Odoo's own caches of rules and access (8,192 entries) hold some 1,600 users.
"""

import ast
from collections import defaultdict

from odoo import SUPERUSER_ID
from odoo.fields import Domain
from odoo.models import BaseModel
from odoo.tools import SQL

SUBDOMAIN_OPERATORS = ("any", "not any", "any!", "not any!")
# what a rule may name and still give every user of a profile the same domain:
# ir.rule._eval_context's companies (the profile's), Python's constants
PROFILE_NAMES = frozenset({"company_ids", "company_id", "True", "False", "None"})
# Odoo's own overrides of _has_field_access that read only the user's groups
# (and, for res.users, records: never at model level, as here)
GROUP_ONLY_FIELD_ACCESS = frozenset(
    {
        "odoo.addons.base.models.res_users",
        "odoo.addons.hr.models.hr_employee",
        "odoo.addons.project.models.project_task",
    }
)


def rule_is_per_profile(domain_force):
    """Whether a rule's domain is the same for all users of a rights profile:
    it names nothing but the companies (``user``, ``time``, ``website``... are
    per user or per request, so the key stays per user)."""
    if not domain_force:
        return True
    try:
        tree = ast.parse(domain_force.strip(), mode="eval")
    except SyntaxError:
        return False
    return all(
        node.id in PROFILE_NAMES
        for node in ast.walk(tree)
        if isinstance(node, ast.Name)
    )


def field_access_is_per_profile(model):
    """Whether ``_has_field_access`` of ``model`` depends on groups only: Odoo's
    own, or one of its overrides known to read only groups."""
    for cls in type(model).__mro__:
        if "_has_field_access" in vars(cls):
            if cls is BaseModel:
                return True
            if cls.__module__ not in GROUP_ONLY_FIELD_ACCESS:
                return False
    return True


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


def _groups_and_companies(env, uids):
    """``{uid: (group ids, company ids)}`` of many users in one query, as
    ``user.group_ids`` and ``user.company_ids`` give them (archived companies
    left out), without a record per user and field (0.5 s at 10,000)."""
    users = env["res.users"]
    # what the transaction changed and did not write yet is read too
    users.flush_model(["group_ids", "company_ids"])
    env["res.company"].flush_model()

    def pairs_of(fname):
        """(field name, user id, record id) of a many2many of the users."""
        field = users._fields[fname]
        comodel = env[field.comodel_name]
        active = (
            SQL("AND co.%s", SQL.identifier(comodel._active_name))
            if comodel._active_name
            else SQL()
        )
        return SQL(
            "SELECT %(fname)s, rel.%(col1)s, rel.%(col2)s FROM %(rel)s rel "
            "JOIN %(table)s co ON co.id = rel.%(col2)s "
            "WHERE rel.%(col1)s = ANY(%(uids)s) %(active)s",
            fname=fname,
            rel=SQL.identifier(field.relation),
            col1=SQL.identifier(field.column1),
            col2=SQL.identifier(field.column2),
            table=SQL.identifier(comodel._table),
            active=active,
            uids=uids,
        )

    # plain pairs, grouped here: aggregating them in SQL cost more than the
    # whole steady refresh of 1,000 key results can spare
    rows = env.execute_query(
        SQL(
            "SELECT 'user', id, NULL FROM %s WHERE id = ANY(%s) "
            "UNION ALL %s UNION ALL %s",
            SQL.identifier(users._table),
            uids,
            pairs_of("group_ids"),
            pairs_of("company_ids"),
        )
    )
    users_found = set()
    group_ids, company_ids = defaultdict(list), defaultdict(set)
    for fname, uid, record_id in rows:
        if fname == "group_ids":
            group_ids[uid].append(record_id)
        elif fname == "company_ids":
            company_ids[uid].add(record_id)
        else:
            users_found.add(uid)
    return {
        uid: (tuple(sorted(group_ids[uid])), frozenset(company_ids[uid]))
        for uid in users_found
    }


class _Rights:
    """The rights key of (user, companies) on what a metric reads."""

    def __init__(self, env, uids):
        self.env = env
        profiles = _groups_and_companies(env, sorted(set(uids) - {0}))
        self.companies = {uid: companies for uid, (_g, companies) in profiles.items()}
        # groups and implied groups, as ir.rule._get_rules and has_group read
        # them (res.users.all_group_ids), once per distinct set of groups
        implied = {}
        for direct, _companies in profiles.values():
            if direct not in implied:
                # sudo: group definitions, not anybody's data; they only say
                # which rules apply to the owners, and nothing is returned to
                # a user (res.groups.all_implied_ids is compute_sudo anyway)
                implied[direct] = frozenset(
                    env["res.groups"].sudo().browse(direct).all_implied_ids.ids
                )
        self.groups = {uid: implied[direct] for uid, (direct, _c) in profiles.items()}
        self._reach = {}
        self._keys = {}
        self._profile_keys = {}
        self._per_profile = {}
        self._rules = None

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
        groups = self.groups.get(uid)
        if groups is not None and self._is_per_profile(model_name, pairs, groups):
            cache, cache_key = (
                self._profile_keys,
                (model_name, pairs, groups, company_ids),
            )
        else:
            cache, cache_key = self._keys, (model_name, pairs, uid, company_ids)
        if cache_key not in cache:
            # computed as the first user met of the profile: the others get
            # the same access, rules and field access (see the module's doc)
            cache[cache_key] = self._compute_key(model_name, pairs, uid, company_ids)
        return cache[cache_key]

    def _is_per_profile(self, model_name, pairs, groups):
        """Whether every user with ``groups`` (and given companies) has the
        same key: no rule that applies to them names anything but the
        companies, and every field access reads groups only."""
        models = {model_name} | {model for model, _fname in pairs}
        cache_key = (tuple(sorted(models)), groups)
        if cache_key not in self._per_profile:
            self._per_profile[cache_key] = all(
                field_access_is_per_profile(self.env[name]) for name in models
            ) and all(
                rule_is_per_profile(domain_force)
                for name in self._with_parents(models)
                for rule_groups, domain_force in self._read_rules().get(name, ())
                if not rule_groups or rule_groups & groups
            )
        return self._per_profile[cache_key]

    def _with_parents(self, models):
        """The models and their _inherits parents (whose rules apply too)."""
        todo, seen = list(models), set()
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(self.env[name]._inherits)
        return seen

    def _read_rules(self):
        """{model: ((groups, domain_force), ...)}: the active read rules,
        cached by Odoo until a rule or a group changes."""
        if self._rules is None:
            self._rules = self.env["ir.rule"]._okr_read_rules()
        return self._rules

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
