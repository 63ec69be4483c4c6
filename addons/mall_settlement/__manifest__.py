{
    "name": "Mall Supplier Settlement",
    "summary": "Monthly consignment settlement (联营结算): periods from the cutoff day, "
    "statements, supplier charges, vendor bills and invoices, payment queue, supplier portal",
    "version": "18.0.1.0.0",
    "category": "Sales/Marketing Operations",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["mall_consignment", "account", "portal", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/mall_settlement_data.xml",
        "data/ir_cron_data.xml",
        "report/mall_settlement_reports.xml",
        "report/mall_settlement_statement_templates.xml",
        "wizard/mall_settlement_payment_wizard_views.xml",
        "views/mall_settlement_period_views.xml",
        "views/mall_settlement_statement_views.xml",
        "views/mall_supplier_charge_views.xml",
        "views/mall_charge_type_views.xml",
        "views/res_config_settings_views.xml",
        "views/mall_settlement_portal_templates.xml",
        "views/mall_settlement_menus.xml",
    ],
    "demo": ["demo/mall_settlement_demo.xml", "demo/res_users_home_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "mall_settlement/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
