# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Planning: requests grouped into plans, and the domains a plan queries.

A plan is keyed by (metric, window, rights bucket); its requests are answered by
one grouped query. The window and scope domains also give the drill-down of a
value (the records behind it).
"""

import datetime
from dataclasses import dataclass, field

from odoo.fields import Domain

from .definition import (
    ERR_ACCESS,
    ERR_DOMAIN,
    ERR_MODEL,
    ERR_OWNER,
    ERR_SCOPE,
    SCOPES,
    USER_NAMES,
    MetricDefinition,
    MetricError,
    domain_names,
    parse_domain,
)
from .rights import _Rights


@dataclass
class _Plan:
    definition: MetricDefinition
    uid: int
    company_ids: tuple
    requests: list = field(default_factory=list)


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
        return Domain(definition.team_field, "in", scope_ids(request))
    return Domain.TRUE


def scope_ids(request):
    """The ids of a request's scope: a team scope may name several records (a
    team's linked sales teams or projects) as a tuple."""
    if isinstance(request.scope_id, tuple):
        return request.scope_id
    return (request.scope_id,)


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


def _make_plans(env, definitions, bad_definitions, requests, results):
    """Place each request in its plan; put its error in ``results`` if any.

    A request is computed with the rights of its ``user_id`` only: none is a
    "needs an owner" error, never the current user nor the superuser.
    """
    requests = list(requests)
    rights = _Rights(env, {r.user_id for r in requests if r.user_id})
    plans = {}
    user_dependent = {
        key: bool(domain_names(d.domain) & USER_NAMES)
        for key, d in definitions.items()
        if key not in bad_definitions
    }
    fields_used = {key: _fields_used(d) for key, d in definitions.items()}
    reached = {}
    for request in requests:
        definition = definitions.get(request.metric)
        error = (
            MetricError(ERR_MODEL, str(request.metric))
            if definition is None
            else bad_definitions.get(request.metric)
            or _check_request(definition, request)
        )
        if not error and not request.user_id:
            error = MetricError(ERR_OWNER)
        if error:
            results[request.key] = error
            continue
        uid = request.user_id
        allowed = rights.companies.get(uid, frozenset())
        company_ids = tuple(
            sorted(c for c in request.company_ids if c in allowed)
            if request.company_ids
            else sorted(allowed)
        )
        if not company_ids:
            results[request.key] = MetricError(ERR_ACCESS, "no company")
            continue
        # what a metric reads is parsed once per run, or once per user and
        # companies when its domain names them (not once per request)
        reach_key = (
            (request.metric, uid, company_ids)
            if user_dependent[request.metric]
            else (request.metric,)
        )
        try:
            pairs = reached.get(reach_key)
            if pairs is None:
                pairs = reached[reach_key] = rights.reached(
                    definition.model,
                    _domains(definition, uid, company_ids),
                    fields_used[request.metric],
                )
        except Exception as exc:  # noqa: BLE001 - a user's domain, checked at save
            results[request.key] = MetricError(ERR_DOMAIN, str(exc))
            continue
        bucket = rights.key(definition.model, pairs, uid, company_ids)
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


def _domains(definition, uid, company_ids):
    domains = [parse_domain(definition.domain, uid, company_ids)]
    if definition.aggregate == "ratio":
        domains.append(parse_domain(definition.ratio_domain, uid, company_ids))
    return domains
