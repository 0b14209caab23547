# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Metric definitions and requests, their errors, and the parsing of domains.

Plain frozen dataclasses and pure parsing; only :func:`check_definition` looks at
the models registry of an ``env`` (fields and their types), never at records.
"""

import ast
import datetime
from dataclasses import dataclass

from odoo.fields import Domain
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
# attributes a domain may read, on the date helpers and the dates they give
# (``context_today().strftime(...)``, ``datetime.datetime.combine(...)``); any
# other attribute (``time.sleep``, ``uid.__class__``...) is refused
DOMAIN_ATTRIBUTES = {
    "combine",
    "date",
    "datetime",
    "day",
    "isoformat",
    "month",
    "now",
    "replace",
    "strftime",
    "time",
    "timedelta",
    "today",
    "weekday",
    "year",
}

# error codes (the models turn them into translated sentences)
ERR_MODEL = "missing_model"
ERR_FIELD = "invalid_field"
ERR_DOMAIN = "invalid_domain"
ERR_ACCESS = "access"
ERR_ZERO = "division_by_zero"
ERR_NO_DATA = "no_data"
ERR_SCOPE = "invalid_scope"
ERR_QUERY = "query"
ERR_TIMEOUT = "timeout"
ERR_OWNER = "no_owner"


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
    the user id (owner scope) or the team record id (team scope; a tuple of ids
    for several records, e.g. an OKR team's sales teams, summed). The value is
    computed with the rights of ``user_id`` within ``company_ids``.
    """

    key: object
    metric: object
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    scope: str = "company"
    scope_id: int | tuple | None = None
    user_id: int | None = None
    company_ids: tuple = ()


def domain_names(text):
    """The free names a domain text uses (raises SyntaxError/ValueError).

    Refuses any attribute but the date helpers' (:data:`DOMAIN_ATTRIBUTES`), and
    lambdas and comprehensions: a domain is data with dates, not a program.
    """
    tree = ast.parse((text or "[]").strip(), mode="eval")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and (
            node.attr not in DOMAIN_ATTRIBUTES or node.attr.startswith("_")
        ):
            raise ValueError(f"attribute {node.attr} is not allowed")
        if isinstance(
            node,
            ast.Lambda
            | ast.ListComp
            | ast.SetComp
            | ast.DictComp
            | ast.GeneratorExp
            | ast.NamedExpr,
        ):
            raise ValueError("only a list of conditions is allowed")
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
