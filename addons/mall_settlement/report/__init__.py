from . import mall_settlement_period_xlsx
