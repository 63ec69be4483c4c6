from functools import partial

from odoo import models
from odoo.tools import OrderedSet

from odoo.addons.bus.models.bus import get_notify_payloads

from ..notify import notify

CHANNELS = "bus.bus.channels"


def _notify_channels(data):
    """Post-commit: tell the websocket server which channels got messages."""
    notify(get_notify_payloads(list(data.pop(CHANNELS, ()))))


class BusBus(models.Model):
    _inherit = "bus.bus"

    def _ensure_hooks(self):
        """Register the post-commit ``NOTIFY`` on this process's kept connection to
        ``postgres`` before Odoo's own, which then finds the channels' set made and
        adds no second one (a new connection per commit)."""
        postcommit = self.env.cr.postcommit
        if CHANNELS not in postcommit.data:
            postcommit.data[CHANNELS] = OrderedSet()
            postcommit.add(partial(_notify_channels, postcommit.data))
        return super()._ensure_hooks()
