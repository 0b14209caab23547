# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.fields import Domain


class OkrCompanySourceMixin(models.AbstractModel):
    """A model whose records give their company to the records that point at
    them: an objective takes its company from its period, a key result from
    its objective, an initiative or a check-in from its key result.

    Before the record pointed at is chosen, the new record has no company yet;
    Odoo's company check would then allow only records without a company, and
    every OKR record has one. Any record of the allowed companies may be chosen
    instead; the record rules still decide which of them the user sees.
    """

    _name = "okr.company.source.mixin"
    _description = "OKR Company Source"

    def _check_company_domain(self, companies):
        if not companies:
            return Domain.TRUE
        return super()._check_company_domain(companies)
