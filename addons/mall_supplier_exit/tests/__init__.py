from . import test_exit_notice
from . import test_fixture_storage
from . import test_elimination
from . import test_create_forms
