from . import property_lead_register
from . import property_lead_followup
from . import property_lead_reassign
from . import property_sales_report_wizard
