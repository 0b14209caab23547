# shellcheck shell=bash
# Shared bootstrap for setup/run, setup/test and setup/odoo. Sourced, never run.
# Every step is idempotent: a second call finds what the first one made and moves on.
set -euo pipefail
# runuser, initdb's helpers and friends live in sbin, which a bare PATH
# (cron, `env -i`, some CI runners) leaves out
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" ;; esac

OKR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OKR_STATE="$OKR_ROOT/.okr"            # ignored by git: venv, cluster, config, logs
OKR_VENV="$OKR_ROOT/.venv"
OKR_ADDONS=(okr_management okr_management_project okr_management_crm)
ODOO_SERIES="19.0"
ODOO_DEFAULT_SRC="${XDG_CACHE_HOME:-$HOME/.cache}/odoo/$ODOO_SERIES"
ODOO_ARCHIVE_URL="${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/$ODOO_SERIES/nightly/src/odoo_$ODOO_SERIES.latest.tar.gz}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
    printf '\033[1;31mERROR: %s\033[0m\n' "$1" >&2
    [ $# -gt 1 ] && printf '  fix it with:  %s\n' "$2" >&2
    exit 1
}
is_root() { [ "$(id -u)" = 0 ]; }

# Run a long command quietly, printing a dot every few seconds; show its log on failure.
run_logged() {
    local label=$1 log=$2; shift 2
    mkdir -p "$(dirname "$log")"
    printf '    %s ' "$label" >&2
    "$@" >"$log" 2>&1 &
    local pid=$! rc=0
    while kill -0 "$pid" 2>/dev/null; do sleep 3; printf '.' >&2; done
    wait "$pid" || rc=$?
    if [ $rc -ne 0 ]; then
        printf ' failed\n' >&2
        tail -n 40 "$log" >&2
        die "$label failed (full log: $log)"
    fi
    printf ' done\n' >&2
}

# -- Python ------------------------------------------------------------------
find_python() {
    local candidate
    for candidate in "${OKR_PYTHON:-}" python3.11 python3.12 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] < (3, 13)))'; then
            echo "$candidate"; return 0
        fi
    done
    die "Odoo $ODOO_SERIES needs Python 3.10 to 3.12 with venv; none was found." \
        "apt-get install python3 python3-venv python3-dev   (or set OKR_PYTHON=/path/to/python3.11)"
}

# -- Odoo source ---------------------------------------------------------------
find_odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/release.py" ] || die "ODOO_SRC=$ODOO_SRC holds no Odoo source (no odoo/release.py)." \
            "export ODOO_SRC=/path/to/odoo-$ODOO_SERIES   (or unset it)"
        ODOO_SRC="$(cd "$ODOO_SRC" && pwd)"
    elif [ -f "$ODOO_DEFAULT_SRC/odoo/release.py" ]; then
        ODOO_SRC="$ODOO_DEFAULT_SRC"
    else
        say "No Odoo source in \$ODOO_SRC or $ODOO_DEFAULT_SRC: downloading Odoo's official $ODOO_SERIES archive"
        local tmp
        tmp="$(mktemp -d)"
        if ! curl -fL --progress-bar --connect-timeout 20 -o "$tmp/odoo.tar.gz" "$ODOO_ARCHIVE_URL"; then
            rm -rf "$tmp"
            die "Odoo $ODOO_SERIES source not found and the download from $ODOO_ARCHIVE_URL failed." \
                "place Odoo $ODOO_SERIES Community in $ODOO_DEFAULT_SRC (or export ODOO_SRC=/path/to/odoo)"
        fi
        mkdir -p "$ODOO_DEFAULT_SRC"
        tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_DEFAULT_SRC" --strip-components=1
        rm -rf "$tmp"
        ODOO_SRC="$ODOO_DEFAULT_SRC"
    fi
    grep -q "^version_info = (${ODOO_SERIES/./, }," "$ODOO_SRC/odoo/release.py" \
        || die "$ODOO_SRC is not Odoo $ODOO_SERIES." "export ODOO_SRC=/path/to/odoo-$ODOO_SERIES"
    export ODOO_SRC
}

