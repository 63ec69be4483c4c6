from . import test_register
from . import test_protection
from . import test_register_tour
from . import test_reports
from . import test_consultant_tour
