# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The monthly review attacked over JSON-RPC, as the web client sends it: a
plain OKR user of company B against company A's review, and a member of the
reviewed team who is not its leader."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import OkrJsonRpcMixin


@tagged("post_install", "-at_install")
class MonthlyReviewHttpCase(OkrJsonRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_a = cls.env.ref("base.main_company")
        company_b = cls.env["res.company"].create({"name": "Review Attacker B"})
        cls.lena, cls.mark, cls.eve = cls._rpc_users(
            ("mr_lena", company_a), ("mr_mark", company_a), ("mr_eve", company_b)
        )
        team = cls.env["okr.team"].create(
            {
                "name": "Review Support",
                "leader_id": cls.lena.id,
                "member_ids": [Command.set(cls.mark.ids)],
                "company_id": company_a.id,
            }
        )
        cls.review = cls.env["okr.monthly.review"].create(
            {"team_id": team.id, "month": "2026-02-01"}
        )
        cls.decision = cls.env["okr.monthly.review.decision"].create(
            {
                "review_id": cls.review.id,
                "name": "Call the ten biggest leads",
                "user_id": cls.lena.id,
                "date_deadline": "2026-03-15",
            }
        )

    def test_other_company_sees_and_changes_nothing(self):
        self.login_as(self.eve)
        review, decision = self.review.id, self.decision.id
        self.assert_refused("okr.monthly.review", "read", [[review], ["name"]])
        self.assert_refused(
            "okr.monthly.review",
            "web_read",
            [[review]],
            {"specification": {"name": {}}},
        )
        self.assert_refused("okr.monthly.review.decision", "read", [[decision]])
        self.assertEqual(
            self.call("okr.monthly.review", "search", [[]]), [], "not even its id"
        )
        self.assert_refused("okr.monthly.review", "write", [[review], {"summary": "x"}])
        self.assert_refused("okr.monthly.review", "action_done", [[review]])
        self.assert_refused(
            "okr.monthly.review.decision",
            "create",
            [[{"review_id": review, "name": "Planted"}]],
        )
        # nor its PDF
        response = self.url_open(
            f"/report/pdf/okr_management.report_okr_monthly_review/{review}"
        )
        self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")
        self.assertEqual(self.review.state, "draft")
        self.assertEqual(len(self.review.decision_ids), 1)

    def test_member_reads_leader_decides(self):
        self.login_as(self.mark)
        [row] = self.call("okr.monthly.review", "read", [[self.review.id], ["name"]])
        self.assertEqual(row["name"], "Review Support — 2026-02")
        self.assert_refused(
            "okr.monthly.review.decision",
            "create",
            [[{"review_id": self.review.id, "name": "Mine now"}]],
        )
        self.assert_refused("okr.monthly.review", "action_done", [[self.review.id]])
        self.login_as(self.lena)
        self.call(
            "okr.monthly.review.decision",
            "create",
            [[{"review_id": self.review.id, "name": "Pair on the demo script"}]],
        )
        self.call("okr.monthly.review", "action_done", [[self.review.id]])
        self.assertEqual(self.review.state, "done")
        self.assertEqual(len(self.review.decision_ids), 2)
