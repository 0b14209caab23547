# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, freeze_time, new_test_user


@freeze_time("2026-11-16 10:00:00")
class OkrProjectCase(TransactionCase):
    """The current quarter, an objective whose key result follows its
    initiative, and a project whose tasks serve that initiative.

    Today is a fixed day, setUpClass included: tasks are done on it and the
    quarter is the one around it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.okr_project_user = new_test_user(
            cls.env,
            login="okr_project_user",
            groups="base.group_user,project.group_project_user,"
            "okr_management.group_okr_user",
        )
        today = fields.Date.context_today(cls.env["okr.period"])
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        cls.period = cls.env["okr.period"].create(
            {
                "name": "Current quarter",
                "period_type": "quarter",
                "date_start": start,
                "date_end": start + relativedelta(months=3, days=-1),
                "company_id": cls.company.id,
                "state": "open",
            }
        )
        # a team objective needs its team: the owner's, without projects linked
        cls.okr_team = cls.env["okr.team"].create(
            {"name": "Delivery", "leader_id": cls.okr_project_user.id}
        )
        cls.objective = cls.env["okr.objective"].create(
            {
                "name": "Deliver on the promised date",
                "period_id": cls.period.id,
                "user_id": cls.okr_project_user.id,
                "team_id": cls.okr_team.id,
            }
        )
        cls.key_result = cls.env["okr.key.result"].create(
            {
                "name": "On-time delivery from 40 % to 80 %",
                "objective_id": cls.objective.id,
                "source": "initiatives",
                "user_id": cls.okr_project_user.id,
                "start_value": 0.0,
                "target_value": 100.0,
            }
        )
        cls.initiative = cls.env["okr.initiative"].create(
            {
                "name": "Weekly milestone board",
                "key_result_id": cls.key_result.id,
                "user_id": cls.okr_project_user.id,
            }
        )
        cls.project = cls.env["project.project"].create(
            {"name": "Customer deliveries", "company_id": cls.company.id}
        )

    @classmethod
    def _tasks(cls, count, initiative=None, **values):
        return cls.env["project.task"].create(
            [
                {
                    "name": f"Task {index}",
                    "project_id": cls.project.id,
                    "okr_initiative_id": (initiative or cls.initiative).id,
                    **values,
                }
                for index in range(count)
            ]
        )
