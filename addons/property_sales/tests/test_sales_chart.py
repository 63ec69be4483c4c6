import json

from odoo.tests import new_test_user, tagged

from .common import PropertySalesCase


@tagged("post_install", "-at_install")
class TestSalesChart(PropertySalesCase):
    def make_building(self, name, floors, per_floor):
        building = self.env["property.building"].create(
            {
                "name": name,
                "code": name,
                "project_id": self.project.id,
                "floor_count": floors,
                "floor_price_step": 100.0,
                "position_ids": [
                    (
                        0,
                        0,
                        {
                            "number": f"{n:02d}",
                            "layout": "2室2厅",
                            "area": 90.0,
                            "price_per_sqm": 20000.0,
                        },
                    )
                    for n in range(1, per_floor + 1)
                ],
            }
        )
        building.action_generate_units()
        return building

    def test_chart_grid_and_totals_by_state(self):
        self.lock(self.unit)
        data = self.building.with_user(self.consultant).get_sales_chart_data()
        self.assertEqual(data["floors"], [3, 2, 1])
        self.assertEqual(data["numbers"], ["01", "02"])
        self.assertEqual(len(data["units"]), 6)
        self.assertEqual(data["building"]["channel"], f"property_sales.building_{self.building.id}")
        summary = {line["state"]: line for line in data["summary"]}
        self.assertEqual(summary["locked"]["count"], 1)
        self.assertEqual(summary["locked"]["amount"], 2374845.00)
        self.assertEqual(summary["available"]["count"], 5)
        self.assertEqual(
            summary["available"]["amount"],
            sum(self.units.mapped("list_price")) - 2374845.00,
        )
        self.assertEqual(summary["withheld"]["count"], 0)
        self.assertEqual(data["rights"], {"lock": False, "request": True})
        rights = self.building.with_user(self.secretary).get_sales_chart_data()["rights"]
        self.assertEqual(rights, {"lock": True, "request": True})

    def test_chart_loads_in_constant_queries(self):
        """The chart of a small and of a 10× larger building cost the same queries."""
        small = self.make_building("S", 3, 2)
        large = self.make_building("L", 15, 4)
        self.lock(small.unit_ids[0])
        self.lock(large.unit_ids[0])
        Building = self.env["property.building"].with_user(self.secretary)
        for building in (small, large):
            Building.load_sales_chart(building.id)  # warm-up
            self.env.invalidate_all()
            with self.assertQueryCount(9):
                data = Building.load_sales_chart(building.id)
            self.assertEqual(len(data["chart"]["units"]), len(building.unit_ids))

    def test_state_change_is_pushed_on_the_building_channel(self):
        self.env.cr.precommit.data.pop("bus.bus.values", None)
        self.lock(self.unit)
        channel = self.building._chart_channel()
        sent = [
            value
            for value in self.env.cr.precommit.data.get("bus.bus.values", [])
            if channel in value["channel"] and "property_sales/units" in value["message"]
        ]
        self.assertEqual(len(sent), 1)
        payload = json.loads(sent[0]["message"])["payload"]
        self.assertEqual(payload["units"][0]["id"], self.unit.id)
        self.assertEqual(payload["units"][0]["state"], "locked")

    def test_only_users_who_read_the_building_follow_its_chart(self):
        channel = self.building._chart_channel()
        other_company = self.env["res.company"].create({"name": "别家地产"})
        outsider = new_test_user(
            self.env,
            login="ps_outsider",
            groups="property_sales.group_sales_consultant",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        Websocket = self.env["ir.websocket"]
        channels = [channel, "property_sales.building_x", "other"]
        self.assertEqual(
            Websocket.with_user(self.consultant)._filter_sales_chart_channels(channels),
            [channel, "other"],
        )
        self.assertEqual(
            Websocket.with_user(outsider)._filter_sales_chart_channels(channels), ["other"]
        )
