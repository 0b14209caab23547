# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# ruff: noqa: F821 - `env` is given by `odoo shell`
# pylint: disable=print-used
"""Benchmark: refresh of metric key results against a naive loop, gamification's
batch mode and a hand-written SQL GROUP BY.

Run it with ``setup/bench``, which creates its own database with gamification
once (``OKR_BENCH_ONLY=metric_refresh setup/bench`` for this one only).

Optional: OKR_BENCH_SIZES="10,100,1000" (default 10,100,1000,10000),
OKR_BENCH_RECORDS=100000, OKR_BENCH_NAIVE_MAX=100 (the naive loop is skipped
above that size: one query per key result).

In the throwaway copy ``setup/bench`` makes (OKR_BENCH_THROWAWAY names it), the
data is committed before it is measured and each measure is committed after it,
as in production, where a refresh finds committed key results: PostgreSQL checks
the foreign keys of a row at every UPDATE in the transaction that inserted it
(twelve on a key result), never on a committed row whose keys do not change.
In any other database nothing is committed: everything is rolled back at the end,
and those checks are paid by every side.

Per size: N owners each get one key result (metric "count of my partners in the
period", owner scope), three to an objective as the quality coach advises
(OKR_BENCH_KRS_PER_OBJECTIVE; 0 puts them all in one objective), and, for
gamification, one goal on the same partners. The
100,000 partners are spread over all the owners of the largest size, so every
size scans the same records. Columns:
- engine: ``metric.evaluate`` alone (values of all key results, owners' rights);
- refresh: ``okr.key.result._refresh_metric()``, the first refresh of the
  key results, writing values, history points, chatter events and the stored
  computes (progress, health, score band, objective roll-up);
- steady: the same refresh again, nothing moved (only the refresh time);
- naive: one ``search_count`` per key result, as its owner;
- gamification: ``gamification.goal.update_goal()`` in batch mode (first update,
  it writes the goals too; it ignores the users' rights);
- SQL: one hand-written ``SELECT user_id, count(*) ... GROUP BY user_id``.
Then what any refresh must pay, whoever writes it, measured after the others
(a second table, "must pay"): the floor's GROUP BY with the owners' record rules
(``_read_group`` as an owner: the rights the refresh must apply and gamification
skips), and the statements of the issue's audit trail, by hand and rolled back:
one history point per key result (INSERT), its value, progress, health, score band
and refresh time (UPDATE) and one chatter event per changed light (INSERT); for a
refresh where nothing moved, the UPDATE of the refresh time alone. "must/SQL" is
that minimum against the SQL floor: a bound below it cannot be reached without
dropping the rights or the audit trail.
Then the hourly cron, whole runs (first, then nothing moved), over
OKR_BENCH_CRON_KRS key results (default: the largest size; 0 skips it) and
OKR_BENCH_CRON_KPIS KPIs (default 500), against the same SQL floor.
OKR_BENCH_PROFILE=refresh (or engine, steady, cron...) prints a cProfile of that
measure: the 30 costliest functions by own time, the 60 by cumulative time;
OKR_BENCH_SQL=refresh (or another measure) prints the SQL queries of that measure;
OKR_BENCH_SKIP=gamification leaves gamification out (it takes minutes at 10,000).
Caches are warmed once per size before the measures, as in a running server:
an engine run, one refresh of a throwaway key result and one update of a
throwaway goal.
"""

import cProfile
import datetime
import logging
import os
import pstats
import time

from odoo.tools import SQL

from odoo.addons.okr_management.engine import metric as metric_engine

SIZES = [
    int(s) for s in os.environ.get("OKR_BENCH_SIZES", "10,100,1000,10000").split(",")
]
RECORDS = int(os.environ.get("OKR_BENCH_RECORDS", "100000"))
cr = env.cr
env = env(context=dict(env.context, tracking_disable=True))
today = datetime.date.today()


