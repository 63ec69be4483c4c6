from . import marketing_workflow_mixin
from . import marketing_approval_mixin
from . import marketing_review_history
from . import ir_http
from . import res_company
from . import res_config_settings
from . import tier_definition
from . import tier_review
