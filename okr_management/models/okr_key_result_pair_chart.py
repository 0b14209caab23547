# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models


class OkrKeyResult(models.Model):
    """The leading / lagging pair on the value chart (seed 003): a leading key
    result draws the lagging one it predicts beside its own values, a lagging
    one its leading predictors. A partner in another unit is drawn as the
    progress (%) of its check-ins, on an axis of its own."""

    _inherit = "okr.key.result"  # pylint: disable=consider-merging-classes-inherited

    @api.depends(
        "indicator",
        "lagging_key_result_id.check_in_ids.value",
        "lagging_key_result_id.unit",
        "leading_key_result_ids.check_in_ids.value",
        "leading_key_result_ids.unit",
    )
    def _compute_value_chart_data(self):
        res = super()._compute_value_chart_data()
        partners = {
            key_result: (
                key_result.lagging_key_result_id
                if key_result.indicator == "leading"
                else key_result.leading_key_result_ids
            )._origin
            for key_result in self
        }
        all_partners = self.browse().union(*partners.values())
        # one read of every partner's check-ins, whatever the recordset's size
        points = defaultdict(list)
        if all_partners:
            check_ins = self.env["okr.check.in"].search_fetch(
                [("key_result_id", "in", all_partners.ids)],
                ["key_result_id", "date", "value", "progress"],
                order="date, id",
            )
            for check_in in check_ins:
                points[check_in.key_result_id.id].append(check_in)
        for key_result, pair in partners.items():
            role = "lagging" if key_result.indicator == "leading" else "leading"
            series = []
            for partner in pair:
                scaled = partner.unit != key_result.unit
                series.append(
                    {
                        "id": partner.id,
                        "name": partner.name,
                        "role": role,
                        "scaled": scaled,
                        "unit": "percent" if scaled else partner.unit,
                        "points": [
                            [
                                fields.Date.to_string(check_in.date),
                                check_in.progress if scaled else check_in.value,
                            ]
                            for check_in in points[partner.id]
                        ],
                    }
                )
            key_result.value_chart_data = {
                **key_result.value_chart_data,
                "indicator": key_result.indicator,
                "pairs": series,
            }
        return res
