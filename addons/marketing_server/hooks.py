"""The listen backlog of Odoo's multi-process server.

``PreforkServer.start`` (odoo/service/server.py) listens on the HTTP port with a
backlog of 8 connections per HTTP worker and has no option for it. Each worker serves
one connection at a time and closes it after the response, so a burst of more
simultaneous requests than workers + backlog overflows the kernel's accept queue: the
kernel drops the connection request and the client waits for TCP to send it again, a
second later. ``post_load`` (called when the module is loaded; with
``server_wide_modules`` in the master process, before the server starts) wraps
``PreforkServer.start`` so that, once Odoo has made its socket, the socket listens
with ``listen_backlog`` of the Odoo configuration file, capped by the kernel's
``net.core.somaxconn``. Without the option Odoo's own backlog stays.
"""

import functools
import logging
import socket

from odoo.service import server
from odoo.tools import config

_logger = logging.getLogger(__name__)

SOMAXCONN = "/proc/sys/net/core/somaxconn"


def somaxconn():
    """The kernel's ceiling of a listen backlog (``net.core.somaxconn``)."""
    try:
        with open(SOMAXCONN, encoding="ascii") as f:
            return int(f.read())
    except (OSError, ValueError):
        return socket.SOMAXCONN


def listen_backlog(workers):
    """``(backlog, configured)``: the listen backlog of the HTTP socket of ``workers``
    HTTP workers and whether ``listen_backlog`` sets it (else Odoo's 8 per worker)."""
    value = config.get("listen_backlog")
    if value in (None, "", False):
        return 8 * workers, False
    try:
        backlog = int(value)
    except (TypeError, ValueError):
        backlog = 0
    if backlog < 1:
        raise ValueError(
            f"listen_backlog = {value} in the Odoo configuration file: expected a number of "
            "connections (1 or more)"
        )
    ceiling = somaxconn()
    if backlog > ceiling:
        _logger.warning(
            "listen_backlog = %s is above the kernel's net.core.somaxconn: the HTTP socket "
            "listens with %s",
            backlog,
            ceiling,
        )
        backlog = ceiling
    return backlog, True


def listen(sock, workers):
    """Make the listening socket ``sock`` use the backlog of ``listen_backlog``; return
    the backlog."""
    backlog, configured = listen_backlog(workers)
    if configured:
        sock.listen(backlog)
        _logger.info(
            "HTTP listen backlog: %s connections (listen_backlog; Odoo's default for %s "
            "workers: %s)",
            backlog,
            workers,
            8 * workers,
        )
    else:
        _logger.info(
            "HTTP listen backlog: %s connections (Odoo's 8 per HTTP worker; set "
            "listen_backlog to change it)",
            backlog,
        )
    return backlog


def post_load():
    """Wrap ``PreforkServer.start`` once per process."""
    original = server.PreforkServer.start
    if getattr(original, "listen_backlog", False):
        return

    @functools.wraps(original)
    def start(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        if self.socket is not None:
            listen(self.socket, self.population)
        return result

    start.listen_backlog = True
    server.PreforkServer.start = start