PROFILE = os.environ.get("OKR_BENCH_PROFILE", "")
SQL_LOG = os.environ.get("OKR_BENCH_SQL", "")
SKIP = os.environ.get("OKR_BENCH_SKIP", "").split(",")
# key results to an objective: the quality coach's maximum (0: all in one)
KRS_PER_OBJECTIVE = int(os.environ.get("OKR_BENCH_KRS_PER_OBJECTIVE", "3"))
# commit only in the copy setup/bench made for this run, never elsewhere
COMMIT = os.environ.get("OKR_BENCH_THROWAWAY") == cr.dbname


def settle(*tables):
    """In the throwaway copy: commit what was done, as the end of a request or
    a cron batch does, and refresh the planner's statistics of ``tables`` as
    autovacuum would have. Elsewhere: nothing (all is rolled back at the end)."""
    if not COMMIT:
        return
    env.flush_all()
    for table in tables:
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    # only in the copy made for this run (see COMMIT)
    cr.commit()  # pylint: disable=invalid-commit


def measure(func, name=""):
    env.flush_all()
    env.invalidate_all()
    profile = cProfile.Profile() if name and name == PROFILE else None
    sql_logger = logging.getLogger("odoo.sql_db")
    sql_level = sql_logger.level
    if name and name == SQL_LOG:
        sql_logger.setLevel(logging.DEBUG)
    queries = cr.sql_log_count
    start = time.perf_counter()
    if profile:
        profile.enable()
    result = func()
    env.flush_all()
    sql_logger.setLevel(sql_level)
    if profile:
        profile.disable()
    elapsed = time.perf_counter() - start
    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(60)
    counted = cr.sql_log_count - queries
    settle()
    return elapsed, counted, result


def insert_users(count):
    """Internal users straight in SQL: the ORM would take minutes for 10,000."""
    company = env.company.id
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, company_id,
                                 create_date, write_date, autopost_bills)
        SELECT 'Bench owner ' || g, 'Bench owner ' || g, true, 'contact', %s,
               now(), now(), 'ask'
          FROM generate_series(1, %s) g
        RETURNING id
        """
        if "autopost_bills" in env["res.partner"]._fields
        else """
        INSERT INTO res_partner (name, complete_name, active, type, company_id,
                                 create_date, write_date)
        SELECT 'Bench owner ' || g, 'Bench owner ' || g, true, 'contact', %s,
               now(), now()
          FROM generate_series(1, %s) g
        RETURNING id
        """,
        (company, count),
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO res_users (login, partner_id, company_id, active, share,
                               notification_type, create_date, write_date)
        SELECT 'bench_owner_' || p, p, %s, true, false, 'email', now(), now()
          FROM unnest(%s::int[]) p
        RETURNING id
        """,
        (company, partner_ids),
    )
    user_ids = [row[0] for row in cr.fetchall()]
    groups = [
        env.ref("base.group_user").id,
        env.ref("okr_management.group_okr_user").id,
    ]
    cr.execute(
        """
        INSERT INTO res_groups_users_rel (gid, uid)
        SELECT g, u FROM unnest(%s::int[]) g, unnest(%s::int[]) u
        """,
        (groups, user_ids),
    )
    cr.execute(
        """
        INSERT INTO res_company_users_rel (cid, user_id)
        SELECT %s, u FROM unnest(%s::int[]) u
        """,
        (company, user_ids),
    )
    env.registry.clear_cache()
    env.invalidate_all()
    return env["res.users"].browse(user_ids)


