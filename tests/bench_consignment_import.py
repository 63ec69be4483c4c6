"""Benchmark (issue 3): import 100,000 tills' rows from CSV into the sales ledger and
compare with PostgreSQL's COPY of the same file into a bare table.

    ./scripts/bench consignment_import [--rows 100000] [--counters 40]

Prints rows per second and the ratio to the bare COPY (aim ≤ 10×; limit 30 s), and
the SQL queries of the import (they do not depend on the number of rows).
"""

import argparse
import io
import random
import time
from datetime import date, timedelta

from benchlib import open_env, report


def setup(env, counters_count):
    floor = env["mall.floor"].create({"name": "压测楼层", "code": "BENCH"})
    category = env["mall.brand.category"].create({"name": "压测品类"})
    supplier = env["res.partner"].create({"name": "压测供应商有限公司"})
    products = env["product.product"].create(
        [{"name": f"压测商品{n}", "default_code": f"BENCH-P{n:03d}"} for n in range(10)]
    )
    counters = env["mall.counter"].create(
        [
            {"name": f"压测专柜{n}", "code": f"BENCH-{n:03d}", "floor_id": floor.id, "area": 30}
            for n in range(counters_count)
        ]
    )
    for n, counter in enumerate(counters):
        brand = env["mall.brand"].create({"name": f"压测品牌{n}", "category_id": category.id})
        contract = env["mall.contract"].create(
            {
                "partner_id": supplier.id,
                "brand_id": brand.id,
                "counter_ids": [(6, 0, counter.ids)],
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "commission_rate": 20,
                "monthly_target": 100000,
                "quality_standard": "GB/T 1",
                "partner_representative": "张丽",
                "mall_representative_id": env.user.id,
                "product_ids": [(6, 0, products.ids)],
            }
        )
        contract.action_submit()
        contract.action_sign()
    return counters, products


def make_csv(rows, counters, products):
    rng = random.Random(1)
    start = date(2026, 3, 1)
    lines = ["date,counter,product,quantity,amount,discount"]
    codes = counters.mapped("code")
    product_codes = products.mapped("default_code")
    for n in range(rows):
        day = start + timedelta(days=n % 28)
        amount = rng.randint(100, 500000) / 100
        lines.append(
            f"{day.isoformat()},{codes[n % len(codes)]},{product_codes[n % len(product_codes)]},"
            f"{rng.randint(1, 5)},{amount:.2f},{amount * 0.05:.2f}"
        )
    return ("\n".join(lines) + "\n").encode()


def ledger_copy_time(env, ledger, rows):
    """Seconds to COPY the checked rows into ``bench_ledger`` (no foreign keys)."""
    batch = env["mall.sale.batch"].create({"name": "probe", "source": "till"})
    env.flush_all()
    start = time.perf_counter()
    ledger._ledger_insert(rows, "till", batch, table="bench_ledger")
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--counters", type=int, default=40)
    with open_env(parser) as (env, args):
        counters, products = setup(env, args.counters)
        content = make_csv(args.rows, counters, products)
        env.flush_all()
        env.cr.execute(
            "CREATE TEMP TABLE bench_bare (date date, counter text, product text, "
            "quantity numeric, amount numeric, discount numeric)"
        )
        start = time.perf_counter()
        env.cr._obj.copy_expert(
            "COPY bench_bare FROM STDIN WITH (FORMAT csv, HEADER true)", io.BytesIO(content)
        )
        bare = time.perf_counter() - start
        # The same rows into a table shaped like the ledger (its columns, defaults and
        # indexes, no foreign keys): what PostgreSQL itself needs for this table.
        env.cr.execute("CREATE TEMP TABLE bench_ledger (LIKE mall_sale_line INCLUDING ALL)")
        probe = env["mall.sale.line"]
        rows, _errors = probe._parse_rows(probe._read_file(content, "probe.csv"))
        probe._ledger_check(rows)
        shaped = ledger_copy_time(env, probe, rows)
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        batch, errors = env["mall.sale.line"]._import_file(content, "bench.csv")
        env.flush_all()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - queries
        assert not errors, errors[:3]
        assert batch.row_count == args.rows
        env.cr.execute("SELECT count(*) FROM mall_sale_line WHERE batch_id = %s", [batch.id])
        assert env.cr.fetchone()[0] == args.rows
        report(
            f"Import of {args.rows:,} till rows ({args.counters} counters)",
            [
                ("import (check + COPY into mall_sale_line)", f"{elapsed:.2f} s"),
                ("rows per second", f"{args.rows / elapsed:,.0f}"),
                ("bare COPY of the same CSV", f"{bare:.2f} s"),
                ("ratio import / bare COPY", f"{elapsed / bare:.1f}x (aim <= 10x)"),
                ("COPY into a ledger-shaped table, no FKs", f"{shaped:.2f} s"),
                ("limit 30 s", "met" if elapsed <= 30 else "MISSED"),
                ("SQL queries of the import", str(queries)),
            ],
        )


if __name__ == "__main__":
    main()
