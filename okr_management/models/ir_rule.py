# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models
from odoo.tools import ormcache


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    @ormcache()
    def _okr_read_rules(self):
        """``{model: ((group ids, domain_force), ...)}``: every active read rule,
        for the metric engine's rights profiles (``engine/metric/rights.py``).

        Cached as Odoo caches ``_compute_domain``: creating, changing or
        deleting a rule, or changing a group, clears it. Never mutate the result.
        """
        rules = defaultdict(list)
        # sudo: a private method (not callable over RPC) whose result only
        # decides whether owners may share a rights computation; no rule text
        # ever reaches a user, and the rules themselves are applied by Odoo as
        # each owner, never as the superuser
        for rule in self.sudo().search_fetch(
            [("active", "=", True), ("perm_read", "=", True)],
            ["model_id", "groups", "domain_force"],
        ):
            rules[rule.model_id.model].append(
                (frozenset(rule.groups.ids), rule.domain_force)
            )
        return {model: tuple(model_rules) for model, model_rules in rules.items()}
