"""A portal user reads frontend pages in his own language, whatever the browser asks for
and whatever language an earlier visit left in the ``frontend_lang`` cookie."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalLanguage(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["res.lang"]._activate_lang("en_US")

    def _page_as(self, user_lang, browser_lang, cookie_lang):
        login = f"supplier_{user_lang.lower()}"
        new_test_user(self.env, login=login, groups="base.group_portal", lang=user_lang)
        self.authenticate(login, login)
        self.opener.cookies.set("frontend_lang", cookie_lang)
        response = self.url_open("/web/login_successful", headers={"Accept-Language": browser_lang})
        self.assertEqual(response.status_code, 200)
        return response

    def test_chinese_supplier_in_an_english_browser(self):
        response = self._page_as("zh_CN", "en-US,en;q=0.9", "en_US")
        self.assertIn("你已登录", response.text)
        self.assertNotIn("You are logged in", response.text)

    def test_english_supplier_in_a_chinese_browser(self):
        response = self._page_as("en_US", "zh-CN,zh;q=0.9", "zh_CN")
        self.assertIn("You are logged in", response.text)
        self.assertNotIn("你已登录", response.text)
