from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class SettlementPortal(CustomerPortal):
    """T10: a supplier's contacts read, confirm or dispute their statements."""

    def _settlement_domain(self):
        return [("state", "!=", "draft")]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "settlement_count" in counters:
            Statement = request.env["mall.settlement.statement"]
            values["settlement_count"] = (
                Statement.search_count(self._settlement_domain())
                if Statement.has_access("read")
                else 0
            )
        return values

    @http.route(
        ["/my/settlements", "/my/settlements/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_settlements(self, page=1, **kw):
        Statement = request.env["mall.settlement.statement"]
        if not Statement.has_access("read"):
            return request.redirect("/my")
        domain = self._settlement_domain()
        total = Statement.search_count(domain)
        pager = portal_pager(
            url="/my/settlements", total=total, page=page, step=self._items_per_page
        )
        statements = Statement.search(
            domain,
            order="id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "statements": statements.sudo(),
                "page_name": "settlement",
                "pager": pager,
                "default_url": "/my/settlements",
            }
        )
        return request.render("mall_settlement.portal_my_settlements", values)

    def _settlement_check_access(self, statement_id, access_token=None):
        statement = self._document_check_access(
            "mall.settlement.statement", statement_id, access_token
        )
        if statement.state == "draft":
            raise MissingError(request.env._("This document does not exist."))
        return statement

    def _settlement_as_supplier(self, statement_id):
        """The statement as the logged-in supplier contact (no superuser): 404 for an
        internal user, for another supplier's statement and for a draft."""
        if not request.env.user.share:
            raise request.not_found()
        statement = request.env["mall.settlement.statement"].browse(statement_id)
        try:
            if not statement.exists() or not statement._is_supplier_user():
                raise request.not_found()
        except AccessError:
            raise request.not_found() from None
        return statement

    @http.route(["/my/settlements/<int:statement_id>"], type="http", auth="public", website=True)
    def portal_my_settlement(
        self, statement_id, access_token=None, message=None, report_type=None, download=False, **kw
    ):
        try:
            statement = self._settlement_check_access(statement_id, access_token)
        except (AccessError, MissingError):
            raise request.not_found() from None
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=statement,
                report_type=report_type,
                report_ref="mall_settlement.action_report_settlement_statement",
                download=download,
            )
        values = self._get_page_view_values(
            statement,
            access_token,
            {"statement": statement, "page_name": "settlement", "message": message},
            "my_settlements_history",
            False,
        )
        return request.render("mall_settlement.portal_my_settlement", values)

    @http.route(
        ["/my/settlements/<int:statement_id>/confirm"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_settlement_confirm(self, statement_id, **kw):
        """T10: the supplier's own acceptance, recorded as the supplier's contact; finance
        posts the statement afterwards."""
        statement = self._settlement_as_supplier(statement_id)
        try:
            statement.action_supplier_confirm()
            message = "confirmed"
        except UserError:
            message = "refused"
        return request.redirect(f"/my/settlements/{statement.id}?message={message}")

    @http.route(
        ["/my/settlements/<int:statement_id>/dispute"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_settlement_dispute(self, statement_id, reason=None, **kw):
        statement = self._settlement_as_supplier(statement_id)
        try:
            statement.action_dispute(reason=reason)
            message = "disputed"
        except UserError:
            message = "reason_required"
        return request.redirect(f"/my/settlements/{statement.id}?message={message}")
