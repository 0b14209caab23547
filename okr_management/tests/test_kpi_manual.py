# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OkrCase

DRIFT = "okr_management.mail_activity_type_kpi_drift"


@tagged("post_install", "-at_install")
class TestKpiTypedByHand(OkrCase):
    """Seed 004's service-desk KPIs come from a tool Odoo does not read: the
    responsible types the value, and the KPI behaves as a refreshed one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # KPIs are set up, and typed, by OKR managers; users read them
        manager = cls.env.ref("okr_management.group_okr_manager")
        other_company = cls.env["res.company"].create({"name": "Other KPI company"})
        cls.owner, cls.other_company_user = cls.env["res.users"].create(
            [
                {
                    "name": "Service desk lead",
                    "login": "kpi_typed_owner",
                    "group_ids": [(4, manager.id)],
                },
                {
                    "name": "Elsewhere",
                    "login": "kpi_typed_elsewhere",
                    "group_ids": [(4, manager.id)],
                    "company_id": other_company.id,
                    "company_ids": [(6, 0, other_company.ids)],
                },
            ]
        )

    def _typed_kpi(self, **values):
        form = Form(self.env["okr.kpi"].with_user(self.owner))
        form.name = "L1 resolution time"
        form.unit = "h"
        form.target_value = 4
        form.healthy_operator = "below"
        form.healthy_value = 6
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    def _drift_activities(self, kpi):
        return kpi.activity_ids.filtered(
            lambda activity: activity.activity_type_id == self.env.ref(DRIFT)
        )

    def test_typed_values_keep_trend_and_drift(self):
        kpi = self._typed_kpi(current_value=5.9)
        self.assertFalse(kpi.metric_id)
        self.assertEqual(kpi.unit, "h", "a typed KPI keeps the unit typed")
        self.assertTrue(kpi.last_refresh)
        self.assertEqual(kpi.trend, "flat", "the first value has nothing before it")
        self.assertFalse(kpi.is_drifting)
        with Form(kpi) as form:
            form.current_value = 8.0
        self.assertEqual((kpi.previous_value, kpi.trend), (5.9, "up"))
        self.assertTrue(kpi.is_drifting, "8 h is above the healthy 6 h")
        self.assertEqual(len(self._drift_activities(kpi)), 1)
        self.assertEqual(self._drift_activities(kpi).user_id, self.owner)
        self.assertEqual(kpi.progress, 50.0, "lower is better: 8 h against 4 h")
        kpi.with_user(self.owner).current_value = 5.0
        self.assertEqual((kpi.previous_value, kpi.trend), (8.0, "down"))
        self.assertFalse(kpi.is_drifting)
        self.assertFalse(self._drift_activities(kpi), "back in range: closed")

    def test_refresh_leaves_a_typed_value(self):
        kpi = self._typed_kpi(current_value=5.0)
        kpi.action_refresh()
        # what the hourly refresh runs over every KPI
        self.env["okr.kpi"].sudo().search([])._refresh()
        self.assertEqual(kpi.current_value, 5.0)
        self.assertFalse(kpi.error)

    def test_a_measured_value_is_not_typed(self):
        metric = self.env["okr.metric"].create(
            {
                "name": "Partners",
                "model_id": self.env["ir.model"]._get("res.partner").id,
                "aggregate": "count",
            }
        )
        kpi = self._typed_kpi(current_value=5.0)
        kpi.with_user(self.owner).metric_id = metric
        measured = kpi.current_value
        with self.assertRaisesRegex(UserError, "comes from its metric"):
            kpi.with_user(self.owner).current_value = measured + 1
        self.assertEqual(kpi.current_value, measured)
        # removing the metric makes it a typed KPI again, in one save
        kpi.with_user(self.owner).write({"metric_id": False, "current_value": 3.0})
        self.assertEqual((kpi.current_value, kpi.previous_value), (3.0, measured))

    def test_who_may_type(self):
        kpi = self._typed_kpi(current_value=5.0)
        reader = self.env["res.users"].create(
            {
                "name": "Reader",
                "login": "kpi_typed_reader",
                "group_ids": [(4, self.env.ref("okr_management.group_okr_user").id)],
            }
        )
        self.assertEqual(kpi.with_user(reader).current_value, 5.0)
        with self.assertRaises(AccessError):
            kpi.with_user(reader).current_value = 1.0
        with self.assertRaises(AccessError):
            kpi.with_user(self.other_company_user).current_value = 1.0
        with self.assertRaises(AccessError):
            kpi.with_user(self.other_company_user).read(["current_value"])
        self.assertEqual(kpi.current_value, 5.0)

    def test_a_typed_value_is_a_sane_number(self):
        kpi = self._typed_kpi(current_value=5.0)
        for bad in (float("nan"), float("inf"), -float("inf"), 1e300):
            with self.assertRaises(ValidationError):
                kpi.with_user(self.owner).current_value = bad
        with self.assertRaises(ValidationError):
            kpi.with_user(self.owner).write({"current_value": "five"})
        self.assertEqual((kpi.current_value, kpi.trend), (5.0, "flat"))
        self.assertFalse(kpi.is_drifting)
