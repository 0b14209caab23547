# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.tests import tagged

from .common import OkrProjectCase


@tagged("post_install", "-at_install")
class TestStrategyFlowWork(OkrProjectCase):
    """Seed 000: a company objective reaches the teams' day when a task of its
    aligned objectives' initiatives is delivered this month."""

    def test_task_done_this_month(self):
        company = self.env["okr.objective"].create(
            {"name": "Company", "period_id": self.period.id, "level": "company"}
        )
        self.objective.parent_id = company
        today = fields.Date.context_today(self.period)
        month = (today.replace(day=1), today)
        self.assertEqual(self.period._strategy_flow(*month)["work"], 0)
        task = self._tasks(1)
        self.assertEqual(self.period._strategy_flow(*month)["work"], 0)
        task.state = "1_done"
        flow = self.period._strategy_flow(*month)
        self.assertEqual((flow["company"], flow["aligned"], flow["work"]), (1, 1, 1))
        # last month's delivery is not this month's work
        self.assertEqual(
            self.period._strategy_flow(
                month[0].replace(year=month[0].year - 1),
                month[1].replace(year=month[1].year - 1),
            )["work"],
            0,
        )
