"""Shared helpers of the suite-level tests: paths and the bootstrap's environment."""

import os
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def script_env(**overrides):
    env = dict(os.environ)
    env.update({k: str(v) for k, v in overrides.items()})
    return env


def run_script(name, timeout=600, **env):
    return subprocess.run(
        [str(ROOT / "scripts" / name)],
        env=script_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def local_dir():
    return Path(os.environ.get("LOCAL_DIR", ROOT / ".local"))


@pytest.fixture(scope="session")
def test_db():
    db = os.environ.get("TEST_DB")
    assert db, "TEST_DB is not set: run the suite-level tests through ./scripts/test"
    return db


def psql(sql, db="postgres", host=None):
    """Run ``sql`` on the cluster ./scripts/test uses (its socket is in PGHOST)."""
    host = host or os.environ.get("PGHOST") or ROOT / ".local" / "test-pgrun"
    return subprocess.run(
        [
            "psql",
            "-X",
            "-q",
            "-t",
            "-A",
            "-h",
            str(host),
            "-U",
            "odoo",
            "-d",
            db,
        ],
        input=sql,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
