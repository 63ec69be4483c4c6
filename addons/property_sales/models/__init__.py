from . import property_project
from . import property_building_position
from . import property_building
from . import property_unit
from . import property_unit_lock
from . import property_deposit
from . import property_subscription
from . import property_control_log
