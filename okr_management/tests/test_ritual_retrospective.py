# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from ..engine import evaluation
from .common import OkrCase


@tagged("post_install", "-at_install")
class TestRetrospective(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committed = cls._objective(
            "Deliver on time", okr_type="committed", level="team"
        )
        # 40 % -> 80 % on-time delivery, at 70 %: unfinished
        cls.kr_on_time = cls._key_result(
            cls.committed,
            "On-time delivery 40 % to 80 %",
            start_value=40,
            target_value=80,
        )
        # rework -25 %: reached
        cls.kr_rework = cls._key_result(
            cls.committed,
            "Rework 100 to 75",
            result_type="decrease",
            start_value=100,
            target_value=75,
        )
        cls.aspirational = cls._objective(
            "Delight customers", okr_type="aspirational", level="team"
        )
        # NPS 7.5 -> 8.8 overshot to 9.1: stretch
        cls.kr_nps = cls._key_result(
            cls.aspirational, "NPS 7.5 to 8.8", start_value=7.5, target_value=8.8
        )
        cls.kr_csat = cls._key_result(
            cls.aspirational, "CSAT 3 to 4.2", start_value=3.0, target_value=4.2
        )
        cls.initiative_open = cls.env["okr.initiative"].create(
            {"name": "WBS templates", "key_result_id": cls.kr_on_time.id}
        )
        cls.initiative_done = cls.env["okr.initiative"].create(
            {
                "name": "Review checklist",
                "key_result_id": cls.kr_on_time.id,
                "state": "done",
                "progress": 100,
            }
        )
        check_ins = cls.env["okr.check.in"].create(
            [
                {
                    "key_result_id": cls.kr_on_time.id,
                    "value": 55,
                    "date": date(2026, 2, 1),
                },
                {
                    "key_result_id": cls.kr_on_time.id,
                    "value": 68,
                    "date": date(2026, 3, 1),
                    "blocker_note": "Supplier late",
                },
                {
                    "key_result_id": cls.kr_rework.id,
                    "value": 70,
                    "date": date(2026, 3, 1),
                },
                {
                    "key_result_id": cls.kr_nps.id,
                    "value": 9.1,
                    "date": date(2026, 3, 1),
                },
                {
                    "key_result_id": cls.kr_csat.id,
                    "value": 3.3,
                    "date": date(2026, 3, 1),
                },
            ]
        )
        cls.origin_check_ins = check_ins.filtered(
            lambda c: c.key_result_id == cls.kr_on_time
        )
        (cls.committed | cls.aspirational).action_activate()

    def _close_q1(self):
        action = self.q1.action_close()
        retro = self.env["okr.retrospective"].browse(action["res_id"])
        return action, retro

    def test_close_opens_retrospective_with_frozen_scores(self):
        action, retro = self._close_q1()
        self.assertEqual(action["res_model"], "okr.retrospective")
        self.assertEqual(action["target"], "new")
        self.assertEqual(retro.period_id, self.q1)
        self.assertEqual(retro.next_period_id, self.q2)
        line_committed = retro.line_ids.filtered(
            lambda line: line.objective_id == self.committed
        )
        line_aspirational = retro.line_ids - line_committed
        # committed: (70 % + 100 %) / 2 = 0.85, not achieved below 1.0
        self.assertAlmostEqual(line_committed.score, 0.85)
        self.assertFalse(line_committed.is_achieved)
        # aspirational: (100 % + 25 %) / 2 = 0.625, not achieved below 0.7
        self.assertAlmostEqual(line_aspirational.score, 0.625)
        self.assertFalse(line_aspirational.is_achieved)
        # a late value move is refused: the numbers stay as at the close
        with self.assertRaises(UserError):
            self.kr_csat.current_value = 4.2
        self.assertAlmostEqual(self.aspirational.score, 0.625)
        self.assertAlmostEqual(line_aspirational.score, 0.625)
        self.assertEqual(self.kr_csat.score_band, evaluation.FAIL)
        # closing again reuses the retrospective
        self.q1.action_reset_draft()
        action_again = self.q1.action_close()
        self.assertEqual(action_again["res_id"], retro.id)
        self.assertEqual(len(retro.line_ids), 2)

    def test_quarterly_evaluation_bands_and_aim(self):
        _action, retro = self._close_q1()
        bands = {
            kr: kr.score_band
            for kr in self.kr_on_time | self.kr_rework | self.kr_nps | self.kr_csat
        }
        self.assertEqual(
            bands,
            {
                self.kr_on_time: evaluation.TARGET,  # 0.70
                self.kr_rework: evaluation.STRETCH,  # 1.0 (120 %)
                self.kr_nps: evaluation.STRETCH,  # 1.0 (123 %)
                self.kr_csat: evaluation.FAIL,  # 0.25
            },
        )
        # committed key results are met at 1.0 or not met (seed 004): on-time
        # at 0.70 is not met, rework at 1.0 is
        self.assertEqual(
            (
                retro.committed_key_result_count,
                retro.committed_met_count,
                retro.committed_not_met_count,
            ),
            (2, 1, 1),
        )
        # the bands and the aim judge the aspirational key results only
        self.assertEqual(retro.key_result_count, 2)
        self.assertEqual(
            (
                retro.fail_count,
                retro.commit_count,
                retro.target_count,
                retro.stretch_count,
            ),
            (1, 0, 0, 1),
        )
        # (1.0 + 0.25) / 2 = 0.625: within the 0.6-0.7 aim
        self.assertAlmostEqual(retro.average_score, 0.625)
        self.assertEqual(retro.aim_status, evaluation.WITHIN_AIM)
        # an aspirational objective turned committed leaves the aim
        self.aspirational.okr_type = "committed"
        retro.invalidate_recordset()
        self.assertEqual(
            (retro.key_result_count, retro.committed_key_result_count), (0, 4)
        )
        self.assertFalse(retro.aim_status)
        self.assertEqual(retro.committed_met_count, 2)
        self.assertEqual((retro.objective_count, retro.achieved_count), (2, 0))
        # the pivot groups by team and band
        groups = self.env["okr.key.result"]._read_group(
            [("period_id", "=", self.q1.id)],
            ["evaluation_team_id", "score_band"],
            ["__count"],
        )
        self.assertIn((self.committed, evaluation.STRETCH, 1), groups)
        self.assertIn((self.aspirational, evaluation.FAIL, 1), groups)

    def test_band_limits(self):
        band = evaluation.score_band
        self.assertEqual(band(0.29), evaluation.FAIL)
        self.assertEqual(band(0.3), evaluation.COMMIT)
        self.assertEqual(band(0.69), evaluation.COMMIT)
        self.assertEqual(band(0.7), evaluation.TARGET)
        self.assertEqual(band(0.99), evaluation.TARGET)
        self.assertEqual(band(1.0), evaluation.STRETCH)
        # the clamped score says 1.0 at most: the raw progress tells the overshoot
        self.assertEqual(band(0.9, raw_progress=130.0), evaluation.STRETCH)
        self.assertEqual(evaluation.aim_status(0.55), evaluation.BELOW_AIM)
        self.assertEqual(evaluation.aim_status(0.65), evaluation.WITHIN_AIM)
        self.assertEqual(evaluation.aim_status(0.7), evaluation.WITHIN_AIM)
        self.assertEqual(evaluation.aim_status(0.71), evaluation.ABOVE_AIM)

    def test_team_of_an_individual_key_result(self):
        company = self._objective("Company", level="company", period=self.year)
        team = self._objective("Team", level="team", parent_id=company.id)
        mine = self._objective("Mine", level="individual", parent_id=team.id)
        kr_mine = self._key_result(mine)
        kr_company = self._key_result(company)
        self.assertEqual(kr_mine.evaluation_team_id, team)
        self.assertEqual(kr_company.evaluation_team_id, company)

    def test_carry_over_unfinished_key_results(self):
        _action, retro = self._close_q1()
        line = retro.line_ids.filtered(lambda li: li.objective_id == self.committed)
        with Form(line) as form:
            form.why_not = "The supplier delivered late for six weeks."
            form.lessons = "Check the suppliers' plans in the monthly review."
            form.carry_over = "unfinished"
        # only the unfinished key result is proposed
        self.assertEqual(line.carry_key_result_ids, self.kr_on_time)
        retro.action_done()

        self.assertEqual(retro.state, "done")
        copy = line.carried_objective_id
        self.assertTrue(line.carried_over)
        self.assertEqual(copy.period_id, self.q2)
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.carry_over_from_id, self.committed)
        self.assertEqual(self.committed.carry_over_ids, copy)
        self.assertEqual(len(copy.key_result_ids), 1)
        new_kr = copy.key_result_ids
        self.assertEqual(new_kr.carry_over_from_id, self.kr_on_time)
        # the copy starts where the origin ended; its history stays on the origin
        self.assertEqual((new_kr.start_value, new_kr.current_value), (68.0, 68.0))
        self.assertEqual(new_kr.target_value, 80.0)
        self.assertEqual(new_kr.progress, 0.0)
        self.assertFalse(new_kr.check_in_ids)
        self.assertEqual(self.kr_on_time.check_in_ids, self.origin_check_ins)
        self.assertEqual(new_kr.deadline, self.q2.date_end)
        # the unfinished initiative goes on, the done one stays behind
        self.assertEqual(new_kr.initiative_ids.mapped("name"), ["WBS templates"])
        # the origin keeps its frozen score and its state
        self.assertEqual(self.committed.state, "closed")
        self.assertAlmostEqual(self.committed.score, 0.85)
        # both chatters tell where the other one is
        self.assertIn("Carried over from", " ".join(copy.message_ids.mapped("body")))
        self.assertIn(
            "Carried over to", " ".join(self.committed.message_ids.mapped("body"))
        )
        action = copy.action_open_carry_over_origin()
        self.assertEqual(action["res_id"], self.committed.id)
        # finishing again copies nothing twice
        retro.action_reset_draft()
        retro.action_done()
        self.assertEqual(self.committed.carry_over_ids, copy)
        self.assertEqual(len(copy.key_result_ids), 1)

    def test_carry_over_whole_objective(self):
        _action, retro = self._close_q1()
        line = retro.line_ids.filtered(lambda li: li.objective_id == self.aspirational)
        line.carry_over = "objective"
        retro.action_done()
        copy = line.carried_objective_id
        self.assertEqual(
            copy.key_result_ids.carry_over_from_id, self.kr_nps | self.kr_csat
        )
        self.assertEqual(copy.okr_type, "aspirational")
        # the other objective stays where it was
        other = retro.line_ids - line
        self.assertFalse(other.carried_objective_id)
        self.assertFalse(self.committed.carry_over_ids)
        self.assertEqual(retro.carried_over_count, 1)

    def test_carry_over_needs_a_next_period(self):
        self.q2.unlink()
        _action, retro = self._close_q1()
        self.assertFalse(retro.next_period_id)
        retro.line_ids[0].carry_over = "objective"
        with self.assertRaisesRegex(UserError, "no period after 2026-Q1"):
            retro.action_done()
        # nothing to carry: the retrospective finishes
        retro.line_ids[0].carry_over = "none"
        retro.action_done()
        self.assertEqual(retro.state, "done")

    def test_pdf_renders(self):
        _action, retro = self._close_q1()
        line = retro.line_ids.filtered(lambda li: li.objective_id == self.committed)
        line.why_not = "The supplier delivered late for six weeks."
        report = self.env.ref("okr_management.action_report_okr_retrospective")
        html, _type = report._render_qweb_html(report.report_name, retro.ids)
        html = html.decode()
        for text in (
            "Quarterly Retrospective",
            "2026-Q1",
            "Deliver on time",
            "On-time delivery 40 % to 80 %",
            "The supplier delivered late for six weeks.",
            "Stretch (&gt;= 1.0)",
            # the aspirational average, (1.0 + 0.25) / 2
            "0.62",
            "Committed key results",
        ):
            self.assertIn(text, html)
        # tests render HTML unless forced: wkhtmltopdf really runs here
        self.assert_wkhtmltopdf_works()
        pdf, report_type = report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(report.report_name, retro.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
