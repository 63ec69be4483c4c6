from . import property_lead_register
from . import property_lead_followup
from . import property_lead_reassign
