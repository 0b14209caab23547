# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class IrFilters(models.Model):
    """The board's switches in the user's language.

    The board's one-click switches (by team, owner, level, period) are shared
    favourites: a favourite replaces the whole search, where group-by filters of
    the search view would nest (team, then owner). ``ir.filters.name`` is not
    translatable in Odoo 19, so the names of these four records are given in the
    user's language where the web client reads the favourites.
    """

    _inherit = "ir.filters"

    def _okr_board_switch_names(self):
        return {
            "okr_management.okr_board_filter_by_team": self.env._("By team"),
            "okr_management.okr_board_filter_by_owner": self.env._("By owner"),
            "okr_management.okr_board_filter_by_level": self.env._("By level"),
            "okr_management.okr_board_filter_by_period": self.env._(
                "By period: this year's quarters"
            ),
        }

    @api.model
    def get_filters(
        self,
        model,
        action_id=None,
        embedded_action_id=None,
        embedded_parent_res_id=None,
    ):
        filters = super().get_filters(
            model, action_id, embedded_action_id, embedded_parent_res_id
        )
        if model != "okr.objective" or not filters:
            return filters
        # the language the favourites are read in (the user's, as super() does)
        user_env = self.with_context(lang=self.env["res.users"].context_get()["lang"])
        names = {}
        for xmlid, name in user_env._okr_board_switch_names().items():
            record = self.env.ref(xmlid, raise_if_not_found=False)
            if record:
                names[record.id] = name
        for values in filters:
            if values["id"] in names:
                values["name"] = names[values["id"]]
        return filters
