from . import sales_scorecard_xlsx
