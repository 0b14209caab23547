# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOkrAlignment(OkrCase):
    """Alignment chains of any depth: re-parenting anywhere up the chain moves
    the stored values below it (parent_path, not a walk of fixed depth)."""

    def _chain(self, *specs, parent=None):
        """Objectives aligned one under the other, from ``(name, level)``."""
        objectives = self.env["okr.objective"]
        for name, level in specs:
            parent = self._objective(
                name, level=level, parent_id=parent.id if parent else False
            )
            objectives |= parent
        return objectives

    def _stored(self, field_name, records):
        """``{record: value}`` as stored in the database, after the pending
        recomputations."""
        self.env.flush_all()
        self.env.invalidate_all()
        return {record: record[field_name] for record in records.browse(records.ids)}

    def test_evaluation_team_at_depth_five(self):
        company, team_a, person_b, person_c, person_d = self._chain(
            ("Company", "company"),
            ("Team A", "team"),
            ("B", "individual"),
            ("C", "individual"),
            ("D", "individual"),
        )
        team_b = self._objective("Team B", level="team", parent_id=company.id)
        kr_b, kr_c, kr_d = (
            self._key_result(objective, f"KR {objective.name}")
            for objective in (person_b, person_c, person_d)
        )
        key_results = kr_b | kr_c | kr_d
        self.assertEqual(
            self._stored("evaluation_team_id", key_results),
            {kr_b: team_a, kr_c: team_a, kr_d: team_a},
        )
        # a middle objective moves to another team: its whole branch follows
        person_c.parent_id = team_b
        self.assertEqual(
            self._stored("evaluation_team_id", key_results),
            {kr_b: team_a, kr_c: team_b, kr_d: team_b},
        )
        self.assertTrue(person_d.parent_path.startswith(team_b.parent_path))
        # a level changing two steps up the chain reaches the key results below
        team_b.level = "individual"
        self.assertEqual(
            self._stored("evaluation_team_id", key_results),
            {kr_b: team_a, kr_c: person_c, kr_d: person_d},
        )
        person_c.write({"level": "team", "team_id": self._general_team().id})
        self.assertEqual(
            self._stored("evaluation_team_id", key_results),
            {kr_b: team_a, kr_c: person_c, kr_d: person_c},
        )
        # the top of the chain moves under a team: everything below it reaches it
        holding = self._objective("Holding", level="team")
        person_c.level = "individual"
        company.parent_id = holding
        self.assertEqual(
            self._stored("evaluation_team_id", key_results),
            {kr_b: team_a, kr_c: holding, kr_d: holding},
        )
        # the pivot of the evaluation groups by the stored team
        groups = dict(
            self.env["okr.key.result"]._read_group(
                [("id", "in", key_results.ids)], ["evaluation_team_id"], ["__count"]
            )
        )
        self.assertEqual(groups, {team_a: 1, holding: 2})

    def test_roll_up_at_depth_five(self):
        top, second, middle, fourth, bottom = self._chain(
            ("Top", "company"),
            ("Second", "team"),
            ("Middle", "team"),
            ("Fourth", "individual"),
            ("Bottom", "individual"),
        )
        other_top, other = self._chain(("Other top", "company"), ("Other", "team"))
        kr_bottom = self._key_result(bottom, current_value=40)
        self._key_result(other, current_value=100)
        chain = top | second | middle | fourth | bottom | other_top | other
        self.assertEqual(
            self._stored("progress", chain),
            {
                top: 40.0,
                second: 40.0,
                middle: 40.0,
                fourth: 40.0,
                bottom: 40.0,
                other_top: 100.0,
                other: 100.0,
            },
        )
        middle.parent_id = other_top
        progress = self._stored("progress", chain)
        # the old branch lost its only measured descendant; the new one averages
        self.assertEqual((progress[top], progress[second]), (0.0, 0.0))
        self.assertEqual(progress[other_top], 70.0)
        kr_bottom.current_value = 80
        progress = self._stored("progress", chain)
        self.assertEqual(
            (progress[middle], progress[fourth], progress[other_top], progress[top]),
            (80.0, 80.0, 90.0, 0.0),
        )

    def test_alignment_below_at_any_depth(self):
        objectives = self._chain(
            ("One", "company"),
            ("Two", "team"),
            ("Three", "team"),
            ("Four", "individual"),
            ("Five", "individual"),
        )
        one, five = objectives[0], objectives[-1]
        self.assertEqual(
            self.env["okr.objective"].search([("id", "child_of", one.id)]),
            objectives,
        )
        # the nearest first
        self.assertEqual(five.ancestor_ids.ids, (objectives - five).ids[::-1])
        self.assertEqual(
            self.env["okr.objective"].search([("ancestor_ids", "in", one.ids)]),
            objectives - one,
        )
        with self.assertRaisesRegex(ValidationError, "aligned to itself"):
            one.parent_id = five

    def test_monthly_review_of_a_deep_team_tree(self):
        teams = self.env["okr.team"]
        for name in ("Company", "Team", "Squad", "Pair"):
            teams |= teams.create(
                {"name": name, "parent_id": teams[-1:].id if teams else False}
            )
        branch = self._chain(("Squad's", "team"), ("Pair's", "individual"))
        branch[0].team_id = teams[2]
        branch[1].team_id = teams[3]
        elsewhere = self._objective("Elsewhere", level="team")
        (branch | elsewhere).action_activate()
        review = self.env["okr.monthly.review"].create(
            {"team_id": teams[0].id, "month": self.q1.date_start}
        )
        self.assertEqual(review._okr_objectives(), branch)
        self.assertEqual(
            self.env["okr.monthly.review"]
            .create({"team_id": teams[3].id, "month": self.q1.date_start})
            ._okr_objectives(),
            branch[1],
        )
        elsewhere.team_id = teams[1]
        self.assertEqual(review._okr_objectives(), branch | elsewhere)

    def test_period_tree(self):
        self.assertEqual(
            self.env["okr.period"].search([("id", "child_of", self.year.id)]),
            self.year | self.q1 | self.q2,
        )
        self.assertTrue(self.q1.parent_path.startswith(self.year.parent_path))
        with self.assertRaisesRegex(ValidationError, "cannot contain itself"):
            self.year.parent_id = self.q1

    def test_no_alignment_across_companies(self):
        company_b = self.env["res.company"].create({"name": "Alignment B"})
        period_b = self.env["okr.period"].create(
            {
                "name": "B 2026-Q1",
                "date_start": self.q1.date_start,
                "date_end": self.q1.date_end,
                "company_id": company_b.id,
            }
        )
        objective_b = self._objective("B's goal", period=period_b)
        objective = self._objective("Ours")
        with self.assertRaisesRegex(UserError, "company"):
            objective.parent_id = objective_b
        kpi = self.env["okr.kpi"].create(
            {
                "name": "B's KPI",
                "metric_id": self.env["okr.metric"]
                .create(
                    {
                        "name": "Partners",
                        "model_id": self.env["ir.model"]._get("res.partner").id,
                    }
                )
                .id,
                "company_id": company_b.id,
            }
        )
        with self.assertRaisesRegex(UserError, "company"):
            objective.kpi_ids = kpi
