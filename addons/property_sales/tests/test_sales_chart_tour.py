from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.bus.models.bus import channel_with_db, dispatch, hashable
from odoo.addons.bus.websocket import WebsocketConnectionHandler
from odoo.addons.property_sales.models.property_unit import PropertyUnit


@tagged("post_install", "-at_install")
class TestSalesChartTour(HttpCase):
    """The secretary's sales-control chart: grid coloured by state, counts by state, and
    a unit locked elsewhere (an RPC outside the chart) recoloured live through the bus."""

    def test_sales_chart_updates_live(self):
        new_test_user(
            self.env,
            login="tour_secretary",
            password="tour_secretary_pw",
            name="王芳",
            groups="property_sales.group_project_secretary",
        )
        project = self.env["property.project"].create(
            {"name": "巡检花园", "code": "XJ", "deposit_standard": 50000, "deposit_minimum": 20000}
        )
        building = self.env["property.building"].create(
            {
                "name": "巡检楼",
                "code": "T",
                "project_id": project.id,
                "floor_count": 2,
                "position_ids": [
                    (
                        0,
                        0,
                        {
                            "number": "01",
                            "layout": "3室2厅",
                            "area": 100.0,
                            "price_per_sqm": 20000.0,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "number": "02",
                            "layout": "2室2厅",
                            "area": 80.0,
                            "price_per_sqm": 20000.0,
                        },
                    ),
                ],
            }
        )
        building.action_generate_units()
        self.env["res.partner"].create({"name": "巡检客户"})
        dbname = self.env.cr.dbname
        notify = PropertyUnit._notify_charts

        def notify_and_dispatch(units):
            # The bus relays notifications after a real COMMIT (pg NOTIFY), which the
            # test cursor never does: wake the subscribed websockets ourselves, after
            # the bus.bus rows are written.
            notify(units)
            channels = [
                hashable(channel_with_db(dbname, b._chart_channel())) for b in units.building_id
            ]

            @units.env.cr.precommit.add
            def wake_websockets():
                for channel in channels:
                    for websocket in list(dispatch._channels_to_ws.get(channel, ())):
                        websocket.trigger_notification_dispatching()

        # Odoo refuses websockets while a test runs unless told otherwise (as its bus
        # tests do).
        with (
            patch.object(WebsocketConnectionHandler, "websocket_allowed", return_value=True),
            patch.object(PropertyUnit, "_notify_charts", notify_and_dispatch),
        ):
            self.start_tour(
                "/odoo/action-property_sales.property_building_action",
                "property_sales_chart_live",
                login="tour_secretary",
            )
        unit = building.unit_ids.filtered(lambda u: u.name == "T-0101")
        self.assertEqual(unit.state, "locked")
