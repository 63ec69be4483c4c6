from . import test_unit_lock
from . import test_lock_cost
from . import test_control_log
from . import test_deposit
from . import test_subscription
from . import test_sales_chart
from . import test_sales_chart_tour
