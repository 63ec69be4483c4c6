import json
import logging
import select
import time

import psycopg2

from odoo.sql_db import connection_info_for
from odoo.tests import TransactionCase

from odoo.addons.marketing_server import notify


class TestBusNotify(TransactionCase):
    """After a commit the bus tells the websocket server (LISTEN imbus on the database
    ``postgres``) which channels got messages: once per commit, on a connection each
    process keeps, not a new one each time."""

    def setUp(self):
        super().setUp()
        _db, info = connection_info_for("postgres")
        self.listener = psycopg2.connect(**info)
        self.addCleanup(self.listener.close)
        self.listener.autocommit = True
        with self.listener.cursor() as cr:
            cr.execute("LISTEN imbus")

    def received(self, channel):
        """The backend pids of the notifications naming ``channel`` (1 s to arrive)."""
        pids, deadline = [], time.monotonic() + 1
        while time.monotonic() < deadline:
            select.select([self.listener], [], [], 0.1)
            self.listener.poll()
            while self.listener.notifies:
                note = self.listener.notifies.pop(0)
                if [self.env.cr.dbname, channel] in json.loads(note.payload):
                    pids.append(note.pid)
        return pids

    def send_and_commit(self, channel):
        """A bus message on ``channel`` and what a commit runs after it."""
        self.env["bus.bus"]._sendone(channel, "marketing_server/test", {"ok": True})
        self.env.cr.postcommit.run()

    def test_each_commit_notifies_once_on_the_kept_connection(self):
        self.send_and_commit("marketing_server_test_1")
        first = self.received("marketing_server_test_1")
        self.assertEqual(len(first), 1, "one NOTIFY per commit, not Odoo's second one")
        self.assertEqual(first[0], notify.backend_pid())
        self.send_and_commit("marketing_server_test_2")
        self.assertEqual(self.received("marketing_server_test_2"), first, "the same connection")

    def test_a_closed_connection_is_opened_again(self):
        self.send_and_commit("marketing_server_test_3")
        (old,) = self.received("marketing_server_test_3")
        with self.listener.cursor() as cr:
            cr.execute("SELECT pg_terminate_backend(%s)", [old])
        time.sleep(0.2)
        with self.assertLogs("odoo.addons.marketing_server.notify", logging.INFO):
            self.send_and_commit("marketing_server_test_4")
        (new,) = self.received("marketing_server_test_4")
        self.assertNotEqual(new, old)
        self.assertEqual(new, notify.backend_pid())
