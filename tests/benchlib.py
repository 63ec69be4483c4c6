"""Helpers of the benchmark scripts (tests/bench_*.py), run by ./scripts/bench NAME.

A benchmark receives Odoo's server options, then ``--``, then its own arguments::

    env, args = open_env(parser)
"""

import argparse
import contextlib
import sys
import time

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry


def split_argv(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1 :]
    return argv, []


@contextlib.contextmanager
def open_env(parser=None):
    """Yield ``(env, args)``: a superuser environment on the benchmark database and the
    benchmark's parsed arguments. The transaction is rolled back at the end, so a
    benchmark leaves the database as it found it."""
    odoo_args, own_args = split_argv()
    odoo.tools.config.parse_config(odoo_args)
    args = (parser or argparse.ArgumentParser()).parse_args(own_args)
    registry = Registry(odoo.tools.config["db_name"])
    with registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
        try:
            yield env, args
        finally:
            cr.rollback()


@contextlib.contextmanager
def timed(label, results):
    """Measure the block's wall time into ``results[label]`` (seconds)."""
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start


def report(title, rows):
    """Print ``rows`` (label, value) aligned under a title."""
    print(title)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
