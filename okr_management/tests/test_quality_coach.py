# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import freeze_time, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
@freeze_time("2026-02-20")
class TestQualityCoach(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann = cls.env["res.users"].create(
            {
                "name": "Ann Coach",
                "login": "ann_coach",
                "group_ids": [(4, cls.env.ref("okr_management.group_okr_user").id)],
            }
        )

    def _good_objective(self, name="Convert more leads", **values):
        """An objective the coach has nothing to say about."""
        values.setdefault("user_id", self.ann.id)
        objective = self._objective(name, okr_type="committed", **values)
        conversion = self._key_result(
            objective, "Conversion 18 % to 25 %", start_value=18, target_value=25
        )
        self._key_result(
            objective,
            "First response 8 to 6 minutes",
            result_type="decrease",
            start_value=8,
            target_value=6,
            indicator="leading",
        )
        self.env["okr.initiative"].create(
            {"name": "Automate follow-ups", "key_result_id": conversion.id}
        )
        # a check-in four days ago, in a quarter that has begun (a check-in is
        # dated inside its period and never after today)
        checked_on = date(2026, 2, 16)
        if objective.period_id.date_start <= checked_on:
            self.env["okr.check.in"].create(
                {"key_result_id": conversion.id, "value": 20, "date": checked_on}
            )
        objective.action_activate()
        return objective

    def _warnings(self, objective):
        objective.invalidate_recordset(["quality_warnings", "quality_warning_count"])
        return objective.quality_warnings or ""

    def test_good_objective_has_no_warning(self):
        objective = self._good_objective()
        self.assertEqual(objective.quality_warning_count, 0)
        self.assertFalse(objective.quality_warnings)

    def test_too_many_objectives_for_one_owner(self):
        objectives = self._good_objective("One") | self._good_objective("Two")
        objectives |= self._good_objective("Three")
        self.assertEqual(objectives.mapped("quality_warning_count"), [0, 0, 0])
        objectives |= self._good_objective("Four")
        for objective in objectives:
            self.assertIn(
                "Ann Coach has 4 objectives in 2026-Q1", self._warnings(objective)
            )
        # another quarter, another owner or a cancelled one do not count
        self._good_objective("Next quarter", period=self.q2)
        self._good_objective("Someone else's", user_id=self.env.user.id)
        objectives[-1].action_cancel()
        self.assertNotIn("objectives in 2026-Q1", self._warnings(objectives[0]))
        # the limit comes from the settings
        self.company.okr_coach_max_objectives = 2
        self.assertIn("Ann Coach has 3 objectives", self._warnings(objectives[0]))

    def test_too_many_company_objectives(self):
        objectives = self.env["okr.objective"]
        for index in range(4):
            objectives |= self._good_objective(f"Company {index}", level="company")
        self.assertIn("2026-Q1 has 4 company objectives", self._warnings(objectives[0]))

    def test_key_result_count(self):
        objective = self._good_objective()
        # the leading one goes: the one left leads instead
        objective.key_result_ids[1].unlink()
        objective.key_result_ids.indicator = "leading"
        self.assertIn("1 key result(s): plan at least 2", self._warnings(objective))
        for index in range(3):
            self._key_result(
                objective, f"Extra {index}", start_value=10, target_value=12
            )
        self.assertIn("4 key results: keep to 3 at most", self._warnings(objective))
        self.company.okr_coach_max_key_results = 5
        self.assertFalse(self._warnings(objective))
        # an objective measured by its aligned objectives needs no key result
        parent = self._objective("Company", level="company", period=self.year)
        objective.parent_id = parent
        self.assertNotIn("key result", self._warnings(parent))

    def test_key_result_without_measurable_target(self):
        objective = self._good_objective()
        self._key_result(
            objective,
            "Keep the team happy",
            result_type="maintain_above",
            start_value=0,
            target_value=0,
        )
        self.assertIn(
            "Keep the team happy has no measurable target", self._warnings(objective)
        )

    def test_output_only_key_results(self):
        objective = self._objective("Publish content", user_id=self.ann.id)
        publish = self._key_result(
            objective, "Publish 30 posts", result_type="milestone", target_value=1
        )
        self._key_result(
            objective, "Launch the blog", result_type="milestone", target_value=1
        )
        self.env["okr.initiative"].create(
            {"name": "Write", "key_result_id": publish.id}
        )
        self.assertIn("Every key result measures an output", self._warnings(objective))
        self._key_result(
            objective, "Organic qualified leads +20 %", start_value=50, target_value=60
        )
        self.assertNotIn("output", self._warnings(objective))

    def test_all_lagging(self):
        """Seed 003: a leading indicator is what the team moves this week."""
        objective = self._good_objective()
        self.assertNotIn("leading indicator", self._warnings(objective))
        objective.key_result_ids.indicator = "lagging"
        self.assertIn(
            "add a leading indicator you can move this week",
            self._warnings(objective),
        )

    def test_no_initiative(self):
        objective = self._good_objective()
        objective.key_result_ids.initiative_ids.state = "cancelled"
        self.assertIn("No initiative links", self._warnings(objective))

    def test_unrealistic_committed_jump(self):
        objective = self._good_objective()
        self._key_result(
            objective, "Sales +300 % in 90 days", start_value=100, target_value=400
        )
        self.assertIn(
            "Sales +300 % in 90 days moves 300 % from its start",
            self._warnings(objective),
        )
        # an aspirational objective stretches its bar, not what is possible
        objective.okr_type = "aspirational"
        self.assertIn("moves 300 % from its start", self._warnings(objective))
        # seed 002's on-time delivery 40 % -> 80 % is 40 points: realistic
        on_time = self._good_objective("On time")
        self._key_result(
            on_time, "On-time deliveries", start_value=40, target_value=80
        ).unit = "percent"
        self.assertNotIn("moves", self._warnings(on_time))
        # a year gives four quarters of room: 160 %
        yearly = self._good_objective("Yearly", period=self.year)
        self._key_result(yearly, "Sales +150 %", start_value=100, target_value=250)
        self.assertNotIn("moves", self._warnings(yearly))

    def test_no_check_in_for_two_weeks(self):
        objective = self._good_objective()
        self.assertNotIn("Nobody checked in", self._warnings(objective))
        with freeze_time("2026-03-02"):
            self.assertIn("Nobody checked in for 14 days", self._warnings(objective))
            # a metric refresh is no check-in
            self.env["okr.check.in"].create(
                {
                    "key_result_id": objective.key_result_ids[0].id,
                    "value": 21,
                    "origin": "metric",
                }
            )
            self.assertIn("Nobody checked in", self._warnings(objective))
            self.env["okr.check.in"].create(
                {"key_result_id": objective.key_result_ids[0].id, "value": 22}
            )
            self.assertNotIn("Nobody checked in", self._warnings(objective))

    def test_checklist_answered_no(self):
        objective = self._good_objective()
        objective.write(
            {
                "checklist_done": True,
                "checklist_measurable": True,
                "checklist_stretch": False,
                "checklist_aligned": True,
                "checklist_influence": True,
                "checklist_inspiring": False,
            }
        )
        warnings = self._warnings(objective)
        self.assertIn("answered no to", warnings)
        self.assertIn("It stretches the team beyond the usual", warnings)
        self.assertIn("Inspiring when read aloud", warnings)

    def test_closed_objectives_are_left_alone(self):
        objective = self._good_objective()
        objective.key_result_ids.initiative_ids.state = "cancelled"
        objective.action_close()
        self.assertEqual(objective.quality_warning_count, 0)

    def test_batched_for_the_board(self):
        def queries(count):
            objectives = self.env["okr.objective"]
            for index in range(count):
                objectives |= self._good_objective(f"Board {count}-{index}")
            self.env.invalidate_all()
            objectives = objectives.browse(objectives.ids)
            before = self.env.cr.sql_log_count
            objectives.mapped("quality_warning_count")
            return self.env.cr.sql_log_count - before

        # both above the 3 objectives per owner: the same messages to build
        self.assertEqual(queries(4), queries(12))
