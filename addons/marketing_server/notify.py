"""The bus's ``NOTIFY`` on one connection per process, kept open.

After each commit that sent bus messages, Odoo's bus (``bus.bus._ensure_hooks``) tells
the websocket server with ``NOTIFY imbus`` on the database ``postgres``, where the gevent
process listens; it opens a new connection for it every time, because ``sql_db`` never
keeps connections to ``postgres`` in its pool. A new connection costs PostgreSQL a
backend process: about 5 ms of CPU, as much as the rest of a unit lock's queries. Here
each Odoo process keeps one connection to ``postgres`` for its notifications, outside
Odoo's pool, opened on first use (after the fork of a worker) and opened again when
PostgreSQL has closed it.
"""

import logging
import os
import threading

import psycopg2
from psycopg2 import sql

from odoo.sql_db import connection_info_for

from odoo.addons.bus.models.bus import ODOO_NOTIFY_FUNCTION

_logger = logging.getLogger(__name__)

_lock = threading.Lock()
_connection = {"pid": None, "cnx": None}


def _connect():
    _db, info = connection_info_for("postgres")
    cnx = psycopg2.connect(**info)
    cnx.autocommit = True
    _connection.update(pid=os.getpid(), cnx=cnx)
    return cnx


def _open_connection():
    """This process's kept connection if it is open, else None (a forked worker does
    not use its parent's connection)."""
    cnx = _connection["cnx"]
    if cnx is None or cnx.closed or _connection["pid"] != os.getpid():
        return None
    return cnx


def _kept_connection():
    return _open_connection() or _connect()


def notify(payloads):
    """``NOTIFY imbus`` with each of ``payloads`` on this process's kept connection."""
    if not payloads:
        return
    query = sql.SQL("SELECT {}('imbus', %s)").format(sql.Identifier(ODOO_NOTIFY_FUNCTION))
    with _lock:
        for attempt in (1, 2):
            cnx = _kept_connection()
            try:
                with cnx.cursor() as cr:
                    for payload in payloads:
                        cr.execute(query, [payload])
                return
            except (psycopg2.OperationalError, psycopg2.InterfaceError):
                # PostgreSQL restarted or closed the idle connection: once more on a new one
                _connection["cnx"] = None
                if attempt == 2:
                    raise
                _logger.info("bus notification connection to 'postgres' lost; reconnecting")


def backend_pid():
    """The PostgreSQL backend of this process's kept connection (None before use)."""
    cnx = _open_connection()
    return cnx and cnx.get_backend_pid()