def insert_partners(count, user_ids):
    """The measured records: partners with an owner, dated in the last 300 days."""
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, company_id,
                                 user_id, create_date, write_date)
        SELECT 'bench ' || g, 'bench ' || g, true, 'contact', %s,
               (%s::int[])[1 + g %% %s],
               now() - (g %% 300) * interval '1 day', now()
          FROM generate_series(1, %s) g
        """,
        (env.company.id, user_ids, len(user_ids), count),
    )
    cr.execute("ANALYZE res_partner")


def setup_okr(owners):
    period = env["okr.period"].create(
        {
            "name": "Bench",
            "period_type": "custom",
            "date_start": today - datetime.timedelta(days=400),
            "date_end": today + datetime.timedelta(days=30),
            "company_id": env.company.id,
        }
    )
    fields_ = env["ir.model.fields"]
    metric = env["okr.metric"].create(
        {
            "name": "Bench partners",
            "model_id": env["ir.model"]._get("res.partner").id,
            "domain": "[('name', '=like', 'bench %')]",
            "date_field_id": fields_._get("res.partner", "create_date").id,
            "aggregate": "count",
            "user_field_id": fields_._get("res.partner", "user_id").id,
        }
    )
    definition = env["gamification.goal.definition"].create(
        {
            "name": "Bench partners",
            "computation_mode": "count",
            "model_id": env["ir.model"]._get("res.partner").id,
            "field_date_id": fields_._get("res.partner", "create_date").id,
            "domain": "[('name', '=like', 'bench %')]",
            "batch_mode": True,
            "batch_distinctive_field": fields_._get("res.partner", "user_id").id,
            "batch_user_expression": "user.id",
        }
    )
    return period, metric, definition


def create_key_results(name, period, owners, metric):
    """One metric key result per owner ("count of my partners in the period"),
    not refreshed yet, KRS_PER_OBJECTIVE to an objective named ``name``."""
    per_objective = KRS_PER_OBJECTIVE or len(owners)
    objectives = (
        env["okr.objective"]
        .with_context(mail_create_nolog=True)
        .create(
            [
                {
                    "name": f"{name} {number + 1}",
                    "period_id": period.id,
                    "level": "company",
                }
                for number in range(-(-len(owners) // per_objective))
            ]
        )
    )
    return (
        env["okr.key.result"]
        .with_context(okr_metric_no_refresh=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": f"{name} {owner.id}",
                    "objective_id": objectives[index // per_objective].id,
                    "user_id": owner.id,
                    "start_value": 0,
                    "target_value": 100,
                    "source": "metric",
                    "metric_id": metric.id,
                    "metric_scope": "owner",
                    "metric_window": "period",
                }
                for index, owner in enumerate(owners)
            ]
        )
    )


def sql_floor(owners, date_from, date_to):
    """The floor: one hand-written GROUP BY over the same records."""
    cr.execute(
        """
        SELECT user_id, count(*) FROM res_partner
         WHERE name LIKE 'bench %%' AND user_id = ANY(%s)
           AND create_date >= %s AND create_date < %s
         GROUP BY user_id
        """,
        (owners.ids, date_from, date_to + datetime.timedelta(days=1)),
    )
    return dict(cr.fetchall())


def rules_floor(owners, date_from, date_to):
    """The floor's GROUP BY as the first owner (all owners share one profile
    here), with the record rules Odoo applies to that owner."""
    groups = (
        env["res.partner"]
        .with_user(owners[0])
        .with_context(allowed_company_ids=owners[0].company_ids.ids)
        ._read_group(
            [
                ("name", "=like", "bench %"),
                ("user_id", "in", owners.ids),
                ("create_date", ">=", date_from),
                ("create_date", "<", date_to + datetime.timedelta(days=1)),
            ],
            ["user_id"],
            ["__count"],
        )
    )
    return {user.id: count for user, count in groups}


def audit_trail_writes(key_results, values):
    """The statements the issue's audit trail asks of a first refresh, written
    by hand: a history point per key result, its new value, progress, health,
    score band and refresh time, and a chatter event (its light changed)."""
    ids = key_results.ids
    params = {
        "today": today,
        "uid": env.uid,
        "now": datetime.datetime.now(),
        "ids": ids,
        "values": [values[kr_id] for kr_id in ids],
        "author": env.user.partner_id.id,
        "subtype": env.ref("mail.mt_note").id,
    }
    cr.execute(
        """
        INSERT INTO okr_check_in (
            key_result_id, objective_id, company_id, date, user_id, value,
            confidence, progress, progress_note, origin,
            create_uid, create_date, write_uid, write_date)
        SELECT kr.id, kr.objective_id, kr.company_id, %(today)s, %(uid)s,
               v.value, 5, v.value, 'Bench partners', 'metric',
               %(uid)s, %(now)s, %(uid)s, %(now)s
          FROM unnest(%(ids)s::int[], %(values)s::float8[]) AS v(kr_id, value)
          JOIN okr_key_result kr ON kr.id = v.kr_id
        """,
        params,
    )
    cr.execute(
        """
        UPDATE okr_key_result kr
           SET current_value = v.value, progress = v.value, health = 'at_risk',
               score_band = 'fail', check_in_count = 1, last_check_in_date = %(today)s,
               metric_last_refresh = %(now)s, write_uid = %(uid)s, write_date = %(now)s
          FROM unnest(%(ids)s::int[], %(values)s::float8[]) AS v(kr_id, value)
         WHERE kr.id = v.kr_id
        """,
        params,
    )
    cr.execute(
        """
        INSERT INTO mail_message (
            author_id, model, res_id, message_type, is_internal, subtype_id,
            body, date, create_uid, create_date, write_uid, write_date)
        SELECT %(author)s, 'okr.key.result', v.res_id, 'notification', true,
               %(subtype)s, '<p>Health: No data yet -> At risk</p>', %(now)s,
               %(uid)s, %(now)s, %(uid)s, %(now)s
          FROM unnest(%(ids)s::int[]) AS v(res_id)
        """,
        params,
    )


def refresh_time_write(key_results):
    """The one statement a refresh where nothing moved must run: the
    refresh's own UPDATE of the refresh time, nothing around it."""
    key_results._metric_stamp_refresh(datetime.datetime.now())


