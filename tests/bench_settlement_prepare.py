"""Benchmark (issues 4 and 15): prepare the settlement of 600 consignment contracts over
1,000,000 ledger rows of one period, and confirm the 600 statements.

    ./scripts/bench settlement_prepare [--rows 1000000] [--contracts 600] [--workers N]

Compares ``action_prepare`` with the bare ``SELECT contract_id, SUM(amount),
SUM(discount_amount) ... GROUP BY contract_id`` over the same rows (aim ≤ 5×, limit 15 s),
then times posting every statement: one vendor bill and one customer invoice each,
created and posted in one batch (limit 15 s), next to the physical floor inside Odoo: one
plain ``account.move`` create() and _post() of the same documents (rolled back), as Odoo
does it and with mail tracking off (the context the posting uses when the company keeps no
audit trail), printed as time and queries per posted document. Before timing, the same
documents are posted once as the previous month's accounting and the accounting tables
analysed, so that PostgreSQL plans for tables that hold documents, as at a real month-end.
``--profile`` prints the costliest functions of the posting (cProfile). Everything is
rolled back.

With ``--workers N`` the accountant's two clicks are then also timed as JSON-RPC calls
on Odoo's threaded server and on its multi-process server with N HTTP workers (their
time and memory limits of config/odoo.conf apply), each on a copy of the benchmark
database that is dropped afterwards, and printed next to the in-process figures.
"""

import argparse
import contextlib
import cProfile
import io
import pstats
import time
from datetime import date

import psycopg2
from benchlib import RpcClient, free_port, open_env, report, start_server, timed

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry
from odoo.sql_db import close_db, connection_info_for

YEAR, MONTH = 2031, 3
# mail tracking and creation logs off (what the posting of the statements uses)
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def setup(env, contracts_count):
    ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    env = env(context=dict(env.context, **ctx))
    company = env.company
    company.mall_cutoff_day = 25
    floor = env["mall.floor"].create({"name": "结算压测楼层", "code": "SBENCH"})
    category = env["mall.brand.category"].create({"name": "结算压测品类"})
    product = env["product.product"].create({"name": "结算压测商品", "default_code": "SBENCH-P"})
    partners = env["res.partner"].create(
        [{"name": f"结算压测供应商{n:03d}", "is_company": True} for n in range(contracts_count)]
    )
    counters = env["mall.counter"].create(
        [
            {
                "name": f"结算压测专柜{n}",
                "code": f"SBENCH-{n:03d}",
                "floor_id": floor.id,
                "area": 20 + n % 60,
            }
            for n in range(contracts_count)
        ]
    )
    brands = env["mall.brand"].create(
        [
            {
                "name": f"结算压测品牌{n}",
                "category_id": category.id,
                "representative": n % 7 == 0,
                "promising": n % 5 == 0,
            }
            for n in range(contracts_count)
        ]
    )
    tiers = [(0, 0, {"lower_bound": 0, "rate": 15}), (0, 0, {"lower_bound": 50000, "rate": 20})]
    modes = ("flat", "progressive", "whole")
    vals_list = []
    for n in range(contracts_count):
        mode = modes[n % 3]
        vals_list.append(
            {
                "partner_id": partners[n].id,
                "brand_id": brands[n].id,
                "counter_ids": [(6, 0, counters[n].ids)],
                "date_start": date(YEAR, 1, 1),
                "date_end": date(YEAR, 12, 31),
                "state": "active",
                "commission_mode": mode,
                "commission_rate": 18 + n % 5,
                "tier_ids": tiers if mode != "flat" else [],
                "monthly_target": 200000,
                "discount_share_ratio": 50 + n % 3 * 10,
                "rebate_rate": 1 if n % 4 == 0 else 0,
                "quality_standard": "GB/T 1",
                "partner_representative": "张丽",
                "mall_representative_id": env.user.id,
                "product_ids": [(6, 0, product.ids)],
            }
        )
    contracts = env["mall.contract"].create(vals_list)
    return company, floor, counters, contracts, product


