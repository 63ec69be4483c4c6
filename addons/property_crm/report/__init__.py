from . import property_sales_report_xlsx
