"""The one rule for staff previews of what residents cannot see yet.

A public page shows only what residents may see, to everyone, staff included,
so that it is the same for every visitor (and can be cached). Staff see a draft
or scheduled record at its own preview address, which requires a staff
sign-in, is never cached or indexed, and says it is a preview.
"""

from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator

from .staff import staff_only


class StaffPreviewMixin:
    """Put before a public ``DetailView`` whose ``queryset`` it widens to every record.

    The template gets ``preview`` (True) to show a notice and ``noindex``.
    """

    preview_queryset = None  # every record, drafts included
    kept_as = None  # read every time: what staff see must never be kept for residents

    @method_decorator(staff_only)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.preview_queryset.all()

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
