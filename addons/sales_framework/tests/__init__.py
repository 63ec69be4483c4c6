from . import test_targets
from . import test_achievement
from . import test_agreement
from . import test_order_review
from . import test_key_accounts
from . import test_complaints_scorecard
from . import test_launch_event
from . import test_dashboard_tour
