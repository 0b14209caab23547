"""Progress, pace, health and score of objectives and key results.

Pure Python on purpose (no Odoo import): the stored computed fields call these
functions, and the table of unit tests covers them without a database.
"""

import math
from datetime import date

INCREASE = "increase"
DECREASE = "decrease"
MAINTAIN_ABOVE = "maintain_above"
MAINTAIN_BELOW = "maintain_below"
MILESTONE = "milestone"
RESULT_TYPES = (INCREASE, DECREASE, MAINTAIN_ABOVE, MAINTAIN_BELOW, MILESTONE)

COMMITTED = "committed"
ASPIRATIONAL = "aspirational"

ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
_HEALTH_STEPS = (ON_TRACK, AT_RISK, OFF_TRACK)

# Aspirational objectives succeed at 70 % ("70 % is success"): their pace line and
# their achievement bar are scaled to it.
ASPIRATIONAL_BAR = 0.7
COMMITTED_BAR = 1.0
# A check-in confidence at or below this lowers the health one step.
LOW_CONFIDENCE = 3
_EPSILON = 1e-9
# The largest number a user may type: far beyond any business figure, small
# enough for every product, ratio and JSON reader to stay finite and exact.
MAX_ABS = 1e15


def is_sane_number(value):
    """True for a real number that is finite and within ±``MAX_ABS``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and abs(value) <= MAX_ABS


def finite(value, default=0.0):
    """``value`` as a float, or ``default`` when it is missing, NaN or infinite
    (what the computed fields store, so the board's JSON stays strict JSON)."""
    try:
        value = float(value or 0.0)
    except (TypeError, ValueError, OverflowError):
        return default
    return value if math.isfinite(value) else default


def clamp(value, low=0.0, high=100.0):
    # NaN compares false to everything: max/min would let it through (or turn
    # it into 100 %); a value that is not a number counts as the low end.
    value = finite(value, low)
    return max(low, min(high, value))


def key_result_progress(result_type, start, target, current, initiative_progress=None):
    """Return ``(progress, raw_progress)`` of a key result, both in percent.

    ``progress`` is clamped to 0-100; ``raw_progress`` keeps the truth: below 0
    when the value fell under its start, above 100 when it overshot its target.
    ``initiative_progress`` (0-100) is the share of done initiatives of a
    milestone; ``None`` when the milestone has no initiative.
    """
    if not all(
        value is None or is_sane_number(float(value or 0.0))
        for value in (start, target, current, initiative_progress)
    ):
        # a value that is not a number measures nothing: no progress, never
        # a NaN on the board nor a 100 % out of an infinity
        return 0.0, 0.0
    start = finite(start)
    target = finite(target)
    current = finite(current)
    if result_type in (INCREASE, DECREASE):
        span = target - start
        if abs(span) < _EPSILON:
            # No distance to cover means nothing measured yet (a new key result
            # before its target is typed): 0 %, never a misleading 100 %. Saving
            # such a key result is refused anyway.
            raw = 0.0
        else:
            # Linear from start to target, whichever way it goes: "8 h -> 4 h" at
            # 6 h is (6 - 8) / (4 - 8) = 50 %.
            raw = finite((current - start) / span * 100.0)
    elif result_type == MAINTAIN_ABOVE:
        raw = 100.0 if current >= target else 0.0
    elif result_type == MAINTAIN_BELOW:
        raw = 100.0 if current <= target else 0.0
    elif result_type == MILESTONE:
        if initiative_progress is not None:
            raw = finite(initiative_progress)
        else:
            # Done once the value reached the target and moved off its start.
            raw = 100.0 if current >= target and current > start else 0.0
    else:
        raise ValueError(f"Unknown key result type: {result_type!r}")
    return clamp(raw), raw


def weighted_mean(pairs):
    """Weighted mean of ``(value, weight)`` pairs; 0.0 for no weight at all.

    Pairs with a weight of zero or less (or no weight) are left out.
    """
    total = 0.0
    weights = 0.0
    for value, weight in pairs:
        weight = finite(weight)
        if weight <= 0:
            continue
        total += finite(value) * weight
        weights += weight
    if weights <= 0 or not math.isfinite(weights):
        return 0.0
    return finite(total / weights)


def expected_progress(date_start, date_end, today=None):
    """Share of the period elapsed at ``today``, 0-100 (the pace line).

    The period's days are inclusive: on its first day nothing is expected yet,
    after its last day everything is.
    """
    if not date_start or not date_end:
        return 0.0
    today = today or date.today()
    total = (date_end - date_start).days + 1
    if total <= 0:
        return 0.0
    elapsed = (today - date_start).days
    return clamp(elapsed / total * 100.0)


def pace(expected, okr_type):
    """The pace line an objective of this type is held to."""
    bar = ASPIRATIONAL_BAR if okr_type == ASPIRATIONAL else COMMITTED_BAR
    return finite(expected) * bar


def health(
    progress,
    expected,
    okr_type=COMMITTED,
    on_track_pct=90.0,
    at_risk_pct=70.0,
    confidence=None,
):
    """Traffic light of a progress against its pace line.

    On track from ``on_track_pct`` % of the pace, at risk from ``at_risk_pct`` %,
    else off track; a period that has not started yet is on track. A known
    confidence of 3 or less lowers the light one step.
    """
    line = pace(expected, okr_type)
    if line <= _EPSILON:
        step = 0
    else:
        ratio = finite(progress) / line * 100.0
        if ratio + _EPSILON >= finite(on_track_pct):
            step = 0
        elif ratio + _EPSILON >= finite(at_risk_pct):
            step = 1
        else:
            step = 2
    if confidence is not None and confidence <= LOW_CONFIDENCE:
        step = min(step + 1, len(_HEALTH_STEPS) - 1)
    return _HEALTH_STEPS[step]


def score(progress):
    """Score 0.0-1.0 from a progress in percent (an overshoot scores 1.0)."""
    return round(clamp(progress) / 100.0, 4)


def is_achieved(score_value, okr_type):
    """A committed objective needs 1.0, an aspirational one 0.7."""
    bar = ASPIRATIONAL_BAR if okr_type == ASPIRATIONAL else COMMITTED_BAR
    return finite(score_value) + _EPSILON >= bar
