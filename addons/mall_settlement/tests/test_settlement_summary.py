import html

from odoo.tests import tagged

from odoo.addons.marketing_base.models.common import format_money

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementSummary(SettlementCase):
    """Prepare Statements says what it did; statements and periods have pivot and graph
    views."""

    def test_prepare_and_prepare_again_say_what_they_did(self):
        _contract, period, statement = self.worked_example()
        payable = format_money(self.env, 60500.0, self.company.currency_id)
        self.assertTrue(payable.endswith("60,500.00"), payable)
        self.assertLogged(
            period, f"Period {period.name} prepared: 1 statement(s), total payable {payable}."
        )
        self.assertEqual((period.statement_count, period.payable_total), (1, 60500.0))
        self.charge(statement.contract_id, "electricity", 100.0, user=self.accountant)
        action = period.with_user(self.accountant).action_prepare()
        payable = format_money(self.env, 60400.0, self.company.currency_id)
        message = f"Period {period.name} prepared again: 1 statement(s), total payable {payable}."
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["message"], message)
        self.assertLogged(period, message)
        self.assertEqual(period.payable_total, 60400.0)

    def assertLogged(self, period, text):
        bodies = [html.unescape(str(body)) for body in period.message_ids.mapped("body")]
        self.assertTrue(any(text in body for body in bodies), bodies)

    def test_pivot_and_graph_views(self):
        self.worked_example()
        for model, action in (
            ("mall.settlement.statement", "action_mall_settlement_statement"),
            ("mall.settlement.period", "action_mall_settlement_period"),
        ):
            modes = self.env.ref(f"mall_settlement.{action}").view_mode.split(",")
            self.assertIn("pivot", modes)
            self.assertIn("graph", modes)
            Model = self.env[model].with_user(self.accountant)
            for view_type in ("pivot", "graph"):
                Model.get_views([(False, view_type)])
            measure = "payable:sum" if model == "mall.settlement.statement" else "payable_total:sum"
            groups = Model.read_group([], [measure], ["state"])
            self.assertTrue(groups)
