"""./scripts/run creates its demo database: every suite module with its demo data, for a
Chinese company: in China, in CNY, on the Chinese chart of accounts and VAT (l10n_cn) — so
statements, deposits and invoices show ¥ and the taxes a Chinese accountant expects."""

import os
import signal
import subprocess
import time
import urllib.request
import uuid

from conftest import ROOT, free_port, psql, script_env

SUITE_MODULES = [path.parent.name for path in (ROOT / "addons").glob("*/__manifest__.py")]


def suite_modules():
    return ",".join(f"'{name}'" for name in SUITE_MODULES)


def test_new_demo_database_is_a_chinese_company(test_db):
    db = f"cn_demo_{uuid.uuid4().hex[:8]}"
    port = free_port()
    log_path = ROOT / ".local" / "test-logs" / "scripts-run-cn.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [str(ROOT / "scripts" / "run")],
            # the whole suite with its demo data, as a new user gets it
            env=script_env(DB_NAME=db, HTTP_PORT=port),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.time() + 1200
            while True:
                assert proc.poll() is None, f"scripts/run stopped; see {log_path}"
                assert time.time() < deadline, "no login page within 20 minutes"
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=10):
                        break
                except OSError:
                    time.sleep(2)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
    try:
        log = log_path.read_text()
        assert "demo data failed" not in log, f"a module's demo data failed; see {log_path}"
        modules = psql(
            "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module"
            f" WHERE state = 'installed' AND name IN ({suite_modules()})",
            db=db,
        )
        assert modules == ",".join(sorted(SUITE_MODULES))
        # the demo data that needs the company's journals: deposits received by the cashier
        deposits = "SELECT count(*) FROM property_deposit WHERE payment_id IS NOT NULL"
        assert int(psql(deposits, db=db)) > 0
        company = psql(
            "SELECT c.chart_template, cur.name, country.code FROM res_company c"
            " JOIN res_currency cur ON cur.id = c.currency_id"
            " JOIN res_partner p ON p.id = c.partner_id"
            " JOIN res_country country ON country.id = p.country_id WHERE c.id = 1",
            db=db,
        )
        assert company == "cn|CNY|CN"
        module = "SELECT state FROM ir_module_module WHERE name = 'l10n_cn'"
        assert psql(module, db=db) == "installed"
        vat = psql(
            "SELECT string_agg(DISTINCT type_tax_use || ' ' || amount::int, ','"
            " ORDER BY type_tax_use || ' ' || amount::int)"
            " FROM account_tax WHERE company_id = 1 AND amount IN (6, 13)",
            db=db,
        )
        assert vat == "purchase 13,purchase 6,sale 13,sale 6"
        tz = psql(
            "SELECT tz FROM res_partner p JOIN res_users u ON u.partner_id = p.id"
            " WHERE u.login = 'admin'",
            db=db,
        )
        assert tz == "Asia/Shanghai"
    finally:
        psql(f"DROP DATABASE IF EXISTS {db}")
