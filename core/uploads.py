"""Checks on uploaded documents: by their content, never by their name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

PDF_SIGNATURE = b"%PDF-"


def read_head(file, length):
    """The first ``length`` bytes of an uploaded file, leaving its position where it was."""
    position = file.tell()
    file.seek(0)
    head = file.read(length)
    file.seek(position)
    return head


def pdf_problem(file):
    """None if ``file`` reads as a PDF with at least one page a reader can open; else a code.

    The signature alone proves little: a file can begin with ``%PDF-`` and go
    on as a web page with a script (a polyglot). pypdf reads the structure
    (cross-reference table, trailer, catalogue, page tree), which such a file
    does not have. The codes: "not_pdf", "password".
    """
    position = file.tell()
    file.seek(0)
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            return "password"  # only an owner password (no password to open) reads as sound
        if len(reader.pages) < 1:
            return "not_pdf"
    except PyPdfError:
        return "not_pdf"
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return "not_pdf"  # pypdf's parser lets these through on some malformed files
    finally:
        file.seek(position)
    return None


def validate_document_file(value):
    """Accept a PDF (by its content) no larger than DOCUMENT_UPLOAD_MAX_BYTES.

    A PDF named ``report.txt`` is accepted, and stored with a ``.pdf`` name; a
    file named ``report.pdf`` that is not a PDF is refused, and so is a file that
    begins as a PDF but does not read as one (see ``pdf_problem``).
    """
    if getattr(value, "_committed", True):
        return  # already stored and checked when it was uploaded
    name = getattr(value, "name", "") or _("This file")
    limit = settings.DOCUMENT_UPLOAD_MAX_BYTES
    if value.size > limit:
        raise ValidationError(
            _(
                "“%(name)s” is %(size)s; the largest document the site accepts is %(limit)s. "
                "Make the PDF smaller (for example, save it with compressed images) or split "
                "it into parts, then upload it again."
            )
            % {"name": name, "size": filesizeformat(value.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if read_head(value.file, len(PDF_SIGNATURE)) != PDF_SIGNATURE:
        raise ValidationError(
            _(
                "“%(name)s” is not a PDF: its content does not begin as a PDF does, whatever "
                "its name says. Save or export the document as PDF, then upload that file."
            )
            % {"name": name},
            code="not_pdf",
        )
    problem = pdf_problem(value.file)
    if problem == "password":
        raise ValidationError(
            _(
                "“%(name)s” is protected by a password, so residents could not open it. Save "
                "a copy without a password (in your PDF program's security settings), then "
                "upload that copy."
            )
            % {"name": name},
            code="pdf_password",
        )
    if problem:
        raise ValidationError(
            _(
                "“%(name)s” begins as a PDF but is not one a reader can open: it is damaged, "
                "or it is another kind of file. Open it in a PDF reader to check it, save or "
                "export it as PDF again, then upload the new file."
            )
            % {"name": name},
            code="not_readable_pdf",
        )
