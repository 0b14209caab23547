# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import TransactionCase


class OkrCase(TransactionCase):
    """A company quarter (2026-Q1 inside 2026) and helpers to plan in it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        period_model = cls.env["okr.period"]
        cls.year = period_model.create(
            {
                "name": "2026",
                "period_type": "year",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "state": "open",
            }
        )
        cls.q1 = period_model.create(
            {
                "name": "2026-Q1",
                "period_type": "quarter",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 3, 31),
                "parent_id": cls.year.id,
                "state": "open",
            }
        )
        cls.q2 = period_model.create(
            {
                "name": "2026-Q2",
                "period_type": "quarter",
                "date_start": date(2026, 4, 1),
                "date_end": date(2026, 6, 30),
                "parent_id": cls.year.id,
                "state": "open",
            }
        )

    @classmethod
    def _objective(cls, name="Objective", period=None, env=None, **values):
        env = env or cls.env
        return env["okr.objective"].create(
            {"name": name, "period_id": (period or cls.q1).id, **values}
        )

    @classmethod
    def _key_result(cls, objective, name="Key result", env=None, **values):
        env = env or cls.env
        values.setdefault("start_value", 0.0)
        values.setdefault("target_value", 100.0)
        return env["okr.key.result"].create(
            {"name": name, "objective_id": objective.id, **values}
        )