def rolled_back(func, *args):
    """``func(*args)`` in a savepoint rolled back at once: its rows never stay."""

    def run():
        cr.execute("SAVEPOINT bench_must_pay")
        try:
            return func(*args)
        finally:
            cr.execute("ROLLBACK TO SAVEPOINT bench_must_pay")

    return run


def create_goals(owners, period, goal_definition):
    """One gamification goal per owner, on the same partners as the key results."""
    return env["gamification.goal"].create(
        [
            {
                "definition_id": goal_definition.id,
                "user_id": owner.id,
                "start_date": period.date_start,
                "end_date": period.date_end,
                "target_goal": 100,
                "state": "inprogress",
            }
            for owner in owners
        ]
    )


def warm_up(owner, period, metric, goal_definition):
    """One refresh and one goal update of throwaway records, so both sides
    start with the caches a running server has (field labels, xml ids, the
    author of chatter notes), not with those of a fresh process."""
    create_key_results("Bench warm-up", period, owner, metric)._refresh_metric()
    create_goals(owner, period, goal_definition).update_goal()
    env.flush_all()


def run_size(size, owners, period, metric, goal_definition):
    owners = owners[:size]
    key_results = create_key_results(f"Bench {size}", period, owners, metric)
    goals = create_goals(owners, period, goal_definition)
    settle("okr_key_result", "gamification_goal")
    definitions = [metric._to_definition()]
    requests = key_results._metric_requests(today)
    date_from = period.date_start
    date_to = period.date_end

    def engine():
        return metric_engine.evaluate(env, definitions, requests)

    def refresh():
        return key_results._refresh_metric()

    def naive():
        partners = env["res.partner"]
        return {
            kr.id: partners.with_user(kr.user_id).search_count(
                [
                    ("name", "=like", "bench %"),
                    ("user_id", "=", kr.user_id.id),
                    ("create_date", ">=", date_from),
                    ("create_date", "<", date_to + datetime.timedelta(days=1)),
                ]
            )
            for kr in key_results
        }

    def gamification():
        return goals.update_goal()

    def sql():
        return sql_floor(owners, date_from, date_to)

    engine()  # warm the caches (rules, groups) as a running server has them
    warm_up(owners[0], period, metric, goal_definition)
    settle()
    naive_sizes = int(os.environ.get("OKR_BENCH_NAIVE_MAX", "100"))
    rows = {"engine": measure(engine, "engine")}
    rows["refresh"] = measure(refresh, "refresh")
    rows["steady"] = measure(refresh, "steady")
    rows["naive"] = measure(naive) if size <= naive_sizes else (None, None, None)
    rows["gamification"] = (
        (None, None, None) if "gamification" in SKIP else measure(gamification)
    )
    rows["sql"] = measure(sql)
    rows["rules"] = measure(lambda: rules_floor(owners, date_from, date_to), "rules")
    rows["writes"] = measure(
        rolled_back(
            audit_trail_writes,
            key_results,
            {kr.id: rows["sql"][2].get(kr.user_id.id, 0) for kr in key_results},
        ),
        "writes",
    )
    rows["stamp"] = measure(rolled_back(refresh_time_write, key_results), "stamp")
    assert rows["rules"][2] == rows["sql"][2], "the owners' rules hide nothing here"
    # the engine and the floor agree
    values = rows["engine"][2]
    floor = rows["sql"][2]
    wrong = [kr for kr in key_results if values[kr.id] != floor.get(kr.user_id.id, 0)]
    assert not wrong, f"engine and SQL disagree on {len(wrong)} key results"
    if rows["naive"][2] is not None:
        assert all(rows["naive"][2][kr.id] == values[kr.id] for kr in key_results)
    return rows


