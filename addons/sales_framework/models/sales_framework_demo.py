from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action


class SalesFrameworkDemo(models.AbstractModel):
    """Demo data that needs the business methods: a year and a half of confirmed orders,
    invoices and payments for the demo team, the approved plan of this year, key accounts
    with visits, an agreement with call-offs and a launch event in preparation."""

    _name = "sales.framework.demo"
    _description = "Sales Framework Demo Data"

    @api.model
    def _populate(self):
        ref = self.env.ref
        today = fields.Date.context_today(self)
        team = ref("sales_framework.crm_team_east")
        sellers = [ref(f"sales_framework.user_salesperson_{i}") for i in range(1, 5)]
        customers = [
            ref(f"sales_framework.customer_{name}")
            for name in (
                "huaxin",
                "tianyi",
                "jinlong",
                "hengda",
                "mingyang",
                "ruifeng",
                "boyuan",
                "xinghe",
            )
        ]
        motor = ref("sales_framework.product_motor")
        drive = ref("sales_framework.product_drive")
        panel = ref("sales_framework.product_panel")
        season = [0.6, 0.5, 0.9, 1.0, 1.1, 1.0, 0.9, 0.9, 1.1, 1.2, 1.3, 1.5]
        month = date(today.year - 1, 1, 1)
        orders = self.env["sale.order"]
        while month <= today:
            for index, seller in enumerate(sellers):
                day = month + timedelta(days=4 + 5 * index)
                if day > today:
                    continue
                factor = season[month.month - 1]
                order = self._demo_order(
                    customers[(index * 2 + month.month) % len(customers)],
                    seller,
                    team,
                    [
                        (motor, round(10 * factor) + index),
                        (drive, round(6 * factor)),
                        (panel, 1 + (month.month + index) % 2),
                    ],
                    day,
                )
                orders |= order
            month += relativedelta(months=1)
        # Invoices and collections for the last four months before the current one.
        self._demo_invoice_and_collect(
            orders.filtered(
                lambda o: today - timedelta(days=150) <= o.date_order.date() < today.replace(day=1)
            )
        )
        self._demo_plan(today, team)
        self._demo_key_accounts(today, sellers, customers)
        self._demo_agreement(today, sellers[2], team, customers[3], motor, drive)
        self._demo_launch_event(today, motor)
        self.env["sales.complaint"].create(
            {
                "partner_id": customers[1].id,
                "order_id": orders.filtered(lambda o: o.partner_id == customers[1])[-1:].id,
                "responsible_id": ref("sales_framework.user_sales_manager").id,
                "date": today,
                "date_deadline": today + timedelta(days=7),
                "description": "两台电机运行噪音偏大，客户要求上门检测。",
                "after_sales_cost": 1800.0,
            }
        )
        self.env["sales.market.feedback"].create(
            [
                {
                    "user_id": seller.id,
                    "date": today,
                    "competitor_moves": "竞品推出7.5kW电机促销，降价约5%。",
                    "customer_needs": "客户关注能效等级与交货期。",
                    "prices_seen": "同规格电机市场价3900-4100元。",
                }
                for seller in sellers[:2]
            ]
        )
        team.order_review = True

    @api.model
    def _demo_order(self, partner, seller, team, lines, day, agreement=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": seller.id,
                "team_id": team.id,
                "framework_agreement_id": agreement.id if agreement else False,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in lines
                ],
            }
        )
        order.action_confirm()
        order.date_order = datetime.combine(day, datetime.min.time()) + timedelta(hours=2)
        return order

    @api.model
    def _demo_invoice_and_collect(self, orders):
        for order in orders:
            invoice = order._create_invoices()
            invoice.invoice_date = order.date_order.date()
            invoice.action_post()
            if order.id % 3:
                self.env["account.payment.register"].with_context(
                    active_model="account.move", active_ids=invoice.ids
                ).create(
                    {"payment_date": invoice.invoice_date + timedelta(days=30)}
                )._create_payments()

    @api.model
    def _demo_plan(self, today, team):
        plan = self.env["sales.target.plan"].create(
            {
                "name": f"{today.year}年度销售计划",
                "year": today.year,
                "budget_amount": 600000.0,
                "team_target_ids": [
                    (0, 0, {"team_id": team.id, "amount": 4800000.0, "new_customers": 24})
                ],
            }
        )
        plan.action_split()
        plan.request_validation()
        plan.with_user(self.env.ref("marketing_base.user_marketing_vp"))._validate_tier()
        plan.with_user(self.env.ref("marketing_base.user_general_manager"))._validate_tier()

    @api.model
    def _demo_key_accounts(self, today, sellers, customers):
        Plan = self.env["sales.key.account.plan"]
        visited = Plan.create(
            {
                "partner_id": customers[0].id,
                "user_id": sellers[0].id,
                "visit_interval": 14,
                "date_start": today - timedelta(days=10),
                "goals": "年采购额提升20%，进入其新产线供应商名录。",
            }
        )
        visited._visit_activities().with_user(sellers[0]).action_feedback(
            feedback="拜访采购部王经理，确认二季度电机需求约120台。"
        )
        Plan.create(
            {
                "partner_id": customers[1].id,
                "user_id": sellers[1].id,
                "visit_interval": 30,
                "date_start": today - timedelta(days=45),
                "goals": "保持独家供应，推广变频器配套。",
            }
        )

    @api.model
    def _demo_agreement(self, today, seller, team, customer, motor, drive):
        agreement = self.env["sales.framework.agreement"].create(
            {
                "partner_id": customer.id,
                "user_id": seller.id,
                "date_start": date(today.year, 1, 1),
                "date_end": date(today.year, 12, 31),
                "payment_term_id": self.env.ref("account.account_payment_term_30days").id,
                "delivery_terms": "乙方每次订货后15个工作日内交货，交货地点为乙方工厂仓库。",
                "transport_terms": "汽车运输，运费由甲方承担。",
                "penalty_terms": "每逾期交货一日，按该批货款的0.5‰支付违约金。",
                "after_sales_terms": "质保期12个月，接到报修后48小时内到场。",
                "line_ids": [
                    (0, 0, {"product_id": motor.id, "price_unit": 3900.0, "quantity": 200}),
                    (0, 0, {"product_id": drive.id, "price_unit": 3300.0, "quantity": 100}),
                ],
            }
        )
        agreement.action_sign()
        self._demo_order(customer, seller, team, [(motor, 40), (drive, 20)], today, agreement)
        self._demo_order(customer, seller, team, [(motor, 30)], today, agreement)

    @api.model
    def _demo_launch_event(self, today, product):
        ref = self.env.ref
        event = self.env["sales.launch.event"].create(
            {
                "name": "YE4 超高效电机新品发布会",
                "product_id": product.id,
                "user_id": ref("sales_framework.user_sales_manager").id,
                "date_start": today - timedelta(days=30),
                "launch_date": today + timedelta(days=75),
                "venue": "上海国际会议中心",
                "agency_ids": [
                    (0, 0, {"partner_id": ref(f"sales_framework.agency_{x}").id, "pitch_fee": fee})
                    for x, fee in (("a", 20000.0), ("b", 18000.0), ("c", 15000.0))
                ],
            }
        )
        event.action_engage_agencies()
        with workflow_action():
            event.date_engaged = today - timedelta(days=25)
        for agency in event.agency_ids:
            agency.date_proposal = today - timedelta(days=8)
        event.agency_ids[0].action_choose()
