"""Benchmark of the property sales control (issues 5 and 15), run by
``./scripts/bench property_locks [--workers N]``.

Starts its own Odoo server on free loopback ports against the benchmark database, on a
scratch project it creates and removes again: one threaded process (``--workers=0``)
and, with ``--workers N``, Odoo's multi-process server (N HTTP workers and the gevent
process), each measured on its own units and printed side by side. The server runs with
config/odoo.conf, as ``./scripts/run`` and production do: ``marketing_server`` is loaded
server-wide (``server_wide_modules``) and the multi-process server listens with its
``listen_backlog`` (128) instead of Odoo's 8 connections per HTTP worker.

1. 50 concurrent JSON-RPC ``lock_unit`` calls on one unit, each from its own connection
   and session: exactly one succeeds, 49 get "already locked by ... at ...", the
   register has one entry (U6, U8).
2. 20 concurrent clients lock 200 different units: all succeed; p50/p95 latency (aim of
   issue 15: p95 under 300 ms on 2 workers), next to the physical baseline: 20
   connections doing the same work in bare SQL (``SELECT ... FOR UPDATE`` of the unit,
   the lock and register inserts, the unit's new state and the bus notification).
3. The sales-control chart of a 2,000-unit building: one RPC, its server time (baseline
   of the issue: under 1 s).

The clients behave as browsers (``benchlib.RpcClient``): one session each, the user's
context with every call, a new TCP connection per call because Odoo's server closes each
connection after its response (werkzeug disables keep-alive), and a second connection
attempt when the first has not connected after 250 ms. Where the time goes is printed
too: the CPU each lock costs Odoo, PostgreSQL and the clients, and the latency that CPU
alone sets for 20 clients waiting on the machine's cores; the TCP connections, those
that waited for the server's listen queue (a connection request that finds it full is
dropped by the kernel) and the longest queue seen next to the socket's backlog; the SQL
queries of one ``lock_unit``; and what the bus notification of one lock costs: Odoo's
bus sends its ``NOTIFY`` after the commit on a new connection to the database
``postgres`` (Odoo never pools connections to it), measured here the same way, next to
the same ``NOTIFY`` on the connection each process keeps for it with ``marketing_server``
installed, as the server under test does.
"""

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2
from benchlib import RpcClient, free_port, open_env, report, start_server

from odoo.sql_db import connection_info_for, db_connect
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
    probe_units = building("P", 1, 6).unit_ids
    chart = building("C", 50, 40)
    partners = env["res.partner"].create([{"name": f"Bench customer {i}"} for i in range(201)])
    env.cr.commit()
    return user, units, sql_units, probe_units, chart, partners


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


def many_clients(clients, units, partners, meter):
    """Each client locks its share of ``units``, one call after the other; ``meter``
    measures the CPU used from the start, when every client is ready."""
    concurrency = len(clients)
    per_client = len(units) // concurrency
    barrier = threading.Barrier(concurrency, action=meter.start)

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


def bare_sql(db, user, units, partners, concurrency, meter):
    """The physical baseline: each of ``concurrency`` connections locks its share of
    ``units`` in its own transactions, with the statements a lock needs and nothing
    else. Returns the latencies (seconds) of one lock each; ``meter`` measures the CPU
    used from the start, when every connection is open."""
    _db, info = connection_info_for(db)
    per_client = len(units) // concurrency
    rows = [
        (unit.id, unit.building_id.id, unit.project_id.id, unit.company_id.id) for unit in units
    ]
    barrier = threading.Barrier(concurrency, action=meter.start)

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


