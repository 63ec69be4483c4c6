from . import test_promotion_allocation
from . import test_promotion_chains
from . import test_promotion_settlement
from . import test_ad_register
