from . import res_company
from . import res_config_settings
from . import mall_document_requirement
from . import mall_brand_application
from . import mall_fitout
from . import mall_contract
from . import mall_elimination
