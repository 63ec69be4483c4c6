from . import property_marketing_budget_xlsx
