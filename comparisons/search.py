"""What residents can search in the comparison: other cities' decrees, their monitors and judges."""

from django.utils.translation import gettext_lazy as _

from core.searchable import Section

from .models import ConsentDecree

SECTIONS = [
    Section(
        "decrees",
        _("Other cities"),
        ConsentDecree.objects.all,
        ("city", "department", "monitor", "judge", "summary", "notes"),
    )
]
