from . import mall_settlement_payment_wizard
