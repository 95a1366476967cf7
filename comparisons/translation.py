"""Other cities' decrees: the words staff write about them, in each language."""

from core.i18n import register_translated

from .models import ConsentDecree

register_translated(ConsentDecree, "department", "agreement_type", "summary", "milestone", "notes")
