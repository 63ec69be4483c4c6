from odoo.exceptions import UserError

from .common import EntryCase


class TestBoard(EntryCase):
    def test_unanimity_any_order_with_comments(self):
        """B3: the four members vote in any order; each sees the others' votes; the
        application is approved only when every member approves."""
        application = self.to_board(self.application())
        self.assertEqual(application.state, "board")
        reviews = application.review_ids
        self.assertEqual(len(reviews), 4)
        floor_review = reviews.filtered(lambda r: r.definition_id.review_type == "field")
        self.assertIn(self.floor_manager3, floor_review.reviewer_ids)
        # The Floor Manager of the target floor is taken from the floor.
        self.assertEqual(application.floor_manager_id, self.floor_manager3)
        self.vote(application, self.buyer)
        self.vote(application, self.floor_manager3)
        # Through the approval chain's own button: a comment is asked.
        action = application.with_user(self.gm).validate_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.gm)
            .with_context(**action["context"])
            .create({"comment": "同意引进，注意陈列"})
        )
        wizard.add_comment()
        self.assertEqual(application.state, "board")
        seen = application.with_user(self.floor_manager3).review_ids.mapped("status")
        self.assertEqual(sorted(seen), ["approved", "approved", "approved", "pending"])
        self.assertIn(
            "同意引进，注意陈列",
            application.review_ids.filtered(lambda r: r.done_by == self.gm).comment,
        )
        self.vote(application, self.head)
        self.assertEqual(application.state, "approved")
        self.assertEqual(application.validation_status, "validated")

    def test_unanimity_one_rejection_rejects(self):
        application = self.to_board(self.application())
        self.vote(application, self.gm)
        self.vote(application, self.head)
        self.vote(application, self.floor_manager3, approve=False)
        self.assertEqual(application.state, "rejected")
        with self.refused(UserError, "no vote to cast"):
            self.vote(application, self.buyer)

    def test_one_vote_per_member(self):
        """The General Manager is also a Marketing Head: one seat, one vote."""
        application = self.to_board(self.application())
        self.vote(application, self.gm)
        approved = application.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(len(approved), 1)
        self.assertEqual(approved.definition_id.name, "Board: General Manager")
        with self.refused(UserError, "no vote to cast"):
            self.vote(application, self.gm)
        with self.refused(UserError, "no vote to cast"):
            self.vote(application, self.visual)

    def test_majority_with_veto(self):
        """Company setting: majority, and a General Manager rejection is a veto."""
        self.company.mall_board_rule = "majority"
        approved = self.to_board(self.application())
        self.vote(approved, self.floor_manager3, approve=False)
        self.assertEqual(approved.state, "board")
        self.vote(approved, self.gm)
        self.vote(approved, self.head)
        self.assertEqual(approved.state, "board")
        self.vote(approved, self.buyer)
        self.assertEqual(approved.state, "approved")

        without_gm = self.to_board(self.application(brand_name="悦颜二"))
        self.vote(without_gm, self.head)
        self.vote(without_gm, self.buyer)
        self.vote(without_gm, self.floor_manager3)
        self.assertEqual(without_gm.state, "approved")
        vetoed2 = self.to_board(self.application(brand_name="悦颜三"))
        self.vote(vetoed2, self.head)
        self.vote(vetoed2, self.buyer)
        self.vote(vetoed2, self.gm, approve=False)
        self.assertEqual(vetoed2.state, "rejected")

        out_of_reach = self.to_board(self.application(brand_name="悦颜四"))
        self.vote(out_of_reach, self.head, approve=False)
        self.assertEqual(out_of_reach.state, "board")
        self.vote(out_of_reach, self.buyer, approve=False)
        self.assertEqual(out_of_reach.state, "rejected")

    def test_resubmission_keeps_history(self):
        application = self.to_board(self.application())
        self.vote(application, self.gm)
        self.vote(application, self.head, approve=False)
        self.assertEqual(application.state, "rejected")
        application.with_user(self.buyer).planned_monthly_sales = 260000.0
        application.with_user(self.buyer).action_submit_board()
        self.assertEqual(application.state, "board")
        self.assertEqual(set(application.review_ids.mapped("status")), {"pending"})
        history = application.review_history_ids
        self.assertEqual(history.mapped("round"), [1, 1])
        self.assertEqual(sorted(history.mapped("status")), ["approved", "rejected"])
        self.assertEqual(set(history.mapped("done_by")), {self.gm, self.head})
        for user in self.board[:2] + (self.floor_manager3, self.buyer):
            self.vote(application, user)
        self.assertEqual(application.state, "approved")

    def test_board_members_get_activities(self):
        application = self.to_board(self.application())
        users = application.activity_ids.user_id
        for member in (self.gm, self.head, self.floor_manager3, self.buyer):
            self.assertIn(member, users)
