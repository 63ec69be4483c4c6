from . import property_marketing_department
from . import property_marketing_category
from . import property_marketing_budget
from . import property_marketing_budget_line
from . import property_marketing_overspend
from . import account_move
from . import account_move_line
from . import property_marketing_budget_analysis
