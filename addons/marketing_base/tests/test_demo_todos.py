"""The demo's approval To-Dos read the reviewer's language: Odoo loads a module's
translations after its demo data, when the demo stories have already given them."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoTodos(TransactionCase):
    def test_review_todos_read_the_reviewers_language(self):
        review_type = self.env.ref("marketing_base.mail_activity_review")
        todos = self.env["mail.activity"].search([("activity_type_id", "=", review_type.id)])
        for todo in todos:
            lang = todo.user_id.lang
            record = self.env[todo.res_model].browse(todo.res_id)
            titles = {
                definition.with_context(lang=lang).name
                for definition in record.review_ids.definition_id
            } | {review_type.with_context(lang=lang).summary}
            with self.subTest(model=todo.res_model, user=todo.user_id.login):
                self.assertIn(todo.summary, titles)
