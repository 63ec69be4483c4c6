{
    "name": "Marketing & Sales Operations: Server",
    "summary": "Server-level settings: the listen backlog of Odoo's multi-process server "
    "(listen_backlog) and the bus's NOTIFY on a connection each process keeps",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["bus"],
    "post_load": "post_load",
    "installable": True,
}
