# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Execution: one grouped query per plan, its rows summed into values."""

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from psycopg2.errors import QueryCanceled

from odoo.fields import Domain
from odoo.tools import SQL

from .definition import (
    DURATION_UNITS,
    ERR_NO_DATA,
    ERR_QUERY,
    ERR_TIMEOUT,
    ERR_ZERO,
    MetricDefinitionError,
    MetricError,
    check_definition,
    parse_domain,
)
from .planning import _base_domain, _make_plans, scope_ids, window_domain


def evaluate(env, definitions, requests):
    """Compute every request; return ``{request.key: float | MetricError}``.

    :param env: any environment; queries run as each bucket's evaluating user
    :param definitions: iterable of :class:`MetricDefinition`
    :param requests: iterable of :class:`MetricRequest`
    """
    definitions = {d.key: d for d in definitions}
    results = {}
    bad_definitions = {}
    for key, definition in definitions.items():
        try:
            check_definition(env, definition)
        except MetricDefinitionError as exc:
            bad_definitions[key] = exc.error
    plans = _make_plans(env, definitions, bad_definitions, requests, results)
    if plans:
        _execute(env, plans, results)
    return results


@dataclass
class _Acc:
    """Partial aggregates of one cell, summable across groups."""

    count: int = 0
    total: float = 0.0
    valued: int = 0  # records with a value (for avg)
    num: float = 0.0  # ratio numerator
    seconds: float = 0.0  # duration total
    durations: int = 0

    def add(self, other):
        self.count += other.count
        self.total += other.total
        self.valued += other.valued
        self.num += other.num
        self.seconds += other.seconds
        self.durations += other.durations


TIMEOUT_PARAM = "okr_management.metric_statement_timeout_ms"
DEFAULT_TIMEOUT_MS = 5000


def _timeout_ms(env):
    value = env["ir.config_parameter"].sudo().get_param(TIMEOUT_PARAM)
    try:
        return max(1, int(value)) if value else DEFAULT_TIMEOUT_MS
    except ValueError:
        return DEFAULT_TIMEOUT_MS


@contextmanager
def _statement_timeout(env, timeout_ms):
    """Cap each metric query at ``timeout_ms`` (inside a savepoint: if a query is
    cancelled, rolling back to the savepoint also restores the setting)."""
    # one query: the current setting is read (in a subquery that OFFSET 0
    # keeps apart, so before) and the new one set
    [[previous, _new]] = env.execute_query(
        SQL(
            "SELECT previous, set_config('statement_timeout', %s, true) FROM "
            "(SELECT current_setting('statement_timeout') AS previous OFFSET 0) s",
            f"{timeout_ms}ms",
        )
    )
    yield
    env.cr.execute(SQL("SELECT set_config('statement_timeout', %s, true)", previous))


def _execute(env, plans, results):
    # one savepoint for the whole run; only if something fails does each plan get
    # its own, so a broken plan never stops the others and the common case costs
    # a few queries more, not a few per plan. Every query is capped by a statement
    # timeout: a slow domain cannot hold a worker or a salesperson's "Mark Won".
    timeout = _timeout_ms(env)
    try:
        with env.cr.savepoint(), _statement_timeout(env, timeout):
            cells = [_run_plan(env, plan) for plan in plans]
    except Exception:  # noqa: BLE001 - isolated per plan below
        cells = []
        for plan in plans:
            try:
                with env.cr.savepoint(), _statement_timeout(env, timeout):
                    cells.append(_run_plan(env, plan))
            except QueryCanceled:
                cells.append(MetricError(ERR_TIMEOUT, f"{timeout} ms"))
            except Exception as exc:  # noqa: BLE001 - becomes the plan's error value
                cells.append(MetricError(ERR_QUERY, _first_line(exc)))
    for plan, plan_cells in zip(plans, cells, strict=True):
        for request in plan.requests:
            if isinstance(plan_cells, MetricError):
                results[request.key] = plan_cells
            else:
                acc = _Acc()
                for scope_id in scope_ids(request):
                    acc.add(plan_cells.get((request.scope, scope_id)) or _Acc())
                results[request.key] = _value(plan.definition, acc)


def _run_plan(env, plan):
    """Run the grouped query (two for a ratio); return {(scope, id): _Acc}."""
    definition = plan.definition
    model = (
        env[definition.model]
        .with_user(plan.uid)
        .with_context(allowed_company_ids=list(plan.company_ids), active_test=True)
    )
    scopes = {r.scope for r in plan.requests}
    groupby = []
    if "owner" in scopes:
        groupby.append(definition.user_field)
    if "team" in scopes:
        groupby.append(definition.team_field)
    first = plan.requests[0]
    domain = _base_domain(env, definition, plan.uid, plan.company_ids)
    domain &= window_domain(
        model, definition.date_field, first.date_from, first.date_to
    )
    # only one dimension asked: restrict the scan to the asked owners/teams
    if scopes == {"owner"}:
        ids = sorted({r.scope_id for r in plan.requests})
        domain &= Domain(definition.user_field, "in", ids)
    elif scopes == {"team"}:
        ids = sorted({i for r in plan.requests for i in scope_ids(r)})
        domain &= Domain(definition.team_field, "in", ids)

    agg = definition.aggregate
    value_field = definition.value_field
    if agg == "count" or (agg == "ratio" and not value_field):
        aggregates = ["__count"]
    elif agg in ("sum", "avg", "ratio"):
        aggregates = ["__count", f"{value_field}:sum", f"{value_field}:count"]
    else:  # duration: both columns, aligned by record id, differenced in Python
        aggregates = [
            f"{definition.duration_start_field}:array_agg",
            f"{definition.duration_end_field}:array_agg",
        ]
    cells = defaultdict(_Acc)

    def accumulate(rows, numerator=False):
        for row in rows:
            dims, values = row[: len(groupby)], row[len(groupby) :]
            acc = _Acc()
            if agg == "duration":
                starts, ends = values
                for start, end in zip(starts or (), ends or (), strict=True):
                    acc.seconds += (end - start).total_seconds()
                    acc.durations += 1
            elif numerator:
                acc.num = (values[1] or 0.0) if len(values) > 1 else values[0]
            else:
                acc.count = values[0]
                if len(values) > 1:
                    acc.total = values[1] or 0.0
                    acc.valued = values[2]
            cells[("company", None)].add(acc)
            for fname, dim in zip(groupby, dims, strict=True):
                scope = "owner" if fname == definition.user_field else "team"
                if dim:
                    cells[(scope, dim.id)].add(acc)

    # identical user and team fields would be grouped twice; harmless but useless
    accumulate(model._read_group(domain, groupby, aggregates))
    if agg == "ratio":
        numerator = domain & parse_domain(
            definition.ratio_domain, plan.uid, plan.company_ids
        )
        accumulate(model._read_group(numerator, groupby, aggregates), numerator=True)
    return cells


def _value(definition, acc):
    acc = acc or _Acc()
    agg = definition.aggregate
    if agg == "count":
        return float(acc.count)
    if agg == "sum":
        return float(acc.total)
    if agg == "avg":
        if not acc.valued:
            return MetricError(ERR_NO_DATA, "no record to average")
        return acc.total / acc.valued
    if agg == "ratio":
        denominator = acc.total if definition.value_field else acc.count
        if not denominator:
            return MetricError(ERR_ZERO, "division by zero")
        return 100.0 * acc.num / denominator
    if not acc.durations:
        return MetricError(ERR_NO_DATA, "no record with both dates")
    return acc.seconds / acc.durations / DURATION_UNITS[definition.duration_unit]


def _first_line(exc):
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
