from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SettlementCase

REFUSED = UserError  # ValidationError is a UserError


@tagged("post_install", "-at_install")
class TestSettlementCompanies(SettlementCase):
    """Companies stay apart: a statement, a charge, a payment run or the settlement
    journals never mix two companies' records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.company"].create({"name": "另一商场有限公司"})
        cls.env.user.company_ids = [(4, cls.other.id)]
        cls.env["account.chart.template"].try_loading("generic_coa", cls.other, install_demo=False)
        cls.other_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.other.id), ("type", "=", "sale")], limit=1
        )
        cls.other_bank = cls.env["account.journal"].search(
            [("company_id", "=", cls.other.id), ("type", "=", "bank")], limit=1
        )

    def test_statement_and_charge_keep_to_one_company(self):
        contract = self.signed_contract()
        other_period = (
            self.env["mall.settlement.period"]
            .with_company(self.other)
            .create_for_month(2029, 3, self.other)
        )
        statements = self.env["mall.settlement.statement"].search_count([])
        with self.assertRaises(REFUSED):
            self.env["mall.settlement.statement"].create(
                {"period_id": other_period.id, "contract_id": contract.id}
            )
        self.assertEqual(self.env["mall.settlement.statement"].search_count([]), statements)
        charges = self.env["mall.supplier.charge"].search_count([])
        with self.assertRaises(REFUSED):
            self.env["mall.supplier.charge"].create(
                {
                    "contract_id": contract.id,
                    "company_id": self.other.id,
                    "charge_type_id": self.env["mall.charge.type"]._by_code("storage").id,
                    "amount": 100.0,
                    "date": date(2029, 3, 10),
                }
            )
        self.assertEqual(self.env["mall.supplier.charge"].search_count([]), charges)
        # The other company's period prepares nothing of this company's ledger.
        self.sales(contract, [(date(2029, 3, 10), 1000.0, 0.0)])
        other_period.action_prepare()
        self.assertFalse(other_period.statement_ids)

    def test_journals_and_payment_run_of_the_company_only(self):
        with self.assertRaises(ValidationError):
            self.company.mall_settlement_sale_journal_id = self.other_journal
        self.assertFalse(self.company.mall_settlement_sale_journal_id)
        form = Form(self.env["mall.settlement.payment.wizard"].with_user(self.finance))
        form.amount = 100.0
        wizard = form.save()
        with self.assertRaises(REFUSED):
            wizard.journal_id = self.other_bank
