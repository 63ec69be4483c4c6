from . import property_project
from . import utm_source
from . import property_lead_contact
from . import crm_lead
from . import property_subscription
from . import property_sales_analysis
