# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, TransactionCase, freeze_time
from odoo.tests.common import JsonRpcException


@freeze_time("2026-11-16")
class OkrCase(TransactionCase):
    """A company quarter (2026-Q1 inside 2026) and helpers to plan in it.

    Seen from a fixed day, setUpClass included: 16 November 2026, when Q1 and Q2
    are over and the year is not. A test class or method freezes another day
    where the day matters to it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        period_model = cls.env["okr.period"]
        cls.year = period_model.create(
            {
                "name": "2026",
                "period_type": "year",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "state": "open",
            }
        )
        cls.q1 = period_model.create(
            {
                "name": "2026-Q1",
                "period_type": "quarter",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 3, 31),
                "parent_id": cls.year.id,
                "state": "open",
            }
        )
        cls.q2 = period_model.create(
            {
                "name": "2026-Q2",
                "period_type": "quarter",
                "date_start": date(2026, 4, 1),
                "date_end": date(2026, 6, 30),
                "parent_id": cls.year.id,
                "state": "open",
            }
        )

    def assert_wkhtmltopdf_works(self):
        """A PDF test without wkhtmltopdf fails: it would have nothing to check."""
        state = self.env["ir.actions.report"].get_wkhtmltopdf_state()
        self.assertIn(
            state,
            ("ok", "workers"),
            f"wkhtmltopdf is {state}: the PDF reports cannot be tested; "
            "apt-get install wkhtmltopdf (setup/test does it when run as root)",
        )

    @classmethod
    def _objective(cls, name="Objective", period=None, env=None, **values):
        env = env or cls.env
        values = {"name": name, "period_id": (period or cls.q1).id, **values}
        return env["okr.objective"].create(cls._with_team(env, values))

    @classmethod
    def _with_team(cls, env, values):
        """``values`` of a team objective (the default level) that has no team,
        neither given nor its owner's: in the company's "General" team, as a
        team objective needs one."""
        if values.get("level", "team") != "team" or values.get("team_id"):
            return values
        if env["okr.objective"].new(values).team_id:
            return values
        period = cls.env["okr.period"].browse(values["period_id"])
        return {**values, "team_id": cls._general_team(period.company_id).id}

    @classmethod
    def _general_team(cls, company=None):
        """The company's "General" team, made on first use."""
        company = company or cls.company
        return cls.env["okr.team"].search(
            [("name", "=", "General"), ("company_id", "=", company.id)], limit=1
        ) or cls.env["okr.team"].create({"name": "General", "company_id": company.id})

    @classmethod
    def _key_result(cls, objective, name="Key result", env=None, **values):
        env = env or cls.env
        values.setdefault("start_value", 0.0)
        values.setdefault("target_value", 100.0)
        return env["okr.key.result"].create(
            {"name": name, "objective_id": objective.id, **values}
        )


class OkrPhoneTourCase(HttpCase):
    """A tour on a phone (the Odoo mobile app is the web client) in an open
    quarter around today: the test database has no demo data."""

    browser_size = "375x812"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["okr.period"])
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        cls.period = cls.env["okr.period"].create(
            {
                "name": "Tour Quarter",
                "period_type": "quarter",
                "date_start": start,
                "date_end": start + relativedelta(months=3, days=-1),
                "company_id": cls.env.ref("base.main_company").id,
            }
        )
        cls.period.action_open()


class OkrJsonRpcMixin:
    """Calls as the web client sends them, for the attacks over JSON-RPC."""

    # what a refused call may raise
    refused_errors = ("odoo.exceptions.AccessError",)

    @classmethod
    def _rpc_users(cls, *logins_companies):
        """Plain OKR users, one per ``(login, company)``, who log in with
        ``login_as``."""
        okr_user = cls.env.ref("okr_management.group_okr_user")
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                [
                    {
                        "name": login,
                        "login": login,
                        "password": f"{login}-pass-2026",
                        "group_ids": [Command.set(okr_user.ids)],
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                    }
                    for login, company in logins_companies
                ]
            )
        )

    def login_as(self, user):
        """Log in over HTTP as a user made by ``_rpc_users``."""
        self.authenticate(user.login, f"{user.login}-pass-2026")

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def assert_refused(self, model, method, args, kwargs=None):
        with self.assertRaises(JsonRpcException) as caught:
            self.call(model, method, args, kwargs)
        self.assertIn(
            caught.exception.args[0] if caught.exception.args else "",
            self.refused_errors,
        )