def insert_ledger(env, rows, floor, counters, contracts, product, date_from, days):
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO mall_sale_line (date, counter_id, floor_id, company_id, contract_id,
                                    product_id, quantity, amount, discount_amount, source,
                                    create_uid, write_uid, create_date, write_date)
        SELECT %(date_from)s::date + (g %% %(days)s),
               (%(counters)s::int[])[1 + g %% %(n)s],
               %(floor)s, %(company)s,
               (%(contracts)s::int[])[1 + g %% %(n)s],
               %(product)s, 1,
               ((g %% 997) + 1)::numeric + 0.37,
               (g %% 7)::numeric + 0.05,
               'till', 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM generate_series(0, %(rows)s - 1) AS g
        """,
        {
            "date_from": date_from,
            "days": days,
            "counters": counters.ids,
            "contracts": contracts.ids,
            "n": len(contracts),
            "floor": floor.id,
            "company": floor.company_id.id,
            "product": product.id,
            "rows": rows,
        },
    )
    env.cr.execute("ANALYZE mall_sale_line")


def baseline(env, period):
    env.cr.execute(
        "SELECT contract_id, SUM(amount), SUM(discount_amount) FROM mall_sale_line "
        "WHERE date BETWEEN %s AND %s GROUP BY contract_id",
        [period.date_from, period.date_to],
    )
    return env.cr.fetchall()


def prepare_data(env, args):
    """The contracts and the ledger rows of one period; returns the period."""
    company, floor, counters, contracts, product = setup(env, args.contracts)
    period = env["mall.settlement.period"].create_for_month(YEAR, MONTH, company)
    days = (period.date_to - period.date_from).days + 1
    insert_ledger(env, args.rows, floor, counters, contracts, product, period.date_from, days)
    return period, contracts


def sql_autocommit(sql):
    """Run ``sql`` outside a transaction (CREATE/DROP DATABASE)."""
    _db, info = connection_info_for("postgres")
    connection = psycopg2.connect(**info)
    try:
        connection.autocommit = True
        with connection.cursor() as cr:
            cr.execute(sql)
    finally:
        connection.close()


def over_rpc(db, args, workers):
    """Time the accountant's clicks (prepare, send, confirm) as JSON-RPC calls on a
    server with ``workers`` HTTP workers (0: threaded), on a committed copy of ``db``
    that is dropped afterwards."""
    scratch = f"{db}_rpc"
    close_db(db)
    sql_autocommit(f'DROP DATABASE IF EXISTS "{scratch}"')
    sql_autocommit(f'CREATE DATABASE "{scratch}" TEMPLATE "{db}"')
    server = None
    try:
        with Registry(scratch).cursor() as cr:
            env = Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
            period, _contracts = prepare_data(env, args)
            period_id = period.id
            # the clicks of the floor accountant (prepare, send) and of finance (confirm)
            env.ref("base.user_admin").write(
                {
                    "password": "bench_admin_pw",
                    "groups_id": [
                        (4, env.ref("mall_consignment.group_floor_accountant").id),
                        (4, env.ref("account.group_account_invoice").id),
                    ],
                }
            )
        port = free_port()
        server = start_server(port, workers, database=scratch)
        client = RpcClient(f"http://127.0.0.1:{port}", scratch, "admin", "bench_admin_pw")
        times = {}
        # warm every process (a worker's first request loads its caches) before timing
        for _i in range(2 * workers + 1):
            client.call("mall.settlement.period", "search_read", [[("id", "=", period_id)]])

        def click(label, model, method, ids):
            start = time.perf_counter()
            _result, error = client.call(model, method, [ids])
            if error:
                raise RuntimeError(f"{method} over JSON-RPC (--workers={workers}): {error}")
            times[label] = time.perf_counter() - start

        click("action_prepare", "mall.settlement.period", "action_prepare", [period_id])
        statements, error = client.call(
            "mall.settlement.statement", "search", [[("period_id", "=", period_id)]]
        )
        assert not error and len(statements) == args.contracts, error
        client.call("mall.settlement.statement", "action_send", [statements])
        # T10: the supplier's acceptance (here finance on its behalf) comes before posting
        client.call("mall.settlement.statement", "action_supplier_confirm", [statements])
        click(
            "confirm (bills + invoices posted)",
            "mall.settlement.statement",
            "action_confirm",
            statements,
        )
        return times
    finally:
        if server:
            server.terminate()
            server.wait(60)
        Registry.delete(scratch)
        close_db(scratch)
        sql_autocommit(f'DROP DATABASE IF EXISTS "{scratch}"')


@contextlib.contextmanager
def profiled(enabled, label):
    """cProfile the block when ``enabled``: prints the 25 costliest functions."""
    if not enabled:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
        print(f"--- profile of {label} ---\n{out.getvalue()}")


def plain_documents(env, statements, context=None):
    """One plain account.move create() and _post() of the statements' documents."""
    moves = env["account.move"].with_context(**(context or {}))
    plain = moves.create([vals for _statement, _field, vals in statements._moves_vals()])
    plain._post(soft=False)
    env.flush_all()
    return plain


def previous_month(env, statements):
    """The accounting of a month already posted: the same documents once, kept (until
    the final rollback), and the statistics of the accounting tables taken with them.
    Without it the accounting tables of the benchmark database are empty, or were emptied
    by the previous run's rollback, and PostgreSQL plans the posting's queries for empty
    tables (nested loops that cost minutes once the batch has filled them)."""
    env.cr.execute(ACCOUNTING_STATISTICS)
    plain_documents(env, statements, QUIET)
    env.cr.execute(ACCOUNTING_STATISTICS)
    env.invalidate_all()