# -- Virtualenv ------------------------------------------------------------------
# A stamp records what was installed; the install runs again only when an input changed.
venv_inputs_hash() {
    {
        cat "$ODOO_SRC/requirements.txt" "$OKR_ROOT/setup/requirements.txt"
        echo "$ODOO_SRC"
        for addon in "${OKR_ADDONS[@]}"; do cat "$OKR_ROOT/$addon/pyproject.toml"; done
    } | sha1sum | cut -d' ' -f1
}

ensure_venv() {
    local stamp="$OKR_VENV/.okr-installed" want
    want="$(venv_inputs_hash)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    local python
    python="$(find_python)"
    if [ ! -x "$OKR_VENV/bin/python" ]; then
        say "Creating the virtualenv in .venv ($("$python" --version))"
        "$python" -m venv "$OKR_VENV" || die "could not create a virtualenv." "apt-get install python3-venv"
    fi
    local pip=("$OKR_VENV/bin/python" -m pip --disable-pip-version-check --no-input)
    mkdir -p "$OKR_STATE/logs"
    # Odoo's pinned cbor2 needs pkg_resources while it builds: setuptools<81 keeps it.
    # python-ldap only serves auth_ldap and needs system headers: left out.
    local constraints="$OKR_STATE/build-constraints.txt"
    echo 'setuptools<81' >"$constraints"
    grep -v '^python-ldap' "$ODOO_SRC/requirements.txt" >"$OKR_STATE/odoo-requirements.txt"
    say "Installing Odoo's Python requirements into .venv (first time: a few minutes)"
    PIP_CONSTRAINT="$constraints" run_logged "pip install -r odoo requirements" "$OKR_STATE/logs/pip-odoo.log" \
        "${pip[@]}" install -r "$OKR_STATE/odoo-requirements.txt"
    say "Making Odoo importable from $ODOO_SRC, installing the suite's tools and the three addons (editable)"
    # A .pth file points the venv at the source as it is: nothing is copied or written there.
    local site
    site="$("$OKR_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "$ODOO_SRC" >"$site/odoo-src.pth"
    run_logged "pip install test tools" "$OKR_STATE/logs/pip-tools.log" \
        "${pip[@]}" install -r "$OKR_ROOT/setup/requirements.txt"
    local editable=()
    for addon in "${OKR_ADDONS[@]}"; do editable+=(-e "$OKR_ROOT/$addon"); done
    # --no-deps: the addons' dependencies are Odoo's own addons, found on the addons path.
    run_logged "pip install -e the addons" "$OKR_STATE/logs/pip-addons.log" \
        "${pip[@]}" install --no-deps "${editable[@]}"
    relocate_editable_links "$site"
    echo "$want" >"$stamp"
}

# whool's editable install links {addon}/build/__editable__/odoo/addons/{addon} back to the
# addon itself: a loop inside the addon, which Odoo's translation export (os.walk with
# followlinks) walks forever. The same link is kept under .okr/editable instead, and the
# .pth file that pip wrote points there.
relocate_editable_links() {
    local site=$1 addon pth target
    for addon in "${OKR_ADDONS[@]}"; do
        pth="$site/odoo_addon_$addon.pth"
        [ -f "$pth" ] || continue
        target="$OKR_STATE/editable/$addon"
        mkdir -p "$target/odoo/addons"
        ln -sfn "$OKR_ROOT/$addon" "$target/odoo/addons/$addon"
        echo "$target" >"$pth"
        rm -rf "$OKR_ROOT/$addon/build/__editable__" "$OKR_ROOT/$addon/build/.gitignore"
        rmdir "$OKR_ROOT/$addon/build" 2>/dev/null || true
    done
}

