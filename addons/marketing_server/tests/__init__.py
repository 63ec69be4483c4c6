from . import test_bus_notify, test_listen_backlog
