from . import (
    test_settlement_access,
    test_settlement_charge_types,
    test_settlement_company,
    test_settlement_figures,
    test_settlement_flow,
    test_settlement_guard,
    test_settlement_late,
    test_settlement_payment,
    test_settlement_portal,
    test_settlement_reports,
    test_settlement_tour,
)
