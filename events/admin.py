"""The admin of meetings and hearings: when, where, how to take part, and their links."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from markdownx.admin import MarkdownxModelAdmin

from core.admin import TranslatedAdmin
from core.history_admin import HistoryAdmin

from .models import Event, EventLink


class WhenFilter(admin.SimpleListFilter):
    """Upcoming or past, as residents see it now."""

    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return None


class EventLinkInline(admin.TabularInline):
    """Notes, recordings and sources, added on the event's own page."""

    model = EventLink
    extra = 0
    fields = ["kind", "label", "url", "order"]
    verbose_name = _("link")
    verbose_name_plural = _("links: notes, recordings, slides, sources")


@admin.register(Event)
class EventAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
    """Meetings and hearings; the times are the site's time zone's."""

    list_display = ["title", "starts_at", "status", "is_published", "where"]
    list_filter = [WhenFilter, "status", "is_published", "online", "areas"]
    search_fields = ["title", "summary", "place_name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["policies"]
    date_hierarchy = "starts_at"
    inlines = [EventLinkInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (
            _("When"),
            {
                "fields": ["starts_at", "ends_at", "all_day"],
                "description": format_lazy(
                    _("Times are {zone} time."), zone=timezone.get_default_timezone_name()
                ),
            },
        ),
        (_("Status"), {"fields": ["is_published", "status", "status_note"]}),
        (
            _("Where and how to take part"),
            {
                "fields": [
                    "place_name",
                    "address",
                    "accessibility",
                    "online",
                    "online_url",
                    "languages",
                ]
            },
        ),
        (_("Related"), {"fields": ["areas", "policies"]}),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "areas":
            # Areas are few: a list of checkboxes reads better than a multiple select.
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def view_on_site(self, event):
        # The public page is a 404 until the event is published; staff preview it instead.
        return event.get_absolute_url() if event.is_published else event.get_preview_url()

    @admin.display(description=_("where"))
    def where(self, event):
        return event.where_in_words() or "—"
