"""Quality coach: the seeds' anti-patterns of an objective, as advice.

Pure Python (no Odoo import), like ``progress``: the objective gathers the facts
(counted in the database, batched for the board) and turns each ``(code,
params)`` pair these rules return into a sentence in the user's language.
"""

from typing import NamedTuple

from . import progress

# days in an average quarter: a committed jump is measured per quarter
QUARTER_DAYS = 365.25 / 4
_EPSILON = 1e-6

# The advice, in the order the coach gives it.
TOO_MANY_COMPANY_OBJECTIVES = "too_many_company_objectives"
TOO_MANY_OBJECTIVES = "too_many_objectives"
TOO_FEW_KEY_RESULTS = "too_few_key_results"
TOO_MANY_KEY_RESULTS = "too_many_key_results"
NO_MEASURABLE_TARGET = "no_measurable_target"
OUTPUTS_ONLY = "outputs_only"
NO_INITIATIVE = "no_initiative"
ALL_LAGGING = "all_lagging"
INFLATED_JUMP = "inflated_jump"
INFLATED_POINTS = "inflated_points"
INFLATED_REDUCTION = "inflated_reduction"
NO_CHECK_IN = "no_check_in"
CHECKLIST_ANSWERED_NO = "checklist_answered_no"

COMPANY_LEVEL = "company"
LIVE_STATES = ("draft", "active")
ACTIVE = "active"
INITIATIVES_SOURCE = "initiatives"
METRIC_SOURCE = "metric"


class Limits(NamedTuple):
    """A company's coach settings; 0 (or less) switches a rule off."""

    max_objectives: int = 3
    min_key_results: int = 2
    max_key_results: int = 3
    max_jump: float = 40.0
    check_in_days: int = 14


class KeyResultFacts(NamedTuple):
    name: str
    result_type: str = progress.INCREASE
    source: str = "manual"
    start: float = 0.0
    target: float = 0.0
    unit: str = "number"
    # "leading", "lagging", or None when unknown
    indicator: str | None = None


class ObjectiveFacts(NamedTuple):
    state: str = ACTIVE
    level: str = "team"
    okr_type: str = progress.COMMITTED
    date_start: object = None
    date_end: object = None
    # draft and active objectives in the period: of the same owner, or at
    # company level for a company objective (this one included)
    peer_count: int = 0
    key_results: tuple = ()
    has_aligned: bool = False
    open_initiatives: int = 0
    last_check_in: object = None
    # labels of the activation checklist's questions answered no
    checklist_no: tuple = ()


def quarters(date_start, date_end):
    """Length of a period in quarters, one at least."""
    return max(1.0, ((date_end - date_start).days + 1) / QUARTER_DAYS)


def allowed_jump(limit, date_start, date_end):
    """The realistic jump (percent) over a period: ``limit`` per quarter."""
    return limit * quarters(date_start, date_end)


# a jump is reported in whole percent: past this, it is "huge" all the same
_MAX_JUMP = 1e12


def jump_percent(start, target):
    """How far the target lies from a non-zero start, in percent of it.

    Extreme but finite values (1e300 from 1e-300) would overflow to infinity,
    and ``round(inf)`` raises: the jump is capped instead (NaN counts as none).
    """
    start = progress.finite(start)
    target = progress.finite(target)
    if not start:
        return 0.0
    try:
        jump = abs(target - start) / abs(start) * 100.0
    except (OverflowError, ZeroDivisionError):
        return _MAX_JUMP
    return min(progress.finite(jump, _MAX_JUMP), _MAX_JUMP)


def objective_count_issues(objective, limits):
    limit = limits.max_objectives
    if limit <= 0 or objective.peer_count <= limit:
        return []
    code = (
        TOO_MANY_COMPANY_OBJECTIVES
        if objective.level == COMPANY_LEVEL
        else TOO_MANY_OBJECTIVES
    )
    return [(code, {"count": objective.peer_count, "limit": limit})]


def key_result_count_issues(objective, limits):
    issues = []
    count = len(objective.key_results)
    # without key results, an objective is measured by its aligned ones
    rolls_up = not objective.key_results and objective.has_aligned
    low, high = limits.min_key_results, limits.max_key_results
    if low > 0 and count < low and not rolls_up:
        issues.append((TOO_FEW_KEY_RESULTS, {"count": count, "limit": low}))
    if high > 0 and count > high:
        issues.append((TOO_MANY_KEY_RESULTS, {"count": count, "limit": high}))
    return issues