def run_cron(count, kpi_count, owners, period, metric):
    """The hourly cron (``_cron_refresh_metrics``) over ``count`` metric key
    results and ``kpi_count`` KPIs: its first run (every value moves) and the
    next one (nothing moved), whole runs, batches and KPIs included. In the
    throwaway copy the cron commits each batch as in production, and its key
    results and KPIs are deleted after; elsewhere its commits only flush, and
    everything is rolled back (a commit's own cost is not measured)."""
    if not COMMIT:
        cr.execute("SAVEPOINT bench_cron")
        commit = cr.commit
        cr.commit = env.flush_all
    key_results = env["okr.key.result"]
    kpis = env["okr.kpi"]
    try:
        owners = owners[:count]
        key_results = create_key_results("Bench cron", period, owners, metric)
        # every other KPI out of its healthy range: its drift activity exists
        kpis = env["okr.kpi"].create(
            [
                {
                    "name": f"Bench KPI {owner.id}",
                    "metric_id": metric.id,
                    "user_id": owner.id,
                    "target_value": 20,
                    "healthy_operator": "above",
                    "healthy_value": 5 if i % 2 else 1000,
                }
                for i, owner in enumerate(owners[:kpi_count])
            ]
        )
        settle("okr_key_result", "okr_kpi")
        metric_engine.evaluate(  # warm the caches as a running server has them
            env,
            [metric._to_definition()],
            key_results._metric_requests(today),
        )

        def cron():
            return env["okr.key.result"]._cron_refresh_metrics()

        rows = {"first": measure(cron, "cron"), "steady": measure(cron, "cron-steady")}
        rows["sql"] = measure(
            lambda: sql_floor(owners, period.date_start, period.date_end)
        )
        moved = key_results.filtered(lambda kr: kr.metric_last_refresh)
        assert len(moved) == len(key_results), "the cron refreshed them all"
        return rows
    finally:
        if COMMIT:
            # the sizes measured next find the tables as the cron found them
            kpis.unlink()
            # their key results, with their history and chatter
            key_results.objective_id.unlink()
            settle("okr_key_result", "okr_check_in", "okr_kpi", "mail_message")
        else:
            cr.commit = commit
            cr.execute("ROLLBACK TO SAVEPOINT bench_cron")
            env.invalidate_all()


def fmt(seconds, queries):
    if seconds is None:
        return f"{'skipped':>16}"
    return f"{seconds:8.3f}s {queries:6d}q"


