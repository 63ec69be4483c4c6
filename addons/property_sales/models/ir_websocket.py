from odoo import models

CHART_CHANNEL_PREFIX = "property_sales.building_"


class IrWebsocket(models.AbstractModel):
    _inherit = "ir.websocket"

    def _build_bus_channel_list(self, channels):
        return super()._build_bus_channel_list(self._filter_sales_chart_channels(channels))

    def _filter_sales_chart_channels(self, channels):
        """A browser follows the sales-control chart of a building only if its user may
        read that building (company rules included)."""
        wanted = {
            channel
            for channel in channels
            if isinstance(channel, str) and channel.startswith(CHART_CHANNEL_PREFIX)
        }
        if wanted:
            ids = [
                int(channel.removeprefix(CHART_CHANNEL_PREFIX))
                for channel in wanted
                if channel.removeprefix(CHART_CHANNEL_PREFIX).isdigit()
            ]
            allowed = set()
            if self.env.user._is_internal():
                readable = self.env["property.building"].search([("id", "in", ids)])
                allowed = {building._chart_channel() for building in readable}
            channels = [c for c in channels if c not in wanted or c in allowed]
        return channels
