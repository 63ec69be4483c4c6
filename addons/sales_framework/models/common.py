"""Exact splits of money (to the cent) and counts."""

from odoo.tools import float_round


def split_exact(total, weights, digits=2):
    """Split ``total`` in proportion to ``weights`` so that the parts, rounded to ``digits``
    decimals, sum exactly to ``total`` (largest remainder method). Zero or empty weights
    split evenly."""
    if not weights:
        return []
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    scale = 10**digits
    units = round(total * scale)
    weight_sum = sum(weights)
    raw = [units * w / weight_sum for w in weights]
    parts = [int(r // 1) for r in raw]
    left = units - sum(parts)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return [float_round(p / scale, precision_digits=digits) for p in parts]
