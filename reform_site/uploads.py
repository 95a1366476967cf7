"""``/uploads/<name>`` when uploads live in object storage (core/object_storage.py).

The front server serves uploads from a shared disk itself; with a bucket, this
view answers the stable address pages link to: a redirect to a signed address
at the bucket, valid for a few minutes, or 404 for a file residents may not
see yet (a document dated ahead or of an unpublished policy, the document of a
monitoring report not yet shown) unless a staff member asks, and for files
kept between tries of a form.
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.views.static import serve

from areas.models import MonitoringReport
from core import kept_uploads
from policies.models import Document


def hidden_from_residents(name):
    """Whether ``name`` is the file of a record residents may not see (yet)."""
    if Document.objects.filter(file=name).exists():
        return not Document.objects.published().filter(file=name).exists()
    if MonitoringReport.objects.filter(document=name).exists():
        return not MonitoringReport.objects.published().filter(document=name).exists()
    return False


def serve_upload(request, path):
    if path.startswith(f"{kept_uploads.FOLDER}/"):
        raise Http404  # a form's kept file is read back by the form, never fetched
    signed_url = getattr(default_storage, "signed_url", None)
    if signed_url is None:
        if settings.DEBUG:  # `make run`: no front server
            return serve(request, path, document_root=settings.MEDIA_ROOT)
        raise Http404  # on a disk, the front server answers /uploads/ itself
    if hidden_from_residents(path) and not request.user.is_staff:
        raise Http404
    if not default_storage.exists(path):
        raise Http404
    response = HttpResponseRedirect(signed_url(path))
    # The signed address outlives this redirect; a shared cache must not keep it.
    patch_cache_control(response, private=True, max_age=60)
    response["X-Content-Type-Options"] = "nosniff"
    return response
