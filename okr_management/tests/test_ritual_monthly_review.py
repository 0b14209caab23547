# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import Form, freeze_time, tagged

from .ritual_common import OkrRitualCase

REPORT = "okr_management.action_report_okr_monthly_review"
FEBRUARY = {"date_from": "2026-02-01", "date_to": "2026-02-28"}


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestRitualMonthlyReview(OkrRitualCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.child = cls._objective(
            "Answer within five minutes",
            user_id=cls.bob.id,
            level="individual",
            parent_id=cls.objective.id,
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

    def _html(self, objectives, data=None):
        html, report_type = self.env["ir.actions.report"]._render_qweb_html(
            REPORT, objectives.ids, data=dict(data or FEBRUARY)
        )
        self.assertEqual(report_type, "html")
        return html.decode()

    def test_february_review_shows_the_month(self):
        html = self._html(self.objective | self.child)
        self.assertIn("Delight our customers", html)
        self.assertIn("Answer within five minutes", html)
        # the month's notes, not January's
        self.assertIn("Waiting for the survey export", html)
        self.assertIn("Detractors in Valencia", html)
        self.assertNotIn("January's blocker", html)
        # the NPS as it stood at the end of February (8.0), not March's 8.5,
        # and its confidence falling from 7 to 4 during the month
        self.assertIn("<strong>8</strong>", html)
        self.assertNotIn("<strong>8.5</strong>", html)
        self.assertRegex(
            html, r"<span>7</span>\s*→\s*<strong>4</strong>\s*<span>↓</span>"
        )
        # the child sits under its parent
        self.assertLess(
            html.index("Delight our customers"), html.index("Answer within five")
        )

    def test_wizard_selects_the_team_tree_and_shows_it_on_screen(self):
        other = self._objective("Another team", user_id=self.carol.id)
        self._key_result(other, "Unrelated", user_id=self.carol.id)
        other.action_activate()
        form = Form(self.env["okr.monthly.review"].with_user(self.manager))
        form.period_id = self.q1
        form.month = date(2026, 2, 14)
        form.objective_id = self.objective
        wizard = form.save()
        self.assertEqual(wizard.date_from, date(2026, 2, 1))
        self.assertEqual(wizard.date_to, date(2026, 2, 28))
        action = wizard.action_show()
        self.assertEqual(action["report_type"], "qweb-html")
        self.assertEqual(
            set(action["context"]["active_ids"]), {self.objective.id, self.child.id}
        )
        self.assertEqual(action["data"]["date_from"], "2026-02-01")
        self.assertEqual(wizard.action_print()["report_type"], "qweb-pdf")
        html = self._html(self.objective | self.child, action["data"])
        self.assertIn("Delight our customers", html)
        self.assertNotIn("Another team", html)

    def test_renders_in_spanish(self):
        self.env["res.lang"]._activate_lang("es_ES")
        html, _type = (
            self.env["ir.actions.report"]
            .with_context(lang="es_ES")
            ._render_qweb_html(REPORT, self.objective.ids, data=dict(FEBRUARY))
        )
        html = html.decode()
        # the month in Spanish and the decimal comma (NPS from 7,5 to 8,8)
        self.assertIn("febrero", html)
        self.assertIn("7,5", html)

    def test_pdf(self):
        self.assert_wkhtmltopdf_works()
        report = self.env["ir.actions.report"]
        pdf, report_type = report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(REPORT, self.objective.ids, data=dict(FEBRUARY))
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
