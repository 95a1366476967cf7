from django import forms
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from markdownx.admin import MarkdownxModelAdmin

from .models import Document, Policy, PolicyExtension
from .windows import local_today


class WindowFilter(admin.SimpleListFilter):
    """Where each policy's comment window stands today, in the site's time zone."""

    title = _("comment window")
    parameter_name = "window"

    def lookups(self, request, model_admin):
        return [
            ("running", _("Running now")),
            ("upcoming", _("Not yet open")),
            ("closed", _("Closed")),
            ("none", _("No window")),
        ]

    def queryset(self, request, queryset):
        today = local_today()
        policies = queryset.with_window()
        match self.value():
            case "running":
                return policies.filter(comment_opens__lte=today, closes_on__gte=today)
            case "upcoming":
                return policies.filter(comment_opens__gt=today)
            case "closed":
                return policies.filter(closes_on__lt=today)
            case "none":
                return policies.filter(comment_opens__isnull=True)
        return None


class CheckboxAreasMixin:
    """Areas are few: a list of checkboxes reads better than a multiple select."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "areas":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class PolicyExtensionInline(admin.TabularInline):
    model = PolicyExtension
    extra = 0
    fields = ["closes", "reason", "created"]
    readonly_fields = ["created"]
    verbose_name = _("extension of the comment period")
    verbose_name_plural = _("extensions of the comment period (kept as history)")


class DocumentInline(admin.StackedInline):
    model = Document
    extra = 0
    fields = ["title", "file", "kind", "published_on", "supersedes"]
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "supersedes":
            # An earlier version is one of this policy's own documents.
            object_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Document.objects.filter(policy_id=object_id or None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Policy)
class PolicyAdmin(CheckboxAreasMixin, MarkdownxModelAdmin):
    list_display = ["title", "number", "status", "is_published", "window"]
    list_filter = ["status", WindowFilter, "is_published", "areas"]
    search_fields = ["title", "number", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["posts"]
    readonly_fields = ["window"]
    inlines = [PolicyExtensionInline, DocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "number", "summary", "body"]}),
        (
            _("Publication and comment window"),
            {"fields": ["is_published", "status", ("comment_opens", "comment_closes"), "window"]},
        ),
        (_("Related"), {"fields": ["areas", "posts"]}),
        (_("After the window"), {"fields": ["what_we_heard"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_window()

    @admin.display(description=_("comment window today"))
    def window(self, policy):
        if policy.pk is None:
            return "—"
        return policy.window_in_words() or _("No window")


@admin.register(Document)
class DocumentAdmin(CheckboxAreasMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "published_on", "policy", "size"]
    list_filter = ["kind", "published_on", "areas"]
    search_fields = ["title", "policy__title", "policy__number"]
    autocomplete_fields = ["policy", "supersedes"]
    list_select_related = ["policy"]
    date_hierarchy = "published_on"
    fields = ["title", "file", "kind", "published_on", "policy", "supersedes", "areas"]

    @admin.display(description=_("size"), ordering="file_size")
    def size(self, document):
        return filesizeformat(document.file_size)
