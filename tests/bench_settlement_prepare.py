"""Benchmark (issue 4): prepare the settlement of 600 consignment contracts over
1,000,000 ledger rows of one period, and confirm the 600 statements.

    ./scripts/bench settlement_prepare [--rows 1000000] [--contracts 600]

Compares ``action_prepare`` with the bare ``SELECT contract_id, SUM(amount),
SUM(discount_amount) ... GROUP BY contract_id`` over the same rows (aim ≤ 5×, limit 15 s),
then times posting every statement: one vendor bill and one customer invoice each,
created and posted in one batch (limit 15 s), next to the physical floor inside Odoo: one
plain ``account.move`` create() and _post() of the same documents (rolled back), printed
as time per posted document. Everything is rolled back.
"""

import argparse
from datetime import date

from benchlib import open_env, report, timed

YEAR, MONTH = 2031, 3


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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--contracts", type=int, default=600)
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
        with timed("baseline move create + post", results):
            with env.cr.savepoint():
                plain = env["account.move"].create(
                    [vals for _statement, _field, vals in statements._moves_vals()]
                )
                plain._post(soft=False)
                env.flush_all()
                baseline_count = len(plain)
        env.invalidate_all()
        with timed("post statements (bills + invoices)", results):
            statements.action_confirm()
            env.flush_all()
        moves = statements.vendor_bill_id | statements.customer_invoice_id
        assert all(move.state == "posted" for move in moves)
        assert len(moves) == baseline_count, (len(moves), baseline_count)
        ratio = results["action_prepare"] / results["baseline GROUP BY"]
        per_doc = results["post statements (bills + invoices)"] / len(moves) * 1000
        per_doc_base = results["baseline move create + post"] / baseline_count * 1000
        post_ratio = per_doc / per_doc_base
        report(
            f"settlement_prepare: {args.rows:,} ledger rows, {len(contracts)} contracts",
            [
                *((label, f"{seconds:.2f} s") for label, seconds in results.items()),
                ("action_prepare / baseline", f"{ratio:.1f}× (aim ≤ 5×, limit 15 s)"),
                ("queries of action_prepare", queries),
                ("statements", len(statements)),
                ("posted documents", f"{len(moves)} (limit 15 s)"),
                ("per posted document", f"{per_doc:.1f} ms (baseline {per_doc_base:.1f} ms)"),
                ("posting / baseline", f"{post_ratio:.2f}×"),
                ("payable total", f"{sum(statements.mapped('payable')):,.2f}"),
            ],
        )


if __name__ == "__main__":
    main()
