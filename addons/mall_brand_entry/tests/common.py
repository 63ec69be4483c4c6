import base64
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.tests import new_test_user

from odoo.addons.mall_supplier_exit.tests.common import ExitCase

DOCUMENTS = (
    "business_licence",
    "tax_registration",
    "quality_report",
    "trademark",
    "brand_authorisation",
)


class EntryCase(ExitCase):
    """ExitCase plus the General Manager, security, a candidate supplier with every
    mandatory document, and helpers that take an application to the board."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.gm = new_test_user(
            env, login="be_gm", name="王建国", groups="marketing_base.group_general_manager"
        )
        cls.security = new_test_user(
            env, login="be_security", name="马卫东", groups="mall_brand_entry.group_security"
        )
        cls.board = (cls.gm, cls.head, cls.floor_manager, cls.buyer)
        cls.candidate = env["res.partner"].create({"name": "上海悦颜化妆品有限公司"})
        cls.documents = env["mall.supplier.document"].create(
            [
                {
                    "partner_id": cls.candidate.id,
                    "document_type": kind,
                    "number": f"N-{n}",
                    "date_issue": cls.today - relativedelta(months=2),
                }
                for n, kind in enumerate(DOCUMENTS)
            ]
        )

    def application(self, **values):
        vals = {
            "brand_name": "悦颜",
            "partner_id": self.candidate.id,
            "floor_id": self.floor3.id,
            "category_id": self.category.id,
            "counter_id": self.counter3.id,
            "planned_monthly_sales": 200000.0,
            "commission_rate": 18.0,
            "user_id": self.buyer.id,
        }
        vals.update(values)
        return self.env["mall.brand.application"].with_user(self.buyer).create(vals)

    def to_reserve(self, application):
        application.with_user(self.buyer).action_research()
        application.with_user(self.buyer).research_note = "<p>杭州大厦、银泰均有专柜</p>"
        application.with_user(self.buyer).action_reserve()
        return application

    def to_board(self, application):
        self.to_reserve(application)
        application.with_user(self.buyer).action_submit_board()
        return application

    def vote(self, application, user, approve=True):
        record = application.with_user(user)
        return record._validate_tier() if approve else record._rejected_tier()

    @staticmethod
    def drawing():
        return base64.b64encode(b"%PDF-1.4 drawing")

    @staticmethod
    def in_days(days):
        return date.today() + timedelta(days=days)
