"""Benchmark of the property sales control (issues 5 and 15), run by
``./scripts/bench property_locks [--workers N]``.

Starts its own Odoo server on free loopback ports against the benchmark database, on a
scratch project it creates and removes again: one threaded process (``--workers=0``)
and, with ``--workers N``, Odoo's multi-process server (N HTTP workers and the gevent
process), each measured on its own units and printed side by side:

1. 50 concurrent JSON-RPC ``lock_unit`` calls on one unit, each from its own connection
   and session: exactly one succeeds, 49 get "already locked by ... at ...", the
   register has one entry (U6, U8).
2. 20 concurrent clients lock 200 different units: all succeed; p50/p95 latency (aim of
   issue 15: p95 under 300 ms on 2 workers), next to the physical baseline: 20
   connections doing the same work in bare SQL (``SELECT ... FOR UPDATE`` of the unit,
   the lock and register inserts, the unit's new state and the bus notification).
3. The sales-control chart of a 2,000-unit building: one RPC, its server time (baseline
   of the issue: under 1 s).
"""

import argparse
import contextlib
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2
from benchlib import RpcClient, free_port, open_env, report, start_server

from odoo.sql_db import connection_info_for
from odoo.tools import SQL

SCRATCH = "BENCH scratch project"
LOGIN, PASSWORD = "bench_property_secretary", "bench_property_secretary_pw"
ID_NUMBER = "110101199001011237"  # valid GB 11643 check digit


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


class Client(RpcClient):
    """One browser of the bench secretary: its own HTTP connection and session."""

    def __init__(self, url, db):
        super().__init__(url, db, LOGIN, PASSWORD)


def build_scratch(env, modes):
    """Commit a scratch project: for each server mode one unit for the race and 200 for
    the clients, 200 units for the bare SQL baseline, and a 2,000-unit building
    (50 floors × 40) for the chart."""
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

    units = {
        workers: (building(f"R{workers}", 1, 1).unit_ids, building(f"M{workers}", 20, 10).unit_ids)
        for workers in modes
    }
    sql_units = building("S", 20, 10).unit_ids
    chart = building("C", 50, 40)
    partners = env["res.partner"].create([{"name": f"Bench customer {i}"} for i in range(201)])
    env.cr.commit()
    return user, units, sql_units, chart, partners


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


def bare_sql(db, user, units, partners, concurrency):
    """The physical baseline: each of ``concurrency`` connections locks its share of
    ``units`` in its own transactions, with the statements a lock needs and nothing
    else. Returns the latencies (seconds) of one lock each."""
    _db, info = connection_info_for(db)
    per_client = len(units) // concurrency
    rows = [
        (unit.id, unit.building_id.id, unit.project_id.id, unit.company_id.id) for unit in units
    ]
    barrier = threading.Barrier(concurrency)

    def work(i):
        timings = []
        with contextlib.closing(psycopg2.connect(**info)) as conn:
            barrier.wait()
            for k in range(i * per_client, (i + 1) * per_client):
                unit_id, building_id, project_id, company_id = rows[k]
                start = time.perf_counter()
                with conn, conn.cursor() as cr:
                    cr.execute(
                        "SELECT id, state FROM property_unit WHERE id = %s FOR UPDATE", [unit_id]
                    )
                    cr.execute(
                        "INSERT INTO property_unit_lock (name, unit_id, building_id, project_id, "
                        "company_id, partner_id, consultant_id, locked_by, id_number, date_lock, "
                        "date_expiry, state, create_uid, write_uid, create_date, write_date) "
                        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', "
                        "now() at time zone 'UTC' + interval '1 day', 'active', %s, %s, "
                        "now() at time zone 'UTC', now() at time zone 'UTC') RETURNING id",
                        [
                            f"SQL{k}",
                            unit_id,
                            building_id,
                            project_id,
                            company_id,
                            partners[k].id,
                            user.id,
                            user.id,
                            ID_NUMBER,
                            user.id,
                            user.id,
                        ],
                    )
                    (lock_id,) = cr.fetchone()
                    cr.execute(
                        "INSERT INTO property_control_log (date, event, user_id, unit_id, "
                        "building_id, project_id, company_id, partner_id, lock_id, create_uid, "
                        "write_uid, create_date, write_date) VALUES (now() at time zone 'UTC', "
                        "'lock', %s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', "
                        "now() at time zone 'UTC')",
                        [
                            user.id,
                            unit_id,
                            building_id,
                            project_id,
                            company_id,
                            partners[k].id,
                            lock_id,
                            user.id,
                            user.id,
                        ],
                    )
                    cr.execute(
                        "UPDATE property_unit SET state = 'locked', write_uid = %s, "
                        "write_date = now() at time zone 'UTC' WHERE id = %s",
                        [user.id, unit_id],
                    )
                    cr.execute(
                        "INSERT INTO bus_bus (channel, message, create_date) VALUES (%s, %s, "
                        "now() at time zone 'UTC')",
                        [
                            f'["{db}","property_sales.building_{building_id}"]',
                            f'{{"type":"property_sales/units","payload":{{"units":[{{"id":{unit_id},"state":"locked"}}]}}}}',
                        ],
                    )
                    cr.execute("SELECT pg_notify('imbus', %s)", [f'["{db}"]'])
                timings.append(time.perf_counter() - start)
        return timings

    with ThreadPoolExecutor(concurrency) as pool:
        return [t for ts in pool.map(work, range(concurrency)) for t in ts]


