# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class OkrPeriodGenerate(models.TransientModel):
    _name = "okr.period.generate"
    _description = "Generate a Year and its Quarters"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    open_periods = fields.Boolean(
        string="Open Them", help="Open the new periods right away."
    )

    @api.model
    def _quarters(self, year):
        """``(name, start, end)`` of the four quarters of ``year``."""
        bounds = []
        for quarter in range(4):
            start = date(year, 3 * quarter + 1, 1)
            end = (
                date(year, 3 * quarter + 4, 1) if quarter < 3 else date(year + 1, 1, 1)
            )
            bounds.append(
                (f"{year}-Q{quarter + 1}", start, fields.Date.subtract(end, days=1))
            )
        return bounds

    def action_generate(self):
        self.ensure_one()
        if not 1900 < self.year < 10000:
            raise UserError(self.env._("Enter a year such as 2026."))
        periods = self.env["okr.period"]
        year_start, year_end = date(self.year, 1, 1), date(self.year, 12, 31)
        existing = periods.with_context(active_test=False).search(
            Domain("company_id", "=", self.company_id.id)
            & Domain("period_type", "in", ["year", "quarter"])
            & Domain("date_start", "<=", year_end)
            & Domain("date_end", ">=", year_start)
        )
        if existing:
            raise UserError(
                self.env._(
                    "%(company)s already has periods in %(year)s: %(names)s. "
                    "Nothing was generated.",
                    company=self.company_id.name,
                    year=self.year,
                    names=", ".join(existing.mapped("name")),
                )
            )
        state = "open" if self.open_periods else "draft"
        year = periods.create(
            {
                "name": str(self.year),
                "period_type": "year",
                "date_start": year_start,
                "date_end": year_end,
                "company_id": self.company_id.id,
                "state": state,
            }
        )
        quarters = periods.create(
            [
                {
                    "name": name,
                    "period_type": "quarter",
                    "date_start": start,
                    "date_end": end,
                    "parent_id": year.id,
                    "company_id": self.company_id.id,
                    "state": state,
                }
                for name, start, end in self._quarters(self.year)
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Periods %(year)s", year=self.year),
            "res_model": "okr.period",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", (year | quarters).ids)],
        }
