# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestOkrProjectTour(HttpCase):
    """Done in the project kanban, moved on the OKR board."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        today = fields.Date.context_today(cls.env["okr.period"])
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        # The test database may hold demo periods: reuse the current quarter.
        period = cls.env["okr.period"].search(
            [
                ("period_type", "=", "quarter"),
                ("company_id", "=", company.id),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
            ],
            limit=1,
        ) or cls.env["okr.period"].create(
            {
                "name": "Tour Quarter",
                "period_type": "quarter",
                "date_start": start,
                "date_end": start + relativedelta(months=3, days=-1),
                "company_id": company.id,
                "state": "open",
            }
        )
        objective = cls.env["okr.objective"].create(
            {
                "name": "Deliver on the promised date",
                "period_id": period.id,
                "company_id": company.id,
                "level": "individual",
                "state": "active",
            }
        )
        cls.key_result = cls.env["okr.key.result"].create(
            {
                "name": "On-time delivery from 40 % to 80 %",
                "objective_id": objective.id,
                "source": "initiatives",
            }
        )
        initiative = cls.env["okr.initiative"].create(
            {"name": "Pilot deliveries", "key_result_id": cls.key_result.id}
        )
        stage = cls.env["project.task.type"].create({"name": "To Do"})
        cls.project = cls.env["project.project"].create(
            {
                "name": "Pilot customer",
                "company_id": company.id,
                "type_ids": [fields.Command.link(stage.id)],
            }
        )
        cls.env["project.task"].create(
            [
                {
                    "name": name,
                    "project_id": cls.project.id,
                    "stage_id": stage.id,
                    "okr_initiative_id": initiative.id,
                }
                for name in ("Ship the pilot order", "Train the carrier")
            ]
        )

    def test_task_done_moves_the_board(self):
        self.assertEqual(self.key_result.progress, 0.0)
        self.start_tour(
            f"/odoo/project/{self.project.id}/tasks",
            "okr_project_task_done_tour",
            login="admin",
        )
        self.assertAlmostEqual(self.key_result.progress, 50.0)
