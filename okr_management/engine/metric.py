# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The metric engine: values of metric definitions for many requests at once.

It holds no ORM state: definitions and requests are plain frozen dataclasses, the
result is a dict ``{request.key: float | MetricError}``. It only needs an ``env`` to
run the queries. The cost follows distinct definitions, not requests:

1. every definition is parsed and checked once (model, fields, domain);
2. every request is placed in a *plan* keyed by (metric, window, rights bucket),
   where the rights bucket is what the evaluating user's access rules on the
   measured model come out as. Users whose rules evaluate to the same domain
   (most users of one group and company) share a bucket; a rule naming the user
   splits it;
3. each plan runs ONE ``_read_group`` (two for a ratio) grouped by the user field
   and/or the team field, as a representative user of the bucket; the company,
   owner and team values of all its requests are summed from those rows and
   matched through dicts.

A failure is a :class:`MetricError` value for the requests it concerns, never an
exception for the others (like mis_builder's #ERR / #DIV/0 cells).
"""

import ast
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from odoo import SUPERUSER_ID
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import dateutil as safe_dateutil
from odoo.tools.safe_eval import safe_eval, time

AGGREGATES = ("count", "sum", "avg", "ratio", "duration")
SCOPES = ("company", "owner", "team")
NUMERIC_TYPES = ("integer", "float", "monetary")
DATE_TYPES = ("date", "datetime")
# seconds in one unit of a duration metric
DURATION_UNITS = {"minute": 60.0, "hour": 3600.0, "day": 86400.0}
# names a domain may use; anything else is refused (no Python from users)
DOMAIN_NAMES = {
    "uid",
    "company_id",
    "company_ids",
    "context_today",
    "datetime",
    "relativedelta",
    "time",
}
USER_NAMES = {"uid", "company_id", "company_ids"}

# error codes (the models turn them into translated sentences)
ERR_MODEL = "missing_model"
ERR_FIELD = "invalid_field"
ERR_DOMAIN = "invalid_domain"
ERR_ACCESS = "access"
ERR_ZERO = "division_by_zero"
ERR_NO_DATA = "no_data"
ERR_SCOPE = "invalid_scope"
ERR_QUERY = "query"


@dataclass(frozen=True)
class MetricError:
    """A value that could not be computed, with a code and a short detail."""

    code: str
    detail: str = ""

    def __str__(self):
        return f"{self.code}: {self.detail}" if self.detail else self.code

    @property
    def is_missing_data(self):
        """No record to average yet: not a broken source."""
        return self.code == ERR_NO_DATA


class MetricDefinitionError(Exception):
    """Raised by :func:`check_definition` for an invalid definition."""

    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class MetricDefinition:
    key: object
    model: str
    domain: str = "[]"
    date_field: str | None = None
    aggregate: str = "count"
    value_field: str | None = None
    ratio_domain: str | None = None
    duration_start_field: str | None = None
    duration_end_field: str | None = None
    duration_unit: str = "hour"
    user_field: str | None = None
    team_field: str | None = None


@dataclass(frozen=True)
class MetricRequest:
    """One value wanted: a metric over a window, for a scope, seen by a user.

    ``date_from``/``date_to`` are inclusive dates (None: unbounded). ``scope_id`` is
    the user id (owner scope) or the team record id (team scope). The value is
    computed with the rights of ``user_id`` within ``company_ids``.
    """

    key: object
    metric: object
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    scope: str = "company"
    scope_id: int | None = None
    user_id: int | None = None
    company_ids: tuple = ()


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


@dataclass
class _Plan:
    definition: MetricDefinition
    uid: int
    company_ids: tuple
    requests: list = field(default_factory=list)


# ---------------------------------------------------------------------------
# parsing and checks
# ---------------------------------------------------------------------------


def domain_names(text):
    """The free names a domain text uses (raises SyntaxError/ValueError)."""
    tree = ast.parse((text or "[]").strip(), mode="eval")
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def parse_domain(text, uid=None, company_ids=()):
    """Evaluate a domain text into a :class:`Domain`.

    Literal domains are read with ``ast.literal_eval``; a domain naming ``uid``,
    ``company_id(s)``, ``context_today``... is evaluated by ``safe_eval`` with only
    those names (what Odoo's domain editor writes), nothing else.
    """
    text = (text or "[]").strip()
    names = domain_names(text)
    unknown = names - DOMAIN_NAMES - {"True", "False", "None"}
    if unknown:
        raise ValueError(f"unknown name(s) {', '.join(sorted(unknown))}")
    if not names:
        value = ast.literal_eval(text)
    else:
        value = safe_eval(
            text,
            {
                "uid": uid,
                "company_id": company_ids[0] if company_ids else False,
                "company_ids": list(company_ids),
                "context_today": datetime.date.today,
                "datetime": safe_datetime,
                "relativedelta": safe_dateutil.relativedelta.relativedelta,
                "time": time,
            },
        )
    if not isinstance(value, list | tuple):
        raise ValueError("a domain is a list")
    return Domain(list(value))


def _field(model, name, types, label, relation=None):
    if not name:
        raise MetricDefinitionError(MetricError(ERR_FIELD, f"{label} is required"))
    fld = model._fields.get(name)
    if fld is None:
        raise MetricDefinitionError(
            MetricError(ERR_FIELD, f"{model._name} has no field {name}")
        )
    if fld.type not in types:
        raise MetricDefinitionError(
            MetricError(ERR_FIELD, f"{label} {name} is not of type {'/'.join(types)}")
        )
    if not fld.store and not fld.type == "many2one":
        raise MetricDefinitionError(MetricError(ERR_FIELD, f"{name} is not stored"))
    if relation and fld.comodel_name != relation:
        raise MetricDefinitionError(
            MetricError(ERR_FIELD, f"{label} {name} does not point to {relation}")
        )
    return fld


def check_definition(env, definition):
    """Check a definition against the registry; raise :class:`MetricDefinitionError`.

    Used both at save (okr.metric constraints) and before each run.
    """
    if definition.model not in env:
        raise MetricDefinitionError(MetricError(ERR_MODEL, definition.model))
    model = env[definition.model].sudo()
    if definition.aggregate not in AGGREGATES:
        raise MetricDefinitionError(MetricError(ERR_FIELD, definition.aggregate))
    if definition.date_field:
        _field(model, definition.date_field, DATE_TYPES, "date field")
    if definition.aggregate in ("sum", "avg"):
        _field(model, definition.value_field, NUMERIC_TYPES, "value field")
    if definition.aggregate == "ratio" and definition.value_field:
        _field(model, definition.value_field, NUMERIC_TYPES, "value field")
    if definition.aggregate == "duration":
        start = _field(
            model, definition.duration_start_field, DATE_TYPES, "start field"
        )
        end = _field(model, definition.duration_end_field, DATE_TYPES, "end field")
        if start.type != end.type:
            raise MetricDefinitionError(
                MetricError(ERR_FIELD, "start and end fields differ in type")
            )
        if definition.duration_unit not in DURATION_UNITS:
            raise MetricDefinitionError(
                MetricError(ERR_FIELD, f"unit {definition.duration_unit}")
            )
    if definition.user_field:
        _field(model, definition.user_field, ("many2one",), "user field", "res.users")
    if definition.team_field:
        _field(model, definition.team_field, ("many2one",), "team field")
    texts = [definition.domain]
    if definition.aggregate == "ratio":
        texts.append(definition.ratio_domain or "[]")
    for text in texts:
        try:
            parse_domain(text, env.uid, tuple(env.companies.ids)).validate(model)
        except Exception as exc:  # any parse/validation error is a user's error
            raise MetricDefinitionError(MetricError(ERR_DOMAIN, str(exc))) from exc


# ---------------------------------------------------------------------------
# rights buckets
# ---------------------------------------------------------------------------


class _Rights:
    """Compute, for (user, companies), the key of what the user may read.

    A batch version of ir.rule._compute_domain: the users' groups and companies
    are read in two queries, the rules of a model in one; the implied groups are
    expanded once per distinct set of groups, and a rule whose domain does not
    name ``user`` is evaluated once per (groups, companies), not once per user.
    """

    def __init__(self, env, uids):
        self.env = env
        self.sudo = env(su=True)
        self._rules = {}
        self._evals = {}
        self._access = {}
        self._keys = {}
        self._group_defs = None
        uids = tuple(uids) or (0,)
        self.sudo["res.users"].flush_model(["group_ids", "company_ids"])
        direct = dict(
            self.env.execute_query(
                SQL(
                    "SELECT uid, ARRAY_AGG(gid) FROM res_groups_users_rel "
                    "WHERE uid IN %s GROUP BY uid",
                    uids,
                )
            )
        )
        companies = dict(
            self.env.execute_query(
                SQL(
                    "SELECT user_id, ARRAY_AGG(cid) FROM res_company_users_rel "
                    "WHERE user_id IN %s GROUP BY user_id",
                    uids,
                )
            )
        )
        closures = {}
        self.groups = {}
        for uid in uids:
            gids = frozenset(direct.get(uid) or ())
            if gids not in closures:
                groups = self.sudo["res.groups"].browse(gids)
                closures[gids] = frozenset((groups | groups.all_implied_ids)._ids)
            self.groups[uid] = closures[gids]
        self.companies = {uid: frozenset(companies.get(uid) or ()) for uid in uids}

    def _model_rules(self, model_name):
        """The read rules of the model and its _inherits parents, in one query."""
        if model_name not in self._rules:
            names = [model_name, *self.sudo[model_name]._inherits]
            self.sudo["ir.rule"].flush_model()
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT r.id, m.model, r.domain_force,
                           ARRAY_REMOVE(ARRAY_AGG(g.group_id), NULL)
                      FROM ir_rule r
                      JOIN ir_model m ON m.id = r.model_id
                 LEFT JOIN rule_group_rel g ON g.rule_group_id = r.id
                     WHERE m.model IN %s AND r.active AND r.perm_read
                  GROUP BY r.id, m.model
                  ORDER BY r.id
                    """,
                    tuple(names),
                )
            )
            self._rules[model_name] = [
                (
                    rule_id,
                    rule_model,
                    frozenset(group_ids),
                    text or "",
                    # a rule naming the user splits the bucket per user
                    "user" in (text or ""),
                )
                for rule_id, rule_model, text, group_ids in rows
            ]
        return self._rules[model_name]

    def _has_access(self, model_name, group_ids):
        if model_name not in self._access:
            self._access[model_name] = self.sudo["ir.model.access"]._get_access_groups(
                model_name, "read"
            )
        return self._access[model_name].matches(group_ids)

    def _field_access(self, model_name, fnames, group_ids):
        model = self.sudo[model_name]
        result = []
        for fname in fnames:
            groups = model._fields[fname].groups
            if groups:
                if self._group_defs is None:
                    self._group_defs = self.sudo["res.groups"]._get_group_definitions()
                result.append(self._group_defs.parse(groups, False).matches(group_ids))
        return tuple(result)

    def key(self, model_name, fnames, uid, company_ids):
        """A hashable key: equal keys read the same records of ``model_name``.

        None when the user may not read the model at all.
        """
        if uid == SUPERUSER_ID:
            return ("su",)
        group_ids = self.groups[uid]
        rules = [
            rule
            for rule in self._model_rules(model_name)
            if not rule[2] or rule[2] & group_ids
        ]
        names_user = any(rule[4] for rule in rules)
        cache_key = (
            model_name,
            fnames,
            group_ids,
            company_ids,
            uid if names_user else None,
        )
        if cache_key not in self._keys:
            self._keys[cache_key] = self._compute_key(
                model_name, fnames, uid, company_ids, group_ids, rules
            )
        return self._keys[cache_key]

    def _compute_key(self, model_name, fnames, uid, company_ids, group_ids, rules):
        if not self._has_access(model_name, group_ids):
            return None
        parts = []
        ctx = None
        for rule_id, rule_model, rule_groups, text, names_user in rules:
            ekey = (rule_id, uid if names_user else None, company_ids)
            if ekey not in self._evals:
                if ctx is None:
                    user = self.sudo["res.users"].browse(uid)
                    ctx = {
                        "user": user.with_env(user.env(context={})),
                        "company_ids": list(company_ids),
                        "company_id": company_ids[0] if company_ids else False,
                    }
                dom = Domain(safe_eval(text, ctx)) if text else Domain.TRUE
                self._evals[ekey] = repr(dom)
            parts.append((rule_model, bool(rule_groups), self._evals[ekey]))
        return (tuple(parts), self._field_access(model_name, fnames, group_ids))


