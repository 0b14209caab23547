"""Install, upgrade and uninstall the three addons in a real database, as a user would.

Each step runs Odoo's own command line in a subprocess against a scratch database, so
a broken manifest, data file, migration or uninstall hook fails here exactly as it
would for a user. The database is dropped afterwards.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ["okr_management", "okr_management_project", "okr_management_crm"]
# Lines Odoo logs at ERROR or CRITICAL level: any of them fails a step.
ERROR_LINE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", re.MULTILINE)


def _odoo_command():
    odoo_src = os.environ.get("ODOO_SRC") or str(Path(odoo.__path__[0]).parent)
    conf = os.environ.get("OKR_ODOO_CONF", str(ROOT / ".okr" / "odoo.conf"))
    return [sys.executable, os.path.join(odoo_src, "odoo-bin")], conf


def _run_odoo(db, *args, subcommand=None):
    odoo_bin, conf = _odoo_command()
    if subcommand:
        cmd = [*odoo_bin, *subcommand, "-c", conf, "-d", db, *args]
    else:
        cmd = [
            *odoo_bin,
            "-c",
            conf,
            "-d",
            db,
            "--log-level=warn",
            "--stop-after-init",
            *args,
        ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, (
        f"{' '.join(cmd)} exited {proc.returncode}:\n{output[-4000:]}"
    )
    errors = ERROR_LINE.findall(output)
    assert not errors, f"{' '.join(cmd)} logged errors:\n{output[-4000:]}"
    return output


def _connect(dbname):
    params = {
        "dbname": dbname,
        "user": config["db_user"],
        "port": config["db_port"] or None,
    }
    if config["db_host"]:
        params["host"] = config["db_host"]
    if config["db_password"]:
        params["password"] = config["db_password"]
    conn = psycopg2.connect(**params)
    conn.autocommit = True
    return conn


def _query(db, sql, args=()):
    with _connect(db) as conn, conn.cursor() as cr:
        cr.execute(sql, args)
        return cr.fetchall()


def _module_states(db):
    return dict(
        _query(
            db,
            "SELECT name, state FROM ir_module_module WHERE name = ANY(%s)",
            (ADDONS,),
        )
    )


def _xmlid_count(db, module):
    return _query(
        db, "SELECT count(*) FROM ir_model_data WHERE module = %s", (module,)
    )[0][0]


@pytest.fixture(scope="module")
def lifecycle_db():
    """A scratch database with the three addons and their demo data, from scratch."""
    db = f"{config['db_name'][0]}_lifecycle"
    admin = _connect("postgres")
    with admin.cursor() as cr:
        cr.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    _run_odoo(db, "-i", ",".join(ADDONS), "--with-demo")
    yield db
    with admin.cursor() as cr:
        cr.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    admin.close()


def test_install_with_demo_gives_the_okr_menu(lifecycle_db):
    assert _module_states(lifecycle_db) == dict.fromkeys(ADDONS, "installed")
    menus = _query(
        lifecycle_db,
        """SELECT m.name->>'en_US' FROM ir_ui_menu m
             JOIN ir_model_data d ON d.res_id = m.id AND d.model = 'ir.ui.menu'
            WHERE d.module = 'okr_management' AND d.name = 'menu_okr_root'""",
    )
    assert menus == [("OKR",)]


def _demo_id(db, xmlid):
    rows = _query(
        db,
        "SELECT res_id FROM ir_model_data "
        "WHERE module = 'okr_management' AND name = %s",
        (xmlid,),
    )
    assert rows, f"demo record {xmlid} missing"
    return rows[0][0]


def test_demo_has_the_seeds_cases(lifecycle_db):
    """Seeds 003 and 004 in the demo (the test database has no demo data)."""
    db = lifecycle_db
    # seed 004: OKR 4 went live through the activation checklist, with its RACI
    okr4 = _demo_id(db, "okr_demo_objective_itsm_culture")
    (state, checklist_done, inspiring, accountable, team) = _query(
        db,
        """SELECT o.state, o.checklist_done, o.checklist_inspiring,
                  o.accountable_id IS NOT NULL, t.name->>'en_US'
             FROM okr_objective o JOIN okr_team t ON t.id = o.team_id
            WHERE o.id = %s""",
        (okr4,),
    )[0]
    assert (state, checklist_done, inspiring, accountable) == (
        "active",
        True,
        False,
        True,
    )
    assert team == "TI"
    # its four KPIs, typed by hand (no service desk in Odoo), one of them out
    # of its range
    kpis = dict(
        _query(
            db,
            """SELECT d.name, (k.current_value, k.metric_id IS NULL,
                      k.is_drifting, k.trend, k.healthy_operator)::text
                 FROM okr_kpi k JOIN ir_model_data d
                   ON d.res_id = k.id AND d.model = 'okr.kpi'
                WHERE d.name LIKE 'okr_demo_kpi_%%'""",
        )
    )
    assert kpis["okr_demo_kpi_kb_share"] == "(22,t,f,up,above)"
    assert kpis["okr_demo_kpi_l1_resolution"] == "(5.6,t,f,down,below)"
    assert kpis["okr_demo_kpi_sla_share"] == "(78,t,f,up,above)"
    assert kpis["okr_demo_kpi_problem_ratio"] == "(13,t,t,down,above)"
    # seed 003: each customer-experience objective has leading key results
    # naming the lagging one they predict, and operating-model parts
    for key in ("support", "success", "digital"):
        objective = _demo_id(db, f"okr_demo_objective_cx_{key}")
        pairs = _query(
            db,
            """SELECT kr.indicator, lag.indicator, count(ci.id) > 2
                 FROM okr_key_result kr
                 LEFT JOIN okr_key_result lag ON lag.id = kr.lagging_key_result_id
                 LEFT JOIN okr_check_in ci ON ci.key_result_id = kr.id
                WHERE kr.objective_id = %s
                GROUP BY kr.id, lag.id ORDER BY kr.indicator""",
            (objective,),
        )
        assert pairs == [
            ("lagging", None, True),
            ("leading", "lagging", True),
            ("leading", "lagging", True),
        ], key
        assert _query(
            db,
            "SELECT count(*) FROM okr_objective_operating_area_rel "
            "WHERE objective_id = %s",
            (objective,),
        )[0][0]
    # some operating-model part stays unmeasured in the current quarter
    quarter = _demo_id(db, "okr_demo_period_quarter_current")
    unmeasured = _query(
        db,
        """SELECT count(*) FROM okr_operating_area a
            WHERE a.parent_id IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM okr_objective_operating_area_rel r
                    JOIN okr_objective o ON o.id = r.objective_id
                   WHERE r.operating_area_id = a.id AND o.period_id = %s
                     AND o.state != 'cancelled')""",
        (quarter,),
    )[0][0]
    assert unmeasured > 0
    # key results shared across teams link their objectives in the tree
    links = _query(
        db,
        "SELECT objective_id, aligned_objective_id FROM okr_objective_kr_alignment_rel",
    )
    assert (
        _demo_id(db, "okr_demo_objective_billing_cases"),
        _demo_id(db, "okr_demo_objective_cx_support"),
    ) in links
    assert (
        _demo_id(db, "okr_demo_objective_itsm_aspirational"),
        _demo_id(db, "okr_demo_objective_cx_digital"),
    ) in links


def test_upgrade_keeps_everything_installed(lifecycle_db):
    before = _xmlid_count(lifecycle_db, "okr_management")
    _run_odoo(lifecycle_db, "-u", ",".join(ADDONS))
    assert _module_states(lifecycle_db) == dict.fromkeys(ADDONS, "installed")
    assert _xmlid_count(lifecycle_db, "okr_management") == before


def test_uninstall_crm_addon_keeps_core_data(lifecycle_db):
    core_records = _xmlid_count(lifecycle_db, "okr_management")
    assert core_records > 0
    # Core key results (not the addon's own demo records, which go with it) that the
    # CRM demo measures with the addon's metric presets.
    measured = """
        SELECT count(*) FROM okr_key_result kr
          JOIN ir_model_data d ON d.res_id = kr.id AND d.model = 'okr.key.result'
         WHERE d.module = 'okr_management' AND kr.metric_id IS NOT NULL"""
    key_results_on_metrics = _query(lifecycle_db, measured)[0][0]
    assert key_results_on_metrics > 0
    _run_odoo(lifecycle_db, "okr_management_crm", subcommand=["module", "uninstall"])
    states = _module_states(lifecycle_db)
    assert states["okr_management_crm"] == "uninstalled"
    assert states["okr_management"] == "installed"
    assert _xmlid_count(lifecycle_db, "okr_management_crm") == 0
    assert _xmlid_count(lifecycle_db, "okr_management") == core_records
    # the presets those key results use stay, as ordinary records: nothing is lost
    assert _query(lifecycle_db, measured)[0][0] == key_results_on_metrics
    # The registry still loads without the addon: a shell can read the OKR menu.
    output = subprocess.run(
        [
            *_odoo_command()[0],
            "shell",
            "-c",
            _odoo_command()[1],
            "-d",
            lifecycle_db,
            "--no-http",
        ],
        input="print('MENU', env.ref('okr_management.menu_okr_root').name)\n",
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    ).stdout
    assert "MENU OKR" in output
