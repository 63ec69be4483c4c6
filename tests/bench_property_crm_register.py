"""Benchmark (issue 13): register visitors at the sales office's desk with 200,000 leads
already in the project, run by ``./scripts/bench property_crm_register``.

    ./scripts/bench property_crm_register [--leads 200000] [--registrations 200]

Inserts the existing leads in bulk (one ``INSERT ... SELECT generate_series``), then, as a
consultant, calls ``crm.lead.register_contact`` for new phones and for phones another
consultant owns (collisions), and ``check_phone``. Prints the time per registration, the
queries per registration at 2,000 and at the full count of leads (the duplicate check is
one indexed query: the counts must be equal), and the ratio to the physical baseline: the
bare indexed ``SELECT id FROM crm_lead WHERE project_id = %s AND phone_sanitized = %s``.
Everything is rolled back.
"""

import argparse
import statistics
import time

from benchlib import open_env, report

from odoo.tools import SQL

PREFIX = "+86139"


def insert_leads(env, project, owner, first, count):
    """count leads numbered from first, phones +86139xxxxxxxx, owned by owner."""
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (name, contact_name, type, active, company_id, user_id,
                                  project_id, contact_kind, phone, phone_sanitized,
                                  country_id, registration_date, protection_until,
                                  create_uid, write_uid, create_date, write_date)
            SELECT 'bench ' || n, 'bench ' || n, 'opportunity', TRUE, %(company)s, %(owner)s,
                   %(project)s, 'call', '139' || lpad(n::text, 8, '0'),
                   %(prefix)s || lpad(n::text, 8, '0'), %(country)s,
                   CURRENT_DATE, CURRENT_DATE + 15, %(owner)s, %(owner)s, now(), now()
              FROM generate_series(%(first)s, %(last)s) AS n
            """,
            company=project.company_id.id,
            owner=owner.id,
            project=project.id,
            prefix=PREFIX,
            country=env.ref("base.cn").id,
            first=first,
            last=first + count - 1,
        )
    )
    env.cr.execute(SQL("ANALYZE crm_lead"))


def register_batch(env, project, consultant, phones, source):
    """Register each phone once as the consultant: (seconds, queries) per registration."""
    Lead = env["crm.lead"].with_user(consultant)
    timings, queries = [], []
    for n, phone in enumerate(phones):
        before = env.cr.sql_log_count
        start = time.perf_counter()
        Lead.register_contact(
            {
                "project_id": project.id,
                "contact_name": f"压测访客{n}",
                "phone": phone,
                "contact_kind": "visit" if n % 2 else "call",
                "source_id": source.id,
            }
        )
        env.flush_all()
        timings.append(time.perf_counter() - start)
        queries.append(env.cr.sql_log_count - before)
    return timings, queries


def bare_lookup(env, project, phones):
    start = time.perf_counter()
    for phone in phones:
        env.cr.execute(
            SQL(
                "SELECT id FROM crm_lead WHERE project_id = %s AND phone_sanitized = %s",
                project.id,
                phone,
            )
        )
        env.cr.fetchall()
    return (time.perf_counter() - start) / len(phones)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=200000)
    parser.add_argument("--registrations", type=int, default=200)
    with open_env(parser) as (env, args):
        ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
        env = env(context=dict(env.context, **ctx))
        project = env["property.project"].create({"name": "压测楼盘", "code": "CRMBENCH"})
        owner, consultant = env["res.users"].create(
            [
                {
                    "name": name,
                    "login": f"bench_crm_{n}",
                    "groups_id": [(6, 0, env.ref("property_sales.group_sales_consultant").ids)],
                }
                for n, name in enumerate(("压测顾问甲", "压测顾问乙"))
            ]
        )
        source = env.ref("property_crm.utm_source_online")
        half = args.registrations // 2

        def phones(first, count, existing):
            base = 1 if existing else 90000000
            return [f"139{base + first + n:08d}" for n in range(count)]

        rows = []
        results = {}
        for label, count in (("2,000", 2000), (f"{args.leads:,}", args.leads)):
            existing = env["crm.lead"].search_count([("project_id", "=", project.id)])
            insert_leads(env, project, owner, existing + 1, count - existing)
            new_phones = phones(count * 10, half, existing=False)
            owned = phones(count - half, half, existing=True)
            t_new, q_new = register_batch(env, project, consultant, new_phones, source)
            t_dup, q_dup = register_batch(env, project, consultant, owned, source)
            check_start = time.perf_counter()
            for phone in owned:
                env["crm.lead"].with_user(consultant).check_phone(project.id, phone)
            t_check = (time.perf_counter() - check_start) / len(owned)
            baseline = bare_lookup(env, project, [f"+86{p}" for p in owned])
            results[label] = (q_new, q_dup)
            new_ms, dup_ms = sum(t_new) / half * 1000, sum(t_dup) / half * 1000
            q_new_med, q_dup_med = statistics.median(q_new), statistics.median(q_dup)
            rows += [
                (f"{label} leads: new visitor", f"{new_ms:.1f} ms, {q_new_med:g} queries"),
                (f"{label} leads: collision", f"{dup_ms:.1f} ms, {q_dup_med:g} queries"),
                (f"{label} leads: check_phone", f"{t_check * 1000:.2f} ms"),
                (f"{label} leads: bare indexed SELECT", f"{baseline * 1000:.3f} ms"),
                (f"{label} leads: check_phone / SELECT", f"{t_check / baseline:.1f}x"),
            ]
        (small_new, small_dup), (big_new, big_dup) = results.values()
        median = statistics.median
        constant = median(small_new) == median(big_new) and median(small_dup) == median(big_dup)
        rows.append(("queries constant from 2,000 to full count", "yes" if constant else "NO"))
        report(f"Visitor registration with {args.leads:,} existing leads", rows)
        if not constant:
            raise SystemExit("the duplicate check's query count grows with the leads")


if __name__ == "__main__":
    main()
