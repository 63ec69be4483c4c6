from . import test_board
from . import test_entry_flow
from . import test_tour
