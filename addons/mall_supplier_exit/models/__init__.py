from . import res_company
from . import res_config_settings
from . import mall_exit_notice
from . import mall_fixture_storage
from . import mall_elimination
from . import mall_contract
