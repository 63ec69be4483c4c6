from . import test_promotion_allocation
from . import test_promotion_chains
from . import test_promotion_settlement
from . import test_ad_register
from . import test_promotion_portal
from . import test_promotion_tour
from . import test_promotion_portal_http
from . import test_promotion_reports
