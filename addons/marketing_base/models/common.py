"""Helpers shared by the suite's modules."""


def selection_label(record, field_name, value=None):
    """The translated label of a selection value (the record's current one by default)."""
    field = record._fields[field_name]
    value = record[field_name] if value is None else value
    return dict(field._description_selection(record.env)).get(value, "")
