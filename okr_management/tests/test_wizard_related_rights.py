# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Wizards and lines read what they show with the user's rights: none of their
related fields is computed as superuser (Odoo's default for related fields),
so a line never shows figures of a record its user may not read."""

from odoo.tests import TransactionCase, tagged

# the stored lines shown beside their retrospective, and every OKR wizard
LINE_MODELS = ("okr.retrospective.line",)


@tagged("post_install", "-at_install")
class TestWizardRelatedRights(TransactionCase):
    def test_no_related_field_of_a_wizard_is_read_as_superuser(self):
        models = [
            model
            for name, model in self.env.registry.items()
            if name.startswith("okr.") and (model._transient or name in LINE_MODELS)
        ]
        self.assertIn("okr.check.in.weekly.line", {model._name for model in models})
        offenders = [
            f"{model._name}.{field.name}"
            for model in models
            for field in model._fields.values()
            if field.related and not field.store and field.compute_sudo
        ]
        self.assertEqual(offenders, [])
