"""./scripts/run serves the login page; the demo users log in and switch to 简体中文."""

import json
import os
import signal
import subprocess
import time
import urllib.request
from http.cookiejar import CookieJar

import pytest
from conftest import ROOT, free_port, script_env

DEMO_USERS = {"gm": "王建国", "vp": "李明华"}
ROOT_MENU = "marketing_base.menu_root"


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.read().decode()

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        request = urllib.request.Request(
            self.base + path, body.encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            reply = json.loads(response.read())
        assert "error" not in reply, reply.get("error")
        return reply["result"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


@pytest.fixture(scope="module")
def server(test_db):
    port = free_port()
    log = open(ROOT / ".local" / "test-logs" / "scripts-run.log", "w")
    proc = subprocess.Popen(
        [str(ROOT / "scripts" / "run")],
        env=script_env(DB_NAME=test_db, HTTP_PORT=port),
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    client = Client(f"http://127.0.0.1:{port}")
    deadline = time.time() + 420
    try:
        while True:
            assert proc.poll() is None, "scripts/run stopped; see .local/test-logs/scripts-run.log"
            assert time.time() < deadline, "no login page within 7 minutes"
            try:
                status, _ = client.get("/web/login")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(2)
        yield port
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()


def test_start_message_names_url_and_admin_login(server):
    printed = (ROOT / ".local" / "test-logs" / "scripts-run.log").read_text()
    assert f"is starting on http://localhost:{server}" in printed
    assert "Log in as admin / admin" in printed


def test_login_page_is_served(server):
    status, page = Client(f"http://127.0.0.1:{server}").get("/web/login")
    assert status == 200
    assert 'name="login"' in page and 'name="password"' in page


def root_menu_name(base, db, login, lang):
    """Log in as ``login``, switch to ``lang`` as the preferences dialog does, log in
    again (the browser reloads) and return the suite's root menu name as served."""
    client = Client(base)
    session = client.rpc("/web/session/authenticate", {"db": db, "login": login, "password": login})
    assert session["uid"], f"demo user {login} cannot log in"
    assert session["name"] == DEMO_USERS[login]
    installed = dict(client.call("res.lang", "get_installed"))
    assert "简体中文" in installed["zh_CN"] and "en_US" in installed, installed
    client.call("res.users", "write", [session["uid"]], {"lang": lang})
    client = Client(base)
    session = client.rpc("/web/session/authenticate", {"db": db, "login": login, "password": login})
    assert session["user_context"]["lang"] == lang
    status, body = client.get("/web/webclient/load_menus/1")
    assert status == 200
    menus = json.loads(body)
    root = [m for m in menus.values() if isinstance(m, dict) and m.get("xmlid") == ROOT_MENU]
    assert len(root) == 1, f"{ROOT_MENU} not visible to {login}"
    return root[0]["name"]


@pytest.mark.parametrize("login", sorted(DEMO_USERS))
def test_demo_user_logs_in_and_switches_to_chinese(server, test_db, login):
    base = f"http://127.0.0.1:{server}"
    assert root_menu_name(base, test_db, login, "en_US") == "Marketing & Sales Operations"
    assert root_menu_name(base, test_db, login, "zh_CN") == "营销与销售运营"
