from . import mall_promotion
from . import mall_promotion_expense
from . import mall_promotion_participant
from . import mall_promotion_allocation
from . import mall_settlement_promotion_line
from . import mall_settlement_statement
from . import mall_ad_placement
from . import mall_ad_breach