# ---------------------------------------------------------------------------
# evaluation
# ---------------------------------------------------------------------------


def window_domain(model, date_field, date_from, date_to):
    """The condition placing a record in [date_from, date_to] (inclusive dates).

    On a datetime field the bounds are UTC midnights (date_to's next midnight
    excluded), so a whole last day counts.
    """
    if not date_field:
        return Domain.TRUE
    is_datetime = model._fields[date_field].type == "datetime"
    conditions = []
    if date_from:
        start = (
            datetime.datetime.combine(date_from, datetime.time.min)
            if is_datetime
            else date_from
        )
        conditions.append(Domain(date_field, ">=", start))
    if date_to:
        if is_datetime:
            end = datetime.datetime.combine(
                date_to + datetime.timedelta(days=1), datetime.time.min
            )
            conditions.append(Domain(date_field, "<", end))
        else:
            conditions.append(Domain(date_field, "<=", date_to))
    return Domain.AND(conditions)


def scope_domain(definition, request):
    if request.scope == "owner":
        return Domain(definition.user_field, "=", request.scope_id)
    if request.scope == "team":
        return Domain(definition.team_field, "=", request.scope_id)
    return Domain.TRUE


def _check_request(definition, request):
    if request.scope not in SCOPES:
        return MetricError(ERR_SCOPE, request.scope)
    if request.scope == "owner" and not (definition.user_field and request.scope_id):
        return MetricError(ERR_SCOPE, "owner scope needs a user field and an owner")
    if request.scope == "team" and not (definition.team_field and request.scope_id):
        return MetricError(ERR_SCOPE, "team scope needs a team field and a team")
    return None


