from . import property_unit_lock_wizard
