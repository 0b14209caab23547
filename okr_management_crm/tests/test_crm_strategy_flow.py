# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import tagged

from .common import OkrCrmCase


@tagged("post_install", "-at_install")
class TestCrmStrategyFlow(OkrCrmCase):
    """Seed 000: a lead won this month for an aligned objective's initiative is
    the strategy reaching the teams' day."""

    def test_lead_won_this_month(self):
        company = self.env["okr.objective"].create(
            {"name": "Grow", "period_id": self.period.id, "level": "company"}
        )
        self.objective.parent_id = company
        key_result = self.env["okr.key.result"].create(
            {
                "name": "Qualified leads",
                "objective_id": self.objective.id,
                "start_value": 10,
                "target_value": 12,
            }
        )
        initiative = self.env["okr.initiative"].create(
            {"name": "Follow up in an hour", "key_result_id": key_result.id}
        )
        lead = self._lead("Deal", self.ann, self.team_north)
        lead.okr_initiative_id = initiative
        month = (self.today.replace(day=1), self.today)
        self.assertEqual(self.period._strategy_flow(*month)["work"], 0)
        lead.action_set_won()
        self.assertEqual(self.period._strategy_flow(*month)["work"], 1)
        last_month = month[0] - datetime.timedelta(days=1)
        self.assertEqual(
            self.period._strategy_flow(last_month.replace(day=1), last_month)["work"],
            0,
        )
