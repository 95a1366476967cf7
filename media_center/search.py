"""What residents can search in the Media Center: published posts."""

from django.utils.translation import gettext_lazy as _

from core.searchable import Section

from .models import Post

SECTIONS = [
    Section("posts", _("Media Center"), Post.objects.published, ("title", "summary", "body"))
]
