"""A file chosen on a form survives an error elsewhere on the form.

Browsers never send a chosen file twice, so a form that comes back with an
error (a missing description, a date in the wrong order) would make staff
choose the file again. ``KeepsUploadsMixin`` keeps each file that passed its
own checks in storage under an unguessable name, and the form carries a signed
reference to it in a hidden input beside the file input, with a note saying
the file is kept. Sent again without a new file, the form takes the kept one;
a new file replaces it. The reference is signed, so no one can point the form
at another stored file, and it expires after a day, as do the kept files.
"""

import datetime
import secrets
from pathlib import PurePosixPath

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

FOLDER = "kept-uploads"
SALT = "core.kept_uploads"
MAX_AGE = datetime.timedelta(days=1)


def keep(cleaned_file, shown_name):
    """Store ``cleaned_file`` for the next try; return the signed reference to it."""
    _remove_expired()
    suffix = PurePosixPath(cleaned_file.name).suffix
    cleaned_file.seek(0)
    stored = default_storage.save(f"{FOLDER}/{secrets.token_urlsafe(16)}{suffix}", cleaned_file)
    cleaned_file.seek(0)
    content_type = getattr(cleaned_file, "content_type", "") or ""
    return signing.dumps(
        {"stored": stored, "name": cleaned_file.name, "shown": shown_name, "type": content_type},
        salt=SALT,
    )


def restore(reference):
    """The kept file named by a signed ``reference``, marked as checked; None if not valid."""
    try:
        kept = signing.loads(reference, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not default_storage.exists(kept["stored"]):
        return None
    with default_storage.open(kept["stored"]) as stored:
        upload = SimpleUploadedFile(kept["name"], stored.read(), content_type=kept["type"])
    upload.already_checked = True  # it passed the field's checks when it was first sent
    upload.shown_name = kept["shown"]
    upload.kept_as = kept["stored"]
    return upload


def _remove_expired():
    """Kept files older than a day are never asked for again."""
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - MAX_AGE
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue


class KeptFileWidgetMixin:
    """Renders the signed reference of a kept file beside the file input, and says so."""

    kept = None  # (reference, shown name), set by the form

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if value is None and data.get(f"{name}-kept"):
            return restore(data[f"{name}-kept"])
        return value

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not self.kept:
            return html
        reference, shown = self.kept
        return html + format_html(
            '<input type="hidden" name="{}-kept" value="{}"><p class="help kept-upload">{}</p>',
            name,
            reference,
            _(
                "“%(name)s” is kept: you do not need to choose it again. Choose another "
                "file only to replace it."
            )
            % {"name": shown},
        )


class KeepsUploadsMixin:
    """A form whose file fields keep what was chosen when the form comes back with errors."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        for name, field in self.fields.items():
            widget = field.widget
            if not isinstance(field, forms.FileField) or not isinstance(
                widget, KeptFileWidgetMixin
            ):
                continue
            cleaned = self.cleaned_data.get(name)
            if name in self._errors or not hasattr(cleaned, "content_type"):
                continue  # a file with a problem of its own is not kept; nothing new was sent
            shown = getattr(cleaned, "shown_name", None) or self._sent_name(name) or cleaned.name
            widget.kept = (keep(cleaned, shown), shown)

    def _sent_name(self, name):
        upload = self.files.get(self.add_prefix(name))
        return getattr(upload, "name", None)

    def save(self, commit=True):
        for name in self.fields:
            kept_as = getattr(self.cleaned_data.get(name), "kept_as", None)
            if kept_as:
                # Once the record holds its own copy, the kept one has done its job.
                transaction.on_commit(lambda path=kept_as: default_storage.delete(path))
        return super().save(commit)


class KeptAdminFileWidget(KeptFileWidgetMixin, AdminFileWidget):
    """The admin's file input, keeping a chosen file across a form's errors."""


def keeps_uploads_form(model):
    """An admin form for ``model`` whose file fields keep what was chosen across errors."""
    return type(
        f"{model.__name__}KeepsUploadsForm",
        (KeepsUploadsMixin, forms.ModelForm),
        # The admin adds the fields of its fieldsets.
        {"Meta": type("Meta", (), {"model": model, "fields": []})},
    )