def measurable_target_issues(key_results):
    return [
        (NO_MEASURABLE_TARGET, {"name": kr.name})
        for kr in key_results
        if kr.result_type != progress.MILESTONE and not kr.start and not kr.target
    ]


def is_output(key_result):
    """A milestone or the progress of the work, unless a metric measures it."""
    return key_result.source != METRIC_SOURCE and (
        key_result.result_type == progress.MILESTONE
        or key_result.source == INITIATIVES_SOURCE
    )


def output_issues(key_results):
    if key_results and all(is_output(kr) for kr in key_results):
        return [(OUTPUTS_ONLY, {})]
    return []


def lagging_issues(key_results):
    """Seed 003: lagging indicators say what happened; without a leading one
    the team has nothing to move this week."""
    if key_results and all(kr.indicator == "lagging" for kr in key_results):
        return [(ALL_LAGGING, {})]
    return []


def initiative_issues(objective):
    if objective.key_results and not objective.open_initiatives:
        return [(NO_INITIATIVE, {})]
    return []


PERCENT_UNIT = "percent"


def jump_scale(key_result):
    """The scale a key result's jump is judged on (seed 002: growth of 20-40 %
    a quarter is realistic, "+300 % in 90 days" is inflated).

    - ``INFLATED_POINTS``: a percentage moves on its 0-100 scale, in points
      (on-time delivery 40 % -> 80 % is 40 points, not +100 %);
    - ``INFLATED_REDUCTION``: a reduction is bounded by zero, so it cannot
      inflate like growth (first response 40 -> 5 min removes 87.5 %); only
      one that removes the whole start in the period is inflated;
    - ``INFLATED_JUMP``: the growth of anything else, relative to its start.
    """
    if key_result.unit == PERCENT_UNIT:
        return INFLATED_POINTS
    if key_result.result_type == progress.DECREASE:
        return INFLATED_REDUCTION
    return INFLATED_JUMP


def jump_issues(objective, limits):
    """Targets that jump further than the realistic share, on committed and
    aspirational objectives alike: an aspirational objective stretches its
    score bar, not what is possible."""
    if limits.max_jump <= 0 or not objective.date_start or not objective.date_end:
        return []
    allowed = allowed_jump(
        progress.finite(limits.max_jump), objective.date_start, objective.date_end
    )
    issues = []
    for kr in objective.key_results:
        if (
            kr.result_type not in (progress.INCREASE, progress.DECREASE)
            or kr.source == INITIATIVES_SOURCE
            or not kr.start
        ):
            continue
        scale = jump_scale(kr)
        if scale == INFLATED_POINTS:
            jump = abs(kr.target - kr.start)
            inflated = jump > allowed + _EPSILON
        elif scale == INFLATED_REDUCTION:
            jump = jump_percent(kr.start, kr.target)
            # growth the wrong way is judged as growth
            if (kr.target - kr.start) * kr.start > 0:
                scale = INFLATED_JUMP
                inflated = jump > allowed + _EPSILON
            else:
                inflated = jump >= 100.0 - _EPSILON
        else:
            jump = jump_percent(kr.start, kr.target)
            inflated = jump > allowed + _EPSILON
        if inflated:
            issues.append(
                (scale, {"name": kr.name, "jump": round(jump), "limit": round(allowed)})
            )
    return issues


def check_in_issues(objective, limits, today):
    # an objective measured by its aligned objectives has nothing to check in on
    if objective.state != ACTIVE or not objective.key_results:
        return []
    since = max(
        filter(None, (objective.last_check_in, objective.date_start)), default=None
    )
    days = limits.check_in_days
    if days > 0 and since and (today - since).days >= days:
        return [(NO_CHECK_IN, {"days": (today - since).days})]
    return []


def checklist_issues(objective):
    if objective.checklist_no:
        return [(CHECKLIST_ANSWERED_NO, {"questions": tuple(objective.checklist_no)})]
    return []


def objective_issues(objective, limits, today):
    """Every ``(code, params)`` of a draft or active objective, in order."""
    if objective.state not in LIVE_STATES:
        return []
    return [
        *objective_count_issues(objective, limits),
        *key_result_count_issues(objective, limits),
        *measurable_target_issues(objective.key_results),
        *output_issues(objective.key_results),
        *lagging_issues(objective.key_results),
        *initiative_issues(objective),
        *jump_issues(objective, limits),
        *check_in_issues(objective, limits, today),
        *checklist_issues(objective),
    ]
