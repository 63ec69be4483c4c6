from . import (
    test_settlement_figures,
    test_settlement_flow,
    test_settlement_payment,
    test_settlement_access,
    test_settlement_reports,
    test_settlement_portal,
)
from . import test_settlement_tour
