from . import (
    account_move,
    account_move_line,
    account_chart_template,
    ir_http,
    mall_sale_line,
    res_company,
    res_config_settings,
    mall_charge_type,
    mall_supplier_charge,
    mall_settlement_period,
    mall_settlement_statement,
)