def _base_domain(env, definition, uid, company_ids):
    """The definition's own domain (plus 'both dates set' for a duration)."""
    domain = parse_domain(definition.domain, uid, company_ids)
    if definition.aggregate == "duration":
        domain &= Domain(definition.duration_start_field, "!=", False)
        domain &= Domain(definition.duration_end_field, "!=", False)
    return domain


def drilldown_domain(env, definition, request):
    """The domain of the records behind the value of ``request`` (as a list).

    For a ratio it is the denominator's records (the numerator adds
    ``ratio_domain``); for a duration, the records having both dates.
    """
    company_ids = tuple(request.company_ids)
    model = env[definition.model]
    domain = (
        _base_domain(env, definition, request.user_id or env.uid, company_ids)
        & window_domain(
            model, definition.date_field, request.date_from, request.date_to
        )
        & scope_domain(definition, request)
    )
    return list(domain.optimize(model))


def _fields_used(definition):
    names = [
        definition.date_field,
        definition.value_field,
        definition.duration_start_field,
        definition.duration_end_field,
        definition.user_field,
        definition.team_field,
    ]
    return tuple(name for name in names if name)


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


def _make_plans(env, definitions, bad_definitions, requests, results):
    """Place each request in its plan; put its error in ``results`` if any."""
    requests = list(requests)
    rights = _Rights(env, {r.user_id or env.uid for r in requests})
    plans = {}
    user_dependent = {
        key: bool(domain_names(d.domain) & USER_NAMES)
        for key, d in definitions.items()
        if key not in bad_definitions
    }
    fields_used = {key: _fields_used(d) for key, d in definitions.items()}
    for request in requests:
        definition = definitions.get(request.metric)
        error = (
            MetricError(ERR_MODEL, str(request.metric))
            if definition is None
            else bad_definitions.get(request.metric)
            or _check_request(definition, request)
        )
        if error:
            results[request.key] = error
            continue
        uid = request.user_id or env.uid
        allowed = rights.companies[uid]
        company_ids = tuple(
            sorted(c for c in request.company_ids if c in allowed)
            if request.company_ids
            else sorted(allowed)
        )
        if not company_ids:
            results[request.key] = MetricError(ERR_ACCESS, "no company")
            continue
        bucket = rights.key(
            definition.model, fields_used[request.metric], uid, company_ids
        )
        if bucket is None:
            results[request.key] = MetricError(ERR_ACCESS, definition.model)
            continue
        plan_key = (
            request.metric,
            request.date_from,
            request.date_to,
            bucket,
            uid if user_dependent[request.metric] else None,
        )
        plan = plans.get(plan_key)
        if plan is None:
            plan = plans[plan_key] = _Plan(definition, uid, company_ids)
        plan.requests.append(request)
    return list(plans.values())


def _execute(env, plans, results):
    # one savepoint for the whole run; only if something fails does each plan get
    # its own, so a broken plan never stops the others and the common case costs
    # two queries more, not two per plan
    try:
        with env.cr.savepoint():
            cells = [_run_plan(env, plan) for plan in plans]
    except Exception:  # noqa: BLE001 - isolated per plan below
        cells = []
        for plan in plans:
            try:
                with env.cr.savepoint():
                    cells.append(_run_plan(env, plan))
            except Exception as exc:  # noqa: BLE001 - becomes the plan's error value
                cells.append(MetricError(ERR_QUERY, _first_line(exc)))
    for plan, plan_cells in zip(plans, cells, strict=True):
        for request in plan.requests:
            if isinstance(plan_cells, MetricError):
                results[request.key] = plan_cells
            else:
                results[request.key] = _value(
                    plan.definition, plan_cells.get((request.scope, request.scope_id))
                )


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
        ids = sorted({r.scope_id for r in plan.requests})
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
