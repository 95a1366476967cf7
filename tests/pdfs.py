"""PDF files for tests: a real one pypdf reads, and files that only begin like one."""

from io import BytesIO

from pypdf import PdfWriter


def pdf_bytes(pages=1, password=None):
    """A small, sound PDF of blank pages (optionally needing ``password`` to open)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    if password:
        writer.encrypt(user_password=password, owner_password=password)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


# Begins as a PDF, goes on as a web page: a browser that sniffs it runs the script.
POLYGLOT = (
    b"%PDF-1.7\n<!doctype html><html><body><h1>Report</h1>"
    b"<script>document.title = 'script ran'; fetch('/admin/')</script></body></html>\n"
)
