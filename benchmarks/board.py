# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# ruff: noqa: F821 - `env` is given by `odoo shell`
# pylint: disable=print-used
"""Benchmark: opening the OKR board as the web client does.

    setup/bench                       # both benchmarks, in their own database
    OKR_BENCH_ONLY=board setup/bench  # this one only

Optional: OKR_BOARD_SIZES="10,100,1000" (objectives; three key results each).
Per size, N objectives of the current quarter (owners spread over 20 users)
with 3 key results each are created, the board is opened by a plain OKR user
(record rules apply) the way the web client opens it: ``web_read_group`` by
period unfolding the kanban cards, then ``web_search_read`` of the same cards;
then everything is rolled back. Columns: queries and seconds of each call, and
the ratios of the whole to the size of 100 (time) and of 10 (queries).
"""

import datetime
import os
import time

from odoo.addons.okr_management.tests.test_board_queries import BOARD_SPECIFICATION

SIZES = [int(s) for s in os.environ.get("OKR_BOARD_SIZES", "10,100,1000").split(",")]
REPEAT = 3
cr = env.cr
env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
today = datetime.date.today()


def current_quarter():
    start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    end = (start + datetime.timedelta(days=95)).replace(day=1) - datetime.timedelta(
        days=1
    )
    return env["okr.period"].create(
        {
            "name": "Bench quarter",
            "period_type": "quarter",
            "date_start": start,
            "date_end": end,
            "company_id": env.company.id,
        }
    )


def board_domain():
    # the search filter the board opens with (filter_current_quarter)
    return [
        ("period_id.period_type", "=", "quarter"),
        ("period_id.date_start", "<=", today),
        ("period_id.date_end", ">=", today),
    ]


def open_board(viewer):
    objectives = env["okr.objective"].with_user(viewer)
    measures = {}
    for name, call in (
        (
            "web_read_group",
            lambda: objectives.web_read_group(
                board_domain(),
                ["period_id"],
                ["__count"],
                auto_unfold=True,
                unfold_read_specification=BOARD_SPECIFICATION,
                unfold_read_default_limit=80,
            ),
        ),
        (
            "web_search_read",
            lambda: objectives.web_search_read(
                board_domain(), BOARD_SPECIFICATION, limit=80
            ),
        ),
    ):
        best = None
        for _i in range(REPEAT):
            env.invalidate_all()  # a fresh request: nothing in the ORM cache
            queries = cr.sql_log_count
            start = time.perf_counter()
            call()
            elapsed = time.perf_counter() - start
            if best is None or elapsed < best[0]:
                best = (elapsed, cr.sql_log_count - queries)
        measures[name] = best
    return measures


def run_size(size, period, owners, viewer):
    cr.execute("SAVEPOINT board_size")
    try:
        env["okr.objective"].create(
            [
                {
                    "name": f"Bench objective {i}",
                    "period_id": period.id,
                    "user_id": owners[i % len(owners)].id,
                    "key_result_ids": [
                        (
                            0,
                            0,
                            {
                                "name": f"KR {i}.{k}",
                                "user_id": owners[(i + k) % len(owners)].id,
                                "start_value": 0,
                                "target_value": 100,
                                "current_value": (i * 7 + k * 30) % 130,
                            },
                        )
                        for k in range(3)
                    ],
                }
                for i in range(size)
            ]
        )
        env.flush_all()
        open_board(viewer)  # warm the registry caches (views, fields, rules)
        return open_board(viewer)
    finally:
        cr.execute("ROLLBACK TO SAVEPOINT board_size")
        env.invalidate_all()


try:
    period = current_quarter()
    owners = env["res.users"].create(
        [{"name": f"Board owner {i}", "login": f"bench_board_{i}"} for i in range(20)]
    )
    # the owners in four teams: each objective lands in its owner's team
    env["okr.team"].create(
        [
            {"name": f"Bench team {t}", "member_ids": [(6, 0, owners[t::4].ids)]}
            for t in range(4)
        ]
    )
    viewer = env["res.users"].create(
        {
            "name": "Board viewer",
            "login": "bench_board_viewer",
            "group_ids": [(6, 0, [env.ref("okr_management.group_okr_user").id])],
        }
    )
    env.flush_all()
    rows = {}
    for size in SIZES:
        rows[size] = run_size(size, period, owners, viewer)
    base_time = rows.get(100) or rows[SIZES[0]]
    base_queries = rows.get(10) or rows[SIZES[0]]

    def fmt(seconds, queries):
        return f"{seconds:8.3f}s {queries:6d}q"

    def total(measures):
        return (
            sum(m[0] for m in measures.values()),
            sum(m[1] for m in measures.values()),
        )

    header = (
        f"{'objectives':>10} {'KRs':>6} | {'web_read_group':>16} | "
        f"{'web_search_read':>16} | {'board':>16} | {'t/t(100)':>8} {'q/q(10)':>8}"
    )
    lines = [header, "-" * len(header)]
    for size, measures in rows.items():
        seconds, queries = total(measures)
        line = (
            f"{size:>10} {size * 3:>6} | "
            f"{fmt(*measures['web_read_group'])} | "
            f"{fmt(*measures['web_search_read'])} | "
            f"{seconds:8.3f}s {queries:6d}q | "
            f"{seconds / total(base_time)[0]:7.2f}x "
            f"{queries / total(base_queries)[1]:7.2f}x"
        )
        lines.append(line)
    print("\n".join(lines))
finally:
    # nothing of the benchmark stays in the database
    cr.rollback()
