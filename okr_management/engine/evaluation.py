"""Quarterly evaluation: the score bands and the usual aim of an OKR average.

Pure Python, like ``progress``: the stored fields and the retrospective call it.
"""

FAIL = "fail"
COMMIT = "commit"
TARGET = "target"
STRETCH = "stretch"
BANDS = (FAIL, COMMIT, TARGET, STRETCH)

# Band limits on a 0.0-1.0 score: fail below 0.3, commit up to 0.7, target up
# to 1.0, stretch at 1.0 or more.
COMMIT_FROM = 0.3
TARGET_FROM = 0.7
STRETCH_FROM = 1.0

# The usual aim of an average score: 0.6-0.7 ("70 % is success"); always at
# 1.0 means the targets did not stretch.
AIM_LOW = 0.6
AIM_HIGH = 0.7
BELOW_AIM = "below"
WITHIN_AIM = "within"
ABOVE_AIM = "above"

_EPSILON = 1e-9


def score_band(score, raw_progress=None):
    """Band of a key result from its score (0.0-1.0).

    A score is clamped to 1.0: ``raw_progress`` (percent, unclamped) tells an
    overshoot, and counts as stretch from 100 %.
    """
    value = score or 0.0
    if raw_progress is not None:
        value = max(value, raw_progress / 100.0)
    if value + _EPSILON >= STRETCH_FROM:
        return STRETCH
    if value + _EPSILON >= TARGET_FROM:
        return TARGET
    if value + _EPSILON >= COMMIT_FROM:
        return COMMIT
    return FAIL


def aim_status(average):
    """Where an average score lies against the usual 0.6-0.7 aim."""
    if average is None:
        return False
    if average + _EPSILON < AIM_LOW:
        return BELOW_AIM
    if average - _EPSILON > AIM_HIGH:
        return ABOVE_AIM
    return WITHIN_AIM
