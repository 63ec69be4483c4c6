from . import test_board
from . import test_entry_flow
