# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from psycopg2 import IntegrityError

from odoo.tests import Form, freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from .ritual_common import OkrRitualCase

REPORT = "okr_management.action_report_okr_monthly_review"


class OkrMonthlyReviewCase(OkrRitualCase):
    """Support (led by Leo, Alice and Bob members) with a sub-team North (led
    by Bob), and Sales elsewhere; February 2026 reviewed on 10 March."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "okr_management.group_okr_user"
        cls.leo = new_test_user(cls.env, "review_leo", groups=groups)
        teams = cls.env["okr.team"]
        cls.support = teams.create(
            {
                "name": "Support",
                "leader_id": cls.leo.id,
                "member_ids": [(6, 0, (cls.alice | cls.bob).ids)],
            }
        )
        cls.north = teams.create(
            {"name": "North", "leader_id": cls.bob.id, "parent_id": cls.support.id}
        )
        cls.sales = teams.create({"name": "Sales", "leader_id": cls.carol.id})
        cls.objective.team_id = cls.support
        cls.child = cls._objective(
            "Answer within five minutes",
            user_id=cls.bob.id,
            level="individual",
            parent_id=cls.objective.id,
            team_id=cls.north.id,
        )
        cls.first_response = cls._key_result(
            cls.child,
            "First response under 5 minutes",
            user_id=cls.bob.id,
            result_type="decrease",
            start_value=30,
            target_value=5,
            current_value=30,
        )
        cls.child.action_activate()
        cls.elsewhere = cls._objective(
            "Sell more", user_id=cls.carol.id, team_id=cls.sales.id
        )
        cls._key_result(cls.elsewhere, "Unrelated", user_id=cls.carol.id)
        cls.elsewhere.action_activate()
        initiatives = cls.env["okr.initiative"]
        cls.calls = initiatives.create(
            {
                "name": "Call the detractors",
                "key_result_id": cls.nps.id,
                "user_id": cls.alice.id,
                "progress": 40,
            }
        )
        cls.knowledge_base = initiatives.create(
            {
                "name": "Knowledge base articles",
                "key_result_id": cls.resolution.id,
                "user_id": cls.alice.id,
                "progress": 70,
            }
        )
        check_in = cls._check_in
        check_in(cls.nps, date(2026, 1, 20), 7.6, blocker_note="January's blocker")
        check_in(
            cls.nps,
            date(2026, 2, 2),
            7.8,
            confidence=7,
            blocker_note="Waiting for the survey export",
        )
        check_in(
            cls.nps,
            date(2026, 2, 23),
            8.0,
            confidence=4,
            attention_note="Detractors in Valencia",
        )
        check_in(cls.nps, date(2026, 3, 5), 8.5, confidence=8)
        check_in(cls.first_response, date(2026, 2, 16), 20, confidence=6)
        cls.review = cls.env["okr.monthly.review"].create(
            {"team_id": cls.support.id, "month": date(2026, 2, 14)}
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestMonthlyReviewRecord(OkrMonthlyReviewCase):
    def test_the_record(self):
        review = self.review
        self.assertEqual(review.month, date(2026, 2, 1))
        self.assertEqual(review.name, "Support — 2026-02")
        # the form and the list name the month, not its first day
        self.assertEqual(review.month_label, "February 2026")
        self.env["res.lang"]._activate_lang("es_ES")
        self.assertEqual(review.with_context(lang="es_ES").month_label, "febrero 2026")
        self.assertEqual(review.period_id, self.q1, "the shortest period holding it")
        self.assertEqual(review.company_id, self.support.company_id)
        self.assertEqual(review.leader_id, self.leo)
        self.assertEqual(
            (review.date_from, review.date_to), (date(2026, 2, 1), date(2026, 2, 28))
        )
        self.assertEqual(review.state, "draft")
        review.action_done()
        self.assertEqual(review.state, "done")

    def test_one_review_per_team_and_month(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["okr.monthly.review"].create(
                {"team_id": self.support.id, "month": date(2026, 2, 27)}
            )
            self.env.flush_all()

    def test_content_is_the_team_and_its_sub_teams(self):
        self.assertEqual(self.review.objective_ids, self.objective | self.child)
        self.assertIn(self.first_response, self.review.key_result_ids)
        self.assertNotIn(self.elsewhere, self.review.objective_ids)
        north = self.env["okr.monthly.review"].create(
            {"team_id": self.north.id, "month": date(2026, 2, 1)}
        )
        self.assertEqual(north.objective_ids, self.child)

    def test_trend_against_the_previous_month(self):
        data = self.review._okr_review_data()
        rows = {row["objective"]: row for row in data["rows"]}
        self.assertEqual(list(rows), [self.objective, self.child], "child under parent")
        krs = {r["key_result"]: r for row in data["rows"] for r in row["key_results"]}
        nps = krs[self.nps]
        # end of January 7.6 (its last check-in), end of February 8.0, not March's 8.5
        self.assertEqual((nps["previous_value"], nps["value"]), ("7.6", "8"))
        self.assertEqual(nps["value_trend"], "↑")
        self.assertTrue(nps["moved"])
        # a decreasing key result: the time fell from its start 30 to 20, a gain
        first_response = krs[self.first_response]
        self.assertEqual(
            (first_response["previous_value"], first_response["value"]), ("30", "20")
        )
        self.assertEqual(first_response["value_trend"], "↑")
        resolution = krs[self.resolution]
        self.assertFalse(resolution["moved"])
        self.assertEqual(resolution["value_trend"], "→")

    def test_initiatives_and_notes(self):
        data = self.review._okr_review_data()
        top = data["rows"][0]
        moved = {line["initiative"]: line["moved"] for line in top["initiatives"]}
        self.assertEqual(moved, {self.calls: True, self.knowledge_base: False})
        self.assertEqual(data["stalled_count"], 1)
        self.assertEqual(
            [c.blocker_note for c in top["blockers"]], ["Waiting for the survey export"]
        )
        self.assertEqual(
            [c.attention_note for c in top["attention"]], ["Detractors in Valencia"]
        )
        html = str(self.review.content_html)
        self.assertIn("Call the detractors", html)
        self.assertIn("its key result did not move", html)
        self.assertNotIn("January's blocker", html)

    def test_kpis_beside_the_objectives(self):
        metric = self.env["okr.metric"].create(
            {
                "name": "Partners",
                "model_id": self.env["ir.model"]._get("res.partner").id,
                "aggregate": "count",
            }
        )
        kpi = self.env["okr.kpi"].create(
            {"name": "Open tickets", "metric_id": metric.id, "target_value": 50}
        )
        kpi.objective_ids = self.child
        self.assertEqual(self.review.kpi_ids, kpi)
        data = self.review._okr_review_data()
        self.assertEqual([row["kpi"] for row in data["kpis"]], [kpi])
        self.assertEqual(data["kpis"][0]["target"], "50")

    def test_the_menu_opens_the_records(self):
        action = self.env.ref("okr_management.action_okr_monthly_review")
        self.assertEqual(action.res_model, "okr.monthly.review")
        self.assertEqual(action.view_mode, "list,form")
        form = Form(self.env["okr.monthly.review"].with_user(self.leo))
        form.team_id = self.north
        form.month = date(2026, 3, 17)
        review = form.save()
        self.assertEqual(review.name, "North — 2026-03")
        self.assertIn("Answer within five minutes", str(review.content_html))


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestMonthlyReviewReport(OkrMonthlyReviewCase):
    def _html(self, reviews, lang=None):
        report = self.env["ir.actions.report"]
        if lang:
            report = report.with_context(lang=lang)
        html, report_type = report._render_qweb_html(REPORT, reviews.ids)
        self.assertEqual(report_type, "html")
        return html.decode()

    def test_february_review_shows_the_month(self):
        self.env["okr.monthly.review.decision"].create(
            {
                "review_id": self.review.id,
                "name": "Call every detractor within a week",
                "kind": "corrective",
                "user_id": self.alice.id,
                "date_deadline": date(2026, 3, 20),
                "key_result_id": self.nps.id,
            }
        )
        html = self._html(self.review)
        self.assertIn("Support", html)
        self.assertIn("Delight our customers", html)
        self.assertIn("Answer within five minutes", html)
        self.assertNotIn("Sell more", html)
        self.assertIn("Waiting for the survey export", html)
        self.assertIn("Detractors in Valencia", html)
        self.assertNotIn("January's blocker", html)
        # the NPS at the end of February against January's end, not March's 8.5
        self.assertRegex(html, r"7.6</span>\s*→\s*<strong>8</strong>\s*<span>↑</span>")
        self.assertNotIn("<strong>8.5</strong>", html)
        self.assertRegex(
            html, r"<span>7</span>\s*→\s*<strong>4</strong>\s*<span>↓</span>"
        )
        self.assertIn("Call every detractor within a week", html)
        self.assertIn("did not move", html)
        self.assertLess(
            html.index("Delight our customers"), html.index("Answer within five")
        )

    def test_one_review_per_page(self):
        north = self.env["okr.monthly.review"].create(
            {"team_id": self.north.id, "month": date(2026, 2, 1)}
        )
        html = self._html(self.review | north)
        self.assertEqual(html.count('class="page o_okr_rv"'), 2)
        self.assertEqual(html.count('class="article'), 2)

    def test_renders_in_spanish(self):
        self.env["res.lang"]._activate_lang("es_ES")
        html = self._html(self.review, lang="es_ES")
        # the month in Spanish and the decimal comma (NPS from 7,5 to 8,8)
        self.assertIn("febrero", html)
        self.assertIn("7,5", html)

    def test_print_button_and_pdf(self):
        action = self.review.action_print()
        self.assertEqual(action["report_type"], "qweb-pdf")
        self.assertEqual(action["context"]["active_ids"], self.review.ids)
        self.assert_wkhtmltopdf_works()
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, self.review.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