# -- PostgreSQL ----------------------------------------------------------------
# A server the user names (PGHOST/PGPORT/PGUSER/PGPASSWORD) wins; otherwise a private
# cluster in .okr/pg, trusted on a Unix socket only: it opens no TCP port at all.
find_pg_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir="$(pg_config --bindir)"
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    fi
    for dir in /usr/lib/postgresql/*/bin /usr/pgsql-*/bin /usr/local/pgsql/bin /usr/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    die "no PostgreSQL server binaries (initdb, pg_ctl) were found." "apt-get install postgresql"
}

as_pg_owner() {
    # from /, which the postgres user can always enter (the caller's folder may be closed)
    if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

ensure_postgres() {
    if [ -n "${PGHOST:-}" ] || [ -n "${PGPORT:-}" ] || [ -n "${PGUSER:-}" ]; then
        OKR_DB_HOST="${PGHOST:-}"; OKR_DB_PORT="${PGPORT:-5432}"
        OKR_DB_USER="${PGUSER:-$(id -un)}"; OKR_DB_PASSWORD="${PGPASSWORD:-}"
        OKR_PG_OWN=0
        return 0
    fi
    OKR_PG_OWN=1
    local bindir data run
    bindir="$(find_pg_bindir)"
    OKR_PG_BINDIR="$bindir"
    if is_root; then
        id postgres >/dev/null 2>&1 || die "running as root, PostgreSQL needs the 'postgres' system user (initdb refuses root)." \
            "apt-get install postgresql   (it creates the user)   or run as a normal user"
        # The cluster runs as 'postgres', which must reach its folder. When a parent of the
        # repository is closed to it (a mktemp folder, a home directory), .okr/pg becomes a
        # link to a folder of the same name under /var/tmp.
        mkdir -p "$OKR_STATE"
        if [ ! -e "$OKR_STATE/pg" ] && ! runuser -u postgres -- test -x "$OKR_STATE"; then
            local outside
            outside="/var/tmp/okr-pg-$(echo "$OKR_ROOT" | sha1sum | cut -c1-12)"
            mkdir -p "$outside" && chmod 755 "$outside" && ln -s "$outside" "$OKR_STATE/pg"
        fi
    fi
    data="$OKR_STATE/pg/data"; run="$OKR_STATE/pg/run"
    mkdir -p "$data" "$run"
    data="$(cd "$data" && pwd -P)"; run="$(cd "$run" && pwd -P)"
    # Unix socket paths are limited to about 100 bytes: use /tmp when the repository is deep.
    if [ ${#run} -gt 80 ]; then run="/tmp/okr-pg-$(echo "$OKR_ROOT" | sha1sum | cut -c1-10)"; mkdir -p "$run"; fi
    OKR_DB_HOST="$run"; OKR_DB_PORT=5432; OKR_DB_USER=odoo; OKR_DB_PASSWORD=""
    OKR_PG_DATA="$data"
    if is_root; then
        chown postgres: "$(dirname "$data")" "$data" "$run"
        runuser -u postgres -- test -w "$data" || die "the postgres user cannot reach $data." \
            "chmod o+x on the parent folders of $OKR_ROOT, or set PGHOST/PGUSER to use your own server"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in .okr/pg (once)"
        run_logged "initdb" "$OKR_STATE/logs/initdb.log" \
            as_pg_owner "$bindir/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8
    fi
    if ! as_pg_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        say "Starting the private PostgreSQL (Unix socket $run, no TCP port)"
        local pglog="$run/postgresql.log"
        as_pg_owner "$bindir/pg_ctl" -D "$data" -l "$pglog" -w -t 60 \
            -o "-c listen_addresses='' -c unix_socket_directories='$run' -c port=$OKR_DB_PORT -c synchronous_commit=off" \
            start >/dev/null || { tail -n 20 "$pglog" >&2; die "PostgreSQL did not start (log: $pglog)."; }
        OKR_PG_STARTED_HERE=1
    fi
}

stop_postgres() {
    [ "${OKR_PG_OWN:-0}" = 1 ] || return 0
    as_pg_owner "$OKR_PG_BINDIR/pg_ctl" -D "$OKR_PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

psql_cmd() {
    local psql=psql
    if [ -n "${OKR_PG_BINDIR:-}" ] && [ -x "$OKR_PG_BINDIR/psql" ]; then psql="$OKR_PG_BINDIR/psql"; fi
    command -v "$psql" >/dev/null 2>&1 || die "the PostgreSQL client 'psql' is missing." "apt-get install postgresql-client"
    PGPASSWORD="$OKR_DB_PASSWORD" "$psql" -X -q -v ON_ERROR_STOP=1 ${OKR_DB_HOST:+-h "$OKR_DB_HOST"} -p "$OKR_DB_PORT" -U "$OKR_DB_USER" "$@"
}

db_exists() {
    [ "$(psql_cmd -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# -- Odoo configuration ----------------------------------------------------------
# Loopback only unless OKR_HTTP_INTERFACE opens it up; no database manager listing.
# The suite's addons need no addons_path entry: their editable installs put them in the
# odoo.addons namespace, where Odoo finds them (and the repository's .venv and .okr stay
# out of Odoo's scans).
write_odoo_config() {
    local conf=$1 logfile=${2:-}
    mkdir -p "$(dirname "$conf")" "$OKR_STATE/data"
    cat >"$conf" <<CONF
[options]
addons_path = $ODOO_SRC/addons
data_dir = $OKR_STATE/data
db_host = ${OKR_DB_HOST:-False}
db_port = $OKR_DB_PORT
db_user = $OKR_DB_USER
http_interface = ${OKR_HTTP_INTERFACE:-127.0.0.1}
http_port = ${OKR_HTTP_PORT:-8069}
gevent_port = ${OKR_GEVENT_PORT:-8072}
list_db = False
max_cron_threads = ${OKR_CRON_THREADS:-1}
CONF
    if [ -n "$OKR_DB_PASSWORD" ]; then echo "db_password = $OKR_DB_PASSWORD" >>"$conf"; fi
    if [ -n "$logfile" ]; then echo "logfile = $logfile" >>"$conf"; fi
}

odoo_bin() { "$OKR_VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@"; }

# The databases the suite creates never call home: Odoo's publisher-warranty cron and the
# crons that talk to Odoo's IAP services are switched off, and the IAP endpoints point to a
# closed loopback port, so a click on an IAP feature fails at once instead of leaving the machine.
silence_phone_home() {
    psql_cmd -d "$1" <<'SQL'
UPDATE ir_cron SET active = false WHERE id IN (
    SELECT res_id FROM ir_model_data WHERE model = 'ir.cron' AND (module, name) IN (
        ('mail', 'ir_cron_module_update_notification'),
        ('crm_iap_enrich', 'ir_cron_lead_enrichment'),
        ('snailmail', 'snailmail_print'),
        ('sms', 'ir_cron_sms_scheduler_action')));
INSERT INTO ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
SELECT key, 'http://127.0.0.1:9', 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
  FROM unnest(ARRAY['iap.endpoint', 'iap.partner_autocomplete.endpoint', 'enrich.endpoint',
                    'reveal.endpoint', 'sms.endpoint', 'snailmail.endpoint']) AS key
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
SQL
}

# Fingerprint of an addon's files: a changed fingerprint means the database needs -u.
addon_fingerprint() {
    (cd "$OKR_ROOT/$1" && find . -type f ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 | sort -z \
        | xargs -0 sha1sum) | sha1sum | cut -d' ' -f1
}

bootstrap() {
    find_odoo_src
    ensure_venv
    ensure_postgres
    write_odoo_config "$OKR_STATE/odoo.conf"
}
