{
    "name": "Mall Promotions and In-Store Advertising",
    "summary": "Promotions (促销) with approval chains, supplier cost sharing to the cent, "
    "promotion commission rates and discount ratios in the settlement, the in-store "
    "advertising register (三联单) with its checks and breaches",
    "version": "18.0.1.0.0",
    "category": "Sales/Marketing Operations",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["mall_settlement", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        "data/tier_definition_data.xml",
        "report/mall_promotion_reports.xml",
        "report/mall_ad_placement_templates.xml",
        "report/mall_settlement_statement_templates.xml",
        "views/mall_promotion_views.xml",
        "views/mall_promotion_allocation_views.xml",
        "views/mall_ad_placement_views.xml",
        "views/mall_ad_breach_views.xml",
        "views/mall_settlement_statement_views.xml",
        "views/mall_promotion_portal_templates.xml",
        "views/mall_promotion_menus.xml",
    ],
    "demo": ["demo/mall_promotion_demo.xml", "demo/res_users_home_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "mall_promotion/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
