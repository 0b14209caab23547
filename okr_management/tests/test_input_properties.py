# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Property test: whatever a plain user sends to create or write, the OKR
models answer with success or a clean error, store nothing NaN or infinite,
and the board's JSON stays strict JSON.

Accepted errors:

- ``UserError`` and its kin (``ValidationError``, ``AccessError``): the
  models' own answers;
- ``ValueError`` / ``TypeError``: Odoo's field conversion refusing a wrong
  type (a list for a float, a word for a selection) before anything is
  written; JSON-RPC answers them as an error like any other;
- ``psycopg2.IntegrityError``: a SQL constraint (``CHECK (weight > 0)``); the
  RPC layer turns it into a ValidationError (``odoo.service.model``), a test
  sees the raw exception.

Anything else (an OverflowError, a KeyError, a 500) fails the test.
"""

import json
import math
from datetime import date

import psycopg2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import OkrCase

ACCEPTED = (UserError, ValueError, TypeError, psycopg2.IntegrityError)

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -1.0, 1e15, -1e15, 1e16, 1e300, -1e300, 5e-324]),
    st.integers(min_value=-(10**20), max_value=10**20),
)
WRONG = st.one_of(
    st.text(max_size=12),
    st.none(),
    st.booleans(),
    st.lists(st.integers(min_value=0, max_value=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=1),
)
VALUES = st.one_of(NUMBERS, NUMBERS, WRONG)
PROPERTY_SETTINGS = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _values(fnames):
    return st.fixed_dictionaries({}, optional=dict.fromkeys(fnames, VALUES))


@tagged("post_install", "-at_install")
class TestInputProperties(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = new_test_user(
            cls.env, "prop_alice", groups="okr_management.group_okr_user"
        )
        cls.objective = cls._objective("Fuzzed", period=cls.year, user_id=cls.alice.id)
        cls.key_result = cls._key_result(cls.objective, user_id=cls.alice.id)
        cls.initiative = cls.env["okr.initiative"].create(
            {"name": "Work", "key_result_id": cls.key_result.id}
        )
        cls.retrospective = cls.env["okr.retrospective"].create(
            {"period_id": cls.year.id}
        )
        cls.line = cls.env["okr.retrospective.line"].create(
            {"retrospective_id": cls.retrospective.id, "objective_id": cls.objective.id}
        )
        cls.env.flush_all()

    def _assert_sane_database(self, model):
        table = self.env[model]._table
        float_columns = [
            field.name
            for field in self.env[model]._fields.values()
            if field.type == "float" and field.store and field.column_type
        ]
        for column in float_columns:
            self.env.cr.execute(
                f'SELECT count(*) FROM "{table}" '  # noqa: S608 - model's own columns
                f"WHERE \"{column}\"::float8 IN ('NaN', 'Infinity', '-Infinity')"
            )
            self.assertEqual(self.env.cr.fetchone()[0], 0, f"{model}.{column}")

    def _assert_board_json(self):
        env = self.env(user=self.alice)
        for model, spec in (
            ("okr.objective", {"progress": {}, "score": {}, "health": {}}),
            ("okr.key.result", {"progress": {}, "raw_progress": {}, "weight": {}}),
        ):
            result = env[model].web_search_read([], spec)
            json.dumps(result, allow_nan=False)

    def _attempt(self, model, operation):
        """Run ``operation`` in a savepoint; return True when it succeeded."""
        savepoint = self.env.cr.savepoint()
        try:
            operation()
            self.env.flush_all()
            self._assert_sane_database(model)
            self._assert_board_json()
        except ACCEPTED:
            return False
        finally:
            # every example starts from the same data (the rollback clears
            # the cache and the pending writes too)
            savepoint.close(rollback=True)
        return True

    @PROPERTY_SETTINGS
    @given(
        create=st.booleans(),
        vals=_values(
            [
                "name",
                "start_value",
                "target_value",
                "current_value",
                "weight",
                "result_type",
            ]
        ),
    )
    def test_key_result_input(self, create, vals):
        env = self.env(user=self.alice)

        def operation():
            if create:
                env["okr.key.result"].create(
                    {"name": "Fuzz", "objective_id": self.objective.id, **vals}
                )
            else:
                env["okr.key.result"].browse(self.key_result.id).write(vals)

        self._attempt("okr.key.result", operation)
        self._assert_sane_database("okr.objective")

    @PROPERTY_SETTINGS
    @given(vals=_values(["value", "confidence", "date", "progress_note"]))
    def test_check_in_input(self, vals):
        env = self.env(user=self.alice)
        self._attempt(
            "okr.check.in",
            lambda: env["okr.check.in"].create(
                {"key_result_id": self.key_result.id, **vals}
            ),
        )

    @PROPERTY_SETTINGS
    @given(create=st.booleans(), vals=_values(["progress", "weight", "name"]))
    def test_initiative_input(self, create, vals):
        env = self.env(user=self.alice)

        def operation():
            if create:
                env["okr.initiative"].create(
                    {"name": "Fuzz", "key_result_id": self.key_result.id, **vals}
                )
            else:
                env["okr.initiative"].browse(self.initiative.id).write(vals)

        self._attempt("okr.initiative", operation)

    @PROPERTY_SETTINGS
    @given(vals=_values(["name", "okr_type", "level", "score", "sequence"]))
    def test_objective_input(self, vals):
        env = self.env(user=self.alice)
        self._attempt(
            "okr.objective",
            lambda: env["okr.objective"].browse(self.objective.id).write(vals),
        )

    @PROPERTY_SETTINGS
    @given(vals=_values(["why_not", "lessons", "score", "carry_over"]))
    def test_retrospective_line_input(self, vals):
        env = self.env(user=self.alice)
        self._attempt(
            "okr.retrospective.line",
            lambda: env["okr.retrospective.line"].browse(self.line.id).write(vals),
        )

    def test_accepted_input_is_stored(self):
        """The property tests can fail: a sane value goes through."""
        env = self.env(user=self.alice)
        self.assertTrue(
            self._attempt(
                "okr.check.in",
                lambda: env["okr.check.in"].create(
                    {
                        "key_result_id": self.key_result.id,
                        "value": 42.0,
                        "date": date(2026, 11, 1),
                    }
                ),
            )
        )
        # rolled back after the example, like every other
        self.assertEqual(self.key_result.current_value, 0.0)
        self.assertTrue(math.isfinite(self.objective.progress))
