# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Wizard lines show a key result's figures only to who may read it: their
related fields are read with the user's rights, not the superuser's, so even an
unsaved line (the form's onchange) does not leak another company's numbers."""

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OkrCase


@tagged("post_install", "-at_install")
class TestWizardRelatedRights(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader = new_test_user(
            cls.env, "wr_reader", groups="okr_management.group_okr_user"
        )
        far_company = cls.env["res.company"].create({"name": "Far Company"})
        far_period = cls.env["okr.period"].create(
            {
                "name": "Far Q1",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 3, 31),
                "company_id": far_company.id,
            }
        )
        cls.far_key_result = cls._key_result(
            cls._objective("Far", period=far_period),
            start_value=8.0,
            target_value=4.0,
        )
        cls.own_key_result = cls._key_result(
            cls._objective("Own", user_id=cls.reader.id),
            start_value=8.0,
            target_value=4.0,
            user_id=cls.reader.id,
        )

    def test_unsaved_weekly_line_does_not_read_foreign_figures(self):
        lines = self.env["okr.check.in.weekly.line"].with_user(self.reader)
        own = lines.new({"key_result_id": self.own_key_result.id})
        self.assertEqual((own.start_value, own.target_value), (8.0, 4.0))
        foreign = lines.new({"key_result_id": self.far_key_result.id})
        with self.assertRaises(AccessError):
            _value = foreign.target_value

    def test_unsaved_change_wizard_does_not_read_foreign_state(self):
        wizards = self.env["okr.key.result.change"].with_user(self.reader)
        foreign = wizards.new({"key_result_id": self.far_key_result.id})
        with self.assertRaises(AccessError):
            _state = foreign.objective_state