class ListenQueue(threading.Thread):
    """Samples, every 10 ms, the accept queue of the server's listening socket on ``port``
    (the kernel's /proc/net/tcp: for a listening socket the receive queue is the
    connections waiting for ``accept``); ``peak`` is the longest seen. The kernel drops
    a connection request that finds the queue full (longer than the listen backlog)."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.local = f"0100007F:{port:04X}"
        self.peak = 0
        self.done = threading.Event()

    def backlog(self):
        """The listen backlog of the socket (``ss``'s Send-Q of a listening socket)."""
        out = subprocess.run(
            ["ss", "-Hlnt", f"sport = :{int(self.local[-4:], 16)}"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        return int(out[2]) if len(out) > 2 else "?"

    def run(self):
        while not self.done.wait(0.01):
            with open("/proc/net/tcp", encoding="ascii") as f:
                for line in f:
                    fields = line.split()
                    if fields[1] == self.local and fields[3] == "0A":  # LISTEN
                        self.peak = max(self.peak, int(fields[4].split(":")[1], 16))
                        break
        self.cpu = time.thread_time()  # this sampler's own CPU, not the clients'

    def stop(self):
        self.done.set()
        self.join()
        return self.peak


def tree_cpu(pid):
    """CPU seconds (user and system) used so far by process ``pid`` and its descendants,
    those that ended included (the kernel adds them to their parent's)."""
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        stats[int(entry)] = (int(fields[1]), sum(int(v) for v in fields[11:15]))
    children = {}
    for child, (parent, _ticks) in stats.items():
        children.setdefault(parent, []).append(child)
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += stats.get(current, (0, 0))[1]
        todo += children.get(current, [])
    return total / os.sysconf("SC_CLK_TCK")


def postmaster_pid(env):
    """The PostgreSQL server process of the benchmark database (the parent of this
    connection's backend)."""
    env.cr.execute("SELECT pg_backend_pid()")
    (backend,) = env.cr.fetchone()
    with open(f"/proc/{backend}/stat", encoding="ascii") as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


class CpuMeter:
    """CPU seconds used by the Odoo server, PostgreSQL and this benchmark process
    between ``start()`` and ``stop()``."""

    def __init__(self, server_pid, pg_pid):
        self.pids = {"odoo": server_pid, "postgresql": pg_pid}

    def sample(self):
        return {
            **{name: tree_cpu(pid) for name, pid in self.pids.items() if pid},
            "client": time.process_time(),
        }

    def start(self):
        self.before = self.sample()

    def stop(self):
        after = self.sample()
        return {name: after[name] - self.before[name] for name in after}


def listen_overflows():
    """The kernel's count of connections refused because a listen queue was full (this
    machine, every process): a client refused there waits for its second attempt
    (250 ms) or for TCP to resend its connection request, 1 s later."""
    with open("/proc/net/netstat", encoding="ascii") as f:
        lines = [line.split() for line in f if line.startswith("TcpExt:")]
    return int(dict(zip(lines[0], lines[1], strict=True)).get("ListenOverflows", 0))


def measure(env, db, workers, race_unit, units, partners, args, pg_pid):
    """Start a server in one mode, run the race and the clients, stop it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(port, workers)
    resets = Client.resets
    try:
        outcomes = race(url, db, race_unit, partners, args.race)
        resets = Client.resets - resets
        clients = list(ThreadPoolExecutor(10).map(lambda _i: Client(url, db), range(args.clients)))
        overflows = listen_overflows()
        connects = len(Client.connects)
        queue = ListenQueue(port)
        backlog = queue.backlog()
        cpu = CpuMeter(server.pid, pg_pid)
        queue.start()
        timings, lock_errors = many_clients(clients, units, partners, cpu)
        cpu_used = cpu.stop()
        queue_peak = queue.stop()
        cpu_used["client"] -= queue.cpu
        overflows = listen_overflows() - overflows
        connects = Client.connects[connects:]
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
        "connects": f"{len(connects)} / {len(timings)}",
        "slow": f"{sum(1 for seconds in connects if seconds >= 0.25)} / "
        f"{sum(1 for seconds in connects if seconds >= 1)}",
        "queue": f"{queue_peak} / {backlog}",
        "cpu": {name: seconds / len(timings) for name, seconds in cpu_used.items()},
        "timings": timings,
    }, failures


def one_lock(env, user, units, partner):
    """One ``lock_unit`` in this process, as the secretary, up to its commit (the bus
    notification is written before the commit): its SQL queries, its time and its CPU
    time in Python, the medians of ``len(units) - 1`` locks after one that warms the
    caches. Rolled back."""
    queries, times, cpu = [], [], []
    for i, unit in enumerate(units.with_user(user)):
        env.invalidate_all()
        queries0 = env.cr.sql_log_count
        start, cpu0 = time.perf_counter(), time.thread_time()
        unit.lock_unit(partner.id, id_number=ID_NUMBER)
        env.flush_all()
        env.cr.precommit.run()
        if i:
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - cpu0)
            queries.append(env.cr.sql_log_count - queries0)
    env.cr.rollback()
    return statistics.median(queries), statistics.median(times), statistics.median(cpu)


def notify_cost(pg_pid, count=100):
    """Wall time and PostgreSQL CPU of one bus ``NOTIFY`` as Odoo's bus sends it after a
    commit (a new connection to the database ``postgres``, closed again: ``sql_db``
    never keeps those in its pool), and as ``marketing_server`` sends it (on the
    connection the process keeps); with no channel in the payload."""
    # on the addons path once the benchmark's environment is open
    from odoo.addons.marketing_server.notify import notify

    costs = {}

    def measure_loop(label, notify):
        cpu0, start = tree_cpu(pg_pid), time.perf_counter()
        for _i in range(count):
            notify()
        costs[label] = (
            (time.perf_counter() - start) / count,
            (tree_cpu(pg_pid) - cpu0) / count,
        )

    def new_connection():
        with db_connect("postgres").cursor() as cr:
            cr.execute("SELECT pg_notify('imbus', '[]')")

    measure_loop("new", new_connection)
    measure_loop("kept", lambda: notify(["[]"]))
    return costs


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
        user, units, sql_units, probe_units, chart_building, partners = build_scratch(env, modes)
        pg_pid = postmaster_pid(env)
        results, failures = {}, []
        try:
            for workers in modes:
                race_unit, many = units[workers]
                results[workers], failed = measure(
                    env, db, workers, race_unit, many, partners, args, pg_pid
                )
                failures += failed
            meter = CpuMeter(None, pg_pid)
            sql_timings = bare_sql(db, user, sql_units, partners, args.clients, meter)
            sql_cpu = {name: seconds / len(sql_timings) for name, seconds in meter.stop().items()}
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
            lock_queries, lock_time, lock_cpu = one_lock(env, user, probe_units, partners[200])
            notify = notify_cost(pg_pid)
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

        def cpu(label, name):
            cells = [results[w]["cpu"][name] for w in modes] + [sql_cpu.get(name)]
            return (label, "   ".join(f"{ms(c) if c is not None else '-':>12}" for c in cells))

        def floor(label):
            """Closed loop: each client waits for its lock before the next, so with every
            core busy on locks the mean latency is clients × CPU per lock / cores."""
            cells = [sum(results[w]["cpu"].values()) for w in modes] + [sum(sql_cpu.values())]
            cores = os.cpu_count()
            return (label, "   ".join(f"{ms(c * args.clients / cores):>12}" for c in cells))

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
                cpu("  CPU per lock: Odoo server (all its processes)", "odoo"),
                cpu("  CPU per lock: PostgreSQL", "postgresql"),
                cpu("  CPU per lock: benchmark clients", "client"),
                floor(f"  latency floor on {os.cpu_count()} idle cores (CPU × clients / cores)"),
                row("  TCP connections opened / calls", "connects"),
                row("  TCP connects over 250 ms (second attempt) / over 1 s", "slow"),
                row("  listen queue: longest seen / backlog", "queue"),
                row("  listen queue overflows (kernel, whole machine)", "overflows"),
                ("  sample error", results[modes[-1]]["sample"]),
                ("one lock_unit in process: SQL queries", lock_queries),
                ("  server time / its CPU in Python", f"{ms(lock_time)} / {ms(lock_cpu)}"),
                (
                    "  its bus NOTIFY as Odoo sends it (new connection): time / PG CPU",
                    "{:.1f} ms / {:.1f} ms".format(*(v * 1000 for v in notify["new"])),
                ),
                (
                    "  as marketing_server sends it (kept connection): time / PG CPU",
                    "{:.1f} ms / {:.1f} ms".format(*(v * 1000 for v in notify["kept"])),
                ),
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
