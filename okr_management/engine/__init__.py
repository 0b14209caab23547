"""Computations of the OKR suite, kept out of the models.

Pure Python, unit-tested on their own: ``progress`` (progress, pace, health, score),
``evaluation`` (score bands), ``coach`` (the quality coach's rules) and the metric
definitions and domain parsing of ``metric.definition``.

The rest of ``metric`` reads the database through the ``env`` it is given, and holds
no ORM state of its own: ``metric.rights`` (rights buckets, from the access rules),
``metric.planning`` (plans, window and scope domains, drill-down) and
``metric.execution`` (the grouped queries and their values).
"""
