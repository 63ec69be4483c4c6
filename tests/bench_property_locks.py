"""Benchmark of the property sales control (issue 5), run by ``./scripts/bench property_locks``.

Starts its own Odoo HTTP server (threaded, ``--workers=0``) on a free loopback port
against the benchmark database, on a scratch project it creates and removes again:

1. 50 concurrent JSON-RPC ``lock_unit`` calls on one unit, each from its own connection
   and session: exactly one succeeds, 49 get "already locked by ... at ...", the
   register has one entry (U6, U8).
2. 20 concurrent clients lock 200 different units: all succeed; p50/p95 latency.
3. The sales-control chart of a 2,000-unit building: one RPC, its server time (baseline
   of the issue: under 1 s).
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from benchlib import open_env, report, split_argv

import odoo
from odoo.tools import SQL

SCRATCH = "BENCH scratch project"
LOGIN, PASSWORD = "bench_property_secretary", "bench_property_secretary_pw"
ID_NUMBER = "110101199001011237"  # valid GB 11643 check digit


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


class Client:
    """One browser: its own HTTP connection and its own session."""

    def __init__(self, url, db):
        self.url, self.http = url, requests.Session()
        self._post("/web/session/authenticate", {"db": db, "login": LOGIN, "password": PASSWORD})

    def _post(self, path, params):
        response = self.http.post(
            self.url + path, json={"jsonrpc": "2.0", "method": "call", "params": params}
        )
        response.raise_for_status()
        return response.json()

    def call(self, model, method, args, **kwargs):
        """Return ``(result, error message)`` of a JSON-RPC call_kw."""
        data = self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )
        if "error" in data:
            return None, data["error"]["data"]["message"]
        return data["result"], None


def build_scratch(env):
    """Commit a scratch project: one unit for the race, 200 for the clients, and a
    2,000-unit building (50 floors × 40) for the chart."""
    group = env.ref("property_sales.group_project_secretary")
    user = env["res.users"].with_context(active_test=False).search([("login", "=", LOGIN)])
    if not user:
        user = env["res.users"].create(
            {"name": "Bench Secretary", "login": LOGIN, "password": PASSWORD}
        )
    user.write({"active": True, "groups_id": [(4, group.id)], "password": PASSWORD})
    project = env["property.project"].create(
        {"name": SCRATCH, "code": "BENCH", "deposit_standard": 50000, "deposit_minimum": 20000}
    )

    def building(name, floors, per_floor):
        record = env["property.building"].create(
            {
                "name": name,
                "code": name,
                "project_id": project.id,
                "floor_count": floors,
                "position_ids": [
                    (
                        0,
                        0,
                        {
                            "number": f"{n:02d}",
                            "layout": "2室2厅",
                            "area": 90.0,
                            "price_per_sqm": 20000.0,
                        },
                    )
                    for n in range(1, per_floor + 1)
                ],
            }
        )
        record.action_generate_units()
        return record

    race = building("R", 1, 1)
    many = building("M", 20, 10)
    chart = building("C", 50, 40)
    partners = env["res.partner"].create([{"name": f"Bench customer {i}"} for i in range(201)])
    env.cr.commit()
    return project, race.unit_ids, many.unit_ids, chart, partners


def drop_scratch(env):
    """Remove the scratch project; the register refuses the ORM, so plain SQL."""
    env.cr.rollback()
    projects = (
        env["property.project"].with_context(active_test=False).search([("name", "=", SCRATCH)])
    )
    if not projects:
        return
    ids = tuple(projects.ids)
    for table in (
        "property_control_log",
        "property_subscription",
        "property_unit_lock",
        "property_deposit",
    ):
        env.cr.execute(SQL("DELETE FROM %s WHERE project_id IN %s", SQL.identifier(table), ids))
    env.cr.execute(
        SQL(
            "DELETE FROM mail_activity WHERE res_model = 'property.unit' AND res_id IN "
            "(SELECT id FROM property_unit WHERE project_id IN %s)",
            ids,
        )
    )
    env.cr.execute(
        SQL(
            "DELETE FROM mail_message WHERE model = 'property.unit' AND res_id IN "
            "(SELECT id FROM property_unit WHERE project_id IN %s)",
            ids,
        )
    )
    env.cr.execute(SQL("DELETE FROM property_unit WHERE project_id IN %s", ids))
    env.cr.execute(SQL("DELETE FROM property_building WHERE project_id IN %s", ids))
    env.cr.execute(SQL("DELETE FROM property_project WHERE id IN %s", ids))
    env["res.partner"].search([("name", "=like", "Bench customer %")]).unlink()
    env.cr.commit()


def start_server(port, workers):
    odoo_args, _own = split_argv()
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
        "0",
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
    raise RuntimeError("the benchmark's Odoo server did not start within 120 s")


def race(url, db, unit, partners, concurrency):
    clients = list(ThreadPoolExecutor(10).map(lambda _i: Client(url, db), range(concurrency)))
    barrier = threading.Barrier(concurrency)

    def attempt(i):
        barrier.wait()
        return clients[i].call(
            "property.unit", "lock_unit", [[unit.id], partners[i].id], id_number=ID_NUMBER
        )

    with ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(attempt, range(concurrency)))


def many_clients(url, db, units, partners, concurrency):
    per_client = len(units) // concurrency
    clients = list(ThreadPoolExecutor(10).map(lambda _i: Client(url, db), range(concurrency)))
    barrier = threading.Barrier(concurrency)

    def work(i):
        barrier.wait()
        timings, errors = [], []
        for k in range(i * per_client, (i + 1) * per_client):
            start = time.perf_counter()
            _result, error = clients[i].call(
                "property.unit", "lock_unit", [[units[k].id], partners[k].id], id_number=ID_NUMBER
            )
            timings.append(time.perf_counter() - start)
            if error:
                errors.append(error)
        return timings, errors

    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(work, range(concurrency)))
    return [t for ts, _e in results for t in ts], [e for _t, es in results for e in es]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--race", type=int, default=50, help="concurrent calls on one unit")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument(
        "--workers", type=int, default=0, help="Odoo HTTP workers (0: one threaded process)"
    )
    with open_env(parser) as (env, args):
        db = env.cr.dbname
        drop_scratch(env)
        project, race_unit, units, chart_building, partners = build_scratch(env)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        failures = []
        server = None
        try:
            server = start_server(port, args.workers)
            outcomes = race(url, db, race_unit, partners, args.race)
            wins = [result for result, error in outcomes if not error]
            errors = [error for _result, error in outcomes if error]
            clear = [e for e in errors if "is already locked by Bench Secretary at" in e]
            env.cr.rollback()  # a fresh snapshot, to see what the server committed
            env.invalidate_all()
            register = env["property.control.log"].search_count(
                [("unit_id", "=", race_unit.id), ("event", "=", "lock")]
            )
            active = env["property.unit.lock"].search_count(
                [("unit_id", "=", race_unit.id), ("state", "=", "active")]
            )
            if len(wins) != 1 or len(clear) != args.race - 1 or register != 1 or active != 1:
                failures.append("race")
            timings, lock_errors = many_clients(url, db, units, partners, args.clients)
            if lock_errors:
                failures.append("many clients")
            client = Client(url, db)
            start = time.perf_counter()
            data, error = client.call("property.building", "load_sales_chart", [chart_building.id])
            rpc_time = time.perf_counter() - start
            if error or len(data["chart"]["units"]) != 2000:
                failures.append("chart")
            env.invalidate_all()
            Building = env["property.building"]
            Building.load_sales_chart(chart_building.id)
            env.invalidate_all()
            queries0 = env.cr.sql_log_count
            start = time.perf_counter()
            Building.load_sales_chart(chart_building.id)
            server_time = time.perf_counter() - start
            queries = env.cr.sql_log_count - queries0
        finally:
            if server:
                server.terminate()
                server.wait(30)
            drop_scratch(env)
        report(
            f"property_sales: sales control under load (loopback, --workers={args.workers})",
            [
                (f"{args.race} concurrent locks on one unit: successes", len(wins)),
                ("  clear 'already locked by … at …' errors", len(clear)),
                ("  other errors", len(errors) - len(clear)),
                ("  register entries / active locks", f"{register} / {active}"),
                ("  sample error", clear[0] if clear else (errors or ["-"])[0]),
                (f"{args.clients} clients locking {len(units)} units: failures", len(lock_errors)),
                ("  latency p50", f"{statistics.median(timings) * 1000:.0f} ms"),
                ("  latency p95", f"{percentile(timings, 95) * 1000:.0f} ms"),
                ("  latency max", f"{max(timings) * 1000:.0f} ms"),
                ("chart of 2,000 units: server time", f"{server_time * 1000:.0f} ms"),
                ("  ratio to the 1 s baseline", f"{server_time / 1.0:.2f}"),
                ("  SQL queries", queries),
                ("  one RPC round trip (JSON over loopback)", f"{rpc_time * 1000:.0f} ms"),
            ],
        )
        if failures:
            print("FAILED:", ", ".join(failures))
            sys.exit(1)


if __name__ == "__main__":
    main()
