"""Benchmark (issue 14): the sales achievement pivot over 500,000 confirmed sale order
lines, against a bare SQL aggregate of the same lines.

    ./scripts/bench sales_achievement [--lines 500000] [--salespeople 20]

Inserts the orders and lines with SQL (10 lines per order, spread over one year and the
salespeople of one team), approves a plan for the team, then times the pivot's
``read_group`` by salesperson × month on ``sales.achievement.report`` (targets, sales,
collections, new customers) against ``SELECT user_id, month, SUM(price_subtotal)`` over
the same lines. The pivot's number of queries is measured at a tenth of the lines and at
all of them: it must not grow. Everything is rolled back.
"""

import argparse
from datetime import date

from benchlib import open_env, report, timed

from odoo import Command

YEAR = 2031
LINES_PER_ORDER = 10


def setup(env, salespeople):
    ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    env = env(context=dict(env.context, **ctx))
    users = env["res.users"].create(
        [{"name": f"压测销售{n:02d}", "login": f"bench_sales_{n:02d}"} for n in range(salespeople)]
    )
    team = env["crm.team"].create({"name": "压测销售组", "member_ids": [Command.set(users.ids)]})
    partners = env["res.partner"].create(
        [{"name": f"压测客户{n:04d}", "is_company": True} for n in range(500)]
    )
    product = env["product.product"].create({"name": "压测产品", "list_price": 100.0})
    plan = env["sales.target.plan"].create(
        {
            "name": "压测计划",
            "year": YEAR,
            "team_target_ids": [Command.create({"team_id": team.id, "amount": 9876543.21})],
        }
    )
    plan.action_split()
    env.flush_all()
    env.cr.execute("UPDATE sales_target_plan SET state = 'approved' WHERE id = %s", [plan.id])
    return env, users, team, partners, product


def insert_orders(env, lines, start, users, team, partners, product):
    """Orders (and their lines) numbered from start, lines // 10 of them."""
    orders = lines // LINES_PER_ORDER
    company = env.company
    params = {
        "start": start,
        "orders": orders,
        "users": users.ids,
        "nu": len(users),
        "partners": partners.ids,
        "np": len(partners),
        "team": team.id,
        "company": company.id,
        "currency": company.currency_id.id,
        "pricelist": env["product.pricelist"].search([], limit=1).id or None,
        "year_start": date(YEAR, 1, 1),
        "product": product.id,
        "uom": product.uom_id.id,
        "per_order": LINES_PER_ORDER,
    }
    env.cr.execute(
        """
        INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                                company_id, currency_id, pricelist_id, team_id, user_id,
                                date_order, state, currency_rate, amount_untaxed,
                                amount_tax, amount_total, create_uid, write_uid,
                                create_date, write_date)
        SELECT 'BENCH' || g, p, p, p, %(company)s, %(currency)s, %(pricelist)s, %(team)s,
               (%(users)s::int[])[1 + g %% %(nu)s],
               %(year_start)s::timestamp + ((g * 7919) %% 365) * interval '1 day'
                   + interval '3 hours',
               'sale', 1.0, 0, 0, 0, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM generate_series(%(start)s, %(start)s + %(orders)s - 1) AS g,
               LATERAL (SELECT (%(partners)s::int[])[1 + g %% %(np)s] AS p) AS x
        """,
        params,
    )
    env.cr.execute(
        """
        INSERT INTO sale_order_line (order_id, company_id, currency_id, salesman_id,
                                     order_partner_id, product_id, product_uom,
                                     product_uom_qty, price_unit, price_subtotal,
                                     price_tax, price_total, discount, customer_lead,
                                     name, state, sequence, create_uid, write_uid,
                                     create_date, write_date)
        SELECT so.id, so.company_id, so.currency_id, so.user_id, so.partner_id,
               %(product)s, %(uom)s, 1 + n %% 5, 100.0 + n,
               (1 + n %% 5) * (100.0 + n), 0, (1 + n %% 5) * (100.0 + n), 0, 0,
               '压测产品', 'sale', n, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM sale_order so, generate_series(1, %(per_order)s) AS n
         WHERE so.name LIKE 'BENCH%%'
           AND substr(so.name, 6)::int BETWEEN %(start)s AND %(start)s + %(orders)s - 1
        """,
        params,
    )
    env.cr.execute("ANALYZE sale_order")
    env.cr.execute("ANALYZE sale_order_line")


def pivot(env, team):
    Report = env["sales.achievement.report"]
    env.invalidate_all()
    queries = env.cr.sql_log_count
    groups = Report.read_group(
        [("team_id", "=", team.id)],
        ["amount_target:sum", "amount_sales:sum", "amount_collected:sum", "new_customers:sum"],
        ["user_id", "date:month"],
        lazy=False,
    )
    return groups, env.cr.sql_log_count - queries


def baseline(env, team):
    env.cr.execute(
        """
        SELECT so.user_id, date_trunc('month', so.date_order), SUM(sol.price_subtotal)
          FROM sale_order_line sol JOIN sale_order so ON so.id = sol.order_id
         WHERE so.state = 'sale' AND so.team_id = %s
         GROUP BY 1, 2
        """,
        [team.id],
    )
    return env.cr.fetchall()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=500_000)
    parser.add_argument("--salespeople", type=int, default=20)
    with open_env(parser) as (env, args):
        results = {}
        with timed("setup (team, plan split)", results):
            env, users, team, partners, product = setup(env, args.salespeople)
        tenth = args.lines // 10
        with timed(f"insert {tenth:,} order lines (SQL)", results):
            insert_orders(env, tenth, 0, users, team, partners, product)
        pivot(env, team)  # the first call also reads the caches (users' names, ...)
        _groups, queries_small = pivot(env, team)
        with timed(f"insert {args.lines - tenth:,} more order lines (SQL)", results):
            insert_orders(
                env,
                args.lines - tenth,
                tenth // LINES_PER_ORDER,
                users,
                team,
                partners,
                product,
            )
        pivot(env, team)  # warm the cache for both
        baseline(env, team)
        with timed("baseline SQL aggregate", results):
            rows = baseline(env, team)
        with timed("achievement pivot (read_group)", results):
            groups, queries = pivot(env, team)
        sales = sum(g["amount_sales"] for g in groups)
        bare = sum(float(r[2]) for r in rows)
        assert abs(sales - bare) < 0.01, (sales, bare)
        assert queries == queries_small, (queries, queries_small)
        ratio = results["achievement pivot (read_group)"] / results["baseline SQL aggregate"]
        env.cr.execute("SELECT COUNT(*) FROM sale_order_line WHERE name = '压测产品'")
        report(
            f"sales_achievement: {env.cr.fetchone()[0]:,} confirmed order lines, "
            f"{len(users)} salespeople",
            [
                *((label, f"{seconds:.3f} s") for label, seconds in results.items()),
                ("pivot / baseline", f"{ratio:.1f}×"),
                ("queries of the pivot", f"{queries} (at a tenth of the lines: {queries_small})"),
                ("pivot cells", len(groups)),
                ("confirmed sales", f"{sales:,.2f}"),
                ("targets", f"{sum(g['amount_target'] for g in groups):,.2f}"),
            ],
        )


if __name__ == "__main__":
    main()
