from . import test_marketing_base
