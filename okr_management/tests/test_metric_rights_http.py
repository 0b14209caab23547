# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The attack of issue 12 over JSON-RPC, as the web client would send it: a
plain OKR user of company B against company A's metric key result, and a metric
key result owned by the administrator."""

from odoo.tests import HttpCase, tagged

from .common import OkrJsonRpcMixin


@tagged("post_install", "-at_install")
class MetricRightsHttpCase(OkrJsonRpcMixin, HttpCase):
    refused_errors = (
        "odoo.exceptions.AccessError",
        "odoo.exceptions.ValidationError",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.ref("base.main_company")
        cls.company_b = cls.env["res.company"].create({"name": "Attacker B Corp"})
        cls.alice, cls.eve = cls._rpc_users(
            ("mh_alice", cls.company_a), ("mh_eve", cls.company_b)
        )
        Period = cls.env["okr.period"]
        periods = Period.create(
            [
                {
                    "name": f"MH {company.name}",
                    "period_type": "custom",
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "company_id": company.id,
                }
                for company in (cls.company_a, cls.company_b)
            ]
        )
        cls.objective_a, cls.objective_b = cls.env["okr.objective"].create(
            [
                {
                    "name": "MH A",
                    "period_id": periods[0].id,
                    "user_id": cls.alice.id,
                    "company_id": cls.company_a.id,
                    "level": "individual",
                },
                {
                    "name": "MH B",
                    "period_id": periods[1].id,
                    "user_id": cls.eve.id,
                    "company_id": cls.company_b.id,
                    "level": "individual",
                },
            ]
        )
        cls.metric = cls.env["okr.metric"].create(
            {
                "name": "MH partners",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "domain": "[('name', '=like', 'MH %')]",
            }
        )
        cls.env["res.partner"].create(
            [
                {"name": "MH a1", "company_id": cls.company_a.id},
                {"name": "MH a2", "company_id": cls.company_a.id},
                {"name": "MH b1", "company_id": cls.company_b.id},
            ]
        )
        cls.key_result_a = cls.env["okr.key.result"].create(
            {
                "name": "MH A partners",
                "objective_id": cls.objective_a.id,
                "user_id": cls.alice.id,
                "source": "metric",
                "metric_id": cls.metric.id,
                "target_value": 10,
            }
        )

    def test_other_company_cannot_read_refresh_or_borrow_the_admin(self):
        self.assertEqual(self.key_result_a.current_value, 2.0, "alice's view: A")
        self.login_as(self.eve)
        kr_id = self.key_result_a.id
        self.assert_refused("okr.key.result", "read", [[kr_id], ["current_value"]])
        self.assert_refused("okr.key.result", "action_refresh_metric", [[kr_id]])
        vals = {
            "name": "MH borrowed rights",
            "objective_id": self.objective_b.id,
            "source": "metric",
            "metric_id": self.metric.id,
            "target_value": 10,
        }
        admin = self.env.ref("base.user_admin")
        self.assert_refused(
            "okr.key.result", "create", [[{**vals, "user_id": admin.id}]]
        )
        self.assert_refused("okr.key.result", "create", [[{**vals, "user_id": 1}]])
        self.assertFalse(
            self.env["okr.key.result"].search([("name", "=", "MH borrowed rights")])
        )
        # her own, with her rights: company B's partner only
        [kr_id] = self.call("okr.key.result", "create", [[vals]])
        [row] = self.call("okr.key.result", "read", [[kr_id], ["current_value"]])
        self.assertEqual(row["current_value"], 1.0)
        # what she types cannot break the refresh: no NaN, infinite, huge or
        # text target reaches it, and her key result keeps its value
        for bad in ("NaN", "Infinity", 1e300, "ten"):
            with self.subTest(target=bad):
                self.assert_refused(
                    "okr.key.result", "write", [[kr_id], {"target_value": bad}]
                )
        self.call("okr.key.result", "action_refresh_metric", [[kr_id]])
        [row] = self.call(
            "okr.key.result", "read", [[kr_id], ["current_value", "target_value"]]
        )
        self.assertEqual((row["current_value"], row["target_value"]), (1.0, 10.0))
