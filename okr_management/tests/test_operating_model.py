# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestOperatingModel(OkrCase):
    """Seed 000: the operating model's coverage, and the strategy flow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.value = ref("okr_management.operating_area_value")
        cls.business = ref("okr_management.operating_area_business")
        cls.delivery = ref("okr_management.operating_area_delivery")
        cls.processes = ref("okr_management.operating_area_processes")
        cls.strategy = ref("okr_management.operating_area_strategy")
        cls.cycle = ref("okr_management.operating_area_value_cycle")
        cls.people = ref("okr_management.operating_area_people")

    def _parts(self, *parts):
        return {"operating_area_ids": [(6, 0, [part.id for part in parts])]}

    def test_model_is_shipped(self):
        Area = self.env["okr.operating.area"]
        areas = Area.search([("parent_id", "=", False)])
        self.assertEqual(
            areas.mapped("name"),
            ["Strategy", "People", "Structure", "Value Cycle"],
        )
        self.assertEqual(
            [len(area.child_ids) for area in areas], [4, 5, 4, 3], "sixteen parts"
        )
        self.assertIn(
            "speed, reliability",
            self.env.ref("okr_management.operating_area_systems").description,
        )
        es = Area.with_context(lang="es_ES")
        self.env["res.lang"]._activate_lang("es_ES")
        self.env["ir.module.module"]._load_module_terms(
            ["okr_management"], ["es_ES"], overwrite=True
        )
        self.assertEqual(
            es.browse(self.env.ref("okr_management.operating_area_talent").id).name,
            "Talento y habilidades",
        )

    def test_coverage_counts(self):
        first = self._objective("First", **self._parts(self.value, self.business))
        second = self._objective("Second", **self._parts(self.business, self.delivery))
        self._objective("Gone", state="cancelled", **self._parts(self.processes))
        later = self._objective("Later", period=self.q2, **self._parts(self.processes))
        Area = self.env["okr.operating.area"].with_context(okr_period_id=self.q1.id)
        coverage = {
            area: (area.coverage_count, area.is_unmeasured) for area in Area.search([])
        }
        self.assertEqual(coverage[Area.browse(self.value.id)], (1, False))
        self.assertEqual(coverage[Area.browse(self.business.id)], (2, False))
        self.assertEqual(coverage[Area.browse(self.delivery.id)], (1, False))
        # a cancelled objective measures nothing; the next quarter is elsewhere
        self.assertEqual(coverage[Area.browse(self.processes.id)], (0, True))
        # an area counts each objective of its parts once
        self.assertEqual(coverage[Area.browse(self.strategy.id)], (2, False))
        self.assertEqual(coverage[Area.browse(self.cycle.id)], (1, False))
        self.assertEqual(coverage[Area.browse(self.people.id)], (0, True))
        self.assertEqual(sum(unmeasured for _c, unmeasured in coverage.values()), 15)
        # the health of the objectives serving a part
        business = Area.browse(self.business.id)
        healths = (first | second).mapped("health")
        self.assertEqual(
            (
                business.coverage_on_track,
                business.coverage_at_risk,
                business.coverage_off_track,
            ),
            tuple(healths.count(h) for h in ("on_track", "at_risk", "off_track")),
        )
        # the year holds both quarters
        year = Area.with_context(okr_period_id=self.year.id)
        self.assertEqual(year.browse(self.processes.id).coverage_count, 1)
        # the objectives behind a figure
        action = Area.browse(self.business.id).action_open_objectives()
        self.assertEqual(
            self.env["okr.objective"].search(action["domain"]), first | second
        )
        self.assertNotIn(later, self.env["okr.objective"].search(action["domain"]))
        # the period opens its coverage
        action = self.q1.action_open_coverage()
        self.assertEqual(action["context"], {"okr_period_id": self.q1.id})

    def test_coverage_from_the_menu_is_the_running_quarter(self):
        q4 = self.env["okr.period"].create(
            {
                "name": "2026-Q4",
                "period_type": "quarter",
                "date_start": date(2026, 10, 1),
                "date_end": date(2026, 12, 31),
                "parent_id": self.year.id,
                "state": "open",
            }
        )
        self._objective("Now", period=q4, **self._parts(self.value))
        self._objective("Before", **self._parts(self.business))
        # the menu's action carries no period: the quarter of 16 November
        action = self.env.ref("okr_management.action_okr_operating_area_coverage")
        self.assertNotIn("okr_period_id", action.context or "")
        Area = self.env["okr.operating.area"]
        self.assertEqual(Area.browse(self.value.id).coverage_count, 1)
        self.assertTrue(Area.browse(self.business.id).is_unmeasured)
        self.assertEqual(
            Area.browse(self.value.id).action_open_objectives()["domain"][-1],
            ("period_id", "child_of", q4.id),
        )

    def test_users_read_managers_edit(self):
        user = new_test_user(
            self.env, login="okr_area_user", groups="okr_management.group_okr_user"
        )
        areas = self.env["okr.operating.area"].with_user(user)
        self.assertEqual(areas.search_count([]), 20)
        with self.assertRaises(AccessError):
            areas.create({"name": "Mine"})
        with self.assertRaises(AccessError):
            areas.browse(self.value.id).name = "Renamed"
        manager = new_test_user(
            self.env,
            login="okr_area_manager",
            groups="okr_management.group_okr_manager",
        )
        self.env["okr.operating.area"].with_user(manager).create(
            {"name": "Sustainability", "parent_id": self.strategy.id}
        )

    def test_strategy_flow(self):
        """Of the company objectives: aligned team objectives, initiatives."""
        reach = self._objective("Reach the teams", level="company")
        own = self._objective("Own initiative", level="company")
        self._objective("Slides only", level="company")
        self._objective("Old", level="company", state="cancelled")
        team = self._objective("Team", level="team", parent_id=reach.id)
        person = self._objective("Person", level="individual", parent_id=team.id)
        for objective in (person, own):
            key_result = self._key_result(objective)
            self.env["okr.initiative"].create(
                {"name": "Work", "key_result_id": key_result.id}
            )
        flow = self.q1._strategy_flow(date(2026, 11, 1), date(2026, 11, 30))
        self.assertEqual(
            flow, {"company": 3, "aligned": 1, "initiatives": 2, "work": 0}
        )
        self.assertEqual(
            (
                self.year.strategy_company_count,
                self.year.strategy_aligned_count,
                self.year.strategy_initiative_count,
            ),
            (3, 1, 2),
        )
        # a cancelled initiative is no way to the teams' day
        own.key_result_ids.initiative_ids.state = "cancelled"
        self.year.invalidate_recordset()
        self.assertEqual(self.year.strategy_initiative_count, 1)
