"""Form fields for images: every upload is checked and stripped before it is stored."""

from pathlib import PurePosixPath

from django import forms
from django.core.files.storage import default_storage
from markdownx.settings import MARKDOWNX_MEDIA_PATH

from .images import ACCEPTED_FORMATS, make_renditions, prepare_upload

ACCEPT = ",".join(mime for _extensions, mime in ACCEPTED_FORMATS.values())


class CheckedImageField(forms.ImageField):
    """An image upload refused unless it is a sound JPEG, PNG or WebP; cleaned of metadata.

    Replaces Django's own Pillow check, whose one message ("Upload a valid
    image") does not tell staff what is wrong.
    """

    def __init__(self, *args, max_side=3200, **kwargs):
        self.max_side = max_side
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None or getattr(upload, "already_checked", False):
            return upload  # nothing chosen, or kept from an earlier try (core.kept_uploads)
        return prepare_upload(upload, max_side=self.max_side)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ACCEPT
        return attrs


class EditorImageForm(forms.Form):
    """The Markdown editor's image upload, with the same checks as a post's cover image.

    Stands in for markdownx's own form, which trusts the browser's content type.
    Editor images are kept at most 1600 pixels wide and get renditions too.
    """

    image = CheckedImageField(max_side=1600)

    def save(self, commit=True):
        """Store the cleaned image and its renditions; return the original's URL."""
        image = self.cleaned_data["image"]
        name = default_storage.save(str(PurePosixPath(MARKDOWNX_MEDIA_PATH) / image.name), image)
        make_renditions(name)
        return default_storage.url(name)
