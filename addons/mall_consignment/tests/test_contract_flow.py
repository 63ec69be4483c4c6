from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MallCase


@tagged("post_install", "-at_install")
class TestContractFlow(MallCase):
    """C4 submit, C5 signature and read-only terms, C1 one contract per counter,
    C8 expiry alert, termination and the three-copy contract PDF."""

    def test_submit_names_every_missing_mandatory_term(self):
        contract = self.contract(
            product_ids=[(5, 0, 0)], quality_standard=False, partner_representative=False
        )
        with self.assertRaises(UserError) as caught:
            contract.with_user(self.buyer).action_submit()
        message = str(caught.exception)
        for label in ("Products", "Quality Standard No.", "Supplier Representative"):
            self.assertIn(label, message)
        self.assertEqual(contract.state, "draft")

    def test_submit_in_chinese_names_terms_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        contract = self.contract(product_ids=[(5, 0, 0)])
        with self.refused(UserError, "商品"):
            contract.with_context(lang="zh_CN").action_submit()

    def test_buyer_submits_head_signs_and_terms_freeze(self):
        contract = self.contract()
        contract.with_user(self.buyer).action_submit()
        self.assertEqual(contract.state, "review")
        with self.assertRaises(AccessError):
            contract.with_user(self.buyer).action_sign()
        with self.assertRaises(AccessError):
            contract.with_user(self.admin_user).action_sign()
        contract.with_user(self.head).action_sign()
        self.assertEqual(contract.state, "active")
        self.assertEqual(contract.signed_by_id, self.head)
        self.assertEqual(self.counter.contract_id, contract)
        self.assertEqual(self.counter.brand_id, self.brand)
        self.assertEqual(self.counter.state, "occupied")
        for values in (
            {"commission_rate": 18.0},
            {"counter_ids": [(4, self.counter_b.id)]},
            {"tier_ids": [(0, 0, {"lower_bound": 0, "rate": 5})]},
            {"product_ids": [(4, self.unlisted.id)]},
            {"date_end": date(2031, 12, 31)},
        ):
            with self.subTest(values=values), self.refused(UserError, "supplementary"):
                contract.with_user(self.head).write(values)
        self.assertEqual(contract.commission_rate, 20.0)
        # Who is responsible may still change.
        contract.with_user(self.admin_user).write({"user_id": self.admin_user.id})

    def test_contract_starting_later_is_signed_then_activated_by_the_cron(self):
        today = fields.Date.today()
        contract = self.signed_contract(
            date_start=today + timedelta(days=3), date_end=today + timedelta(days=400)
        )
        self.assertEqual(contract.state, "signed")
        self.assertFalse(self.counter.contract_id)
        with freeze_time(today + timedelta(days=3)):
            self.env["mall.contract"]._cron_update_states()
        self.assertEqual(contract.state, "active")
        self.assertEqual(self.counter.contract_id, contract)

    def test_a_counter_never_has_two_contracts_in_force(self):
        first = self.signed_contract(date_end=date(2026, 12, 31))
        second = self.contract(date_start=date(2026, 12, 1), date_end=date(2027, 11, 30))
        second.action_submit()
        with self.refused(ValidationError, "TF2-01"):
            second.with_user(self.head).action_sign()
        self.assertEqual(second.state, "review")
        # Back-to-back dates are fine.
        third = self.contract(date_start=date(2027, 1, 1), date_end=date(2027, 12, 31))
        third.action_submit()
        third.with_user(self.head).action_sign()
        self.assertEqual(third.state, "signed")
        self.assertEqual(self.counter.contract_id, first)

    def test_terminate_needs_a_reason_and_frees_the_counter(self):
        contract = self.signed_contract()
        with self.refused(UserError, "termination reason"):
            contract.with_user(self.head).action_terminate()
        contract.write({"termination_reason": "供应商撤柜"})
        contract.with_user(self.head).action_terminate()
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.date_terminated, fields.Date.today())
        self.assertEqual(self.counter.state, "vacant")

    def test_expiry_alert_sixty_days_before_the_end(self):
        # The cron's day: today in the user's time zone, not in UTC.
        today = fields.Date.context_today(self.env["mall.contract"])
        ending = self.signed_contract(
            date_start=today - timedelta(days=300), date_end=today + timedelta(days=60)
        )
        later = self.signed_contract(
            counter_ids=[(6, 0, self.counter_b.ids)],
            date_start=today - timedelta(days=300),
            date_end=today + timedelta(days=61),
        )
        (ending.user_id or self.env.user).lang = "zh_CN"  # the To-Do in the reader's language
        self.env["mall.contract"]._cron_update_states()
        activity_type = self.env.ref("mall_consignment.mail_activity_contract_expiry")
        self.assertEqual(ending.activity_ids.activity_type_id, activity_type)
        self.assertEqual(
            ending.activity_ids.summary, f"合同 {ending.name} 将于 {ending.date_end} 到期"
        )
        self.assertEqual(ending.activity_ids.date_deadline, ending.date_end)
        self.assertFalse(later.activity_ids)
        # Sent once only.
        self.env["mall.contract"]._cron_update_states()
        self.assertEqual(len(ending.activity_ids), 1)

    def test_cron_expires_ended_contracts(self):
        today = fields.Date.today()
        contract = self.signed_contract(
            date_start=today - timedelta(days=400), date_end=today - timedelta(days=1)
        )
        self.env["mall.contract"]._cron_update_states()
        self.assertEqual(contract.state, "expired")
        self.assertEqual(self.counter.state, "vacant")

    def test_contract_prints_three_copies(self):
        contract = self.signed_contract()
        html, _type = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html("mall_consignment.action_report_mall_contract", contract.ids)
        )
        html = html.decode()
        for copy in (1, 2, 3):
            self.assertIn(f"第 {copy} 份，共 3 份", html)
        self.assertIn(contract.name, html)
        self.assertIn("GB/T 2660-2017", html)

    def test_form_shows_tiers_only_for_tiered_modes_and_fills_number(self):
        with Form(self.env["mall.contract"].with_user(self.buyer)) as form:
            form.partner_id = self.supplier
            form.brand_id = self.brand
            form.date_start = date(2026, 1, 1)
            form.date_end = date(2026, 12, 31)
            form.commission_mode = "progressive"
            with form.tier_ids.new() as tier:
                tier.lower_bound = 0
                tier.rate = 12
        contract = form.record
        self.assertTrue(contract.name.startswith("LY"))
        self.assertEqual(contract.tier_ids.rate, 12)

    def test_amendment_needs_supplier_stamp_and_the_head(self):
        contract = self.signed_contract()
        amendment = (
            self.env["mall.contract.amendment"]
            .with_user(self.admin_user)
            .create(
                {"contract_id": contract.id, "date_effective": date(2026, 7, 1), "reason": "调整"}
            )
        )
        with self.assertRaises(AccessError):
            amendment.action_sign()
        with self.refused(UserError, "stamped"):
            amendment.with_user(self.head).action_sign()
        amendment.supplier_stamped = True
        amendment.with_user(self.head).action_sign()
        self.assertEqual(amendment.state, "signed")
        draft = self.contract(counter_ids=[(6, 0, self.counter_b.ids)])
        with self.refused(UserError, "not in force"):
            self.env["mall.contract.amendment"].create(
                {"contract_id": draft.id, "date_effective": date(2026, 7, 1), "reason": "x"}
            )

    def test_submit_server_action_submits_selected_contracts(self):
        contracts = self.contract() | self.contract(counter_ids=[(6, 0, self.counter_b.ids)])
        action = self.env.ref("mall_consignment.action_server_mall_contract_submit")
        action.with_user(self.admin_user).with_context(
            active_model="mall.contract", active_ids=contracts.ids
        ).run()
        self.assertEqual(set(contracts.mapped("state")), {"review"})
