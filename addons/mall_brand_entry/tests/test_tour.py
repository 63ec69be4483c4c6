from odoo.tests import HttpCase, tagged

from .common import EntryCase


@tagged("post_install", "-at_install")
class TestBoardTour(HttpCase, EntryCase):
    """In the browser: the Buyer submits the application, each board member votes with a
    comment, and the Buyer's vote approves it and opens the contract draft."""

    def test_board_in_browser(self):
        application = self.to_reserve(self.application())
        url = f"/odoo/action-mall_brand_entry.action_mall_brand_application/{application.id}"
        self.start_tour(url, "mall_brand_entry_submit_tour", login=self.buyer.login)
        self.assertEqual(application.state, "board")
        for user in (self.gm, self.head, self.floor_manager3):
            self.start_tour(url, "mall_brand_entry_vote_tour", login=user.login)
        self.assertEqual(application.state, "board")
        self.start_tour(url, "mall_brand_entry_contract_tour", login=self.buyer.login)
        self.assertEqual(application.state, "approved")
        self.assertEqual(application.contract_id.state, "draft")
        self.assertEqual(application.contract_id.brand_id, application.brand_id)
        comments = application.review_ids.mapped("comment")
        self.assertEqual(comments, ["同意引进"] * 4)
