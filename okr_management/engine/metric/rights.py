# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Rights buckets: which users read the same records of a measured model.

Users whose access rules come out as the same domain share a bucket, so the
metric of a bucket is computed once, as one representative user.
"""

from odoo import SUPERUSER_ID
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval


class _Rights:
    """Compute, for (user, companies), the key of what the user may read.

    A batch version of ir.rule._compute_domain: the users' groups and companies
    are read in two queries, the rules of a model in one; the implied groups are
    expanded once per distinct set of groups, and a rule whose domain does not
    name ``user`` is evaluated once per (groups, companies), not once per user.
    """

    def __init__(self, env, uids):
        self.env = env
        self.sudo = env(su=True)
        self._rules = {}
        self._evals = {}
        self._access = {}
        self._keys = {}
        self._group_defs = None
        uids = tuple(uids) or (0,)
        self.sudo["res.users"].flush_model(["group_ids", "company_ids"])
        direct = dict(
            self.env.execute_query(
                SQL(
                    "SELECT uid, ARRAY_AGG(gid) FROM res_groups_users_rel "
                    "WHERE uid IN %s GROUP BY uid",
                    uids,
                )
            )
        )
        companies = dict(
            self.env.execute_query(
                SQL(
                    "SELECT user_id, ARRAY_AGG(cid) FROM res_company_users_rel "
                    "WHERE user_id IN %s GROUP BY user_id",
                    uids,
                )
            )
        )
        closures = {}
        self.groups = {}
        for uid in uids:
            gids = frozenset(direct.get(uid) or ())
            if gids not in closures:
                groups = self.sudo["res.groups"].browse(gids)
                closures[gids] = frozenset((groups | groups.all_implied_ids)._ids)
            self.groups[uid] = closures[gids]
        self.companies = {uid: frozenset(companies.get(uid) or ()) for uid in uids}

    def _model_rules(self, model_name):
        """The read rules of the model and its _inherits parents, in one query."""
        if model_name not in self._rules:
            names = [model_name, *self.sudo[model_name]._inherits]
            self.sudo["ir.rule"].flush_model()
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT r.id, m.model, r.domain_force,
                           ARRAY_REMOVE(ARRAY_AGG(g.group_id), NULL)
                      FROM ir_rule r
                      JOIN ir_model m ON m.id = r.model_id
                 LEFT JOIN rule_group_rel g ON g.rule_group_id = r.id
                     WHERE m.model IN %s AND r.active AND r.perm_read
                  GROUP BY r.id, m.model
                  ORDER BY r.id
                    """,
                    tuple(names),
                )
            )
            self._rules[model_name] = [
                (
                    rule_id,
                    rule_model,
                    frozenset(group_ids),
                    text or "",
                    # a rule naming the user splits the bucket per user
                    "user" in (text or ""),
                )
                for rule_id, rule_model, text, group_ids in rows
            ]
        return self._rules[model_name]

    def _has_access(self, model_name, group_ids):
        if model_name not in self._access:
            self._access[model_name] = self.sudo["ir.model.access"]._get_access_groups(
                model_name, "read"
            )
        return self._access[model_name].matches(group_ids)

    def _field_access(self, model_name, fnames, group_ids):
        model = self.sudo[model_name]
        result = []
        for fname in fnames:
            groups = model._fields[fname].groups
            if groups:
                if self._group_defs is None:
                    self._group_defs = self.sudo["res.groups"]._get_group_definitions()
                result.append(self._group_defs.parse(groups, False).matches(group_ids))
        return tuple(result)

    def key(self, model_name, fnames, uid, company_ids):
        """A hashable key: equal keys read the same records of ``model_name``.

        None when the user may not read the model at all.
        """
        if uid == SUPERUSER_ID:
            return ("su",)
        group_ids = self.groups[uid]
        rules = [
            rule
            for rule in self._model_rules(model_name)
            if not rule[2] or rule[2] & group_ids
        ]
        names_user = any(rule[4] for rule in rules)
        cache_key = (
            model_name,
            fnames,
            group_ids,
            company_ids,
            uid if names_user else None,
        )
        if cache_key not in self._keys:
            self._keys[cache_key] = self._compute_key(
                model_name, fnames, uid, company_ids, group_ids, rules
            )
        return self._keys[cache_key]

    def _compute_key(self, model_name, fnames, uid, company_ids, group_ids, rules):
        if not self._has_access(model_name, group_ids):
            return None
        parts = []
        ctx = None
        for rule_id, rule_model, rule_groups, text, names_user in rules:
            ekey = (rule_id, uid if names_user else None, company_ids)
            if ekey not in self._evals:
                if ctx is None:
                    user = self.sudo["res.users"].browse(uid)
                    ctx = {
                        "user": user.with_env(user.env(context={})),
                        "company_ids": list(company_ids),
                        "company_id": company_ids[0] if company_ids else False,
                    }
                dom = Domain(safe_eval(text, ctx)) if text else Domain.TRUE
                self._evals[ekey] = repr(dom)
            parts.append((rule_model, bool(rule_groups), self._evals[ekey]))
        return (tuple(parts), self._field_access(model_name, fnames, group_ids))
