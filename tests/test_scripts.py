"""Bad environment input gets a clear message and a non-zero exit from ./scripts/run."""

import os
import socket
import uuid

from conftest import ROOT, free_port, psql, run_script


def test_missing_odoo_source_names_odoo_src(tmp_path):
    missing = tmp_path / "no-odoo-here"
    result = run_script(
        "run",
        ODOO_SRC=missing,
        ODOO_GIT_URL=tmp_path / "no-such-repository",
        HTTP_PORT=free_port(),
    )
    assert result.returncode != 0
    assert f"ODOO_SRC={missing}" in result.stderr
    assert "could not get the Odoo 18.0 source" in result.stderr


def test_port_in_use_is_refused():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_script("run", HTTP_PORT=port)
    assert result.returncode != 0
    assert f"port {port} is already in use" in result.stderr


def test_postgres_that_cannot_start_is_reported(local_dir):
    broken = local_dir / f"broken-{uuid.uuid4().hex[:8]}"
    (broken / "pgdata").mkdir(parents=True)
    # A data directory of a PostgreSQL version this machine does not have.
    (broken / "pgdata" / "PG_VERSION").write_text("9.9\n")
    os.chmod(broken / "pgdata", 0o700)
    try:
        result = run_script("run", LOCAL_DIR=broken, PG_CLUSTER="main", HTTP_PORT=free_port())
        assert result.returncode != 0
        assert "PostgreSQL cannot start" in result.stderr
        assert str(broken / "pgdata") in result.stderr
    finally:
        os.system(f"rm -rf '{broken}'")


def test_database_of_another_odoo_version_is_refused():
    db = f"odoo17_{uuid.uuid4().hex[:8]}"
    psql(f"CREATE DATABASE {db}")
    try:
        psql(
            "CREATE TABLE ir_module_module (name varchar, latest_version varchar);"
            "INSERT INTO ir_module_module VALUES ('base', '17.0.1.3');",
            db=db,
        )
        result = run_script("run", DB_NAME=db, HTTP_PORT=free_port())
        assert result.returncode != 0
        assert f"database '{db}' was created by Odoo 17.0" in result.stderr
        # Nothing was changed in it.
        assert psql("SELECT count(*) FROM pg_tables WHERE schemaname='public'", db=db) == "1"
    finally:
        psql(f"DROP DATABASE {db}")


def test_ci_runs_the_readme_test_command_and_nothing_else():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line
        for line in ci.splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith("set ")
    ]
    assert commands[-1] == "exec ./scripts/test"
    assert "./scripts/test" in (ROOT / "README.md").read_text(encoding="utf-8")
