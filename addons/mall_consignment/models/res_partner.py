from odoo import fields, models

from odoo.addons.marketing_base.models.common import check_role


class ResPartner(models.Model):
    _inherit = "res.partner"

    mall_contract_ids = fields.One2many("mall.contract", "partner_id", string="Mall Contracts")
    mall_document_ids = fields.One2many(
        "mall.supplier.document", "partner_id", string="Supplier Documents"
    )
    mall_contract_count = fields.Integer(compute="_compute_mall_counts")
    mall_document_count = fields.Integer(compute="_compute_mall_counts")

    def _compute_mall_counts(self):
        for partner in self:
            partner.mall_contract_count = len(partner.mall_contract_ids)
            partner.mall_document_count = len(partner.mall_document_ids)

    def action_open_mall_contracts(self):
        self.ensure_one()
        check_role(self, "mall_consignment.group_mall_user")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_consignment.action_mall_contract"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_open_mall_documents(self):
        self.ensure_one()
        check_role(self, "mall_consignment.group_mall_user")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_consignment.action_mall_supplier_document"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
