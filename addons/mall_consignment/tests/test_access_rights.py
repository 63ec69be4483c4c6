from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MallCase


@tagged("post_install", "-at_install")
class TestAccessRights(MallCase):
    """Who may do what, as each role's user (the role table of docs/BUSINESS_RULES.md)."""

    def test_floor_manager_edits_own_floor_only(self):
        self.counter.with_user(self.floor_manager).write({"area": 42.0})
        self.assertEqual(self.counter.area, 42.0)
        with self.assertRaises(AccessError):
            self.counter3.with_user(self.floor_manager).write({"area": 1.0})
        # Reads every floor, creates counters on their own only.
        self.assertEqual(self.counter3.with_user(self.floor_manager).code, "TF3-01")
        self.env["mall.counter"].with_user(self.floor_manager).create(
            {"name": "新岛柜", "code": "TF2-09", "floor_id": self.floor2.id, "area": 9}
        )
        with self.assertRaises(AccessError):
            self.env["mall.counter"].with_user(self.floor_manager).create(
                {"name": "别层", "code": "TF3-09", "floor_id": self.floor3.id, "area": 9}
            )
        with self.assertRaises(AccessError):
            self.env["mall.contract"].with_user(self.floor_manager).create(
                {
                    "partner_id": self.supplier.id,
                    "brand_id": self.brand.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                }
            )

    def test_floor_staff_ledger_rows_on_own_floor_only(self):
        self.signed_contract(counter_ids=[(6, 0, (self.counter | self.counter3).ids)])
        values = {"date": "2026-03-01", "product_id": self.product.id, "amount": 10.0}
        Line = self.env["mall.sale.line"]
        Line.with_user(self.accountant).create({**values, "counter_id": self.counter.id})
        with self.assertRaises(AccessError):
            Line.with_user(self.accountant).create({**values, "counter_id": self.counter3.id})
        with self.assertRaises(AccessError):
            Line.with_user(self.visual).create({**values, "counter_id": self.counter.id})
        self.assertTrue(Line.with_user(self.visual).search([("counter_id", "=", self.counter.id)]))

    def test_read_only_roles(self):
        contract = self.contract()
        for user in (self.visual, self.assistant, self.accountant):
            with self.subTest(user=user.name):
                self.assertEqual(contract.with_user(user).state, "draft")
                with self.assertRaises(AccessError):
                    contract.with_user(user).write({"note": "x"})
                with self.assertRaises(AccessError):
                    self.counter.with_user(user).write({"area": 1.0})
                with self.assertRaises(AccessError):
                    self.brand.with_user(user).write({"stage": "reserve"})

    def test_buyer_and_contract_admin(self):
        brand = (
            self.env["mall.brand"]
            .with_user(self.buyer)
            .create({"name": "新锐品牌", "category_id": self.category.id})
        )
        brand.with_user(self.buyer).write({"stage": "reserve"})
        contract = self.contract()
        with self.assertRaises(AccessError):
            contract.with_user(self.buyer).unlink()
        contract.with_user(self.admin_user).unlink()
        document = (
            self.env["mall.supplier.document"]
            .with_user(self.admin_user)
            .create(
                {
                    "partner_id": self.supplier.id,
                    "document_type": "business_licence",
                    "number": "91330100MA27XXXX1X",
                    "date_issue": date(2024, 1, 1),
                }
            )
        )
        self.assertEqual(document.validity, "valid")
        with self.assertRaises(AccessError):
            document.with_user(self.floor_manager).write({"number": "x"})

    def test_supplier_document_validity(self):
        Document = self.env["mall.supplier.document"]
        old_report = Document.create(
            {
                "partner_id": self.supplier.id,
                "document_type": "quality_report",
                "number": "JC-OLD",
                "date_issue": date(2020, 1, 1),
            }
        )
        recent_report = Document.create(
            {
                "partner_id": self.supplier.id,
                "document_type": "quality_report",
                "number": "JC-NEW",
                "date_issue": date.today(),
            }
        )
        self.assertEqual(old_report.validity, "expired")
        self.assertEqual(old_report.date_valid_until, date(2020, 12, 31))
        self.assertEqual(recent_report.validity, "valid")
        expired = Document.search(
            [("validity", "=", "expired"), ("partner_id", "=", self.supplier.id)]
        )
        self.assertEqual(expired, old_report)
        # Searching by validity finds what the computed validity says, for every document
        # (the demo's expired, expiring and valid ones included).
        documents = Document.search([])
        for validity in ("valid", "expiring", "expired"):
            self.assertEqual(
                Document.search([("validity", "=", validity)]),
                documents.filtered(lambda d, v=validity: d.validity == v),
            )
            self.assertEqual(
                Document.search([("validity", "!=", validity)]),
                documents.filtered(lambda d, v=validity: d.validity != v),
            )
        with self.refused(Exception, "expiry date is before"):
            Document.create(
                {
                    "partner_id": self.supplier.id,
                    "document_type": "trademark",
                    "number": "TM-1",
                    "date_issue": date(2025, 1, 1),
                    "date_expiry": date(2024, 1, 1),
                }
            )

    def test_new_product_request_flow_p1(self):
        """P1 through the approval chain: floor → buyer → procurement, each as its role."""
        contract = self.signed_contract()
        request = (
            self.env["mall.product.request"]
            .with_user(self.floor_manager)
            .create(
                {
                    "counter_id": self.counter.id,
                    "contract_id": contract.id,
                    "product_name": "丝语 真丝衬衫",
                    "list_price": 1680.0,
                }
            )
        )
        request.with_user(self.floor_manager).action_request()
        self.assertEqual(request.state, "requested")
        self.assertEqual(
            request.review_ids.sorted("sequence").mapped("reviewer_group_id"),
            self.env.ref("mall_consignment.group_floor_manager")
            | self.env.ref("mall_consignment.group_buyer")
            | self.env.ref("mall_consignment.group_marketing_head"),
        )
        # In turn: the buyer cannot approve before the floor.
        request.with_user(self.buyer)._validate_tier()
        self.assertEqual(request.review_ids.mapped("status").count("approved"), 0)
        request.with_user(self.floor_manager)._validate_tier()
        request.with_user(self.buyer)._validate_tier()
        with self.assertRaises(AccessError):
            request.with_user(self.buyer).action_check_quality()
        with self.refused(UserError, "quality and price"):
            request.with_user(self.head)._validate_tier()
        request.with_user(self.head).action_check_quality()
        request.with_user(self.head).action_check_price()
        request.with_user(self.head)._validate_tier()
        self.assertEqual(request.validation_status, "validated")
        self.assertEqual(request.state, "reviewed")
        self.assertRegex(request.product_code, r"^MP\d{6}$")
        self.assertIn(request.product_id, contract.product_ids)
        # The new product can now be sold at the counter.
        batch, errors = self.env["mall.sale.line"]._import_file(
            self.csv_file([f"2026-03-01,TF2-01,{request.product_code},1,1680,0"]), "new.csv"
        )
        self.assertFalse(errors)

    def test_replenishment_p2(self):
        distribution = self.signed_contract(contract_type="distribution", commission_rate=0.0)
        notice = (
            self.env["mall.replenishment"]
            .with_user(self.floor_manager)
            .create(
                {
                    "counter_id": self.counter.id,
                    "contract_id": distribution.id,
                    "date_needed": date(2026, 3, 10),
                    "line_ids": [(0, 0, {"product_id": self.product.id, "quantity": 12})],
                }
            )
        )
        notice.with_user(self.floor_manager).action_send()
        self.assertEqual(notice.state, "sent")
        self.assertEqual(notice.purchase_id.partner_id, self.supplier)
        self.assertEqual(notice.purchase_id.order_line.product_qty, 12)
        self.assertEqual(notice.purchase_id.state, "draft")
        bad = (
            self.env["mall.replenishment"]
            .with_user(self.floor_manager)
            .create(
                {
                    "counter_id": self.counter.id,
                    "contract_id": distribution.id,
                    "date_needed": date(2026, 3, 10),
                    "line_ids": [(0, 0, {"product_id": self.unlisted.id, "quantity": 1})],
                }
            )
        )
        with self.refused(UserError, "not listed"):
            bad.with_user(self.floor_manager).action_send()
        with self.assertRaises(AccessError):
            self.env["mall.replenishment"].with_user(self.floor_manager).create(
                {
                    "counter_id": self.counter3.id,
                    "contract_id": distribution.id,
                    "date_needed": date(2026, 3, 10),
                }
            )
