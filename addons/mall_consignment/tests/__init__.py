from . import test_commission
from . import test_contract_flow
from . import test_sale_ledger
from . import test_access_rights
from . import test_demo_data
from . import test_tour
