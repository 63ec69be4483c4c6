import re

from odoo.tests import HttpCase, tagged

from .common import PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionPortalHttp(HttpCase, PromotionCase):
    """The supplier's portal contact opens its promotions page and accepts through the
    real route; another supplier's contact and internal users get a 404 there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.portal_contact(cls.supplier, "丝语 市场", "mp_http_portal")
        other = cls.env["res.partner"].create({"name": "别家鞋业", "is_company": True})
        cls.other_portal = cls.portal_contact(other, "别家 市场", "mp_http_other")

    def page(self, login):
        self.authenticate(login, login)
        response = self.url_open("/my/promotions")
        self.assertEqual(response.status_code, 200)
        return response.text

    def token(self, login):
        """Log in and read a CSRF token of the session from the portal's account form."""
        self.authenticate(login, login)
        html = self.url_open("/my/account").text
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def accept(self, line, token):
        return self.url_open(
            f"/my/promotions/{line.id}/accept", data={"csrf_token": token}, allow_redirects=False
        )

    def test_supplier_accepts_on_its_page_others_get_404(self):
        promotion = self.promotion(name="测试 门户 周年庆")
        lines = promotion.participant_ids.sorted("id")
        first, second = lines[0], lines[1]

        # Another supplier: the page lists nothing of it, the route answers 404.
        self.assertNotIn("测试 门户 周年庆", self.page(self.other_portal.login))
        response = self.accept(first, self.token(self.other_portal.login))
        self.assertEqual(response.status_code, 404)

        # An internal user (the marketing department) cannot accept for the supplier there.
        response = self.accept(first, self.token("assistant"))
        self.assertEqual(response.status_code, 404)
        lines.invalidate_recordset()
        self.assertEqual(set(lines.mapped("state")), {"pending"})

        # The supplier's contact sees the promotion with its terms and accepts one line.
        html = self.page(self.portal_user.login)
        self.assertIn("测试 门户 周年庆", html)
        self.assertIn(f"/my/promotions/{first.id}/accept", html)
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        response = self.accept(first, token)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/promotions"))
        lines.invalidate_recordset()
        self.assertEqual(first.state, "accepted")
        self.assertEqual(first.decided_by_id, self.portal_user)
        self.assertEqual(second.state, "pending")
        html = self.page(self.portal_user.login)
        self.assertNotIn(f"/my/promotions/{first.id}/accept", html)
        self.assertIn(f"/my/promotions/{second.id}/accept", html)
