# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Whose rights compute a metric key result or KPI, and who may choose them.

One test per finding of the security review (issue 12): a plain user naming
OdooBot, the administrator or a colleague as the owner of her metric key result;
refreshing without write access; defining a metric on a model one cannot read;
a domain calling ``time.sleep``; a slow metric query.
"""

import datetime

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, freeze_time, tagged
from odoo.tools import SQL

TODAY = datetime.date(2026, 11, 16)
DAY = datetime.timedelta(days=1)
TIMEOUT_PARAM = "okr_management.metric_statement_timeout_ms"


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class MetricOwnerCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Owner B Corp"})
        okr_user = cls.env.ref("okr_management.group_okr_user")
        okr_manager = cls.env.ref("okr_management.group_okr_manager")
        users = cls.env["res.users"].with_context(no_reset_password=True)

        def user(login, group, company=None):
            company = company or cls.company
            return users.create(
                {
                    "name": login,
                    "login": login,
                    "email": f"{login}@example.com",
                    "group_ids": [Command.set(group.ids)],
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                }
            )

        cls.ann = user("mo_ann", okr_user)
        cls.bob = user("mo_bob", okr_user)
        cls.boss = user("mo_boss", okr_manager)
        cls.admin = cls.env.ref("base.user_admin")
        cls.odoobot = cls.env.ref("base.user_root")
        cls.period = cls.env["okr.period"].create(
            {
                "name": "Owner test period",
                "period_type": "custom",
                "date_start": TODAY - 30 * DAY,
                "date_end": TODAY + 30 * DAY,
                "company_id": cls.company.id,
            }
        )
        cls.objective = cls.env["okr.objective"].create(
            {
                "name": "Ann's objective",
                "period_id": cls.period.id,
                "user_id": cls.ann.id,
                "level": "individual",
            }
        )
        Fields = cls.env["ir.model.fields"]
        # a count of the key results' check-ins: readable by every OKR user
        cls.metric = cls.env["okr.metric"].create(
            {
                "name": "Partners of the test",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "domain": "[('name', '=like', 'MO %')]",
                "aggregate": "count",
                "user_field_id": Fields._get("res.partner", "user_id").id,
            }
        )
        cls.env["res.partner"].create(
            [
                {"name": "MO a", "user_id": cls.ann.id},
                {"name": "MO b", "user_id": cls.bob.id},
                {"name": "MO secret", "company_id": cls.company_b.id},
            ]
        )

    def kr_vals(self, **kw):
        return {
            "name": "Partners",
            "objective_id": self.objective.id,
            "user_id": self.ann.id,
            "start_value": 0,
            "target_value": 10,
            "source": "metric",
            "metric_id": self.metric.id,
            "metric_scope": "company",
            **kw,
        }

    def as_user(self, user, model="okr.key.result"):
        return self.env[model].with_user(user)

    # -- finding: owner OdooBot or admin computes with their rights ------------
    def test_plain_user_cannot_name_odoobot_or_admin(self):
        for owner in (self.odoobot, self.admin, self.bob):
            error = ValidationError if owner == self.odoobot else AccessError
            with self.subTest(owner=owner.login), self.assertRaises(error):
                self.as_user(self.ann).create(self.kr_vals(user_id=owner.id))
        # her own: computed with her rights (company A only)
        key_result = self.as_user(self.ann).create(self.kr_vals())
        self.assertEqual(key_result.current_value, 2.0)
        self.assertFalse(key_result.metric_error)

    def test_superuser_and_share_users_are_never_owners(self):
        portal = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "mo portal",
                    "login": "mo_portal",
                    "group_ids": [Command.set(self.env.ref("base.group_portal").ids)],
                }
            )
        )
        for owner in (self.odoobot, portal):
            with self.subTest(owner=owner.login), self.assertRaises(ValidationError):
                self.as_user(self.boss).create(self.kr_vals(user_id=owner.id))
            with self.subTest(kpi=owner.login), self.assertRaises(ValidationError):
                self.env["okr.kpi"].create(
                    {"name": "KPI", "metric_id": self.metric.id, "user_id": owner.id}
                )
        # a manager may name the administrator: the value is the admin's view
        key_result = self.as_user(self.boss).create(self.kr_vals(user_id=self.admin.id))
        self.assertEqual(key_result.user_id, self.admin)

    def test_plain_user_cannot_rebind_someone_elses_metric(self):
        key_result = self.as_user(self.boss).create(self.kr_vals(user_id=self.bob.id))
        # ann edits the key results of her objective, but not this binding
        for vals in (
            {"metric_scope": "owner"},
            {"user_id": self.ann.id},
            {"metric_id": self.metric.copy().id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                key_result.with_user(self.ann).write(vals)
        # nor hand her own metric key result to bob
        own = self.as_user(self.ann).create(self.kr_vals())
        with self.assertRaises(AccessError):
            own.write({"user_id": self.bob.id})
        own.with_user(self.ann).write({"metric_scope": "owner"})
        self.assertEqual(own.current_value, 1.0)
        key_result.with_user(self.boss).write({"metric_scope": "owner"})
        self.assertEqual(key_result.current_value, 1.0)

    def test_no_owner_needs_an_owner(self):
        key_result = self.as_user(self.boss).create(self.kr_vals(user_id=False))
        self.assertEqual(key_result.current_value, 0.0)
        self.assertIn("needs an owner", key_result.metric_error)
        self.assertFalse(key_result.activity_ids, "no activity without an owner")
        kpi = self.env["okr.kpi"].create(
            {"name": "KPI", "metric_id": self.metric.id, "user_id": False}
        )
        self.assertIn("needs an owner", kpi.error)
        # a refresh by the system (cron, won lead) gives no value either
        key_result.sudo()._refresh_metric()
        self.assertEqual(key_result.current_value, 0.0)
        self.assertIn("needs an owner", key_result.metric_error)

    # -- finding: refresh without write access ------------------------------------
    def test_refresh_needs_write_access(self):
        key_result = self.as_user(self.boss).create(self.kr_vals(user_id=self.bob.id))
        kpi = self.env["okr.kpi"].create(
            {"name": "KPI", "metric_id": self.metric.id, "user_id": self.bob.id}
        )
        # ann reads them (same company) but may not write them
        key_result.with_user(self.ann).check_access("read")
        other_objective = self.env["okr.objective"].create(
            {
                "name": "Bob's",
                "period_id": self.period.id,
                "user_id": self.bob.id,
                "level": "individual",
            }
        )
        key_result.objective_id = other_objective
        with self.assertRaises(AccessError):
            key_result.with_user(self.ann).action_refresh_metric()
        with self.assertRaises(AccessError):
            kpi.with_user(self.ann).action_refresh()
        self.assertTrue(key_result.with_user(self.bob).action_refresh_metric())
        self.assertTrue(kpi.with_user(self.boss).action_refresh())
        self.assertEqual(kpi.current_value, 2.0, "bob's rights, not the manager's")

    # -- finding: a metric on a model its author cannot read --------------------------
    def test_metric_on_unreadable_model_refused(self):
        vals = {
            "name": "Crons",
            "model_id": self.env["ir.model"]._get_id("ir.cron"),
            "domain": "[]",
        }
        with self.assertRaises(ValidationError):
            self.as_user(self.boss, "okr.metric").create(vals)
        with self.assertRaises(ValidationError):
            self.metric.with_user(self.boss).write(
                {"model_id": vals["model_id"], "user_field_id": False}
            )
        # the same on a readable model is fine
        self.as_user(self.boss, "okr.metric").create(
            {**vals, "model_id": self.env["ir.model"]._get_id("res.partner")}
        )

    def test_metric_domain_cannot_run_code(self):
        for domain in (
            "[('id', '>', time.sleep(3) or 0)]",
            "[('id', '!=', uid.__class__.__name__)]",
        ):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                self.metric.with_user(self.boss).write({"domain": domain})

    # -- finding: a slow metric query -------------------------------------------------
    def test_statement_timeout_is_a_metric_error(self):
        slow = self.metric.copy(
            {
                "name": "Slow",
                # thousands of conditions: planning alone outlasts 1 ms
                "domain": repr(
                    ["|"] * 1499
                    + [("name", "ilike", f"MO slow {i}%") for i in range(1500)]
                ),
            }
        )
        key_result = self.as_user(self.ann).create(self.kr_vals(metric_id=slow.id))
        other = self.as_user(self.ann).create(self.kr_vals(name="Quick"))
        self.env["ir.config_parameter"].set_param(TIMEOUT_PARAM, "1")
        key_result.with_user(self.ann).action_refresh_metric()
        self.assertIn("took too long", key_result.metric_error)
        # the transaction goes on, the setting is back: other values still refresh
        self.env["ir.config_parameter"].set_param(TIMEOUT_PARAM, "5000")
        self.env["res.partner"].create({"name": "MO c", "user_id": self.ann.id})
        other.with_user(self.ann).action_refresh_metric()
        self.assertEqual(other.current_value, 3.0)
        self.assertFalse(other.metric_error)
        [[timeout]] = self.env.execute_query(SQL("SHOW statement_timeout"))
        self.assertNotEqual(timeout, "1ms")
