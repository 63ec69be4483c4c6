from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionSettlement(PromotionCase):
    """T3/T6: the promotion's commission rate and discount ratio inside its window."""

    def statement(self, contract):
        period = self.env["mall.settlement.period"].search(
            [("date_to", "=", date(2029, 3, 25))]
        ) or self.period(user=self.accountant)
        period.with_user(self.accountant).action_prepare()
        return period.statement_ids.filtered(lambda s: s.contract_id == contract)

    def test_rate_and_ratio_only_inside_the_window(self):
        # Contract: flat 20 %, s = 60 %. Promotion 1-10 March: 12 %, s = 80 %.
        promotion = self.promotion(commission_rate=12.0, discount_share_ratio=80.0)
        self.approve(promotion)
        self.sales(
            self.contract_a,
            [
                (date(2029, 2, 28), 10000.0, 1000.0),  # before: contract terms
                (date(2029, 3, 1), 20000.0, 2000.0),  # first day: promotion
                (date(2029, 3, 10), 30000.0, 3000.0),  # last day: promotion
                (date(2029, 3, 11), 40000.0, 4000.0),  # after: contract terms
            ],
        )
        statement = self.statement(self.contract_a)
        self.assertEqual(statement.net_sales, 100000.0)
        self.assertEqual(statement.promotion_rate_sales, 50000.0)
        self.assertEqual(statement.contract_rate_sales, 50000.0)
        # 50,000 × 20 % + 50,000 × 12 %
        self.assertEqual(statement.commission, 16000.0)
        # (1 - 60 %) × 5,000 + (1 - 80 %) × 5,000
        self.assertEqual(statement.mall_discount_share, 3000.0)
        self.assertEqual(statement.shortfall, 0.0)
        line = statement.promotion_line_ids
        self.assertEqual(
            (line.net_sales, line.commission, line.mall_discount_share), (50000.0, 6000.0, 1000.0)
        )
        # Outside the window a participant keeps its own terms.
        self.sales(self.contract_b, [(date(2029, 3, 15), 1000.0, 100.0)])
        self.env["mall.sale.line"].flush_model()
        other = self.statement(self.contract_b)
        self.assertEqual(other.commission, 200.0)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("mall_settlement.action_report_settlement_statement", statement.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("50,000.00", html)
        self.assertIn("测试 三八节", html)

    def test_ratio_alone_keeps_the_contract_rate(self):
        promotion = self.promotion(discount_share_ratio=100.0)
        self.approve(promotion)
        self.sales(self.contract_a, [(date(2029, 3, 5), 10000.0, 500.0)])
        statement = self.statement(self.contract_a)
        self.assertEqual(statement.commission, 2000.0)
        self.assertEqual(statement.mall_discount_share, 0.0)
        self.assertEqual(statement.promotion_rate_sales, 0.0)

    def test_a_draft_promotion_changes_nothing(self):
        self.promotion(commission_rate=5.0)
        self.sales(self.contract_a, [(date(2029, 3, 5), 10000.0, 0.0)])
        statement = self.statement(self.contract_a)
        self.assertEqual(statement.commission, 2000.0)
        self.assertFalse(statement.promotion_line_ids)

    def test_query_count_constant_in_promotions_and_rows(self):
        period = self.period(user=self.accountant)

        def prepare():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            period.action_prepare()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        self.approve(self.promotion(name="P0", commission_rate=10.0))
        self.sales(self.contract_a, [(date(2029, 3, 1), 100.0, 1.0)])
        self.sales(self.contract_b, [(date(2029, 3, 1), 100.0, 1.0)])
        prepare()
        # Each measured preparation changes the figures of both statements.
        self.sales(self.contract_a, [(date(2029, 2, 27), 100.0, 1.0)])
        self.sales(self.contract_b, [(date(2029, 2, 27), 100.0, 1.0)])
        small = prepare()
        for n in range(1, 5):
            # Overlapping windows (3-7, 6-10 ... March), one with a contract's own rate.
            promotion = self.promotion(
                name=f"P{n}",
                commission_rate=10.0 + n,
                discount_share_ratio=70.0,
                date_start=date(2029, 3, 3 * n),
                date_end=date(2029, 3, 3 * n + 4),
            )
            promotion.participant_ids[:1].write({"commission_rate": 5.0 + n})
            self.approve(promotion)
        self.sales(self.contract_a, [(date(2029, 3, day), 100.0, 1.0) for day in range(2, 25)])
        self.sales(self.contract_b, [(date(2029, 3, day), 100.0, 1.0) for day in range(2, 25)])
        large = prepare()
        self.assertEqual(large, small, "the query count grew with the promotions and rows")
        lines = period.statement_ids.promotion_line_ids
        # P1 and P2 lie inside P0 (1-10 March): P0, P3 (11-13) and P4 (14-16) remain.
        self.assertEqual(len(lines.promotion_id), 3)

    def test_contract_rates_inside_the_window_to_the_cent(self):
        """C9: a participating contract may carry its own promotion rate; the others
        take the promotion's. Outside the window both keep the contract's 20 %."""
        promotion = self.promotion(commission_rate=12.0)
        line_a = promotion.participant_ids.filtered(lambda p: p.contract_id == self.contract_a)
        line_a.with_user(self.demo["assistant"]).write({"commission_rate": 8.5})
        self.assertTrue(line_a.has_commission_rate)
        self.approve(promotion)
        with self.refused(UserError, "no longer a draft"):
            line_a.with_user(self.demo["assistant"]).write({"commission_rate": 5.0})
        self.sales(
            self.contract_a,
            [
                (date(2029, 2, 28), 10000.0, 0.0),  # before the window
                (date(2029, 3, 5), 12345.67, 0.0),  # inside: 8.5 %
                (date(2029, 3, 11), 2000.0, 0.0),  # after the window
            ],
        )
        self.sales(
            self.contract_b,
            [
                (date(2029, 3, 10), 7654.33, 0.0),  # inside: the promotion's 12 %
                (date(2029, 3, 12), 1000.0, 0.0),  # after
            ],
        )
        a = self.statement(self.contract_a)
        b = a.period_id.statement_ids.filtered(lambda s: s.contract_id == self.contract_b)
        # A: 12,000.00 × 20 % + 12,345.67 × 8.5 % (1,049.38)
        self.assertEqual((a.contract_rate_sales, a.promotion_rate_sales), (12000.0, 12345.67))
        self.assertEqual(a.commission, 3449.38)
        self.assertEqual(
            (a.promotion_line_ids.commission_rate, a.promotion_line_ids.commission),
            (8.5, 1049.38),
        )
        # B: 1,000.00 × 20 % + 7,654.33 × 12 % (918.52)
        self.assertEqual((b.contract_rate_sales, b.promotion_rate_sales), (1000.0, 7654.33))
        self.assertEqual(b.commission, 1118.52)
        self.assertEqual(
            (b.promotion_line_ids.commission_rate, b.promotion_line_ids.commission),
            (12.0, 918.52),
        )

    def test_a_contract_rate_without_a_promotion_rate(self):
        promotion = self.promotion()
        line_b = promotion.participant_ids.filtered(lambda p: p.contract_id == self.contract_b)
        line_b.with_user(self.demo["assistant"]).write({"commission_rate": 15.0})
        self.approve(promotion)
        self.sales(self.contract_a, [(date(2029, 3, 5), 1000.0, 0.0)])
        self.sales(self.contract_b, [(date(2029, 3, 5), 1000.0, 0.0)])
        a = self.statement(self.contract_a)
        b = a.period_id.statement_ids.filtered(lambda s: s.contract_id == self.contract_b)
        self.assertEqual(a.commission, 200.0)
        self.assertFalse(a.promotion_line_ids)
        self.assertEqual((b.commission, b.promotion_rate_sales), (150.0, 1000.0))
        with self.refused(ValidationError, "between 0 and 100"):
            self.promotion(name="P bad").participant_ids[:1].write({"commission_rate": 101.0})

    def test_brackets_apply_to_the_sales_outside_the_promotion(self):
        # Progressive 5 % up to 30,000.00 then 10 %; the promotion charges 12 %.
        counter = self.env["mall.counter"].create(
            {"name": "童装岛柜", "code": "TF2-04", "floor_id": self.floor2.id, "area": 18.0}
        )
        contract = self.signed_contract(
            counter_ids=[(6, 0, counter.ids)],
            commission_mode="progressive",
            tier_ids=[
                (0, 0, {"lower_bound": 0.0, "rate": 5.0}),
                (0, 0, {"lower_bound": 30000.0, "rate": 10.0}),
            ],
        )
        promotion = self.promotion(
            commission_rate=12.0, contract_ids=[(6, 0, (self.contracts | contract).ids)]
        )
        self.approve(promotion)
        self.sales(
            contract,
            [(date(2029, 3, 5), 10000.01, 0.0), (date(2029, 3, 15), 45000.0, 0.0)],
        )
        statement = self.statement(contract)
        self.assertEqual(statement.contract_rate_sales, 45000.0)
        # 30,000 × 5 % + 15,000 × 10 % on the contract's brackets; 10,000.01 × 12 %
        brackets = statement.with_user(self.accountant)._commission_brackets()
        self.assertEqual(
            [(b["sales"], b["commission"]) for b in brackets],
            [(30000.0, 1500.0), (15000.0, 1500.0)],
        )
        self.assertEqual(statement.promotion_line_ids.commission, 1200.0)
        self.assertEqual(statement.commission, 4200.0)
        self.assertEqual(
            sum(b["commission"] for b in brackets) + statement.promotion_line_ids.commission,
            statement.commission,
        )
