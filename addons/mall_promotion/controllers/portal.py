from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class PromotionPortal(CustomerPortal):
    """Participating suppliers see their promotions, accept them before the General
    Manager approves, and follow the running estimate of their share."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "promotion_count" in counters:
            Participant = request.env["mall.promotion.participant"]
            values["promotion_count"] = (
                Participant.search_count([]) if Participant.has_access("read") else 0
            )
        return values

    @http.route(["/my/promotions"], type="http", auth="user", website=True)
    def portal_my_promotions(self, **kw):
        Participant = request.env["mall.promotion.participant"]
        if not request.env.user.share or not Participant.has_access("read"):
            return request.redirect("/my")
        lines = Participant.search([], order="id desc")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "participations": lines.sudo(),
                "estimates": lines.sudo()._running_estimates(),
                "page_name": "promotion",
            }
        )
        return request.render("mall_promotion.portal_my_promotions", values)

    @http.route(
        ["/my/promotions/<int:line_id>/accept"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_promotion_accept(self, line_id, **kw):
        """The supplier's own portal contact only: internal users record acceptances
        in the back office, never through the supplier's page."""
        line = request.env["mall.promotion.participant"].browse(line_id)
        try:
            if not request.env.user.share or not line.exists():
                raise request.not_found()
            line.action_accept()
        except (AccessError, UserError):
            raise request.not_found() from None
        return request.redirect("/my/promotions")
