import logging
import socket
import subprocess
from unittest.mock import patch

from odoo.service import server
from odoo.tests import BaseCase
from odoo.tools import config

from odoo.addons.marketing_server.hooks import listen, post_load, somaxconn


def kernel_backlog(sock):
    """The backlog the kernel holds for the listening ``sock`` (``ss``'s Send-Q)."""
    port = sock.getsockname()[1]
    out = subprocess.run(
        ["ss", "-Hlnt", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[2])


class TestListenBacklog(BaseCase):
    def odoo_socket(self, workers):
        """A socket listening as ``PreforkServer.start`` makes it: 8 per HTTP worker."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.addCleanup(sock.close)
        sock.bind(("127.0.0.1", 0))
        sock.listen(8 * workers)
        return sock

    def test_the_multi_process_server_is_wrapped_once(self):
        """The module's post_load ran (server-wide or when the registry loaded it) and
        running it again does not wrap twice."""
        start = server.PreforkServer.start
        self.assertTrue(getattr(start, "listen_backlog", False))
        self.assertEqual(start.__wrapped__.__module__, "odoo.service.server")
        post_load()
        self.assertIs(server.PreforkServer.start, start)

    def test_configured_backlog_is_the_sockets(self):
        sock = self.odoo_socket(2)
        self.assertEqual(kernel_backlog(sock), 16)
        with patch.dict(config.options, {"listen_backlog": "128"}):
            with self.assertLogs("odoo.addons.marketing_server.hooks", logging.INFO) as logs:
                self.assertEqual(listen(sock, 2), 128)
        self.assertEqual(kernel_backlog(sock), 128)
        self.assertIn("HTTP listen backlog: 128 connections (listen_backlog", logs.output[0])

    def test_without_the_option_odoo_default_stays(self):
        sock = self.odoo_socket(3)
        options = {k: v for k, v in config.options.items() if k != "listen_backlog"}
        with patch.dict(config.options, options, clear=True):
            self.assertEqual(listen(sock, 3), 24)
        self.assertEqual(kernel_backlog(sock), 24)

    def test_backlog_is_capped_by_the_kernel(self):
        sock = self.odoo_socket(2)
        ceiling = somaxconn()
        with patch.dict(config.options, {"listen_backlog": str(ceiling + 1000)}):
            with self.assertLogs("odoo.addons.marketing_server.hooks", logging.WARNING) as logs:
                self.assertEqual(listen(sock, 2), ceiling)
        self.assertEqual(kernel_backlog(sock), ceiling)
        self.assertIn("net.core.somaxconn", logs.output[0])

    def test_a_bad_value_names_the_option(self):
        sock = self.odoo_socket(2)
        for value in ("many", "0", "-5"):
            with patch.dict(config.options, {"listen_backlog": value}):
                with self.assertRaisesRegex(ValueError, f"listen_backlog = {value} in the Odoo"):
                    listen(sock, 2)
        self.assertEqual(kernel_backlog(sock), 16)