def listen_overflows():
    """The kernel's count of connections refused because a listen queue was full (this
    machine, every process): Odoo's multi-process server listens with a queue of 8
    connections per HTTP worker, and a client refused there waits for TCP to resend its
    connection request, 1 s later."""
    with open("/proc/net/netstat", encoding="ascii") as f:
        lines = [line.split() for line in f if line.startswith("TcpExt:")]
    return int(dict(zip(lines[0], lines[1], strict=True)).get("ListenOverflows", 0))


def measure(env, db, workers, race_unit, units, partners, args):
    """Start a server in one mode, run the race and the clients, stop it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(port, workers)
    resets = Client.resets
    try:
        outcomes = race(url, db, race_unit, partners, args.race)
        resets = Client.resets - resets
        overflows = listen_overflows()
        timings, lock_errors = many_clients(url, db, units, partners, args.clients)
        overflows = listen_overflows() - overflows
    finally:
        server.terminate()
        server.wait(60)
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
    failures = []
    if len(wins) != 1 or len(clear) != args.race - 1 or register != 1 or active != 1:
        failures.append(f"race (--workers={workers})")
    if lock_errors:
        failures.append(f"many clients (--workers={workers})")
    return {
        "successes": len(wins),
        "clear": len(clear),
        "other": len(errors) - len(clear),
        "register": f"{register} / {active}",
        "sample": clear[0] if clear else (errors or ["-"])[0],
        "failures": len(lock_errors),
        "resets": resets,
        "overflows": overflows,
        "timings": timings,
    }, failures


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--race", type=int, default=50, help="concurrent calls on one unit")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="Odoo HTTP workers of the multi-process run, measured next to the threaded one",
    )
    with open_env(parser) as (env, args):
        db = env.cr.dbname
        modes = [0, args.workers] if args.workers else [0]
        drop_scratch(env)
        user, units, sql_units, chart_building, partners = build_scratch(env, modes)
        results, failures = {}, []
        try:
            for workers in modes:
                race_unit, many = units[workers]
                results[workers], failed = measure(
                    env, db, workers, race_unit, many, partners, args
                )
                failures += failed
            sql_timings = bare_sql(db, user, sql_units, partners, args.clients)
            port = free_port()
            server = start_server(port, modes[-1])
            try:
                client = Client(f"http://127.0.0.1:{port}", db)
                start = time.perf_counter()
                data, error = client.call(
                    "property.building", "load_sales_chart", [chart_building.id]
                )
                rpc_time = time.perf_counter() - start
            finally:
                server.terminate()
                server.wait(60)
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
            drop_scratch(env)

        def row(label, key, fmt=str):
            return (label, "   ".join(f"{fmt(results[w][key]):>12}" for w in modes))

        def latency(label, pick):
            return (
                label,
                "   ".join(f"{ms(pick(results[w]['timings'])):>12}" for w in modes)
                + f"   {ms(pick(sql_timings)):>12}",
            )

        p50 = statistics.median
        p95 = lambda values: percentile(values, 95)  # noqa: E731
        header = "   ".join(f"{f'--workers={w}':>12}" for w in modes)
        report(
            "property_sales: sales control under load (loopback)",
            [
                ("server", header + f"   {'bare SQL':>12}"),
                row(f"{args.race} concurrent locks on one unit: successes", "successes"),
                row("  clear 'already locked by … at …' errors", "clear"),
                row("  other errors", "other"),
                row("  register entries / active locks", "register"),
                row("  connections reset by the kernel, sent again", "resets"),
                row(f"{args.clients} clients locking 200 units each mode: failures", "failures"),
                latency("  latency p50", p50),
                latency("  latency p95 (aim: under 300 ms on 2 workers)", p95),
                latency("  latency max", max),
                row("  listen queue overflows (kernel, 1 s resend each)", "overflows"),
                ("  sample error", results[modes[-1]]["sample"]),
                ("chart of 2,000 units: server time", ms(server_time)),
                ("  ratio to the 1 s baseline", f"{server_time / 1.0:.2f}"),
                ("  SQL queries", queries),
                ("  one RPC round trip (JSON over loopback)", ms(rpc_time)),
            ],
        )
        if failures:
            print("FAILED:", ", ".join(failures))
            sys.exit(1)


if __name__ == "__main__":
    main()
