"""Checks on uploaded documents: by their content, never by their name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_SIGNATURE = b"%PDF-"


def read_head(file, length):
    """The first ``length`` bytes of an uploaded file, leaving its position where it was."""
    position = file.tell()
    file.seek(0)
    head = file.read(length)
    file.seek(position)
    return head


def validate_document_file(value):
    """Accept a PDF (by its signature) no larger than DOCUMENT_UPLOAD_MAX_BYTES.

    A PDF named ``report.txt`` is accepted, and stored with a ``.pdf`` name; a
    file named ``report.pdf`` that is not a PDF is refused.
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
