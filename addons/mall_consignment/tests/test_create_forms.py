from datetime import date

from odoo.tests import Form, tagged

from .common import MallDemoCase


@tagged("post_install", "-at_install")
class TestCreateForms(MallDemoCase):
    """Issue 10: every create form of the mall works as its role's demo user fills it in
    the browser (onchanges, defaults, required fields), not only through the ORM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls.signed_contract()

    def test_head_creates_a_floor(self):
        with Form(self.env["mall.floor"].with_user(self.demo["head"])) as form:
            form.name = "六层 餐饮"
            form.code = "T6F"
            form.manager_ids.add(self.demo["floor"])
        floor = form.record
        self.assertEqual(floor.company_id, self.env.company)
        self.assertEqual(floor.manager_ids, self.demo["floor"])

    def test_floor_manager_creates_a_counter_on_own_floor(self):
        with Form(self.env["mall.counter"].with_user(self.demo["floor"])) as form:
            self.assertTrue(form.can_edit)
            form.name = "女装岛柜三"
            form.code = "TF2-09"
            form.floor_id = self.floor2
            form.area = 36.5
        counter = form.record
        self.assertEqual(counter.state, "vacant")
        self.assertEqual(counter.counter_type, "island")
        self.assertEqual(counter.area, 36.5)

    def test_buyer_creates_a_brand(self):
        with Form(self.env["mall.brand"].with_user(self.demo["buyer"])) as form:
            form.name = "云裳"
            form.category_id = self.category
            form.partner_id = self.supplier
        brand = form.record
        self.assertEqual(brand.stage, "research")
        self.assertEqual(brand.level, "national")

    def test_buyer_records_a_supplier_document(self):
        Document = self.env["mall.supplier.document"].with_user(self.demo["buyer"])
        with Form(Document) as form:
            form.partner_id = self.supplier
            form.brand_id = self.brand
            form.document_type = "business_licence"
            form.number = "91330100MA2KXXXX1X"
            form.date_issue = date(2024, 5, 6)
        document = form.record
        self.assertEqual(document.partner_id, self.supplier)
        self.assertEqual(document.company_id, self.env.company)

    def test_contract_admin_drafts_a_supplementary_agreement(self):
        Amendment = self.env["mall.contract.amendment"].with_user(self.demo["contracts"])
        with Form(Amendment) as form:
            form.contract_id = self.contract_a
            form.date_effective = date(2026, 7, 1)
            # The terms in force are proposed; the agreement changes the rate.
            self.assertEqual(form.commission_rate, 20.0)
            self.assertEqual(form.monthly_target, 100000.0)
            form.commission_rate = 18.0
            form.reason = "双方协商下调扣率"
        amendment = form.record
        self.assertEqual(amendment.state, "draft")
        self.assertNotEqual(amendment.name, "/")
        self.assertEqual(amendment.partner_id, self.supplier)
        self.assertEqual(amendment.commission_rate, 18.0)

    def test_floor_manager_requests_a_new_product(self):
        Request = self.env["mall.product.request"].with_user(self.demo["floor"])
        with Form(Request) as form:
            form.counter_id = self.counter
            # The counter's contract in force is proposed.
            self.assertEqual(form.contract_id, self.contract_a)
            form.product_name = "丝语 真丝衬衫"
            form.list_price = 1299.0
        request = form.record
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.partner_id, self.supplier)
        self.assertNotEqual(request.name, "/")

    def test_floor_manager_writes_a_replenishment_notice(self):
        Notice = self.env["mall.replenishment"].with_user(self.demo["floor"])
        with Form(Notice) as form:
            form.counter_id = self.counter
            self.assertEqual(form.contract_id, self.contract_a)
            form.date_needed = date(2026, 12, 5)
            with form.line_ids.new() as line:
                line.product_id = self.product
                line.quantity = 12
            with form.line_ids.new() as line:
                line.product_id = self.product2
                line.quantity = 6
        notice = form.record
        self.assertEqual(notice.state, "draft")
        self.assertEqual(notice.partner_id, self.supplier)
        self.assertEqual(sum(notice.line_ids.mapped("quantity")), 18)

    def test_buyer_adds_a_brand_category(self):
        with Form(self.env["mall.brand.category"].with_user(self.demo["buyer"])) as form:
            form.name = "轻奢女装"
        self.assertEqual(form.record.brand_count, 0)

    def test_accountant_enters_a_ledger_row_by_hand(self):
        accountant = self.demo["accountant"]
        with Form(self.env["mall.sale.line"].with_user(accountant)) as form:
            form.date = date(2026, 3, 2)
            form.counter_id = self.counter
            form.product_id = self.product
            form.quantity = 2
            form.amount = 1708.1
            form.discount_amount = 89.9
        row = form.record
        self.assertEqual(row.source, "manual")
        self.assertEqual(row.contract_id, self.contract_a)
        self.assertEqual(row.floor_id, self.floor2)
        self.assertEqual((row.amount, row.discount_amount), (1708.1, 89.9))
