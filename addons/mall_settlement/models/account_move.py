from odoo import api, models

# context key of the settlement's batch creation and posting, which skips Odoo's writes
# that change nothing (here and in account.move.line)
BATCH_CONTEXT = "mall_settlement_batch"


class AccountMove(models.Model):
    _inherit = "account.move"

    def write(self, vals):
        if self.env.context.get(BATCH_CONTEXT) and vals.keys() <= {
            "is_manually_modified",
            "state",
            "posted_before",
        }:
            # Odoo's create() ends by resetting the "manually modified" flag of the new
            # documents, and its posting sets their state, each with a write that first
            # reads and then synchronises every line of them again (taxes, payment terms)
            # though it changes none: the settlement's batch, whose documents were
            # synchronised when created, skips that (the balance is still checked)
            self = self.with_context(skip_invoice_sync=True)
        return super().write(vals)

    @api.model
    def _with_batch_defaults(self, vals_list):
        """``vals_list`` completed with the default values of the fields they leave out,
        computed once per set of given fields: Odoo's create() asks ``default_get`` for
        every document (a sales team lookup each), while defaults depend on the context
        and not on the record."""
        defaults = {}
        result = []
        for vals in vals_list:
            given = frozenset(vals)
            if given not in defaults:
                full = self._add_missing_default_values(dict(vals))
                defaults[given] = {name: value for name, value in full.items() if name not in given}
            result.append({**defaults[given], **vals})
        return result

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
            # document would run account.move's write for each), then the fields that
            # depend on the name are recomputed; the name's inverse (payment reference,
            # sequence gaps) runs for every document when the posting recomputes names
            with self.env.protecting([self._fields["name"]], others):
                for move in others:
                    values["seq"] += 1
                    move.name = sequence_format.format(**values)
            others.modified(["name"])
            moves.flush_recordset(["name", "sequence_prefix", "sequence_number"])
