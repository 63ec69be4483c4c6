# shellcheck shell=bash
# Shared bootstrap for ./scripts/run and ./scripts/test.
# Sourced, not executed. Every function prints what it does and stops the
# caller with a clear message and a non-zero exit when the environment is
# not usable.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-$HOME/.cache/odoo/18.0}
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}
LOCAL_DIR=${LOCAL_DIR:-$ROOT/.local}
VENV=${VENV:-$ROOT/.venv}
HTTP_PORT=${HTTP_PORT:-8069}
# Which PostgreSQL cluster: 'main' keeps what users type into ./scripts/run (fsync and
# synchronous_commit on); 'test' holds the throwaway databases of ./scripts/test and the
# benchmarks (both off). Each script sets its own; scripts started by ./scripts/test
# inherit 'test'.
PG_CLUSTER=${PG_CLUSTER:-main}
# Where root's clusters go when user postgres cannot reach the checkout's .local/.
PG_SHARED_BASE=/var/lib/marketing-sales-ops
PGPORT=${PGPORT:-5432}
DB_USER=odoo
# The suite's modules, in dependency order (scripts/test installs them all).
SUITE_MODULES=$(cd "$ROOT/addons" && for m in */; do
    [ -f "$m/__manifest__.py" ] && printf '%s\n' "${m%/}"; done | paste -sd, -)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

as_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
    as_root || die "missing system packages ($*); install them with: sudo apt-get install $*"
    say "installing Debian packages: $*"
    if [ ! -f "$LOCAL_DIR/.apt-updated" ]; then
        apt-get update -qq >&2 || die "apt-get update failed; install $* by hand"
        mkdir -p "$LOCAL_DIR" && touch "$LOCAL_DIR/.apt-updated"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 \
        || die "apt-get install $* failed"
}

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.12 "$HOME"/.pyenv/versions/3.12*/bin/python3.12 \
            /usr/bin/python3.12 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 \
                && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then
            command -v "$candidate"
            return
        fi
    done
    die "Python 3.12 not found (requirements.txt pins the Python 3.12 versions of Odoo 18's dependencies); install python3.12 or set PYTHON=/path/to/python3.12"
}

ensure_odoo_src() {
    if [ ! -f "$ODOO_SRC/odoo-bin" ]; then
        say "no Odoo source at ODOO_SRC=$ODOO_SRC: cloning branch 18.0 of $ODOO_GIT_URL (depth 1)"
        mkdir -p "$(dirname "$ODOO_SRC")"
        if ! git clone --quiet --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$ODOO_SRC" >&2; then
            die "could not get the Odoo 18.0 source into ODOO_SRC=$ODOO_SRC; clone branch 18.0 of the Odoo repository there, or set ODOO_SRC to an Odoo 18.0 source tree"
        fi
    fi
    local version
    version=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\).*/\1.\2/p" "$ODOO_SRC/odoo/release.py" 2>/dev/null || true)
    [ "$version" = "18.0" ] || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree (found version '${version:-none}')"
}

