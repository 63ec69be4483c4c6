"""Helpers of the benchmark scripts (tests/bench_*.py), run by ./scripts/bench NAME.

A benchmark receives Odoo's server options, then ``--``, then its own arguments::

    env, args = open_env(parser)
"""

import argparse
import contextlib
import os
import selectors
import socket
import subprocess
import sys
import time

import requests
import urllib3

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry


def split_argv(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1 :]
    return argv, []


RESET_RETRIES = 3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def was_reset(error):
    """Whether a requests error was a connection reset by the server."""
    seen = [error]
    while seen:
        error = seen.pop()
        if isinstance(error, ConnectionResetError):
            return True
        if isinstance(error, BaseException):
            seen += [*error.args, error.__context__]
    return False


# A browser whose connection attempt has not connected after 250 ms (its SYN lost, or
# dropped by a full listen queue) starts a second attempt next to it and uses the first
# that connects, instead of waiting 1 s for TCP to send the SYN again: Chrome's backup
# connect job, Firefox's network.http.connection-retry-timeout.
CONNECT_RETRY = 0.25


def connect_like_a_browser(address, timeout=30.0):
    """A connected TCP socket to ``address``, opened as a browser opens one (see
    ``CONNECT_RETRY``)."""
    attempts, selector = [], selectors.DefaultSelector()

    def attempt():
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(address)
        selector.register(sock, selectors.EVENT_WRITE)
        attempts.append(sock)

    start = time.monotonic()
    attempt()
    try:
        while True:
            elapsed = time.monotonic() - start
            if elapsed >= timeout:
                raise TimeoutError(f"no TCP connection to {address} in {timeout:.0f} s")
            wait = (CONNECT_RETRY if len(attempts) == 1 else timeout) - elapsed
            events = selector.select(max(wait, 0))
            if not events and len(attempts) == 1 and elapsed + wait >= CONNECT_RETRY:
                attempt()
            for key, _mask in events:
                sock = key.fileobj
                selector.unregister(sock)
                attempts.remove(sock)
                error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if not error:
                    sock.setblocking(True)
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    return sock
                sock.close()
                if not attempts:
                    raise OSError(error, os.strerror(error))
    finally:
        for sock in attempts:  # the slower attempt: abandoned
            sock.close()
        selector.close()


class TimedConnection(urllib3.connection.HTTPConnection):
    """An HTTP connection opened as a browser opens one (``connect_like_a_browser``) that
    records how long its TCP connection took to open (``RpcClient.connects``)."""

    def _new_conn(self):
        start = time.perf_counter()
        sock = connect_like_a_browser((self._dns_host, self.port))
        if isinstance(self.timeout, int | float):  # else blocking (requests' default)
            sock.settimeout(self.timeout)
        RpcClient.connects.append(time.perf_counter() - start)
        return sock


class TimedConnectionPool(urllib3.HTTPConnectionPool):
    ConnectionCls = TimedConnection


class RpcClient:
    """One browser: its own HTTP connection and its own session, logged in as ``login``,
    sending the user's context with every call as the web client does (language, time
    zone, current company)."""

    resets = 0
    connects = []  # seconds to open each TCP connection, every client

    def __init__(self, url, db, login, password):
        self.url, self.http = url, requests.Session()
        adapter = requests.adapters.HTTPAdapter()
        adapter.poolmanager.pool_classes_by_scheme = {"http": TimedConnectionPool}
        self.http.mount("http://", adapter)
        data = self._post(
            "/web/session/authenticate", {"db": db, "login": login, "password": password}
        )
        if "error" in data:
            raise RuntimeError(f"{login} cannot log in: {data['error']['data']['message']}")
        info = data["result"]
        self.context = dict(
            info["user_context"],
            allowed_company_ids=[info["user_companies"]["current_company"]],
        )

    def _post(self, path, params):
        for attempt in range(RESET_RETRIES + 1):
            try:
                response = self.http.post(
                    self.url + path, json={"jsonrpc": "2.0", "method": "call", "params": params}
                )
                break
            except requests.ConnectionError as error:
                # A burst beyond the listen queue of Odoo's multi-process server (its
                # listen backlog) may be reset by the kernel before Odoo reads the
                # request; the request was not served, so it is sent again.
                if attempt == RESET_RETRIES or not was_reset(error):
                    raise
                RpcClient.resets += 1
        response.raise_for_status()
        return response.json()

    def call(self, model, method, args, **kwargs):
        """Return ``(result, error message)`` of a JSON-RPC call_kw."""
        data = self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": self.context, **kwargs},
            },
        )
        if "error" in data:
            return None, data["error"]["data"]["message"]
        return data["result"], None


def start_server(port, workers, database=None):
    """Odoo on ``port`` (on the benchmark's database, or ``database``): one threaded
    process, or ``workers`` HTTP worker processes and the gevent process on another
    free port."""
    odoo_args, _own = split_argv()
    if database:
        odoo_args += ["-d", database]
    multi = ["--gevent-port", str(free_port())] if workers else []
    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    cmd = [
        sys.executable,
        odoo_bin,
        *odoo_args,
        "--http-port",
        str(port),
        "--http-interface",
        "127.0.0.1",
        "--workers",
        str(workers),
        *multi,
        "--max-cron-threads",
        "0",
        "--db_maxconn",
        "90",
        "--log-level",
        "warn",
        "--no-database-list",
    ]
    server = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/web/login", timeout=30).raise_for_status()
            return server
        except requests.RequestException:
            time.sleep(1)
    server.terminate()
    raise RuntimeError("the benchmark's Odoo server did not start within 180 s")


@contextlib.contextmanager
def open_env(parser=None):
    """Yield ``(env, args)``: a superuser environment on the benchmark database and the
    benchmark's parsed arguments. The transaction is rolled back at the end, so a
    benchmark leaves the database as it found it."""
    odoo_args, own_args = split_argv()
    odoo.tools.config.parse_config(odoo_args)
    args = (parser or argparse.ArgumentParser()).parse_args(own_args)
    registry = Registry(odoo.tools.config["db_name"])
    with registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
        try:
            yield env, args
        finally:
            cr.rollback()


@contextlib.contextmanager
def timed(label, results):
    """Measure the block's wall time into ``results[label]`` (seconds)."""
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start


def report(title, rows):
    """Print ``rows`` (label, value) aligned under a title."""
    print(title)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
