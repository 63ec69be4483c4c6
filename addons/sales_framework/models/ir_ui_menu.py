from odoo import models

# Groups that are Odoo salespeople without being the sales organisation's: the sales
# office's consultants work on CRM leads (property_crm gives them the salesperson group).
OTHER_SALES_JOBS = ("property_sales.group_sales_consultant",)
SALES_LEADERS = ("sales_team.group_sale_manager", "marketing_base.group_marketing_vp")


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        """The sales framework's menu is the sales organisation's: a user whose job is
        another kind of selling does not see it, unless he also leads sales."""
        blacklist = super()._load_menus_blacklist()
        groups = self.env.user.groups_id
        elsewhere = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in OTHER_SALES_JOBS]
        leaders = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in SALES_LEADERS]
        if any(g in groups for g in elsewhere if g) and not any(g in groups for g in leaders if g):
            blacklist = list(blacklist) + [self.env.ref("sales_framework.menu_sales_framework").id]
        return blacklist
