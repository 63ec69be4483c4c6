"""Odoo's multi-process server listens with ``listen_backlog`` of its configuration file
once ``marketing_server`` is loaded server-wide (``--load`` / ``server_wide_modules``), and
with Odoo's own 8 per HTTP worker without the option. Real ``odoo-bin`` processes with
2 HTTP workers, no database; the backlog is the kernel's (``ss``: the Send-Q of the
listening port)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, free_port

ODOO_SRC = Path(os.environ.get("ODOO_SRC", Path.home() / ".cache/odoo/18.0"))


def kernel_backlog(port):
    """The backlog of the socket listening on ``port``, or None when none listens."""
    out = subprocess.run(
        ["ss", "-Hlnt", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[2]) if len(out) > 2 else None


@pytest.fixture
def odoo_server(tmp_path):
    """Start ``odoo-bin --workers 2 --load base,web,marketing_server`` with a config file
    holding ``options``; yields a function returning (http port, process, log path)."""
    started = []

    def start(**options):
        conf = tmp_path / f"odoo-{len(started)}.conf"
        conf.write_text(
            "[options]\n" + "".join(f"{k} = {v}\n" for k, v in options.items()),
            encoding="utf-8",
        )
        port, log_path = free_port(), tmp_path / f"odoo-{len(started)}.log"
        log = open(log_path, "w")  # closed after the process ends
        proc = subprocess.Popen(
            [
                sys.executable,
                str(ODOO_SRC / "odoo-bin"),
                "-c",
                str(conf),
                "--addons-path",
                f"{ODOO_SRC / 'odoo' / 'addons'},{ODOO_SRC / 'addons'},{ROOT / 'addons'}",
                "--load",
                "base,web,marketing_server",
                "--data-dir",
                str(tmp_path / "data"),
                "--http-interface",
                "127.0.0.1",
                "--http-port",
                str(port),
                "--gevent-port",
                str(free_port()),
                "--workers",
                "2",
                "--max-cron-threads",
                "0",
                "--no-database-list",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        started.append((proc, log))
        deadline = time.monotonic() + 90
        # until the master process has made its socket and logged the backlog it set
        while proc.poll() is None and "HTTP listen backlog" not in log_path.read_text():
            assert time.monotonic() < deadline, f"odoo-bin did not listen within 90 s: {log_path}"
            time.sleep(0.2)
        return port, proc, log_path

    yield start
    for proc, log in started:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(60)
        log.close()


def test_the_configured_backlog_is_the_sockets(odoo_server):
    port, proc, log_path = odoo_server(listen_backlog=128)
    assert proc.poll() is None, log_path.read_text()
    assert kernel_backlog(port) == 128
    assert (
        "HTTP listen backlog: 128 connections (listen_backlog; Odoo's default for 2 workers: 16)"
        in log_path.read_text()
    )


def test_without_the_option_odoo_default_stays(odoo_server):
    port, proc, log_path = odoo_server()
    assert proc.poll() is None, log_path.read_text()
    assert kernel_backlog(port) == 16, "Odoo's 8 per HTTP worker"
    assert "HTTP listen backlog: 16 connections (Odoo's 8 per HTTP worker" in log_path.read_text()


def test_a_bad_value_stops_the_server_naming_the_option(odoo_server):
    _port, proc, log_path = odoo_server(listen_backlog="many")
    assert proc.wait(60) != 0
    assert "listen_backlog = many in the Odoo configuration file" in log_path.read_text()
