from . import till_template
