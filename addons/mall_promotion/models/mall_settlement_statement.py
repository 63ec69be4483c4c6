from datetime import timedelta
from decimal import Decimal

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.mall_consignment.models.mall_contract_terms import to_cents, to_decimal
from odoo.addons.mall_settlement.models.mall_settlement_statement import (
    MallSettlementStatement as BaseStatement,
)

RUNNING_STATES = ("approved", "filed", "allocated")
CACHE_KEY = "mall_promotion.split"
LEDGER_KEY = "mall_promotion.ledger"
# The values of a statement's promotion line, as the split gives them.
LINE_COLUMNS = (
    ("promotion_id", "int"),
    ("promotion_name", "varchar"),
    ("date_start", "date"),
    ("date_end", "date"),
    ("net_sales", "numeric"),
    ("discount_total", "numeric"),
    ("has_commission_rate", "bool"),
    ("commission_rate", "numeric"),
    ("commission", "numeric"),
    ("has_discount_share", "bool"),
    ("discount_share_ratio", "numeric"),
    ("mall_discount_share", "numeric"),
)


class MallSettlementStatement(models.Model):
    """T3/T6 inside promotions: the sales of a participating contract inside the window
    of a promotion with its own commission rate are charged at that rate; its till
    discounts there are shared at the promotion's ratio when it sets one. The split
    is kept on the statement (one line per promotion) and printed on its PDF."""

    _inherit = "mall.settlement.statement"

    FIGURE_FIELDS = (
        *BaseStatement.FIGURE_FIELDS,
        "promotion_line_ids",
        "promotion_rate_sales",
        "contract_rate_sales",
    )

    promotion_line_ids = fields.One2many(
        "mall.settlement.promotion.line", "statement_id", string="Sales in Promotions"
    )
    promotion_rate_sales = fields.Monetary(
        string="Sales at Promotion Rates", help="Net sales charged at a promotion's rate."
    )
    contract_rate_sales = fields.Monetary(
        string="Sales at the Contract Rate",
        help="Net sales charged by the contract's terms.",
    )

    # ------------------------------------------------------------------ the split
    def _promotion_split(self):
        """{statement id: [line values]}: the sales of each statement inside the
        windows of running promotions that set a rate (the promotion's or the
        contract's own on its participant line) or a ratio. While a period is prepared
        the sums come from its one ledger scan (``_ledger_totals``); otherwise from one
        ledger GROUP BY (contract, date) — whatever the number of promotions,
        statements or ledger rows. A day inside two promotions of one
        contract counts for the one that started first (then the lower id)."""
        result = {}
        scanned = self.env.cr.cache.pop(LEDGER_KEY, None)
        for period, statements in self.grouped("period_id").items():
            if scanned and scanned[0] == period.id:
                promotions, rates, sums = scanned[1:]
            else:
                promotions, rates = self._promotion_rates(period, statements.contract_id)
                sums = self._promotion_sales(period, promotions, rates)
            if not sums:
                continue
            by_id = {promotion.id: promotion for promotion in promotions}
            order = {promotion.id: n for n, promotion in enumerate(promotions)}
            by_contract = {}
            for key in sorted(sums, key=lambda key: order[key[1]]):
                by_contract.setdefault(key[0], []).append(key)
            for statement in statements:
                lines = []
                for key in by_contract.get(statement.contract_id.id, ()):
                    promotion = by_id[key[1]]
                    amount, discount = sums[key]
                    rate, ratio = rates[key], promotion.discount_share_ratio
                    lines.append(
                        {
                            "promotion_id": promotion.id,
                            "promotion_name": promotion.name,
                            "date_start": max(promotion.date_start, period.date_from),
                            "date_end": min(promotion.date_end, period.date_to),
                            "net_sales": to_cents(amount),
                            "discount_total": to_cents(discount),
                            "has_commission_rate": rate is not None,
                            "commission_rate": rate or 0.0,
                            "commission": to_cents(amount * to_decimal(rate) / 100)
                            if rate is not None
                            else 0.0,
                            "has_discount_share": promotion.has_discount_share,
                            "discount_share_ratio": ratio if promotion.has_discount_share else 0.0,
                            "mall_discount_share": to_cents(
                                discount * (100 - to_decimal(ratio)) / 100
                            )
                            if promotion.has_discount_share
                            else 0.0,
                        }
                    )
                if lines:
                    result[statement.id] = lines
        self.env.cr.cache[CACHE_KEY] = (frozenset(self.ids), result)
        return result

    @api.model
    def _promotion_rates(self, period, contracts=None):
        """(promotions, {(contract id, promotion id): rate or None}) of the running
        promotions of ``period`` that set a rate or a ratio, in priority order (start,
        then id), for their participants (of ``contracts`` when given) that did not
        refuse: the contract's own rate, else the promotion's, None for a ratio alone.
        Two queries."""
        domain = [
            ("company_id", "=", period.company_id.id),
            ("state", "in", RUNNING_STATES),
            ("date_start", "<=", period.date_to),
            ("date_end", ">=", period.date_from),
            "|",
            "|",
            ("has_commission_rate", "=", True),
            ("has_discount_share", "=", True),
            ("participant_ids.has_commission_rate", "=", True),
        ]
        if contracts is not None:
            domain.append(("contract_ids", "in", contracts.ids))
        promotions = self.env["mall.promotion"].sudo().search(domain, order="date_start, id")
        if not promotions:
            return promotions, {}
        # This module's own table, read in one query without building 3,000 records.
        Participant = self.env["mall.promotion.participant"]
        Participant.flush_model(
            ["promotion_id", "contract_id", "state", "has_commission_rate", "commission_rate"]
        )
        self.env.cr.execute(
            SQL(
                "SELECT promotion_id, contract_id, has_commission_rate, commission_rate"
                "  FROM mall_promotion_participant"
                " WHERE promotion_id = ANY(%s) AND state != 'refused' %s",
                promotions.ids,
                SQL("AND contract_id = ANY(%s)", contracts.ids) if contracts is not None else SQL(),
            )
        )
        by_id = {promotion.id: promotion for promotion in promotions}
        rates = {}
        for promotion_id, contract_id, has_own_rate, own_rate in self.env.cr.fetchall():
            promotion = by_id[promotion_id]
            if has_own_rate:
                rate = own_rate or 0.0
            elif promotion.has_commission_rate:
                rate = promotion.commission_rate
            elif promotion.has_discount_share:
                rate = None
            else:
                continue
            rates[contract_id, promotion_id] = rate
        return promotions, rates

    @api.model
    def _promotion_ledger(self, period, promotions, rates):
        """The period's ledger totals by contract (as ``_sales_totals`` gives them) and
        the sums of each (contract, promotion) of ``rates``, from ONE scan of the ledger:
        ``_sales_totals`` by (contract, date) — cheaper in PostgreSQL than a join with
        the promotion windows — whose day rows are added up here by contract and by the
        promotion segment the day falls in."""
        rows = self.env["mall.sale.line"]._sales_totals(
            period.company_id, period.date_from, period.date_to, by_date=True
        )
        totals, sums = self._split_by_day(rows, self._promotion_segments(period, promotions, rates))
        totals = {
            contract_id: {
                "amount": float(amount),
                "discount": float(discount),
                "returns": float(returns),
            }
            for contract_id, (amount, discount, returns) in totals.items()
        }
        return totals, sums

    @api.model
    def _split_by_day(self, rows, segments):
        """({contract id: (net sales, discounts, returns)}, {(contract id, promotion id):
        (net sales, discounts)}) as Decimals from the day rows of ``_sales_totals``
        (``by_date=True``): each day counts for its contract and, inside a segment, for
        that segment's promotion. Summed in integer cents (the rows are rounded to the
        cent), so exact."""
        one = timedelta(days=1)
        tags = {}
        for contract_id, promotion_id, day, last in segments:
            while day <= last:
                tags[contract_id, day] = promotion_id
                day += one
        totals, sums = {}, {}
        for (contract_id, day), row in rows.items():
            amount, discount = round(row["amount"] * 100), round(row["discount"] * 100)
            total = totals.get(contract_id)
            if total is None:
                total = totals[contract_id] = [0, 0, 0]
            total[0] += amount
            total[1] += discount
            total[2] += round(row["returns"] * 100)
            tag = tags.get((contract_id, day))
            if tag:
                part = sums.get((contract_id, tag))
                if part is None:
                    part = sums[contract_id, tag] = [0, 0]
                part[0] += amount
                part[1] += discount
        cent = Decimal(100)
        return (
            {key: tuple(Decimal(v) / cent for v in values) for key, values in totals.items()},
            {key: tuple(Decimal(v) / cent for v in values) for key, values in sums.items()},
        )

    @api.model
    def _promotion_segments(self, period, promotions, keys):
        """[(contract id, promotion id, first day, last day)]: the days of each
        (contract, promotion) of ``keys`` inside the period, without the days an
        earlier promotion (``promotions`` is in priority order) already covers for
        that contract — so the segments of one contract never overlap."""
        by_contract = {}
        for contract_id, promotion_id in keys:
            by_contract.setdefault(contract_id, set()).add(promotion_id)
        # (id, window) in priority order, read once rather than per contract.
        windows = [(p.id, p.date_start, p.date_end) for p in promotions]
        segments = []
        one = timedelta(days=1)
        for contract_id, promotion_ids in by_contract.items():
            covered = []
            for promotion_id, start, end in windows:
                if promotion_id not in promotion_ids:
                    continue
                pieces = [(max(start, period.date_from), min(end, period.date_to))]
                for c1, c2 in covered:
                    pieces = [
                        piece
                        for d1, d2 in pieces
                        for piece in ((d1, min(d2, c1 - one)), (max(d1, c2 + one), d2))
                        if piece[0] <= piece[1]
                    ]
                segments.extend((contract_id, promotion_id, d1, d2) for d1, d2 in pieces)
                covered.append((start, end))
        return segments

    @api.model
    def _promotion_sales(self, period, promotions, keys):
        """{(contract id, promotion id): (net sales, till discounts)} as Decimals inside
        the promotion segments of the period: one ledger GROUP BY (contract, date)."""
        segments = self._promotion_segments(period, promotions, keys)
        if not segments:
            return {}
        rows = self.env["mall.sale.line"]._sales_totals(
            period.company_id,
            period.date_from,
            period.date_to,
            contracts=self.env["mall.contract"].browse({key[0] for key in keys}),
            by_date=True,
        )
        return self._split_by_day(rows, segments)[1]

    def _write_promotion_lines(self):
        """Replace the promotion lines of these draft statements by the split of the
        last preparation: one DELETE and one multi-row INSERT for the whole period
        (derived rows of this module's own table, no compute or tracking on them)."""
        split = self._cached_split()
        Line = self.env["mall.settlement.promotion.line"]
        Line.flush_model()
        self.env.cr.execute(
            SQL("DELETE FROM mall_settlement_promotion_line WHERE statement_id = ANY(%s)", self.ids)
        )
        currencies = {statement.id: statement.company_id.currency_id.id for statement in self}
        rows = [
            (statement_id, currencies[statement_id], *(line[column] for column, _t in LINE_COLUMNS))
            for statement_id, lines in split.items()
            for line in lines
        ]
        if rows:
            columns = [("statement_id", "int"), ("currency_id", "int"), *LINE_COLUMNS]
            self.env.cr.execute(
                SQL(
                    "INSERT INTO mall_settlement_promotion_line (%s, create_uid, create_date,"
                    " write_uid, write_date) SELECT *, %s, NOW() AT TIME ZONE 'UTC', %s,"
                    " NOW() AT TIME ZONE 'UTC' FROM unnest(%s)",
                    SQL(", ").join(SQL.identifier(name) for name, _t in columns),
                    self.env.uid,
                    self.env.uid,
                    SQL(", ").join(
                        SQL(f"%s::{pg_type}[]", list(values))
                        for (_n, pg_type), values in zip(
                            columns, zip(*rows, strict=True), strict=True
                        )
                    ),
                )
            )
        Line.invalidate_model()
        self.invalidate_recordset(["promotion_line_ids"])

    def _cached_split(self):
        ids, split = self.env.cr.cache.get(CACHE_KEY, (None, None))
        if ids != frozenset(self.ids):
            split = self._promotion_split()
        return split

    # ------------------------------------------------------------------ figure hooks
    def _prepare_sales_figures(self, sales):
        result = super()._prepare_sales_figures(sales)
        split = self._promotion_split()
        for statement in self:
            lines = split.get(statement.id, [])
            at_rate = sum(
                (to_decimal(line["net_sales"]) for line in lines if line["has_commission_rate"]),
                Decimal(0),
            )
            net = to_decimal(result[statement.id]["net_sales"])
            result[statement.id].update(
                {
                    "promotion_rate_sales": to_cents(at_rate),
                    "contract_rate_sales": to_cents(net - at_rate),
                }
            )
        return result

    def _commission_figures(self, figures, terms):
        """T3: commission by the contract's terms on the sales outside the promotions
        with their own rate, plus each promotion's rate on its sales (one pass of the
        contracts' terms); the shortfall (T4) still compares all net sales with the
        target."""
        split = self._cached_split()
        promotion_parts, rest = {}, dict(figures)
        for statement in self:
            lines = [line for line in split.get(statement.id, []) if line["has_commission_rate"]]
            if not lines:
                continue
            at_rate = sum((to_decimal(line["net_sales"]) for line in lines), Decimal(0))
            promotion_parts[statement.id] = sum(
                (to_decimal(line["commission"]) for line in lines), Decimal(0)
            )
            rest[statement.id] = {
                **figures[statement.id],
                "net_sales": to_cents(to_decimal(figures[statement.id]["net_sales"]) - at_rate),
            }
        result = super()._commission_figures(rest, terms)
        for statement_id, promotion_part in promotion_parts.items():
            statement = self.browse(statement_id)
            values = result[statement_id]
            values["commission"] = to_cents(to_decimal(values["commission"]) + promotion_part)
            values["shortfall"] = self._shortfall(
                figures[statement_id]["net_sales"], terms[statement.contract_id.id]
            )
        return result

    def _commission_base(self):
        """The contract's brackets apply only to the sales outside the promotions with
        their own rate; those promotions' commissions are on the promotion lines."""
        self.ensure_one()
        if any(line.has_commission_rate for line in self.promotion_line_ids):
            return self.contract_rate_sales
        return super()._commission_base()

    def _discount_share(self, figures, terms):
        """T6: the discounts inside a promotion with its own ratio are shared at that
        ratio, the rest at the contract's."""
        result = super()._discount_share(figures, terms)
        split = self._cached_split()
        for statement in self:
            lines = [line for line in split.get(statement.id, []) if line["has_discount_share"]]
            if not lines:
                continue
            inside = sum((to_decimal(line["discount_total"]) for line in lines), Decimal(0))
            outside = to_decimal(figures[statement.id]["discount_total"]) - inside
            ratio = to_decimal(terms[statement.contract_id.id].discount_share_ratio)
            share = Decimal(str(to_cents(outside * (100 - ratio) / 100)))
            share += sum((to_decimal(line["mall_discount_share"]) for line in lines), Decimal(0))
            result[statement.id]["mall_discount_share"] = to_cents(share)
        return result
