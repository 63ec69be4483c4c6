from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _number_in_batch(self):
        """Give draft documents about to be posted together their sequence numbers at once.

        Odoo numbers each posted document on its own (a query for the last number, a
        savepoint and two flushes per document). Here the first document of each journal,
        date and type is numbered by Odoo's own ``_set_next_sequence`` (new periods, prefixes
        and collisions handled as usual), and the others take the following numbers in
        Odoo's posting order, written in one flush. A document posted by someone else in the
        same journal at the same moment makes the unique index on (name, journal) refuse the
        batch: the caller runs it in a savepoint and falls back to Odoo's own numbering."""
        todo = self.filtered(lambda move: move.state == "draft" and move.name in (False, "/"))
        groups = todo.sorted(lambda m: (m.date, m.ref or "", m.id)).grouped(
            lambda move: (move.journal_id, move.date, move.move_type)
        )
        for moves in groups.values():
            first = moves[0]
            first._set_next_sequence()
            sequence_format, values = first._get_sequence_format_param(first.name)
            others = moves[1:]
            # the numbers go to the cache as a computation's results do (one write per
            # document would run account.move's write for each), then what a write of
            # the name triggers: its dependent fields and its inverse
            with self.env.protecting([self._fields["name"]], others):
                for move in others:
                    values["seq"] += 1
                    move.name = sequence_format.format(**values)
            others.modified(["name"])
            others._inverse_name()
            moves.flush_recordset(["name", "sequence_prefix", "sequence_number"])