ensure_venv() {
    local stamp="$VENV/.suite-stamp" want python
    want=$( (cat "$ROOT/requirements.txt"; echo "$ODOO_SRC") | sha1sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return
    fi
    python=$(find_python)
    [ -x "$VENV/bin/python" ] || { say "creating $VENV with $python"; "$python" -m venv "$VENV"; }
    if [ ! -f /usr/include/postgresql/libpq-fe.h ] || [ ! -f /usr/include/ldap.h ]; then
        apt_install libpq-dev libldap2-dev libsasl2-dev
    fi
    say "installing Python dependencies (requirements.txt) into $VENV"
    "$VENV/bin/pip" install -q --upgrade pip setuptools wheel >&2
    "$VENV/bin/pip" install -q --no-deps --no-build-isolation -e "$ODOO_SRC" \
        --config-settings editable_mode=compat >&2 || die "could not install Odoo from ODOO_SRC=$ODOO_SRC"
    "$VENV/bin/pip" install -q -r "$ROOT/requirements.txt" >&2 || die "pip install -r requirements.txt failed"
    echo "$want" >"$stamp"
}

pg_bindir() {
    local dir
    if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
    done
    return 1
}

# The cluster never runs as root: as root we run it as the 'postgres' system user.
pg_owner() { if as_root; then echo postgres; else id -un; fi; }

as_pg_owner() {
    if as_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The folder of this checkout's clusters (set in PG_DIR): LOCAL_DIR — except as root
# when LOCAL_DIR is the checkout's default .local/ and user postgres cannot reach it (a
# checkout in root's home or another private folder): then one folder per checkout under
# PG_SHARED_BASE, named after the checkout's path, kept for the next runs.
locate_clusters() {
    local root shared
    PG_DIR=$LOCAL_DIR
    as_root || return 0
    root=$(realpath -m "$ROOT")
    [ "$(realpath -m "$LOCAL_DIR")" = "$root/.local" ] || return 0
    shared="$PG_SHARED_BASE/$(basename "$root" | tr -c 'A-Za-z0-9._\n-' _ | cut -c1-20)-$(printf %s "$root" | sha1sum | cut -c1-10)"
    if [ ! -d "$shared" ]; then
        mkdir -p "$LOCAL_DIR"
        runuser -u postgres -- test -x "$LOCAL_DIR" 2>/dev/null && return 0
        mkdir -p "$shared"
        chmod 755 "$PG_SHARED_BASE" "$shared"
        say "user postgres cannot reach $LOCAL_DIR (a parent folder is private): this checkout's PostgreSQL clusters go to $shared"
    fi
    printf '%s\n' "$root" >"$shared/checkout"
    PG_DIR=$shared
}

pg_running() { as_pg_owner "$1/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; }

ensure_postgres() {
    local bindir owner prefix options durable
    bindir=$(pg_bindir) || { apt_install postgresql; bindir=$(pg_bindir) || die "PostgreSQL server binaries not found after install"; }
    owner=$(pg_owner)
    case "$PG_CLUSTER" in
        main) prefix='' durable=on ;;
        test) prefix=test- durable=off ;;
        *) die "PG_CLUSTER=$PG_CLUSTER: expected main (./scripts/run) or test (./scripts/test, benchmarks)" ;;
    esac
    locate_clusters
    PGDATA_DIR="$PG_DIR/${prefix}pgdata"
    PGSOCK_DIR="$PG_DIR/${prefix}pgrun"
    options="-c listen_addresses='' -k $PGSOCK_DIR -p $PGPORT -c max_connections=200"
    options+=" -c fsync=$durable -c synchronous_commit=$durable"
    mkdir -p "$PGDATA_DIR" "$PGSOCK_DIR"
    if as_root; then
        chown "$owner" "$PGDATA_DIR" "$PGSOCK_DIR"
        as_pg_owner test -w "$PGDATA_DIR" \
            || die "PostgreSQL cannot start: user $owner cannot write $PGDATA_DIR (a parent folder is not readable by it); set LOCAL_DIR to a folder it can use"
    fi
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        say "creating the $PG_CLUSTER PostgreSQL cluster in $PGDATA_DIR (user $owner, socket only)"
        as_pg_owner "$bindir/initdb" -D "$PGDATA_DIR" -U "$DB_USER" -A trust -E UTF8 \
            --locale=C.UTF-8 >"$PG_DIR/${prefix}initdb.log" 2>&1 \
            || die "PostgreSQL cannot start: initdb failed, see $PG_DIR/${prefix}initdb.log"
    fi
    if pg_running "$bindir" && [ "$("$bindir/psql" -X -q -t -A -h "$PGSOCK_DIR" -p "$PGPORT" -U "$DB_USER" -d postgres \
            -c "SELECT current_setting('fsync') || current_setting('synchronous_commit')" 2>/dev/null)" != "$durable$durable" ]; then
        # Started by an older script (the demo data without fsync) or on another port.
        say "restarting PostgreSQL in $PGDATA_DIR with fsync and synchronous_commit $durable, socket in $PGSOCK_DIR"
        as_pg_owner "$bindir/pg_ctl" -D "$PGDATA_DIR" -w -t 60 -m fast stop >/dev/null 2>&1 \
            || die "PostgreSQL in $PGDATA_DIR runs with other settings and cannot be stopped; stop it with: pg_ctl -D $PGDATA_DIR stop"
    fi
    if ! pg_running "$bindir"; then
        say "starting the $PG_CLUSTER PostgreSQL cluster of $PGDATA_DIR (socket in $PGSOCK_DIR)"
        # A script started at the same time may win the race: its server is as good.
        as_pg_owner "$bindir/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/startup.log" -w -t 60 \
            -o "$options" start >/dev/null 2>&1 \
            || { sleep 2; pg_running "$bindir"; } \
            || die "PostgreSQL cannot start from $PGDATA_DIR; see $PGDATA_DIR/startup.log"
    elif [ "$PG_DIR" != "$LOCAL_DIR" ]; then
        say "PostgreSQL $PG_CLUSTER cluster of this checkout: $PGDATA_DIR (socket in $PGSOCK_DIR)"
    fi
    export PGHOST="$PGSOCK_DIR" PGPORT PGUSER="$DB_USER"
}

