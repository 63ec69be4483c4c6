from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

# Fields a renewal takes over from the old contract as they stand (the terms come from
# the set in force on the last day, supplementary agreements included).
RENEWAL_FIELDS = (
    "partner_id",
    "brand_id",
    "contract_type",
    "quality_standard",
    "partner_representative",
    "mall_representative_id",
    "company_id",
    "currency_id",
)


class MallContract(models.Model):
    _inherit = "mall.contract"

    exit_notice_ids = fields.One2many("mall.exit.notice", "contract_id", string="Exit Notices")
    renewed_from_id = fields.Many2one(
        "mall.contract", string="Renewal Of", readonly=True, copy=False, index=True
    )
    renewal_ids = fields.One2many("mall.contract", "renewed_from_id", string="Renewals")
    end_decision = fields.Selection(
        [("none", "Not Decided"), ("renewal", "Renewal"), ("exit", "Exit")],
        string="At the End",
        compute="_compute_end_decision",
        help="A contract nearing its end is renewed or its counter exits.",
    )

    @api.depends("renewal_ids.state", "exit_notice_ids.state")
    def _compute_end_decision(self):
        for contract in self:
            if contract.renewal_ids.filtered(lambda c: c.state != "terminated"):
                contract.end_decision = "renewal"
            elif contract.exit_notice_ids.filtered(lambda n: n.state != "cancel"):
                contract.end_decision = "exit"
            else:
                contract.end_decision = "none"

    def _renewal_vals(self):
        """A new draft contract from this one: same counters and products, the terms in
        force on the last day, starting the day after it ends, for the same length."""
        self.ensure_one()
        terms = self._terms_on(self.date_end)
        start = self.date_end + timedelta(days=1)
        length = relativedelta(self.date_end + timedelta(days=1), self.date_start)
        vals = {name: self[name] for name in RENEWAL_FIELDS}
        vals = self._convert_to_write(vals)
        for name in self.TERM_FIELDS:
            if name == "tier_ids":
                continue
            vals[name] = terms._fields[name].convert_to_write(terms[name], terms)
        vals.update(
            {
                "tier_ids": [
                    fields.Command.create({"lower_bound": tier.lower_bound, "rate": tier.rate})
                    for tier in terms.tier_ids
                ],
                "counter_ids": [fields.Command.set(self.counter_ids.ids)],
                "product_ids": [fields.Command.set(self.product_ids.ids)],
                "date_start": start,
                "date_end": start + length - timedelta(days=1),
                "user_id": self.env.user.id,
            }
        )
        return vals

    def action_renew(self):
        """C8: renewal through the normal submit and sign of the new contract."""
        self._check_role("mall_consignment.group_buyer", "mall_consignment.group_contract_admin")
        self.ensure_one()
        if self.state not in ("signed", "active", "expired"):
            raise UserError(
                self.env._(
                    "Contract %(contract)s is not in force: it cannot be renewed.",
                    contract=self.display_name,
                )
            )
        if self.end_decision != "none":
            raise UserError(
                self.env._(
                    "Contract %(contract)s already has a renewal or an exit notice.",
                    contract=self.display_name,
                )
            )
        renewal = self.create(self._renewal_vals())
        with workflow_action():
            renewal.write({"renewed_from_id": self.id})
        return renewal.get_formview_action()

    def action_new_exit_notice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mall.exit.notice",
            "view_mode": "form",
            "context": {
                "default_contract_id": self.id,
                "default_reason": "contract_end",
                "default_date_exit": self.date_end,
            },
        }

    @api.model
    def _cron_end_decisions(self):
        """C8: contracts ending within the alert days with neither a renewal nor an exit
        notice get an activity for the Marketing Head: no counter falls out of contract."""
        today = fields.Date.context_today(self)
        heads = self.env.ref("mall_consignment.group_marketing_head").users.filtered(
            lambda u: not u.share
        )
        for company in self.env["res.company"].search([]):
            horizon = today + timedelta(days=company.mall_expiry_alert_days)
            contracts = self.sudo().search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("signed", "active")),
                    ("date_end", "<=", horizon),
                ]
            )
            for contract in contracts.filtered(lambda c: c.end_decision == "none"):
                for user in heads.filtered(lambda u, c=company: c in u.company_ids):
                    # in the reader's language; one To-Do per head and contract
                    summary = contract.with_context(lang=user.lang).env._(
                        "Renew contract %(contract)s or file its exit notice",
                        contract=contract.name,
                    )
                    if contract.activity_ids.filtered(
                        lambda a, u=user, s=summary: a.user_id == u and a.summary == s
                    ):
                        continue
                    contract.activity_schedule(
                        "mail.mail_activity_data_todo",
                        date_deadline=contract.date_end,
                        user_id=user.id,
                        summary=summary,
                    )
