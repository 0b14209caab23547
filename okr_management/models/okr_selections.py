# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The selections and constants the OKR models, wizards and reports share.

Defined once here: a field that shows the same choice elsewhere (a wizard, a
report, the CRM team's health) imports it instead of copying it. The keys come
from the engine where it computes them.
"""

from ..engine import evaluation
from ..engine import progress as okr_math

HEALTH_SELECTION = [
    (okr_math.ON_TRACK, "On Track"),
    (okr_math.AT_RISK, "At Risk"),
    (okr_math.OFF_TRACK, "Off Track"),
]
OKR_TYPE_SELECTION = [
    (okr_math.COMMITTED, "Committed"),
    (okr_math.ASPIRATIONAL, "Aspirational"),
]
LEVEL_SELECTION = [
    ("company", "Company"),
    ("team", "Team"),
    ("individual", "Individual"),
]
OBJECTIVE_STATE_SELECTION = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
PERIOD_TYPE_SELECTION = [
    ("year", "Year"),
    ("quarter", "Quarter"),
    ("month", "Month"),
    ("custom", "Custom"),
]
PERIOD_STATE_SELECTION = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
]
RESULT_TYPE_SELECTION = [
    (okr_math.INCREASE, "Increase"),
    (okr_math.DECREASE, "Decrease"),
    (okr_math.MAINTAIN_ABOVE, "Stay At or Above"),
    (okr_math.MAINTAIN_BELOW, "Stay At or Below"),
    (okr_math.MILESTONE, "Milestone"),
]
UNIT_SELECTION = [
    ("number", "Number"),
    ("percent", "Percent"),
    ("currency", "Currency"),
    ("hours", "Hours"),
    ("days", "Days"),
    ("score", "Score"),
]
KEY_RESULT_SOURCE_SELECTION = [
    ("manual", "Check-ins"),
    ("initiatives", "Initiatives"),
    ("metric", "Metric"),
]
INDICATOR_SELECTION = [
    ("leading", "Leading"),
    ("lagging", "Lagging"),
]
METRIC_WINDOW_SELECTION = [
    ("period", "Whole Period"),
    ("to_date", "Period to Date"),
]
METRIC_SCOPE_SELECTION = [
    ("company", "Company"),
    ("owner", "Owner"),
    ("team", "Team"),
]
INITIATIVE_STATE_SELECTION = [
    ("todo", "To Do"),
    ("in_progress", "In Progress"),
    ("blocked", "Blocked"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
CHECK_IN_ORIGIN_SELECTION = [
    ("manual", "Check-in"),
    ("metric", "Metric Refresh"),
]
SCORE_BAND_SELECTION = [
    (evaluation.FAIL, "Fail (< 0.3)"),
    (evaluation.COMMIT, "Commit (0.3-0.7)"),
    (evaluation.TARGET, "Target (0.7-1.0)"),
    (evaluation.STRETCH, "Stretch (>= 1.0)"),
]
AIM_SELECTION = [
    (evaluation.BELOW_AIM, "Below the 0.6-0.7 aim"),
    (evaluation.WITHIN_AIM, "Within the 0.6-0.7 aim"),
    (evaluation.ABOVE_AIM, "Above the 0.6-0.7 aim"),
]
RETROSPECTIVE_STATE_SELECTION = [
    ("draft", "In Progress"),
    ("done", "Done"),
]
CARRY_OVER_SELECTION = [
    ("none", "Nothing"),
    ("unfinished", "Unfinished Key Results"),
    ("objective", "The Whole Objective"),
]
WEEKDAY_SELECTION = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]

# The seeds keep key results stable for the quarter: once the objective is
# active, these only change with a reason (the change wizard edits them).
GOVERNED_FIELDS = ("start_value", "target_value", "weight")
# The seeds' five questions to validate an OKR before it goes live (the
# activation wizard asks them).
CHECKLIST_FIELDS = (
    "checklist_measurable",
    "checklist_stretch",
    "checklist_aligned",
    "checklist_influence",
    "checklist_inspiring",
)
