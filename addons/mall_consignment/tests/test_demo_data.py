from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo mall the issue asks for: six floors, 40 counters, 30 brands in eight
    categories, 25 suppliers with documents, contracts in every state and mode, and
    three months of daily sales."""

    def test_demo_mall(self):
        ref = self.env.ref
        floors = self.env["mall.floor"].search(
            [("code", "in", ["B1", "1F", "2F", "3F", "4F", "5F"])]
        )
        self.assertEqual(len(floors), 6)
        self.assertEqual(len(floors.counter_ids), 40)
        brands = self.env["mall.brand"].search(
            [("id", "in", [ref(f"mall_consignment.brand_{n:02d}").id for n in range(1, 31)])]
        )
        self.assertEqual(len(brands), 30)
        self.assertEqual(len(brands.category_id), 8)
        contracts = self.env["mall.contract"].browse(
            [ref(f"mall_consignment.contract_{n:02d}").id for n in range(1, 28)]
        )
        self.assertEqual(len(contracts.partner_id), 25)
        self.assertEqual(len(contracts.partner_id.mall_document_ids), 75)
        self.assertEqual(
            set(contracts.mapped("state")),
            {"draft", "review", "signed", "active", "expired", "terminated"},
        )
        self.assertEqual(set(contracts.mapped("commission_mode")), {"flat", "progressive", "whole"})
        self.assertEqual(set(contracts.mapped("contract_type")), {"consignment", "distribution"})
        lines = self.env["mall.sale.line"].search([("contract_id", "in", contracts.ids)])
        days = set(lines.mapped("date"))
        self.assertGreaterEqual(len(days), 89)
        self.assertEqual(
            ref("mall_consignment.counter_2f_01").floor_id.manager_ids,
            ref("mall_consignment.user_floor_manager"),
        )
        # The signed supplementary agreement of 周大福 lowers the rate to 10%.
        jewellery = ref("mall_consignment.contract_05")
        self.assertEqual(jewellery._terms_on()._base_rate(), 10.0)
