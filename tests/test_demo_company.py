"""./scripts/run creates its demo database for a Chinese company: in China, in CNY, on the
Chinese chart of accounts and VAT (l10n_cn) — so statements, deposits and invoices show ¥ and
the taxes a Chinese accountant expects."""

import os
import signal
import subprocess
import time
import urllib.request
import uuid

from conftest import ROOT, free_port, psql, script_env


def test_new_demo_database_is_a_chinese_company(test_db):
    db = f"cn_demo_{uuid.uuid4().hex[:8]}"
    port = free_port()
    log_path = ROOT / ".local" / "test-logs" / "scripts-run-cn.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [str(ROOT / "scripts" / "run")],
            # Accounting alone keeps the test short; the suite modules add nothing here.
            env=script_env(DB_NAME=db, HTTP_PORT=port, DEMO_MODULES="account"),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.time() + 480
            while True:
                assert proc.poll() is None, f"scripts/run stopped; see {log_path}"
                assert time.time() < deadline, "no login page within 8 minutes"
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=10):
                        break
                except OSError:
                    time.sleep(2)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
    try:
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
