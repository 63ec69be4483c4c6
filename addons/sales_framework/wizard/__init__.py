from . import sales_scorecard_wizard