ACCOUNTING_STATISTICS = (
    "ANALYZE account_move, account_move_line, account_partial_reconcile, account_payment, "
    "mail_followers"
)


def plain_post(env, statements, context=None):
    """The floor: one plain account.move create() and _post() of the statements'
    documents, rolled back. Returns (seconds, documents, queries)."""
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    with contextlib.closing(env.cr.savepoint()):
        count = len(plain_documents(env, statements, context))
        seconds = time.perf_counter() - start
    env.invalidate_all()
    return seconds, count, env.cr.sql_log_count - queries


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--contracts", type=int, default=600)
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="also time prepare and confirm over JSON-RPC, threaded and on N HTTP workers",
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the posting and print the top functions"
    )
    with open_env(parser) as (env, args):
        results = {}
        with timed("setup (contracts)", results):
            company, floor, counters, contracts, product = setup(env, args.contracts)
            Period = env["mall.settlement.period"]
            period = Period.create_for_month(YEAR, MONTH, company)
        with timed("insert ledger rows (SQL)", results):
            days = (period.date_to - period.date_from).days + 1
            insert_ledger(
                env, args.rows, floor, counters, contracts, product, period.date_from, days
            )
        baseline(env, period)  # warm the cache for both
        with timed("baseline GROUP BY", results):
            groups = baseline(env, period)
        queries = env.cr.sql_log_count
        with timed("action_prepare", results):
            period.action_prepare()
            env.flush_all()
        queries = env.cr.sql_log_count - queries
        statements = period.statement_ids
        assert len(groups) == len(contracts) == len(statements), (len(groups), len(statements))
        statements.action_send()
        statements.action_supplier_confirm()
        env.flush_all()
        previous_month(env, statements)
        # the floor: what Odoo itself does best for the same documents, as it is and with
        # mail tracking and creation logs off (the context the posting uses)
        seconds, baseline_count, base_queries = plain_post(env, statements)
        results["baseline move create + post"] = seconds
        seconds, _count, quiet_queries = plain_post(env, statements, QUIET)
        results["baseline move create + post, no tracking"] = seconds
        post_start = env.cr.sql_log_count
        with (
            profiled(args.profile, "action_confirm"),
            timed("post statements (bills + invoices)", results),
        ):
            statements.action_confirm()
            env.flush_all()
        post_queries = env.cr.sql_log_count - post_start
        moves = statements.vendor_bill_id | statements.customer_invoice_id
        assert all(move.state == "posted" for move in moves)
        assert len(moves) == baseline_count, (len(moves), baseline_count)
        ratio = results["action_prepare"] / results["baseline GROUP BY"]
        per_doc = results["post statements (bills + invoices)"] / len(moves) * 1000
        per_doc_base = results["baseline move create + post"] / baseline_count * 1000
        per_doc_quiet = results["baseline move create + post, no tracking"] / baseline_count * 1000
        post_ratio = per_doc / per_doc_quiet
        report(
            f"settlement_prepare: {args.rows:,} ledger rows, {len(contracts)} contracts",
            [
                *((label, f"{seconds:.2f} s") for label, seconds in results.items()),
                ("action_prepare / baseline", f"{ratio:.1f}× (aim ≤ 5×, limit 15 s)"),
                ("queries of action_prepare", queries),
                ("statements", len(statements)),
                ("posted documents", f"{len(moves)} (limit 15 s)"),
                ("per posted document", f"{per_doc:.1f} ms ({post_queries} queries)"),
                (
                    "baseline per document",
                    f"{per_doc_base:.1f} ms ({base_queries} queries); no tracking "
                    f"{per_doc_quiet:.1f} ms ({quiet_queries} queries)",
                ),
                ("posting / baseline (no tracking)", f"{post_ratio:.2f}×"),
                ("payable total", f"{sum(statements.mapped('payable')):,.2f}"),
            ],
        )
        db = env.cr.dbname
        in_process = {
            "action_prepare": results["action_prepare"],
            "confirm (bills + invoices posted)": results["post statements (bills + invoices)"],
        }
    if args.workers:
        modes = {0: over_rpc(db, args, 0), args.workers: over_rpc(db, args, args.workers)}
        header = "   ".join(f"{f'--workers={w}':>12}" for w in modes)
        report(
            "settlement_prepare over JSON-RPC: threaded and multi-process server",
            [
                ("", f"{'in process':>12}   {header}"),
                *(
                    (
                        label,
                        f"{seconds:>10.2f} s   "
                        + "   ".join(f"{modes[w][label]:>10.2f} s" for w in modes),
                    )
                    for label, seconds in in_process.items()
                ),
            ],
        )


if __name__ == "__main__":
    main()
