# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools.misc import format_date


class ReportOkrMonthlyReview(models.AbstractModel):
    """The monthly reviews printed, one team and month per page: the content the
    review computes (``okr.monthly.review._okr_review_data``) and its decisions.
    """

    _name = "report.okr_management.report_okr_monthly_review"
    _description = "OKR Monthly Review"

    @api.model
    def _get_report_values(self, docids, data=None):
        reviews = self.env["okr.monthly.review"].browse(docids).exists()
        return {
            "doc_ids": reviews.ids,
            "doc_model": "okr.monthly.review",
            "docs": reviews,
            "review_data": {review.id: review._okr_review_data() for review in reviews},
            "okr_date": lambda value: format_date(self.env, value),
        }
