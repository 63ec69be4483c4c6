from datetime import timedelta

from odoo import fields
from odoo.tests import Form, tagged

from .common import ExitCase


@tagged("post_install", "-at_install")
class TestCreateForms(ExitCase):
    """Issue 10: the exit forms work as their roles' demo users fill them in the browser:
    the Floor Manager's exit notice and fixture storage, the Buyer's elimination entry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_floor = cls.env.ref("mall_consignment.user_floor_manager")
        cls.demo_buyer = cls.env.ref("mall_consignment.user_buyer")
        cls.floor2.write({"manager_ids": [(4, cls.demo_floor.id)]})
        cls.contract_x = cls.signed_contract()

    def test_floor_manager_drafts_an_exit_notice(self):
        day = fields.Date.context_today(self.env["mall.exit.notice"]) + timedelta(days=5)
        with Form(self.env["mall.exit.notice"].with_user(self.demo_floor)) as form:
            form.contract_id = self.contract_x
            form.reason = "quality_claims"
            form.date_exit = day
            form.reason_note = "连续三次质量投诉"
            form.fixture_pieces = 4
        notice = form.record
        self.assertEqual(notice.state, "draft")
        self.assertEqual(notice.brand_id, self.brand)
        self.assertEqual(notice.floor_id, self.floor2)
        self.assertEqual(notice.counter_ids, self.counter)
        self.assertEqual(notice.date_exit, day)

    def test_floor_manager_stores_fixtures(self):
        with Form(self.env["mall.fixture.storage"].with_user(self.demo_floor)) as form:
            form.name = "货架与模特"
            form.contract_id = self.contract_x
            form.pieces = 6
        storage = form.record
        self.assertEqual(storage.state, "stored")
        self.assertEqual(storage.partner_id, self.supplier)
        self.assertEqual(storage.date_stored, fields.Date.context_today(storage))
        self.assertEqual(storage.fee, 0.0)

    def test_buyer_proposes_an_elimination(self):
        with Form(self.env["mall.elimination"].with_user(self.demo_buyer)) as form:
            form.contract_id = self.contract_x
            form.reason = "subletting"
            form.detail = "专柜转租给第三方"
        entry = form.record
        self.assertEqual(entry.state, "proposed")
        self.assertFalse(entry.detected)
        self.assertEqual(entry.brand_id, self.brand)
        self.assertEqual(entry.floor_id, self.floor2)