try:
    t0 = time.perf_counter()
    owners = insert_users(max(SIZES))
    insert_partners(RECORDS, owners.ids)
    period, metric, goal_definition = setup_okr(owners)
    settle("res_partner", "res_users", "res_groups_users_rel", "res_company_users_rel")
    mode = "committed" if COMMIT else "rolled back at the end"
    print(f"setup: {time.perf_counter() - t0:.1f}s ({mode})")
    cron_krs = int(os.environ.get("OKR_BENCH_CRON_KRS", str(max(SIZES))))
    cron_kpis = int(os.environ.get("OKR_BENCH_CRON_KPIS", "500"))
    cron_lines = []
    if cron_krs:
        rows = run_cron(cron_krs, cron_kpis, owners, period, metric)
        sql_s = rows["sql"][0]
        cron_header = (
            f"{'cron KRs':>8} {'KPIs':>5} | {'cron (1st)':>16} | "
            f"{'cron (steady)':>16} | {'SQL floor':>16} | {'1st/SQL':>7} "
            f"{'std/SQL':>7}"
        )
        cron_lines = [
            cron_header,
            "-" * len(cron_header),
            f"{cron_krs:>8} {cron_kpis:>5} | {fmt(*rows['first'][:2])} | "
            f"{fmt(*rows['steady'][:2])} | {fmt(*rows['sql'][:2])} | "
            f"{rows['first'][0] / sql_s:6.1f}x {rows['steady'][0] / sql_s:6.1f}x",
        ]
        print("\n".join(cron_lines), flush=True)
    header = (
        f"{'KRs':>6} {'records':>8} | {'engine':>16} | {'refresh (1st)':>16} | "
        f"{'steady':>16} | {'naive loop':>16} | {'gamification':>16} | "
        f"{'SQL floor':>16} | {'ref/SQL':>7} {'ref/gam':>7} {'std/SQL':>7} "
        f"{'eng/SQL':>7}"
    )
    lines = [header, "-" * len(header)]
    must_header = (
        f"{'KRs':>6} | {'SQL floor':>16} | {'with rules':>16} | "
        f"{'audit writes':>16} | {'time write':>16} | {'must/SQL':>8} "
        f"{'ref/must':>8} {'std must/SQL':>12} {'std/must':>8}"
    )
    must_lines = [must_header, "-" * len(must_header)]
    for size in SIZES:
        t1 = time.perf_counter()
        rows = run_size(size, owners, period, metric, goal_definition)
        sql_s = rows["sql"][0]
        line = (
            f"{size:>6} {RECORDS:>8} | {fmt(*rows['engine'][:2])} | "
            f"{fmt(*rows['refresh'][:2])} | {fmt(*rows['steady'][:2])} | "
            f"{fmt(*rows['naive'][:2])} | "
            f"{fmt(*rows['gamification'][:2])} | {fmt(*rows['sql'][:2])} | "
            f"{rows['refresh'][0] / sql_s:6.1f}x "
            f"{rows['refresh'][0] / (rows['gamification'][0] or float('nan')):6.2f}x "
            f"{rows['steady'][0] / sql_s:6.1f}x "
            f"{rows['engine'][0] / sql_s:6.1f}x"
        )
        lines.append(line)
        # the least a first refresh must pay: the read with rights, the audit
        # trail's writes; for the steady one, the read and the refresh time
        must = rows["rules"][0] + rows["writes"][0]
        steady_must = rows["rules"][0] + rows["stamp"][0]
        must_lines.append(
            f"{size:>6} | {fmt(*rows['sql'][:2])} | {fmt(*rows['rules'][:2])} | "
            f"{fmt(*rows['writes'][:2])} | {fmt(*rows['stamp'][:2])} | "
            f"{must / sql_s:7.1f}x {rows['refresh'][0] / must:7.1f}x "
            f"{steady_must / sql_s:11.1f}x {rows['steady'][0] / steady_must:7.1f}x"
        )
        print(line, f"  ({time.perf_counter() - t1:.1f}s)", flush=True)
    print()
    print("\n".join(lines))
    print()
    print("\n".join(must_lines))
    if cron_lines:
        print()
        print("\n".join(cron_lines))
finally:
    # nothing of the benchmark stays in the database
    cr.rollback()
