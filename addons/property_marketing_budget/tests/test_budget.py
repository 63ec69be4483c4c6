import io
import re

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.marketing_base.models.common import format_money
from odoo.addons.property_sales.tests.common import PropertySalesCase


@tagged("post_install", "-at_install")
class TestMarketingBudget(PropertySalesCase):
    """X1: ceiling from the project's sales, approval chains as each role, spend from
    posted vendor bills and the General Manager's approval of an over-budget bill."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.vp = new_test_user(
            env, login="mb_vp", name="李明华", groups="marketing_base.group_marketing_vp"
        )
        cls.gm = new_test_user(
            env, login="mb_gm", name="王建国", groups="marketing_base.group_general_manager"
        )
        env.company.marketing_budget_ratio = 3.0
        cls.year = fields.Date.today().year
        cls.month = str(fields.Date.today().month)
        ref = env.ref
        cls.planning = ref("property_marketing_budget.department_planning")
        cls.sales_dept = ref("property_marketing_budget.department_sales")
        cls.advertising = ref("property_marketing_budget.category_advertising")
        cls.events = ref("property_marketing_budget.category_events")
        cls.vendor = env["res.partner"].create({"name": "杭州新视界广告有限公司"})

    def sell(self, unit_name="1-0101"):
        """A confirmed subscription of the unit at its list price, today."""
        unit = self.unit_named(unit_name)
        deposit = self.paid_deposit(unit=unit)
        self.lock(unit, deposit_id=deposit.id)
        subscription = (
            self.env["property.subscription"]
            .with_user(self.consultant)
            .create({"unit_id": unit.id, "partner_id": self.customer.id})
        )
        subscription.action_confirm()
        return subscription

    def budget(self, amounts=(40000.0, 20000.0), plan_type="annual", month=False):
        form = Form(self.env["property.marketing.budget"].with_user(self.manager))
        form.project_id = self.project
        form.plan_type = plan_type
        form.year = self.year
        if month:
            form.month = month
        for (dept, cat), amount in zip(
            ((self.planning, self.advertising), (self.sales_dept, self.events)),
            amounts,
            strict=False,
        ):
            with form.line_ids.new() as line:
                line.department_id = dept
                line.category_id = cat
                line.phase = "opening"
                line.amount = amount
        return form.save()

    def approve(self, budget, reviewers):
        for reviewer in reviewers:
            budget.with_user(reviewer).validate_tier()

    def test_ceiling_is_three_percent_of_sales_recomputed_as_they_move(self):
        budget = self.budget()
        self.assertEqual(budget.ceiling, 0.0)
        with self.assertRaisesRegex(UserError, "above its ceiling"):
            budget.with_user(self.manager).action_submit()
        subscription = self.sell()
        self.assertEqual(subscription.price, 2374845.0)  # 128.37 m² × 18,500
        budget.invalidate_recordset()
        self.assertEqual(budget.sales_amount, 2374845.0)
        self.assertEqual(budget.ceiling, 71245.35)
        self.assertFalse(budget.over_ceiling)
        self.env.company.marketing_budget_ratio = 2.0
        budget.invalidate_recordset()
        self.assertEqual(budget.ceiling, 47496.90)
        self.assertTrue(budget.over_ceiling, "60,000 is above 2%")

    def test_annual_plan_operations_vp_then_gm_in_turn_and_finance_files(self):
        self.sell()
        budget = self.budget()
        with self.assertRaises(AccessError):
            budget.with_user(self.consultant).action_submit()
        budget.with_user(self.manager).action_submit()
        self.assertEqual(budget.state, "to_approve")
        self.assertEqual(len(budget.review_ids), 3)
        with self.assertRaisesRegex(UserError, "frozen"):
            budget.line_ids[0].with_user(self.manager).amount = 1.0
        # the GM is last: approving first decides nothing
        budget.with_user(self.gm).validate_tier()
        self.assertEqual(budget.review_ids.mapped("status"), ["pending"] * 3)
        self.approve(budget, (self.manager, self.vp))
        self.assertEqual(budget.state, "to_approve")
        self.approve(budget, (self.gm,))
        self.assertEqual(budget.state, "approved")
        with self.assertRaises(AccessError):
            budget.with_user(self.vp).action_file()
        budget.with_user(self.cashier).action_file()
        self.assertEqual((budget.state, budget.filed_by), ("filed", self.cashier))
        with self.assertRaisesRegex(UserError, "changes only through its actions"):
            budget.with_user(self.manager).write({"state": "draft"})

    def test_monthly_plan_operations_and_vp_approve(self):
        self.sell()
        budget = self.budget(amounts=(5000.0,), plan_type="monthly", month=self.month)
        self.assertIn(f"锦绣华庭 {self.year}-{int(self.month):02d}", budget.name)
        budget.with_user(self.manager).action_submit()
        self.assertEqual(len(budget.review_ids), 2)
        self.approve(budget, (self.manager, self.vp))
        self.assertEqual(budget.state, "approved")

    def test_rejected_plan_goes_back_to_draft_with_history(self):
        self.sell()
        budget = self.budget()
        budget.with_user(self.manager).action_submit()
        budget.with_user(self.manager).validate_tier()
        budget.with_user(self.vp).reject_tier()
        self.assertEqual(budget.state, "rejected")
        budget.with_user(self.manager).action_reset_draft()
        self.assertEqual(budget.state, "draft")
        self.assertEqual(
            sorted(budget.review_history_ids.mapped("status")), ["approved", "rejected"]
        )

    def filed_budget(self):
        self.sell()
        budget = self.budget()
        budget.with_user(self.manager).action_submit()
        self.approve(budget, (self.manager, self.vp, self.gm))
        budget.with_user(self.cashier).action_file()
        return budget

    def bill(self, budget_line, amount):
        move = Form(
            self.env["account.move"]
            .with_user(self.cashier)
            .with_context(default_move_type="in_invoice")
        )
        move.partner_id = self.vendor
        move.invoice_date = f"{self.year}-03-15"
        with move.invoice_line_ids.new() as line:
            line.name = "开盘户外广告"
            line.price_unit = amount
            line.tax_ids.clear()
            line.marketing_budget_line_id = budget_line
        return move.save()

    def test_spend_from_bills_and_over_budget_needs_the_gm(self):
        budget = self.filed_budget()
        advertising = budget.line_ids.filtered(lambda line: line.category_id == self.advertising)
        first = self.bill(advertising, 30000.0)
        first.action_post()
        self.assertEqual(advertising.spent_amount, 30000.0)
        self.assertEqual(budget.spent_amount, 30000.0)
        self.assertEqual(budget.remaining_amount, 30000.0)
        second = self.bill(advertising, 15000.0)
        self.assertTrue(second.marketing_over_budget)
        over = format_money(self.env, 5000.00)
        with self.assertRaisesRegex(UserError, re.escape(f"over its budget by {over}")):
            second.action_post()
        self.assertEqual(second.state, "draft")
        second.action_request_marketing_approval()
        request = second.marketing_overspend_ids
        self.assertEqual((request.over_amount, request.bill_amount), (5000.0, 15000.0))
        self.assertEqual(request.validation_status, "pending")
        to_dos = self.env["mail.activity"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertIn(self.gm, to_dos.user_id, "the General Manager has a To-Do")
        with self.assertRaises(UserError):
            second.action_post()
        request.with_user(self.gm).validate_tier()
        self.assertEqual(request.state, "approved")
        second.with_user(self.cashier).action_post()
        self.assertEqual(advertising.spent_amount, 45000.0)
        analysis = self.env["property.marketing.budget.analysis"].search(
            [("budget_line_id", "=", advertising.id)]
        )
        self.assertEqual(
            (analysis.budget_amount, analysis.actual_amount, analysis.remaining_amount),
            (40000.0, 45000.0, -5000.0),
        )
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "property_marketing_budget.property_marketing_budget_xlsx", budget.ids, {}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=6)]
        self.assertEqual(rows[0][3:6], [40000.0, 45000.0, -5000.0])
        self.assertEqual(rows[-1][3:6], [60000.0, 45000.0, 15000.0])

    def test_bill_of_another_year_is_refused(self):
        budget = self.filed_budget()
        move = self.bill(budget.line_ids[0], 100.0)
        move.invoice_date = f"{self.year - 1}-12-31"
        move.date = f"{self.year - 1}-12-31"
        with self.assertRaisesRegex(UserError, f"spends from the {self.year} budget"):
            move.action_post()
