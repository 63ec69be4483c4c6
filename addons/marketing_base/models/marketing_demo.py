from odoo import api, models, tools
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
        self._load_story_terms(model, method)
        records = demo_env(self.env[model])
        # call_kw replaces the records' context with the one it is given: pass the language
        return call_kw(records, method, list(args), {"context": records.env.context})

    @api.model
    def _story_module(self, model, method):
        """The module that defines the story (the latest override of the method)."""
        for cls in type(self.env[model]).mro():
            if method in vars(cls):
                return getattr(cls, "_module", None)
        return None

    @api.model
    def _load_story_terms(self, model, method):
        """Odoo loads a module's translations only after its data and demo data: the
        records of the module a story reads (the names of its tier definitions, which
        become the reviewers' To-Do titles, ...) would still be English while its demo
        runs. Load the terms of the story's module first, when it is being installed or
        updated, for the installed languages (Odoo loads them again afterwards)."""
        module = self.env["ir.module.module"]._get(self._story_module(model, method))
        if module.state not in ("to install", "to upgrade"):
            return
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        if langs:
            overwrite = tools.config["overwrite_existing_translations"]
            self.env["ir.module.module"]._load_module_terms([module.name], langs, overwrite)
