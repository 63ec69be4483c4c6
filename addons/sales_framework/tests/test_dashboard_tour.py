from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    """A salesperson opens their dashboard from the menu and sees the gap to target."""

    def test_salesperson_dashboard_shows_the_gap(self):
        env = self.env
        seller = new_test_user(
            env,
            login="tour_seller",
            password="tour_seller_pw",
            name="巡检销售",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        team = env["crm.team"].create(
            {"name": "巡检销售组", "member_ids": [Command.set(seller.ids)]}
        )
        today = fields.Date.context_today(env["sales.target"])
        plan = env["sales.target.plan"].create(
            {
                "name": "巡检计划",
                "year": today.year,
                "team_target_ids": [(0, 0, {"team_id": team.id, "amount": 1200000.0})],
            }
        )
        plan.action_split()
        plan.request_validation()
        plan.with_user(env.ref("base.user_admin"))._validate_tier()
        self.assertEqual(plan.state, "approved")
        customer = env["res.partner"].create({"name": "巡检客户"})
        product = env["product.product"].create({"name": "巡检产品", "taxes_id": []})
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": seller.id,
                "team_id": team.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": 1, "price_unit": 36000})
                ],
            }
        )
        order.action_confirm()
        order.date_order = fields.Datetime.now().replace(day=1, hour=4)
        self.start_tour("/odoo", "sales_framework_dashboard", login="tour_seller")
