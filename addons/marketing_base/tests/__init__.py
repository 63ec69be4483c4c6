from . import test_marketing_base
from . import test_workflow_approval
from . import test_suite_guards
from . import test_demo_homes
from . import test_portal_lang
from . import test_demo_todos