ensure_chromium() {
    command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 \
        || apt_install chromium
    # Chinese text in screenshots and PDF reports.
    [ -d /usr/share/fonts/opentype/noto ] || apt_install fonts-noto-cjk
    # Reports are real PDFs (Odoo renders them with wkhtmltopdf).
    command -v wkhtmltopdf >/dev/null 2>&1 || apt_install wkhtmltopdf
}

psql_q() { "$(pg_bindir)/psql" -X -q -t -A -d "${2:-postgres}" -c "$1"; }

db_exists() { [ "$(psql_q "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

# Refuse a database made by another Odoo version before Odoo touches it.
check_db_version() {
    local db=$1 version
    db_exists "$db" || return 0
    version=$(psql_q "SELECT latest_version FROM ir_module_module WHERE name = 'base'" "$db" 2>/dev/null || true)
    [ -n "$version" ] || die "database '$db' exists but is not an Odoo database; drop it or set DB_NAME to another name"
    case "$version" in
        18.0.*) ;;
        *) die "database '$db' was created by Odoo ${version%%.*}.${version#*.}; this suite needs Odoo 18.0 — set DB_NAME to another name or drop it" ;;
    esac
}

# True when nothing listens on the port.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

addons_path() {
    local site
    site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    echo "$ODOO_SRC/odoo/addons,$ODOO_SRC/addons,$site/odoo/addons,$ROOT/addons"
}

# odoo-bin with the shared config file and this machine's paths.
odoo_cmd() {
    ODOO_CMD=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ROOT/config/odoo.conf"
        --addons-path "$(addons_path)" --db_host "$PGSOCK_DIR" --db_port "$PGPORT"
        --db_user "$DB_USER" --data-dir "$LOCAL_DIR/filestore" "$@")
}

odoo() { odoo_cmd "$@"; "${ODOO_CMD[@]}"; }

# odoo-bin shell on a database: runs the Python read from standard input.
odoo_shell() {
    odoo_cmd "$@" --no-http --log-level=warn
    "${ODOO_CMD[0]}" "${ODOO_CMD[1]}" shell "${ODOO_CMD[@]:2}"
}

bootstrap() {
    ensure_odoo_src
    ensure_venv
    ensure_postgres
}

# With SETUP_ONLY=1 a script stops here, once everything it needs is in place.
setup_done() {
    [ -n "${SETUP_ONLY:-}" ] || return 0
    say "set-up done (SETUP_ONLY): PostgreSQL data $PGDATA_DIR, socket $PGSOCK_DIR"
    exit 0
}
