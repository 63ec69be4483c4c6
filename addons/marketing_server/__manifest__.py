{
    "name": "Marketing & Sales Operations: Server",
    "summary": "Server-wide settings of Odoo's multi-process server: the listen backlog "
    "of the HTTP socket (listen_backlog)",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["base"],
    "post_load": "post_load",
    "installable": True,
}
