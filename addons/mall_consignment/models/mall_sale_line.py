import csv
import hashlib
import io
import math
import re
from datetime import date as Date
from datetime import datetime as DateTime
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.marketing_base.models.common import format_money, join_list

# File columns: accepted headers (English or Chinese) for each field.
COLUMNS = {
    "date": ("date", "日期"),
    "counter": ("counter", "专柜", "专柜编码"),
    "product": ("product", "商品", "商品编码"),
    "quantity": ("quantity", "数量"),
    "amount": ("amount", "金额", "实收金额"),
    "discount": ("discount", "折扣", "让利金额"),
}
REQUIRED_COLUMNS = ("date", "counter", "product", "amount")
# Business bounds of one ledger row (a counter's takings of a product on a day).
AMOUNT_LIMIT = 100_000_000.0
QUANTITY_LIMIT = 1_000_000.0
# Numbers as tills print them: digits, an optional sign, a decimal point, and commas
# grouping thousands. No exponents, underscores, full-width digits, nan or inf.
NUMBER_RE = re.compile(r"^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$")
# Dates as tills print them: 2026-11-28, 2026/11/28, 2026年11月28日, optionally a time.
DATE_RES = (
    re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$"),
    re.compile(r"^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})(?: [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$"),
    re.compile(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$"),
)
# Excel serial dates (days since 1899-12-30) of the years 2000 to 2099, as a number cell
# or as text such as 46354 (2026-11-28); a fraction is the time of day.
EXCEL_EPOCH = Date(1899, 12, 30)
EXCEL_SERIALS = (36526, 73050)
EXCEL_SERIAL_RE = re.compile(r"^([0-9]{5})(?:\.[0-9]+)?$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CELL_PREVIEW = 50


def cell_preview(value):
    """A cell for an error message: its first 50 characters, then an ellipsis."""
    text = "" if value is None else str(value)
    text = CONTROL_RE.sub("\ufffd", text)
    return text if len(text) <= CELL_PREVIEW else text[:CELL_PREVIEW] + "…"


# Columns COPY writes; the other columns are NULL (partner and currency are related).
COPY_COLUMNS = (
    "date",
    "counter_id",
    "floor_id",
    "company_id",
    "contract_id",
    "product_id",
    "quantity",
    "amount",
    "discount_amount",
    "source",
    "batch_id",
    "sale_line_id",
    "create_uid",
    "write_uid",
    "create_date",
    "write_date",
)


class LedgerRow:
    """One row on its way into the ledger, with its label for error messages."""

    __slots__ = (
        "amount",
        "contract_id",
        "counter_id",
        "date",
        "discount",
        "label",
        "origin_line_id",
        "product_id",
        "quantity",
        "sale_line_id",
        "title",
    )

    def __init__(self, label, **values):
        self.label = label
        # How messages name the row; a till file's row also names its counter and product.
        self.title = label
        self.contract_id = None
        self.sale_line_id = None
        self.origin_line_id = None
        for key, value in values.items():
            setattr(self, key, value)


class MallSaleLine(models.Model):
    """The sales ledger (T2): net takings per counter, day and product, whatever their
    source (till files, sale orders, a future Point of Sale bridge). A customer return
    (顾客退换货) is a negative row; net sales are the sum of the rows.

    Settlement reads the ledger through ``_sales_totals`` and may refuse changes of a
    closed period by overriding ``_check_ledger_open``; every path that creates,
    changes or deletes rows calls that hook."""

    _name = "mall.sale.line"
    _description = "Sales Ledger Row"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, index=True)
    counter_id = fields.Many2one(
        "mall.counter", required=True, index=True, ondelete="restrict", check_company=True
    )
    floor_id = fields.Many2one(
        related="counter_id.floor_id", store=True, string="Floor", index=False
    )
    company_id = fields.Many2one(related="counter_id.company_id", store=True, index=False)
    contract_id = fields.Many2one(
        "mall.contract",
        compute="_compute_contract_id",
        store=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        help="The contract in force for the counter on the date.",
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", string="Supplier")
    product_id = fields.Many2one(
        "product.product", required=True, ondelete="restrict", index=False, check_company=True
    )
    quantity = fields.Float(
        digits="Product Unit of Measure",
        default=1.0,
        help="Negative for a customer return.",
    )
    amount = fields.Monetary(
        string="Net Amount",
        required=True,
        help="Takings collected after till discounts; negative for a customer return.",
    )
    discount_amount = fields.Monetary(string="Till Discount", help="Discount given at the till.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    source = fields.Selection(
        [
            ("till", "Till File"),
            ("sale", "Sale Order"),
            ("manual", "Manual"),
            ("pos", "Point of Sale"),
        ],
        required=True,
        default="manual",
    )
    batch_id = fields.Many2one("mall.sale.batch", string="Import", index=True, readonly=True)
    sale_line_id = fields.Many2one("sale.order.line", readonly=True, index="btree_not_null")
    origin_line_id = fields.Many2one(
        "mall.sale.line",
        string="Returned Sale",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        help="For a manual customer return: the ledger row of the original sale.",
    )

    # ------------------------------------------------------------------ ORM path
    @api.depends("counter_id", "date")
    def _compute_contract_id(self):
        pairs = {(line.counter_id.id, line.date) for line in self if line.counter_id}
        contracts = self._resolve_contracts(pairs)
        for line in self:
            line.contract_id = contracts.get((line.counter_id.id, line.date), False)

    @api.model
    def _row_from_values(self, label, vals):
        return LedgerRow(
            label,
            date=fields.Date.to_date(vals.get("date")),
            counter_id=vals.get("counter_id"),
            product_id=vals.get("product_id"),
            quantity=vals.get("quantity", 1.0),
            amount=vals.get("amount", 0.0),
            discount=vals.get("discount_amount", 0.0) or 0.0,
            origin_line_id=vals.get("origin_line_id") or None,
        )

    def _raise_errors(self, errors, rows):
        """The ORM path: a counter of another floor is an access error, the rest are
        validation errors."""
        rights = self._counter_right_errors(rows)
        if rights:
            raise AccessError("\n".join(message for _label, _column, message in rights))
        if errors:
            raise ValidationError("\n".join(message for _label, _column, message in errors))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            forged = [
                vals
                for vals in vals_list
                if vals.get("batch_id")
                or vals.get("sale_line_id")
                or vals.get("source", "manual") != "manual"
            ]
            if forged:
                raise UserError(
                    self.env._(
                        "Ledger rows from till files and sale orders are written by their "
                        "import; a row entered by hand has the source Manual."
                    )
                )
        rows = [
            self._row_from_values(self.env._("Row %(number)s", number=number), vals)
            for number, vals in enumerate(vals_list, 1)
        ]
        self._raise_errors(self._ledger_check(rows, check_rights=False), rows)
        self._check_rows_open(rows)
        # The check resolved each row's contract: no need to resolve it again.
        vals_list = [
            {**vals, "contract_id": row.contract_id}
            for vals, row in zip(vals_list, rows, strict=True)
        ]
        return super().create(vals_list)

    LEDGER_FIELDS = (
        "date",
        "counter_id",
        "product_id",
        "quantity",
        "amount",
        "discount_amount",
        "origin_line_id",
    )

    def write(self, vals):
        if not self.env.su:
            if self.filtered("batch_id") or self.filtered("sale_line_id"):
                raise UserError(
                    self.env._("Imported ledger rows cannot be changed; import a correction.")
                )
            if {"batch_id", "sale_line_id", "source"} & set(vals):
                raise UserError(self.env._("The source of a ledger row is set by its import only."))
        if set(self.LEDGER_FIELDS) & set(vals):
            self._check_rows_open(self._rows_of_records())
            rows = [
                self._row_from_values(
                    line.display_name,
                    {
                        **line._read_ledger_values(),
                        **vals,
                    },
                )
                for line in self
            ]
            self._raise_errors(self._ledger_check(rows, check_rights=False, exclude=self), rows)
            self._check_rows_open(rows)
        return super().write(vals)

    def _read_ledger_values(self):
        self.ensure_one()
        return {
            name: self[name].id if self._fields[name].type == "many2one" else self[name]
            for name in self.LEDGER_FIELDS
        }

    def unlink(self):
        self._check_rows_open(self._rows_of_records())
        return super().unlink()

    @api.depends("date", "counter_id", "product_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " / ".join(
                str(part)
                for part in (line.date, line.counter_id.code, line.product_id.default_code)
                if part
            )

    def _rows_of_records(self):
        return [
            LedgerRow(
                line.display_name,
                date=line.date,
                counter_id=line.counter_id.id,
                product_id=line.product_id.id,
                quantity=line.quantity,
                amount=line.amount,
                discount=line.discount_amount,
            )
            for line in self
        ]

    # ------------------------------------------------------------------ seam
    @api.model
    def _check_ledger_open(self, company, dates):
        """Hook: raise a UserError when ledger rows of ``company`` dated ``dates`` (a set
        of dates) may no longer be created, changed or deleted. No-op here; the
        settlement refuses dates inside a period whose statements left draft."""
        return

    @api.model
    def _check_rows_open(self, rows):
        """Call ``_check_ledger_open`` once per company with the dates the rows touch."""
        counters = {row.counter_id for row in rows if row.counter_id and row.date}
        if not counters:
            return
        companies = {
            counter.id: counter.company_id
            for counter in self.env["mall.counter"].sudo().browse(counters)
        }
        by_company = {}
        for row in rows:
            if row.counter_id and row.date:
                company = companies[row.counter_id]
                by_company.setdefault(company, set()).add(row.date)
        for company, dates in by_company.items():
            self._check_ledger_open(company, dates)

    @api.model
    def _sales_totals(
        self, company, date_from, date_to, contracts=None, by_date=False, windows=None
    ):
        """Net sales of the ledger between two dates (both included), one SQL GROUP BY.

        Returns ``{contract_id: {"amount": float, "discount": float, "returns": float}}``:
        ``amount`` is net sales after returns (a return is a negative row), ``returns``
        the sum of the negative amounts (<= 0), ``discount`` the till discounts; with
        ``by_date=True`` the keys are ``(contract_id, date)``. ``contracts`` restricts
        to a recordset; ``windows`` = ``{contract_id: (date_from, date_to)}`` counts each
        listed contract only inside its own window (intersected with the dates); the
        contracts it does not list count over the whole dates. Amounts are summed as
        SQL numerics and rounded to the cent."""
        self.flush_model(["date", "company_id", "contract_id", "amount", "discount_amount"])
        conditions = [
            SQL("l.company_id = %s", company.id),
            SQL("l.date BETWEEN %s AND %s", date_from, date_to),
            SQL("l.contract_id IS NOT NULL"),
        ]
        join = SQL()
        if contracts is not None:
            conditions.append(SQL("l.contract_id = ANY(%s)", list(contracts.ids)))
        if windows:
            ids = list(windows)
            join = SQL(
                "LEFT JOIN unnest(%s::int[], %s::date[], %s::date[]) AS w(contract_id, d1, d2)"
                " ON w.contract_id = l.contract_id",
                ids,
                [windows[cid][0] for cid in ids],
                [windows[cid][1] for cid in ids],
            )
            conditions.append(SQL("(w.contract_id IS NULL OR l.date BETWEEN w.d1 AND w.d2)"))
        keys = SQL("l.contract_id, l.date") if by_date else SQL("l.contract_id")
        self.env.cr.execute(
            SQL(
                """
                SELECT %(keys)s,
                       ROUND(SUM(l.amount)::numeric, 2),
                       ROUND(SUM(COALESCE(l.discount_amount, 0))::numeric, 2),
                       ROUND(SUM(LEAST(l.amount, 0))::numeric, 2)
                  FROM mall_sale_line l %(join)s
                 WHERE %(where)s
                 GROUP BY %(keys)s
                """,
                keys=keys,
                join=join,
                where=SQL(" AND ").join(conditions),
            )
        )
        totals = {}
        for *key, amount, discount, returns in self.env.cr.fetchall():
            totals[tuple(key) if by_date else key[0]] = {
                "amount": float(amount),
                "discount": float(discount),
                "returns": float(returns),
            }
        return totals

    # ------------------------------------------------------------------ checks
    @api.model
    def _column_label(self, column):
        _ = self.env._
        return {
            "date": _("date"),
            "counter": _("counter"),
            "product": _("product"),
            "quantity": _("quantity"),
            "amount": _("amount"),
            "discount": _("discount"),
        }[column]

    @api.model
    def _resolve_contracts(self, pairs):
        """{(counter id, date): contract id} for the contracts in force (signed or later,
        up to their termination) — one query whatever the number of pairs."""
        if not pairs:
            return {}
        counter_ids, dates = zip(*pairs, strict=True)
        self.env["mall.contract"].flush_model(
            ["state", "date_start", "date_end", "date_terminated", "counter_ids"]
        )
        self.env.cr.execute(
            """
            SELECT p.counter_id, p.day, MIN(c.id)
              FROM unnest(%s::int[], %s::date[]) AS p(counter_id, day)
              JOIN mall_contract_counter_rel r ON r.counter_id = p.counter_id
              JOIN mall_contract c ON c.id = r.contract_id
             WHERE c.state IN ('signed', 'active', 'expired', 'terminated')
               AND p.day BETWEEN c.date_start AND COALESCE(c.date_terminated, c.date_end)
             GROUP BY p.counter_id, p.day
            """,
            [list(counter_ids), list(dates)],
        )
        return {
            (counter_id, day): contract_id
            for counter_id, day, contract_id in self.env.cr.fetchall()
        }

    @api.model
    def _number_errors(self, row):
        """Magnitudes and signs of a row: finite, within business bounds, a return
        (negative amount) has a quantity and a discount that are not positive."""
        _ = self.env._
        errors = []
        for column, value, limit in (
            ("amount", row.amount, AMOUNT_LIMIT),
            ("discount", row.discount, AMOUNT_LIMIT),
            ("quantity", row.quantity, QUANTITY_LIMIT),
        ):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                errors.append(
                    (
                        row.label,
                        column,
                        _(
                            "%(row)s: %(column)s %(value)s is not a number.",
                            row=row.title,
                            column=self._column_label(column),
                            value=cell_preview(value),
                        ),
                    )
                )
            elif not math.isfinite(value) or abs(value) > limit:
                errors.append(
                    (
                        row.label,
                        column,
                        _(
                            "%(row)s: %(column)s must be between -%(limit)s and %(limit)s.",
                            row=row.title,
                            column=self._column_label(column),
                            limit=(
                                f"{limit:,.0f}"
                                if column == "quantity"
                                else format_money(self.env, limit)
                            ),
                        ),
                    )
                )
        if errors:
            return errors
        amount, quantity, discount = row.amount or 0.0, row.quantity or 0.0, row.discount or 0.0
        if amount < 0 and (quantity > 0 or discount > 0):
            errors.append(
                (
                    row.label,
                    "quantity" if quantity > 0 else "discount",
                    _(
                        "%(row)s: a customer return has a negative amount, and its quantity "
                        "and discount are negative or zero.",
                        row=row.title,
                    ),
                )
            )
        elif amount >= 0 and (quantity < 0 or discount < 0):
            errors.append(
                (
                    row.label,
                    "quantity" if quantity < 0 else "discount",
                    _(
                        "%(row)s: %(column)s is negative but the amount is not: a customer "
                        "return has a negative amount too.",
                        row=row.title,
                        column=self._column_label("quantity" if quantity < 0 else "discount"),
                    ),
                )
            )
        return errors

    @api.model
    def _origin_errors(self, rows, exclude=None):
        """A manual return naming its original sale: a sale of the same counter and
        product, not later than the return, not returned beyond its amount."""
        _ = self.env._
        rows = [row for row in rows if row.origin_line_id]
        if not rows:
            return []
        origins = self.sudo().browse({row.origin_line_id for row in rows}).exists()
        returned = dict(
            self.sudo()._read_group(
                [
                    ("origin_line_id", "in", origins.ids),
                    ("id", "not in", (exclude or self.browse()).ids),
                ],
                ["origin_line_id"],
                ["amount:sum"],
            )
        )
        returned = {origin.id: amount for origin, amount in returned.items()}
        errors = []
        for row in rows:
            origin = origins.filtered(lambda line, row=row: line.id == row.origin_line_id)
            if (
                not origin
                or origin.amount <= 0
                or origin.counter_id.id != row.counter_id
                or origin.product_id.id != row.product_id
                or (row.date and origin.date > row.date)
                or (row.amount or 0.0) >= 0
            ):
                errors.append(
                    (
                        row.label,
                        "amount",
                        _(
                            "%(row)s: the returned sale must be an earlier sale of the same "
                            "counter and product, and the return a negative amount.",
                            row=row.title,
                        ),
                    )
                )
                continue
            left = round(origin.amount + returned.get(origin.id, 0.0), 2)
            if round(-row.amount, 2) > left:
                errors.append(
                    (
                        row.label,
                        "amount",
                        _(
                            "%(row)s: the return of %(amount)s exceeds what is left of the "
                            "sale %(sale)s (%(left)s).",
                            row=row.title,
                            amount=format_money(self.env, -row.amount),
                            sale=origin.display_name,
                            left=format_money(self.env, left),
                        ),
                    )
                )
            returned[origin.id] = returned.get(origin.id, 0.0) + row.amount
        return errors

    @api.model
    def _ledger_check(self, rows, check_rights=True, exclude=None):
        """Validate rows in batch: counter, date in a contract, product listed (C7),
        numbers (a customer return is a negative row), the original sale of a manual
        return. Sets each row's contract. Returns [(label, column, message)]; the
        number of queries does not depend on the number of rows. ``check_rights``
        applies the floor rules (floor staff record rows of their own floors' counters
        only, whatever the path)."""
        _ = self.env._
        errors = []
        for row in rows:
            if not row.counter_id:
                errors.append(
                    (row.label, "counter", _("%(row)s: counter is missing.", row=row.title))
                )
            if not row.product_id:
                errors.append(
                    (row.label, "product", _("%(row)s: product is missing.", row=row.title))
                )
            if not row.date:
                errors.append((row.label, "date", _("%(row)s: date is missing.", row=row.title)))
            errors += self._number_errors(row)
        if check_rights:
            errors += self._counter_right_errors(rows)
        errors += self._origin_errors(rows, exclude=exclude)
        valid = [row for row in rows if row.counter_id and row.date]
        contracts = self._resolve_contracts({(row.counter_id, row.date) for row in valid})
        contract_ids = set(contracts.values())
        listed = set()
        if contract_ids:
            self.env.cr.execute(
                "SELECT contract_id, product_id FROM mall_contract_product_rel "
                "WHERE contract_id IN %s",
                [tuple(contract_ids)],
            )
            listed = set(self.env.cr.fetchall())
        for row in valid:
            row.contract_id = contracts.get((row.counter_id, row.date))
            if not row.contract_id:
                errors.append(
                    (
                        row.label,
                        "date",
                        _(
                            "%(row)s: no contract covers this counter on %(date)s.",
                            row=row.title,
                            date=row.date,
                        ),
                    )
                )
            elif row.product_id and (row.contract_id, row.product_id) not in listed:
                errors.append(
                    (
                        row.label,
                        "product",
                        _(
                            "%(row)s: the product is not listed in the counter's contract.",
                            row=row.title,
                        ),
                    )
                )
        return errors

    @api.model
    def _counter_right_errors(self, rows):
        """Floor staff load rows only for the counters of their own floors (the bulk
        path writes with COPY, so the record rules are applied here)."""
        user = self.env.user
        if self.env.su or user.has_group("mall_consignment.group_marketing_head"):
            return []
        counter_ids = {row.counter_id for row in rows if row.counter_id}
        if not counter_ids:
            return []
        own = self.env["mall.counter"].search(
            [
                ("id", "in", list(counter_ids)),
                "|",
                ("floor_id.manager_ids", "in", user.id),
                ("floor_id.accountant_ids", "in", user.id),
            ]
        )
        own_ids = set(own.ids)
        return [
            (
                row.label,
                "counter",
                self.env._(
                    "%(row)s: you may not record sales for this counter: it is not on your floor.",
                    row=row.title,
                ),
            )
            for row in rows
            if row.counter_id and row.counter_id not in own_ids
        ]

    # ------------------------------------------------------------------ bulk path
    @api.model
    def _ledger_insert(self, rows, source, batch, table="mall_sale_line"):
        """Write checked rows with COPY (the fast path of bulk imports); ``table`` is
        for the benchmark's comparison with a table of the same shape."""
        if not rows:
            return
        counters = self.env["mall.counter"].browse({row.counter_id for row in rows})
        floor_company = {c.id: (c.floor_id.id, c.company_id.id) for c in counters}
        uid = self.env.uid
        now = fields.Datetime.to_string(fields.Datetime.now())
        buffer = io.StringIO()
        for row in rows:
            floor_id, company_id = floor_company[row.counter_id]
            values = (
                row.date.isoformat(),
                row.counter_id,
                floor_id,
                company_id,
                row.contract_id,
                row.product_id,
                row.quantity if row.quantity is not None else 1.0,
                row.amount,
                row.discount or 0.0,
                source,
                batch.id,
                row.sale_line_id,
                uid,
                uid,
                now,
                now,
            )
            buffer.write("\t".join(r"\N" if v is None else str(v) for v in values))
            buffer.write("\n")
        buffer.seek(0)
        self.env.flush_all()
        self.env.cr._obj.copy_expert(f"COPY {table} ({', '.join(COPY_COLUMNS)}) FROM STDIN", buffer)
        self.invalidate_model()
        batch.invalidate_recordset()

    @api.model
    def _ledger_load(self, rows, source, name, checksum=None):
        """Check then insert rows as one batch; all or nothing. Returns (batch, errors)."""
        self.check_access("create")
        errors = self._ledger_check(rows)
        if errors:
            return self.env["mall.sale.batch"], errors
        return self._ledger_store(rows, source, name, checksum), []

    @api.model
    def _ledger_store(self, rows, source, name, checksum=None):
        """Write checked rows as one new batch."""
        self._check_rows_open(rows)
        batch = self.env["mall.sale.batch"].create(
            {
                "name": name,
                "checksum": checksum,
                "source": source,
                "row_count": len(rows),
                "amount_total": sum(row.amount for row in rows),
                "discount_total": sum(row.discount or 0.0 for row in rows),
            }
        )
        self._ledger_insert(rows, source, batch)
        return batch

    # ------------------------------------------------------------------ files
    @api.model
    def _read_file(self, content, filename):
        """Rows of a till file as (row number, {column: text}); file-level problems
        (encoding, format, headers) raise a UserError naming them."""
        _ = self.env._
        if (filename or "").lower().endswith(".xlsx"):
            table = self._read_xlsx(content)
        else:
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise UserError(
                    _(
                        "The file is not UTF-8 encoded text (byte %(position)s). "
                        "Save it as CSV UTF-8.",
                        position=error.start,
                    )
                ) from error
            try:
                table = list(csv.reader(io.StringIO(text), strict=True))
            except csv.Error as error:
                raise UserError(
                    _("The file is not a valid CSV file: %(error)s", error=str(error))
                ) from error
        table = [row for row in table if any(str(cell).strip() for cell in row if cell is not None)]
        if not table:
            raise UserError(_("The file is empty."))
        header = [str(cell or "").strip().lower() for cell in table[0]]
        positions = {}
        for column, names in COLUMNS.items():
            for name in names:
                if name in header:
                    positions[column] = header.index(name)
        missing = [column for column in REQUIRED_COLUMNS if column not in positions]
        if missing:
            raise UserError(
                _(
                    "The file lacks the columns: %(columns)s. Expected headers: "
                    "date, counter, product, quantity, amount, discount.",
                    columns=join_list(self.env, [self._column_label(column) for column in missing]),
                )
            )
        if len(table) < 2:
            raise UserError(_("The file has no rows: only the header line was found."))
        width = len(header)
        result = []
        for number, cells in enumerate(table[1:], 2):
            cells = list(cells) + [None] * (width - len(cells))
            result.append((number, {column: cells[index] for column, index in positions.items()}))
        return result

    @api.model
    def _read_xlsx(self, content):
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:
            raise UserError(self.env._("The file is not a readable XLSX workbook.")) from error
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]

    @api.model
    def _parse_date(self, value):
        """A till's date cell as a date, or None: 2026-11-28, 2026/11/28, 2026年11月28日
        (optionally followed by a time), an Excel date cell of an XLSX file, or an Excel
        serial date (46354 is 2026-11-28) as a number cell or as text."""
        if isinstance(value, DateTime):
            return value.date()
        if isinstance(value, Date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self._excel_serial_date(value)
        if not isinstance(value, str):
            return None
        text = value.strip()
        if EXCEL_SERIAL_RE.match(text):
            return self._excel_serial_date(float(text))
        for pattern in DATE_RES:
            match = pattern.match(text)
            if match:
                year, month, day = (int(part) for part in match.groups())
                if not 2000 <= year <= 2099:
                    return None
                try:
                    return Date(year, month, day)
                except ValueError:
                    return None
        return None

    @api.model
    def _excel_serial_date(self, serial):
        """The date of an Excel serial number of the years 2000 to 2099, or None."""
        if not math.isfinite(serial) or not EXCEL_SERIALS[0] <= serial < EXCEL_SERIALS[1] + 1:
            return None
        return EXCEL_EPOCH + timedelta(days=int(serial))

    @api.model
    def _parse_number(self, value, decimals):
        """A till's number cell as a float, or None when it is not a plain decimal
        number with at most ``decimals`` decimals (XLSX numbers are taken as they are)."""
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            if not math.isfinite(value):
                return None
            return round(float(value), decimals)
        match = NUMBER_RE.match(str(value).strip())
        if not match or (match.group(1) and len(match.group(1)) > decimals):
            return None
        return float(str(value).strip().replace(",", ""))

    @api.model
    def _parse_rows(self, table):
        """Turn file rows into LedgerRows; returns (rows, errors) with conversion errors."""
        _ = self.env._
        codes = {str(cells.get("counter") or "").strip() for _n, cells in table}
        products = {str(cells.get("product") or "").strip() for _n, cells in table}
        # PostgreSQL refuses NUL in a query: such cells are reported below, not looked up.
        codes = {code for code in codes if not CONTROL_RE.search(code)}
        products = {code for code in products if not CONTROL_RE.search(code)}
        counters = dict(
            self.env["mall.counter"]
            .with_context(active_test=False)
            ._read_group([("code", "in", list(codes))], ["code"], ["id:min"])
        )
        product_ids = dict(
            self.env["product.product"]._read_group(
                [("default_code", "in", list(products))], ["default_code"], ["id:min"]
            )
        )
        rows, errors = [], []
        for number, cells in table:
            label = _("Row %(number)s", number=number)
            title = _(
                "Row %(number)s (counter %(counter)s, product %(product)s)",
                number=number,
                counter=cell_preview(str(cells.get("counter") or "").strip() or "-"),
                product=cell_preview(str(cells.get("product") or "").strip() or "-"),
            )
            row_errors = []
            fail = row_errors.append
            for column, value in cells.items():
                if isinstance(value, str) and CONTROL_RE.search(value):
                    fail(
                        (
                            label,
                            column,
                            _(
                                "%(row)s: %(column)s %(value)s contains a control character "
                                "(such as a NUL byte).",
                                row=title,
                                column=self._column_label(column),
                                value=cell_preview(value),
                            ),
                        )
                    )
            if row_errors:
                errors.extend(row_errors)
                continue

            raw_date = cells.get("date")
            day = self._parse_date(raw_date)
            if not day:
                fail(
                    (
                        label,
                        "date",
                        _(
                            "%(row)s: date %(value)s is not a date (2026-11-28, 2026/11/28, "
                            "2026年11月28日 or an Excel date).",
                            row=title,
                            value=cell_preview(raw_date),
                        ),
                    )
                )
            code = str(cells.get("counter") or "").strip()
            counter_id = counters.get(code)
            if not counter_id:
                fail(
                    (
                        label,
                        "counter",
                        _(
                            "%(row)s: counter %(value)s does not exist.",
                            row=title,
                            value=cell_preview(code),
                        ),
                    )
                )
            product = str(cells.get("product") or "").strip()
            product_id = product_ids.get(product)
            if not product_id:
                fail(
                    (
                        label,
                        "product",
                        _(
                            "%(row)s: product %(value)s does not exist.",
                            row=title,
                            value=cell_preview(product),
                        ),
                    )
                )
            numbers = {}
            for column, default, decimals in (
                ("quantity", 1.0, 3),
                ("amount", None, 2),
                ("discount", 0.0, 2),
            ):
                raw = cells.get(column)
                if raw is None or str(raw).strip() == "":
                    numbers[column] = default
                    if default is None:
                        fail(
                            (
                                label,
                                column,
                                _(
                                    "%(row)s: %(column)s is missing.",
                                    row=title,
                                    column=self._column_label(column),
                                ),
                            )
                        )
                    continue
                numbers[column] = self._parse_number(raw, decimals)
                if numbers[column] is None:
                    fail(
                        (
                            label,
                            column,
                            _(
                                "%(row)s: %(column)s %(value)s is not a number (digits with "
                                "at most %(decimals)s decimals, such as 1,234.50).",
                                row=title,
                                column=self._column_label(column),
                                value=cell_preview(raw),
                                decimals=decimals,
                            ),
                        )
                    )
            if row_errors:
                errors.extend(row_errors)
                continue
            rows.append(
                LedgerRow(
                    label,
                    date=day,
                    counter_id=counter_id,
                    product_id=product_id,
                    quantity=numbers["quantity"],
                    amount=numbers["amount"],
                    discount=numbers["discount"],
                    title=title,
                )
            )
        return rows, errors

    @api.model
    def _import_file(self, content, filename):
        """Import a till file whole, or nothing: returns (batch, errors)."""
        checksum = hashlib.sha256(content).hexdigest()
        if self.env["mall.sale.batch"].search_count(
            [("checksum", "=", checksum), ("company_id", "=", self.env.company.id)]
        ):
            raise UserError(
                self.env._(
                    "File %(file)s has already been imported into the sales ledger.", file=filename
                )
            )
        self.check_access("create")
        table = self._read_file(content, filename)
        rows, errors = self._parse_rows(table)
        errors += self._ledger_check(rows)
        if errors:
            return self.env["mall.sale.batch"], self._errors_in_row_order(table, errors)
        return self._ledger_store(rows, "till", filename, checksum), []

    @api.model
    def _till_template_csv(self):
        """The till file template: the header row the import reads (in Chinese for a
        Chinese-speaking user) and one example row of a counter the user records, dated
        today; UTF-8 with a BOM so that Excel opens it."""
        chinese = (self.env.lang or "").startswith("zh")
        header = [names[1] if chinese else names[0] for names in COLUMNS.values()]
        counter_code, product_code, price = "2F-01", "P0001", 899.0
        domain = [("contract_id", "!=", False)]
        user = self.env.user
        if not user.has_group("mall_consignment.group_marketing_head"):
            domain += [
                "|",
                ("floor_id.manager_ids", "in", user.id),
                ("floor_id.accountant_ids", "in", user.id),
            ]
        for counter in self.env["mall.counter"].search(domain, limit=20):
            product = counter.contract_id.product_ids.filtered("default_code")[:1]
            if product:
                counter_code, product_code = counter.code, product.default_code
                price = product.list_price or price
                break
        today = fields.Date.context_today(self)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerow(
            [today.isoformat(), counter_code, product_code, "1", f"{price:.2f}", "0.00"]
        )
        return buffer.getvalue().encode("utf-8-sig")

    @api.model
    def _errors_in_row_order(self, table, errors):
        """The errors sorted by the file's row order (stable: a row's errors keep their
        column order)."""
        order = {
            self.env._("Row %(number)s", number=number): index
            for index, (number, _cells) in enumerate(table)
        }
        return sorted(errors, key=lambda error: order.get(error[0], len(order)))

    @api.model
    def _errors_csv(self, errors):
        """The per-row error report users download, as UTF-8 CSV bytes (Excel-friendly)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        _ = self.env._
        writer.writerow([_("Row"), _("Column"), _("Error")])
        for label, column, message in errors:
            writer.writerow([label, self._column_label(column), message])
        return buffer.getvalue().encode("utf-8-sig")

    # ------------------------------------------------------------------ demo
    @api.model
    def _demo_generate_sales(self, days=90, seed=2026):
        """Demo: three months of daily takings for every consignment contract in force."""
        import random

        rng = random.Random(seed)
        today = fields.Date.context_today(self)
        contracts = self.env["mall.contract"].search(
            [
                ("state", "in", ("active", "expired", "terminated")),
                ("contract_type", "=", "consignment"),
            ]
        )
        rows = []
        for offset in range(days, 0, -1):
            day = fields.Date.subtract(today, days=offset)
            weekend = day.weekday() >= 5
            for contract in contracts:
                end = contract.date_terminated or contract.date_end
                if not (contract.date_start <= day <= end) or not contract.product_ids:
                    continue
                base = (contract.monthly_target or 90000.0) / 30.0
                for counter in contract.counter_ids:
                    for product in contract.product_ids[:3]:
                        gross = round(
                            base / 3 * rng.uniform(0.55, 1.35) * (1.4 if weekend else 1.0), 2
                        )
                        discount = round(gross * rng.choice((0, 0, 0.05, 0.1)), 2)
                        rows.append(
                            LedgerRow(
                                "demo",
                                date=day,
                                counter_id=counter.id,
                                product_id=product.id,
                                quantity=float(rng.randint(1, 6)),
                                amount=round(gross - discount, 2),
                                discount=discount,
                            )
                        )
        batch, errors = self._ledger_load(rows, "till", "demo-tills.csv", "demo")
        if errors:
            raise UserError("\n".join(message for _l, _c, message in errors[:10]))
        return batch
