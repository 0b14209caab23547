# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The metric engine: values of metric definitions for many requests at once.

It holds no ORM state: definitions and requests are plain frozen dataclasses, the
result is a dict ``{request.key: float | MetricError}``. It only needs an ``env`` to
run the queries. The cost follows distinct definitions, not requests:

1. every definition is parsed and checked once (model, fields, domain);
2. every request is placed in a *plan* keyed by (metric, window, rights bucket),
   where the rights bucket is what Odoo's own record rules
   (``ir.rule._compute_domain``) of the owner give on the measured model and the
   models its domain reaches, with model and field access. Users whose rules
   evaluate to the same domains share a bucket; a rule naming the user splits it.
   No owner: no value; never the superuser;
3. each plan runs ONE ``_read_group`` (two for a ratio) grouped by the user field
   and/or the team field, as a representative user of the bucket; the company,
   owner and team values of all its requests are summed from those rows and
   matched through dicts. Each query runs under a statement timeout.

A failure is a :class:`MetricError` value for the requests it concerns, never an
exception for the others (like mis_builder's #ERR / #DIV/0 cells).

Parts: :mod:`.definition` (definitions, requests, errors, domain parsing and
checks), :mod:`.rights` (rights buckets), :mod:`.planning` (plans, window and scope
domains, drill-down), :mod:`.execution` (the queries and the values).
"""

from .definition import (
    AGGREGATES,
    DATE_TYPES,
    DOMAIN_NAMES,
    DURATION_UNITS,
    ERR_ACCESS,
    ERR_DOMAIN,
    ERR_FIELD,
    ERR_MODEL,
    ERR_NO_DATA,
    ERR_OWNER,
    ERR_QUERY,
    ERR_TIMEOUT,
    ERR_SCOPE,
    ERR_ZERO,
    NUMERIC_TYPES,
    SCOPES,
    USER_NAMES,
    MetricDefinition,
    MetricDefinitionError,
    MetricError,
    MetricRequest,
    check_definition,
    domain_names,
    parse_domain,
)
from .execution import evaluate
from .planning import drilldown_domain, scope_domain, window_domain

__all__ = [
    "AGGREGATES",
    "DATE_TYPES",
    "DOMAIN_NAMES",
    "DURATION_UNITS",
    "ERR_ACCESS",
    "ERR_DOMAIN",
    "ERR_FIELD",
    "ERR_MODEL",
    "ERR_NO_DATA",
    "ERR_OWNER",
    "ERR_QUERY",
    "ERR_TIMEOUT",
    "ERR_SCOPE",
    "ERR_ZERO",
    "NUMERIC_TYPES",
    "SCOPES",
    "USER_NAMES",
    "MetricDefinition",
    "MetricDefinitionError",
    "MetricError",
    "MetricRequest",
    "check_definition",
    "domain_names",
    "drilldown_domain",
    "evaluate",
    "parse_domain",
    "scope_domain",
    "window_domain",
]
