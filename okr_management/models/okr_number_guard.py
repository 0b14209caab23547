# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""No number a user types may break the board.

A float field of PostgreSQL stores NaN and infinity, and ``CHECK (weight > 0)``
lets NaN through (PostgreSQL sorts NaN above every number): one NaN weight made
an objective's progress NaN and the board's JSON invalid for the whole company.
Every OKR model refuses, at save, a number that is NaN, infinite or beyond
``MAX_ABS``, with one translated message.
"""

from odoo import api, models
from odoo.exceptions import ValidationError

from ..engine.progress import MAX_ABS, is_sane_number

MAX_INT = 2**31 - 1


def okr_number_error(env, field, value, record=None):
    """The ValidationError for a float that is NaN, infinite or beyond
    ±``MAX_ABS``; it names the record when the check runs after the write."""
    bounds = {
        "field": field._description_string(env),
        "low": f"{-MAX_ABS:g}",
        "high": f"{MAX_ABS:g}",
        "value": value,
    }
    if record is None:
        return ValidationError(
            env._(
                "%(field)s must be a number between %(low)s and %(high)s "
                "(not %(value)s).",
                **bounds,
            )
        )
    return ValidationError(
        env._(
            "%(field)s of %(record)s must be a number between "
            "%(low)s and %(high)s (not %(value)s).",
            record=record.display_name or record._description,
            **bounds,
        )
    )


def okr_check_numbers(records, field_names):
    """Raise a ValidationError when a float of ``records`` in ``field_names``
    is NaN, infinite or beyond ±``MAX_ABS``."""
    # once each: a batch create names every field once per record, and
    # checking each record against that whole list was quadratic (10,000 key
    # results: minutes)
    fields_to_check = [
        records._fields[name]
        for name in dict.fromkeys(field_names)
        if name in records._fields and records._fields[name].type == "float"
    ]
    for record in records if fields_to_check else ():
        for field in fields_to_check:
            value = record[field.name]
            if value not in (False, None) and not is_sane_number(value):
                raise okr_number_error(records.env, field, value, record)


class OkrNumberGuardMixin(models.AbstractModel):
    """Check every float written by create or write (a constraint on all of
    them, whatever the model adds later)."""

    _name = "okr.number.guard.mixin"
    _description = "OKR Number Guard"

    @api.model_create_multi
    def create(self, vals_list):
        # before the INSERT: a SQL check (weight > 0) would answer first, and
        # lets NaN through
        for vals in vals_list:
            self._okr_check_number_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._okr_check_number_vals(vals)
        return super().write(vals)

    @api.model
    def _okr_check_number_vals(self, vals):
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if field is None or value in (False, None):
                continue
            if field.type == "integer":
                self._okr_check_integer(field, value)
                continue
            if field.type != "float":
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                # text where a number goes: the same clear, translated refusal
                # instead of Python's "could not convert string to float"
                raise okr_number_error(self.env, field, value) from None
            if not is_sane_number(number):
                raise okr_number_error(self.env, field, value)

    def _okr_check_integer(self, field, value):
        # PostgreSQL's integer: a bigger one is a database error, not an answer
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):
            number = None  # text, NaN or infinity: refused below, translated
        if number is None or not -MAX_INT <= number <= MAX_INT:
            raise ValidationError(
                self.env._(
                    "%(field)s must be a whole number between %(low)s and "
                    "%(high)s (not %(value)s).",
                    field=field._description_string(self.env),
                    low=-MAX_INT,
                    high=MAX_INT,
                    value=value,
                )
            )

    def _validate_fields(self, field_names, excluded_names=()):
        field_names = list(dict.fromkeys(field_names))
        okr_check_numbers(self, field_names)
        return super()._validate_fields(field_names, excluded_names)


class OkrKeyResult(models.Model):
    _name = "okr.key.result"
    _inherit = ["okr.key.result", "okr.number.guard.mixin"]


class OkrObjective(models.Model):
    _name = "okr.objective"
    _inherit = ["okr.objective", "okr.number.guard.mixin"]


class OkrCheckIn(models.Model):
    _name = "okr.check.in"
    _inherit = ["okr.check.in", "okr.number.guard.mixin"]


class OkrInitiative(models.Model):
    _name = "okr.initiative"
    _inherit = ["okr.initiative", "okr.number.guard.mixin"]


class OkrKpi(models.Model):
    _name = "okr.kpi"
    _inherit = ["okr.kpi", "okr.number.guard.mixin"]


class OkrMetric(models.Model):
    _name = "okr.metric"
    _inherit = ["okr.metric", "okr.number.guard.mixin"]


class OkrPeriod(models.Model):
    _name = "okr.period"
    _inherit = ["okr.period", "okr.number.guard.mixin"]


class OkrRetrospective(models.Model):
    _name = "okr.retrospective"
    _inherit = ["okr.retrospective", "okr.number.guard.mixin"]


class OkrRetrospectiveLine(models.Model):
    _name = "okr.retrospective.line"
    _inherit = ["okr.retrospective.line", "okr.number.guard.mixin"]


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    @api.constrains("okr_on_track_threshold", "okr_at_risk_threshold")
    def _check_okr_threshold_numbers(self):
        okr_check_numbers(self, ["okr_on_track_threshold", "okr_at_risk_threshold"])

    @api.constrains("okr_coach_max_jump")
    def _check_okr_coach_numbers(self):
        okr_check_numbers(self, ["okr_coach_max_jump"])
