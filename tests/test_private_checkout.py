"""A checkout in a private (0700) folder: both scripts get PostgreSQL running with no
variable set — as root their clusters move out of the checkout, to one folder per checkout
that user postgres can use — and the demo server's cluster keeps fsync on."""

import glob
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, free_port, psql

AS_ROOT = os.geteuid() == 0
SHARED_BASE = Path("/var/lib/marketing-sales-ops")


def pg_ctl():
    return shutil.which("pg_ctl") or sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]


def clean_env(**extra):
    """A new user's environment: none of the scripts' variables, except VENV and
    ODOO_SRC so the bootstrap reuses the suite's virtualenv and Odoo source."""
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "USER") if k in os.environ}
    env.update(VENV=os.environ.get("VENV", str(ROOT / ".venv")), SETUP_ONLY="1")
    if "ODOO_SRC" in os.environ:
        env["ODOO_SRC"] = os.environ["ODOO_SRC"]
    env.update({k: str(v) for k, v in extra.items()})
    return env


def setup(clone, script, **extra):
    """Run ``script``'s bootstrap in ``clone``; return (data folder, socket folder)."""
    result = subprocess.run(
        [str(clone / "scripts" / script)],
        cwd=clone,
        env=clean_env(**extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    done = r"set-up done \(SETUP_ONLY\): PostgreSQL data (\S+), socket (\S+)"
    found = re.search(done, result.stderr)
    assert found, result.stderr
    return Path(found[1]), Path(found[2]), result.stderr


def durability(socket):
    return psql(
        "SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit')",
        host=socket,
    )


@pytest.fixture
def clone():
    private = Path(tempfile.mkdtemp(prefix="private-"))
    os.chmod(private, 0o700)
    repo = private / "repo"
    # What the bootstrap reads, as the working tree has it (uncommitted changes included).
    for name in ("scripts", "config", "addons"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "requirements.txt", repo / "requirements.txt")
    started = []
    yield repo, started
    errors = []
    for data in started:
        command = [pg_ctl(), "-D", str(data), "-m", "fast", "stop"]
        if AS_ROOT:
            command = ["runuser", "-u", "postgres", "--", *command]
        stopped = subprocess.run(command, capture_output=True, text=True, check=False)
        if stopped.returncode:
            errors.append(f"{data}: {stopped.stderr}")
    for data in started:
        if data.parent.parent == SHARED_BASE:
            shutil.rmtree(data.parent, ignore_errors=True)
    shutil.rmtree(private, ignore_errors=True)
    assert not errors, f"clusters left running: {errors}"


def test_both_scripts_get_postgres_running_from_a_private_folder(clone):
    repo, started = clone
    test_data, test_socket, _ = setup(repo, "test")
    started.append(test_data)
    run_data, run_socket, printed = setup(repo, "run", HTTP_PORT=free_port())
    started.append(run_data)

    # Two clusters of this checkout: the throwaway one of ./scripts/test is fast, the
    # one of ./scripts/run keeps what users type.
    assert test_data.parent == run_data.parent
    assert test_data != run_data
    assert durability(test_socket) == "off off"
    assert durability(run_socket) == "on on"
    if AS_ROOT:
        # User postgres cannot reach the clone: the clusters live in a folder named after it.
        folder = run_data.parent
        assert folder.parent == SHARED_BASE
        assert folder.name.startswith("repo-")
        assert (folder / "checkout").read_text().strip() == str(repo.resolve())
        assert str(folder) in printed
        assert not (repo / ".local" / "pgdata").exists()
    else:
        assert run_data.parent == repo / ".local"

    # The next run finds the same cluster, with what was typed into it.
    psql("CREATE DATABASE kept_across_runs", host=run_socket)
    again_data, again_socket, _ = setup(repo, "run", HTTP_PORT=free_port())
    assert (again_data, again_socket) == (run_data, run_socket)
    kept = psql("SELECT datname FROM pg_database WHERE datname LIKE 'kept%'", host=run_socket)
    assert kept == "kept_across_runs"


def test_demo_cluster_started_without_fsync_is_restarted_with_it(clone):
    """A cluster left running by an older ./scripts/test (fsync off) is not used for demo data."""
    repo, started = clone
    run_data, run_socket, _ = setup(repo, "run", HTTP_PORT=free_port())
    started.append(run_data)
    options = f"-c listen_addresses='' -k {run_socket} -c fsync=off -c synchronous_commit=off"
    command = [pg_ctl(), "-D", str(run_data), "-l", str(run_data / "startup.log"), "-w"]
    command += ["-m", "fast", "-o", options, "restart"]
    if AS_ROOT:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    assert durability(run_socket) == "off off"

    _, _, printed = setup(repo, "run", HTTP_PORT=free_port())
    assert "restarting PostgreSQL" in printed
    assert durability(run_socket) == "on on"
