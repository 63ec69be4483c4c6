from odoo import api, models
from odoo.api import call_kw

from .common import demo_env


class MarketingDemo(models.AbstractModel):
    """Runs the modules' demo stories (their demo data's ``<function>``) in the language of
    the demo company's users, so that what they post in the chatter and the activities
    they give read Chinese in the Chinese demo company, as if its people had done it."""

    _name = "marketing.demo"
    _description = "Demo Stories"

    @api.model
    def run_story(self, model, method, *args):
        return call_kw(demo_env(self.env[model]), method, list(args), {})
