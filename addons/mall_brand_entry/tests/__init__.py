from . import test_board
from . import test_entry_flow
from . import test_tour
from . import test_demo_users
from . import test_create_forms
