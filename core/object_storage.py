"""Uploads in an S3-compatible bucket (django-storages), for several app servers.

Objects are private: the bucket answers only requests signed with the site's
key. Pages link every upload at its stable address on the site,
``/uploads/<name>`` (so rendered Markdown and cached pages never hold an
address that expires), and ``reform_site.uploads.serve_upload`` answers that
address with a redirect to a signed address valid for a few minutes, or with
404 for a file residents may not see yet (a document dated ahead, say).

Every object is stored with its content type; anything but an image also with
``Content-Disposition: attachment``, so a browser saves a document rather than
showing it from the bucket's address.
"""

import mimetypes

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

INLINE_TYPES = ("image/jpeg", "image/png", "image/webp")


class UploadsStorage(S3Storage):
    """django-storages' S3 backend, private, linked at the site's own ``/uploads/`` address."""

    default_acl = "private"
    querystring_auth = True
    file_overwrite = False  # two uploads of one name keep both, as on a disk

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        parameters.setdefault("ContentType", content_type)
        if content_type not in INLINE_TYPES:
            parameters.setdefault("ContentDisposition", "attachment")
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        """The file's stable address on the site; ``signed_url`` gives the bucket's."""
        return settings.MEDIA_URL + filepath_to_uri(name)

    def signed_url(self, name, expire=None):
        """A signed address at the bucket, good for ``expire`` seconds (UPLOADS_S3_URL_SECONDS)."""
        return super().url(name, expire=expire or settings.UPLOADS_S3_URL_SECONDS)
