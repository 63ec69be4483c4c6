from datetime import date

from odoo import SUPERUSER_ID, api, fields
from odoo.sql_db import db_connect
from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementNumbering(SettlementCase):
    """Posting a month numbers its bills and invoices in one batch: consecutive numbers in
    Odoo's posting order and format, the next document of the journal continues after
    them, and a number taken by another posting at the same moment is never given twice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        contracts = cls.signed_contract()
        for n in (1, 2):
            counter = env["mall.counter"].create(
                {
                    "name": f"编号测试专柜{n}",
                    "code": f"TNUM-{n}",
                    "floor_id": cls.floor2.id,
                    "area": 30.0,
                }
            )
            contracts |= cls.supplier_contract(f"编号测试供应商{n}", counter, f"编号测试品牌{n}")
        for contract, amount in zip(contracts, (80000.0, 50000.0, 42000.0), strict=True):
            cls.sales(contract, [(date(2029, 3, 10), amount, 0.0)])
        period = cls.period(user=cls.accountant)
        period.action_prepare()
        cls.statements = period.statement_ids
        cls.statements.with_user(cls.accountant).action_send()
        cls.statements.with_user(cls.finance).action_supplier_confirm()
        cls.journal = cls.company._mall_settlement_journal("purchase")

    def bills(self):
        return self.statements.vendor_bill_id.sorted(lambda m: (m.date, m.ref, m.id))

    def assert_consecutive(self, moves):
        self.assertEqual(len(set(moves.mapped("sequence_prefix"))), 1)
        numbers = moves.mapped("sequence_number")
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + len(moves))))

    def plain_bill(self, env, partner):
        """A vendor bill of 100.00 in the settlement's purchase journal, posted by Odoo."""
        bill = (
            env["account.move"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": partner.id,
                    "journal_id": self.journal.id,
                    "invoice_date": fields.Date.context_today(self.statements),
                    "invoice_line_ids": [
                        fields.Command.create(
                            {"name": "其他采购", "quantity": 1, "price_unit": 100.0}
                        )
                    ],
                }
            )
        )
        bill._post(soft=False)
        return bill

    def test_batch_numbers_in_posting_order(self):
        self.statements.with_user(self.finance).action_confirm()
        bills, invoices = self.bills(), self.statements.customer_invoice_id
        self.assertEqual(set((bills | invoices).mapped("state")), {"posted"})
        self.assertEqual(len(bills), 3)
        self.assert_consecutive(bills)
        self.assert_consecutive(invoices.sorted(lambda m: (m.date, m.ref, m.id)))
        # Odoo's own numbering goes on right after the batch, in the same format
        other = self.plain_bill(self.env, self.supplier)
        self.assertEqual(other.sequence_prefix, bills[0].sequence_prefix)
        self.assertEqual(other.sequence_number, bills[-1].sequence_number + 1)
        # what Odoo's posting leaves on a document: checked (the journal checks on
        # posting), no gap before it, the invoice's payment reference is its number
        self.assertEqual(set((bills | invoices).mapped("checked")), {True})
        self.assertEqual(set((bills | invoices).mapped("made_sequence_gap")), {False})
        self.assertEqual(invoices.mapped("payment_reference"), invoices.mapped("name"))
        self.assertEqual(other.checked, True)
        for move in bills | invoices:  # every journal item names the supplier
            self.assertEqual(move.line_ids.partner_id, move.commercial_partner_id)

    def test_unchecked_journal(self):
        """A journal that does not check its documents on posting leaves them unchecked,
        as Odoo's posting does."""
        journals = self.journal | self.company._mall_settlement_journal("sale")
        journals.autocheck_on_post = False
        self.statements.with_user(self.finance).action_confirm()
        moves = self.statements.vendor_bill_id | self.statements.customer_invoice_id
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(set(moves.mapped("checked")), {False})

    def test_number_taken_meanwhile_by_another_posting(self):
        """Another user posts a bill in the same journal and commits while the month is
        being posted (this transaction does not see it): the batch's numbers collide with
        it, and the documents are numbered again by Odoo one by one, after it."""
        with db_connect(self.env.cr.dbname).cursor() as other_cr:
            other_cr.execute("SET lock_timeout = '10s'")
            other_env = api.Environment(other_cr, SUPERUSER_ID, {})
            partner = other_env["res.partner"].create({"name": "同时过账的供应商"})
            other = self.plain_bill(other_env, partner)
            other_name, other_id, partner_id = other.name, other.id, partner.id
            # another user's transaction, committed while this one runs
            other_cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self.delete_committed, other_id, partner_id)
        self.assertFalse(self.env["account.move"].browse(other_id).exists())

        self.statements.with_user(self.finance).action_confirm()
        bills = self.bills()
        self.assertEqual(set(bills.mapped("state")), {"posted"})
        self.assertNotIn(other_name, bills.mapped("name"))
        self.assertEqual(len(set(bills.mapped("name"))), 3)
        self.assertEqual(self.statements.mapped("state"), ["confirmed"] * len(self.statements))

    def delete_committed(self, move_id, partner_id):
        with db_connect(self.env.cr.dbname).cursor() as cr:
            cr.execute("DELETE FROM account_move WHERE id = %s", [move_id])
            cr.execute("DELETE FROM res_partner WHERE id = %s", [partner_id])
            cr.commit()  # pylint: disable=invalid-commit
