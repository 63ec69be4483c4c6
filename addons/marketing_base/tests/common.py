"""Test helpers shared by the suite's modules."""

import contextlib
import io

from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError, ValidationError

# Every refusal of the suite is a UserError (AccessError and ValidationError derive from it).
REFUSALS = (AccessError, UserError, ValidationError)


def pdf_text(pdf_bytes):
    """The text of a real PDF (rendered by wkhtmltopdf), whitespace collapsed to single
    spaces (the extractor splits words with tabs and newlines)."""
    assert pdf_bytes[:4] == b"%PDF", "not a PDF: wkhtmltopdf did not render it"
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def render_pdf(env, report_ref, records):
    """Render a report through wkhtmltopdf (not the HTML shortcut of test mode)."""
    report = env["ir.actions.report"].with_context(force_report_rendering=True)
    return report._render_qweb_pdf(report_ref, records.ids)[0]


@contextlib.contextmanager
def assert_refused(testcase, records, exc=UserError):
    """The block must raise one of exc and leave the records exactly as they were."""
    records.invalidate_recordset()
    before = records.sudo().read()
    with testcase.assertRaises(exc):
        with testcase.env.cr.savepoint():
            yield
    records.invalidate_recordset()
    testcase.assertEqual(records.sudo().read(), before, "the refused call changed the records")
