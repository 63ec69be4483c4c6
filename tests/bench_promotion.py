"""Benchmark (issue 12): allocate one promotion's costs among 600 participants, and
prepare a settlement period over 1,000,000 ledger rows without and with 20 promotions
that set their own commission rate and discount ratio.

    ./scripts/bench promotion [--rows 1000000] [--contracts 600] [--promotions 20] [--profile]

Each preparation is printed as a ratio to the bare SQL aggregate of the same rows
(``SELECT contract_id, SUM(amount), SUM(discount_amount) ... GROUP BY contract_id``) by
its execution time inside PostgreSQL (EXPLAIN ANALYZE), best of three on each side.
Goals: with 20 promotions within 4×, without promotions within 3×. Everything is rolled
back. With ``--profile`` one more preparation with the promotions runs under cProfile:
its queries by kind and table and the functions with the most own time are printed.
"""

import argparse
import collections
import cProfile
import io
import os
import pstats
import re
import time
from datetime import timedelta

from bench_settlement_prepare import MONTH, YEAR, insert_ledger, setup
from benchlib import open_env, report


def best_of_three(fn):
    best = None
    for _n in range(3):
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def baseline_execution(env, period):
    """The bare GROUP BY's execution time inside PostgreSQL (seconds)."""
    env.cr.execute(
        "EXPLAIN (ANALYZE, FORMAT JSON) SELECT contract_id, SUM(amount), SUM(discount_amount) "
        "FROM mall_sale_line WHERE date BETWEEN %s AND %s GROUP BY contract_id",
        [period.date_from, period.date_to],
    )
    return env.cr.fetchone()[0][0]["Execution Time"] / 1000


def approve(records):
    """Approved without the chain (the benchmark measures the settlement)."""
    # Imported here: the addons path is known once open_env() parsed the options.
    from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

    with workflow_action():
        records.with_context(skip_validation_check=True).write({"state": "approved"})


def promotions(env, company, contracts, period, count):
    """``count`` approved promotions of a few days each, a rate and a ratio, each over
    a slice of the contracts."""
    Promotion = env["mall.promotion"]
    vals_list = []
    size = max(1, len(contracts) // 4)
    for n in range(count):
        start = period.date_from + timedelta(days=(n * 3) % 25)
        part = contracts[(n * size) % len(contracts) :][:size]
        vals_list.append(
            {
                "name": f"压测促销{n}",
                "kind": "mall",
                "company_id": company.id,
                "date_start": start,
                "date_end": start + timedelta(days=4),
                "contract_ids": [(6, 0, part.ids)],
                "supplier_share": 50.0,
                "commission_rate": 10.0 + n % 5,
                "discount_share_ratio": 80.0,
                "expense_ids": [(0, 0, {"name": "广告", "amount": 12345.67})],
            }
        )
    records = Promotion.create(vals_list)
    approve(records)
    return records


def profile(env, fn):
    """Run ``fn`` once under cProfile, counting its queries by kind and table."""
    counts = collections.Counter()
    cr = env.cr
    execute = type(cr).execute

    def counting(self, query, params=None, log_exceptions=True):
        text = " ".join(str(query).split())
        match = re.match(
            r"(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b.*?\b(?:FROM|INTO|UPDATE)?\s*\"?(\w+)", text
        )
        counts[match.groups() if match else text[:40]] += 1
        return execute(self, query, params, log_exceptions)

    type(cr).execute = counting
    profiler = cProfile.Profile()
    try:
        profiler.runcall(fn)
    finally:
        type(cr).execute = execute
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(
        os.environ.get("PROFILE_SORT", "tottime")
    ).print_stats(40)
    print("queries by kind and table:")
    for key, count in counts.most_common(25):
        print(f"  {count:5d}  {key}")
    print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--contracts", type=int, default=600)
    parser.add_argument("--promotions", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    with open_env(parser) as (env, args):
        ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
        env = env(context=dict(env.context, **ctx))
        results = []
        company, floor, counters, contracts, product = setup(env, args.contracts)
        period = env["mall.settlement.period"].create_for_month(YEAR, MONTH, company)
        days = (period.date_to - period.date_from).days + 1
        insert_ledger(env, args.rows, floor, counters, contracts, product, period.date_from, days)
        base = min(baseline_execution(env, period) for _n in range(3))
        results.append(("baseline GROUP BY (inside PostgreSQL, best of 3)", f"{base:.3f} s"))

        def prepare():
            period.action_prepare()
            env.flush_all()
            env.invalidate_all()

        queries = env.cr.sql_log_count
        bare = best_of_three(prepare)
        bare_queries = (env.cr.sql_log_count - queries) // 3
        results.append(("action_prepare without promotions", f"{bare:.3f} s"))
        results.append(("  ratio (goal ≤ 3×)", f"{bare / base:.1f}×"))
        results.append(("  queries per preparation", bare_queries))

        promos = promotions(env, company, contracts, period, args.promotions)
        queries = env.cr.sql_log_count
        with_promotions = best_of_three(prepare)
        queries = (env.cr.sql_log_count - queries) // 3
        results.append(
            (f"action_prepare with {len(promos)} promotions", f"{with_promotions:.3f} s")
        )
        results.append(("  ratio (goal ≤ 4×)", f"{with_promotions / base:.1f}×"))
        results.append(("  queries per preparation", queries))
        lines = env["mall.settlement.promotion.line"].search_count(
            [("statement_id.period_id", "=", period.id)]
        )
        results.append(("  statement lines in promotions", lines))
        if args.profile:
            profile(env, prepare)

        big = env["mall.promotion"].create(
            {
                "name": "压测全场促销",
                "kind": "mall",
                "company_id": company.id,
                "date_start": period.date_from,
                "date_end": period.date_from + timedelta(days=9),
                "contract_ids": [(6, 0, contracts.ids)],
                "supplier_share": 60.0,
                "allocation_method": "sales",
                "expense_ids": [(0, 0, {"name": "广告", "amount": 1000000.01})],
            }
        )
        approve(big)
        start = time.perf_counter()
        big._allocate()
        env.flush_all()
        elapsed = time.perf_counter() - start
        total = sum(big.allocation_ids.mapped("amount"))
        results.append(
            (f"allocation among {len(big.allocation_ids)} participants", f"{elapsed:.3f} s")
        )
        results.append(("  allocated total = p × E", f"{total:,.2f} = {big.supplier_amount:,.2f}"))
        report(f"promotion: {args.rows:,} ledger rows, {len(contracts)} contracts", results)


if __name__ == "__main__":
    main()
