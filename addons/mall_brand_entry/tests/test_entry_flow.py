from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import EntryCase


class TestEntryFlow(EntryCase):
    def approve_all(self, application, floor_manager):
        for user in (self.gm, self.head, floor_manager, self.buyer):
            self.vote(application, user)
        self.assertEqual(application.state, "approved")
        return application

    def test_b1_brand_stage_follows(self):
        application = self.application()
        with self.assertRaises(AccessError):
            application.with_user(self.floor_manager).action_research()
        application.with_user(self.buyer).action_research()
        brand = application.brand_id
        self.assertEqual((brand.name, brand.stage), ("悦颜", "research"))
        self.assertEqual(brand.partner_id, self.candidate)
        with self.refused(UserError, "research notes"):
            application.with_user(self.buyer).action_reserve()
        application.with_user(self.buyer).research_note = "<p>调研</p>"
        application.with_user(self.buyer).action_reserve()
        self.assertEqual(brand.stage, "reserve")
        with self.assertRaises(UserError):
            application.with_user(self.buyer).write({"state": "approved"})

    def test_b2_documents_and_level(self):
        """B2: missing or expired mandatory documents of the category are listed each."""
        trademark, quality = (
            self.documents.filtered(lambda d, t=kind: d.document_type == t)
            for kind in ("trademark", "quality_report")
        )
        trademark.unlink()
        quality.date_issue = self.today - relativedelta(months=13)
        application = self.to_reserve(self.application(level="other", imported=True))
        with self.refused(UserError, "cannot go to the board") as caught:
            application.with_user(self.buyer).action_submit_board()
        message = str(caught.exception)
        self.assertIn("Trademark Registration: missing", message)
        self.assertIn("Quality Inspection Report: expired", message)
        self.assertIn("Import Papers: missing", message)
        self.assertIn("justification", message)
        self.assertNotIn("Business Licence", message)
        self.assertEqual(application.state, "reserve")

    def test_b2_requirements_per_category(self):
        food = self.env["mall.brand.category"].create({"name": "测试食品"})
        self.env["mall.document.requirement"].create(
            [
                {"category_id": food.id, "document_type": "business_licence"},
                {"category_id": food.id, "document_type": "hygiene_licence"},
            ]
        )
        application = self.to_reserve(self.application(category_id=food.id))
        with self.refused(UserError, "Hygiene Licence: missing"):
            application.with_user(self.buyer).action_submit_board()

    def test_b4_swap_and_b5_contract_draft(self):
        """B4: no free counter on the floor: the leaving contract is named; the board sees
        the swap; approval drafts the leaving brand's exit notice; B5: the contract draft
        takes the counter when the exit is done."""
        brand_b = self.env["mall.brand"].create(
            {"name": "云裳", "category_id": self.category.id, "partner_id": self.supplier.id}
        )
        leaving = self.signed_contract()
        other = self.signed_contract(
            brand_id=brand_b.id, counter_ids=[(6, 0, self.counter_b.ids)], monthly_target=5e4
        )
        # A settled month: A sells 50,000 on 40 m² (commission 20% = 10,000), B 80,000 on 80 m².
        self.sales(leaving, [(date(2029, 1, 10), 50000.0, 0.0)])
        self.sales(other, [(date(2029, 1, 10), 80000.0, 0.0)])
        period = self.period(2029, 1, user=self.accountant)
        period.action_prepare()
        for statement in period.statement_ids:
            statement.with_user(self.accountant).action_send()

        application = self.to_reserve(self.application(floor_id=self.floor2.id, counter_id=False))
        self.assertEqual(application.free_counter_count, 0)
        with self.refused(UserError, "no free counter"):
            application.with_user(self.buyer).action_submit_board()
        application.with_user(self.buyer).leaving_contract_id = leaving
        self.assertEqual(application.candidate_commission, 36000.0)
        self.assertEqual(application.leaving_commission, 10000.0)
        self.assertEqual(application.candidate_sales_per_area, 5000.0)
        self.assertEqual(application.leaving_sales_per_area, 1250.0)
        self.assertEqual(application.category_median_per_area, 1125.0)
        application.with_user(self.buyer).action_submit_board()
        self.approve_all(application, self.floor_manager)
        notice = application.exit_notice_id
        self.assertEqual((notice.contract_id, notice.reason), (leaving, "one_in_one_out"))
        self.assertEqual(notice.state, "draft")
        todo = self.env["mail.activity"].search(
            [("res_model", "=", "mall.exit.notice"), ("res_id", "=", notice.id)]
        )
        self.assertIn(self.floor_manager, todo.user_id)

        action = application.with_user(self.buyer).action_create_contract()
        contract = self.env["mall.contract"].browse(action["res_id"])
        self.assertEqual(application.contract_id, contract)
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.partner_id, self.candidate)
        self.assertEqual(contract.brand_id, application.brand_id)
        self.assertEqual(contract.counter_ids, self.counter)
        self.assertEqual(contract.commission_rate, 18.0)
        self.assertEqual(contract.monthly_target, 200000.0)
        self.assertEqual(contract.date_start, notice.date_exit + timedelta(days=1))

        # The exit: filed by the floor, reviewed by the Marketing Head, done.
        notice.with_user(self.floor_manager).action_submit()
        self.approve(notice, self.head)
        notice.with_user(self.floor_manager).action_done(notice.date_exit)
        self.assertEqual(leaving.state, "terminated")
        self.assertEqual(self.counter.state, "vacant")
        self.complete_terms(contract)
        contract.with_user(self.buyer).action_submit()
        contract.with_user(self.head).action_sign()
        self.assertEqual(application.state, "contracted")

    def complete_terms(self, contract):
        contract.with_user(self.buyer).write(
            {
                "product_ids": [(6, 0, self.product.ids)],
                "quality_standard": "GB/T 2660-2017",
                "partner_representative": "李悦",
                "mall_representative_id": self.head.id,
            }
        )

    def test_b5_fitout_and_opening(self):
        """B5/S2: signature → contracted; the drawings approved by the Visual Merchandiser
        and security; opening the counter introduces the brand."""
        application = self.to_board(self.application())
        self.approve_all(application, self.floor_manager3)
        with self.assertRaises(AccessError):
            application.with_user(self.floor_manager3).action_create_contract()
        contract = self.env["mall.contract"].browse(
            application.with_user(self.buyer).action_create_contract()["res_id"]
        )
        self.assertEqual(contract.counter_ids, self.counter3)
        self.complete_terms(contract)
        contract.with_user(self.buyer).action_submit()
        contract.with_user(self.head).action_sign()
        self.assertEqual(application.state, "contracted")
        self.assertEqual(contract.state, "active")
        with self.refused(UserError, "fit-out drawings are not approved"):
            application.with_user(self.floor_manager3).action_open()
        fitout = self.env["mall.fitout"].browse(
            application.with_user(self.buyer).action_create_fitout()["res_id"]
        )
        with self.refused(UserError, "attach"):
            fitout.with_user(self.buyer).action_submit()
        fitout.with_user(self.buyer).write(
            {
                "props_drawing": self.drawing(),
                "layout_drawing": self.drawing(),
                "render_drawing": self.drawing(),
            }
        )
        fitout.with_user(self.buyer).action_submit()
        with self.refused(UserError, "not approved"):
            application.with_user(self.floor_manager3).action_open()
        fitout.with_user(self.security)._validate_tier()
        self.assertEqual(fitout.state, "submitted")
        with self.assertRaises(UserError):
            fitout.with_user(self.buyer).action_start()
        fitout.with_user(self.visual)._validate_tier()
        self.assertEqual(fitout.state, "approved")
        fitout.with_user(self.buyer).action_start()
        self.assertEqual(fitout.state, "started")
        with self.assertRaises(UserError):
            application.with_user(self.floor_manager).action_open()
        application.with_user(self.floor_manager3).action_open()
        self.assertEqual(application.state, "opened")
        self.assertEqual(application.brand_id.stage, "introduced")
        # The day in the time zone of the floor manager who opened the counter.
        opened_on = fields.Date.context_today(application.with_user(self.floor_manager3))
        self.assertEqual(application.brand_id.date_introduced, opened_on)

    def test_e5_links_replacement(self):
        leaving = self.signed_contract()
        self.signed_contract(
            brand_id=self.env["mall.brand"]
            .create({"name": "云裳", "category_id": self.category.id})
            .id,
            counter_ids=[(6, 0, self.counter_b.ids)],
        )
        entry = (
            self.env["mall.elimination"]
            .with_user(self.buyer)
            .create({"contract_id": leaving.id, "reason": "quality_claims"})
        )
        application = self.to_board(
            self.application(
                floor_id=self.floor2.id, counter_id=False, leaving_contract_id=leaving.id
            )
        )
        self.assertEqual(entry.replacement_application_id, application)

    def test_roles(self):
        with self.assertRaises(AccessError):
            self.env["mall.brand.application"].with_user(self.visual).create(
                {
                    "brand_name": "X",
                    "partner_id": self.candidate.id,
                    "floor_id": self.floor3.id,
                    "category_id": self.category.id,
                }
            )
        application = self.to_reserve(self.application())
        with self.assertRaises(AccessError):
            application.with_user(self.floor_manager3).action_submit_board()
