"""Filters for the policy list and the document library."""

from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from areas.models import Area
from core.i18n import columns_as_shown

from .models import Document, Policy


class AreaChoiceField(forms.ModelChoiceField):
    """An area chosen by its slug, or any area."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Area.objects.all(),
            to_field_name="slug",
            required=False,
            empty_label=_("Any area"),
            label=_("Area"),
            **kwargs,
        )


class PolicyFilterForm(forms.Form):
    """Narrow the policy list by status and area."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Policy.Status.choices],
    )
    area = AreaChoiceField()

    def filter(self, policies, now=None):
        """``policies`` narrowed by whichever filters are valid."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("status"):
            policies = policies.with_status(data["status"], now)
        if data.get("area"):
            policies = policies.for_area(data["area"])
        return policies


class DocumentFilterForm(forms.Form):
    """Narrow the document library by kind and area, and search titles."""

    q = forms.CharField(label=_("Title contains"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *Document.Kind.choices]
    )
    area = AreaChoiceField()
    earlier = forms.BooleanField(label=_("Include earlier versions"), required=False)

    def filter(self, documents):
        """``documents`` narrowed by whichever filters are valid."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        # Earlier versions are listed only on request, and then marked as such.
        documents = documents.with_currency() if data.get("earlier") else documents.current()
        if data.get("q"):
            # The title as the reader sees it: in the page's language, or the English.
            titles = columns_as_shown(Document, "title")
            documents = documents.filter(
                reduce(or_, (Q(**{f"{name}__icontains": data["q"]}) for name in titles))
            )
        if data.get("kind"):
            documents = documents.filter(kind=data["kind"])
        if data.get("area"):
            documents = documents.filter(areas=data["area"])
        return documents
