# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import Command, fields
from odoo.tests import TransactionCase, freeze_time


@freeze_time("2026-11-16 10:00:00")
class OkrCrmCase(TransactionCase):
    """Two salespeople (Ann in team North, Bob in team South), a sales manager, an
    open period around today and helpers to date leads.

    Today is a fixed day, setUpClass included: leads are won, lost and dated
    from it, and the windows are measured from it.
    """

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company = cls.env.company
        cls.now = fields.Datetime.now().replace(microsecond=0)
        cls.today = fields.Date.context_today(cls.env["okr.key.result"])
        users = cls.env["res.users"].with_context(no_reset_password=True)
        okr_user = cls.env.ref("okr_management.group_okr_user")
        okr_manager = cls.env.ref("okr_management.group_okr_manager")
        salesman = cls.env.ref("sales_team.group_sale_salesman")
        sales_manager = cls.env.ref("sales_team.group_sale_manager")

        def user(login, groups):
            return users.create(
                {
                    "name": login.capitalize(),
                    "login": f"okr_crm_{login}",
                    "email": f"{login}@example.com",
                    "group_ids": [Command.set([g.id for g in groups])],
                    "company_id": cls.company.id,
                    "company_ids": [Command.set(cls.company.ids)],
                }
            )

        cls.ann = user("ann", [okr_user, salesman])
        cls.bob = user("bob", [okr_user, salesman])
        cls.manager = user("mia", [okr_manager, sales_manager])
        cls.team_north, cls.team_south = cls.env["crm.team"].create(
            [
                {"name": "North", "company_id": cls.company.id},
                {"name": "South", "company_id": cls.company.id},
            ]
        )
        cls.stage_new = cls.env.ref("crm.stage_lead1")
        cls.lost_reason = cls.env.ref("crm.lost_reason_1")
        cls.period = cls.env["okr.period"].create(
            {
                "name": "CRM test period",
                "period_type": "custom",
                "date_start": cls.today - datetime.timedelta(days=30),
                "date_end": cls.today + datetime.timedelta(days=60),
                "company_id": cls.company.id,
                "state": "open",
            }
        )
        # a team objective needs its team: one without sales teams linked
        cls.okr_team = cls.env["okr.team"].create(
            {"name": "CRM test team", "leader_id": cls.manager.id}
        )
        cls.objective = cls.env["okr.objective"].create(
            {
                "name": "Sell more",
                "period_id": cls.period.id,
                "user_id": cls.manager.id,
                "level": "team",
                "team_id": cls.okr_team.id,
                "state": "active",
            }
        )
        cls.metric_conversion = cls.env.ref(
            "okr_management_crm.okr_metric_crm_conversion_rate"
        )
        cls.metric_won_revenue = cls.env.ref(
            "okr_management_crm.okr_metric_crm_won_revenue"
        )
        cls.metric_new_leads = cls.env.ref(
            "okr_management_crm.okr_metric_crm_new_leads"
        )
        cls.metric_days_to_close = cls.env.ref(
            "okr_management_crm.okr_metric_crm_days_to_close"
        )
        cls.metric_first_response = cls.env.ref(
            "okr_management_crm.okr_metric_crm_first_response"
        )
        cls.metric_pipeline = cls.env.ref(
            "okr_management_crm.okr_metric_crm_pipeline_value"
        )

    @classmethod
    def _lead(cls, name, user, team, revenue=0.0, lead_type="opportunity", **vals):
        return cls.env["crm.lead"].create(
            {
                "name": name,
                "type": lead_type,
                "user_id": user.id,
                "team_id": team.id,
                "expected_revenue": revenue,
                "stage_id": cls.stage_new.id,
                **vals,
            }
        )

    @classmethod
    def _date(cls, lead, created, closed=None, open_minutes=None):
        """Date a lead: created and closed so many days ago, assigned so many
        minutes after its creation (create_date is not writable: SQL)."""
        create_date = cls.now - datetime.timedelta(days=created)
        vals = {}
        if closed is not None:
            vals["date_closed"] = cls.now - datetime.timedelta(days=closed)
        if open_minutes is not None:
            vals["date_open"] = create_date + datetime.timedelta(minutes=open_minutes)
        if vals:
            lead.write(vals)
        lead.flush_recordset()
        cls.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s",
            (create_date, lead.id),
        )
        lead.invalidate_recordset(["create_date"])

    @classmethod
    def _key_result(cls, metric, scope, owner=None, team=None, **vals):
        return cls.env["okr.key.result"].create(
            {
                "name": f"{metric.name} {scope} {(owner or team or cls.company).name}",
                "objective_id": cls.objective.id,
                "user_id": (owner or cls.manager).id,
                "result_type": "increase",
                "start_value": 0.0,
                "target_value": 1000000.0,
                "source": "metric",
                "metric_id": metric.id,
                "metric_window": "period",
                "metric_scope": scope,
                "metric_team_ref": f"crm.team,{team.id}" if team else False,
                **vals,
            }
        )
