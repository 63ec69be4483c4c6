from . import test_marketing_base
from . import test_workflow_approval
