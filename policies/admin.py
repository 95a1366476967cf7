"""The admin of draft policies, their comment windows and the document library."""

from django import forms
from django.contrib import admin
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from markdownx.admin import MarkdownxModelAdmin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from core.admin import TranslatedAdmin
from core.history_admin import HistoryAdmin
from core.kept_uploads import KeptAdminFileWidget, keeps_uploads_form
from feedback.models import Feedback

from .models import Document, Policy, PolicyExtension
from .windows import local_today


class WindowFilter(admin.SimpleListFilter):
    """Where each policy's comment window stands today, in the site's time zone."""

    title = _("comment window")
    parameter_name = "window"

    def lookups(self, request, model_admin):
        return [
            ("running", _("Taking comments now")),
            ("upcoming", _("Not yet open")),
            ("closed", _("Closed")),
            ("none", _("No window")),
        ]

    def queryset(self, request, queryset):
        today = local_today()
        policies = queryset.with_window()
        match self.value():
            case "running":
                return policies.filter(takes_comments=True)
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


class PolicyExtensionInline(TranslationTabularInline):
    """Extensions of a draft's comment window, kept as its history."""

    model = PolicyExtension
    extra = 0
    fields = ["closes", "reason", "created"]
    readonly_fields = ["created"]
    verbose_name = _("extension of the comment period")
    verbose_name_plural = _("extensions of the comment period (kept as history)")


class DocumentInline(TranslationStackedInline):
    """A draft's documents, added on its own page."""

    model = Document
    extra = 0
    fields = ["title", "file", "link", "kind", "published_on", "supersedes"]
    show_change_link = True

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            # A document added to a draft is, most often, the draft itself.
            kwargs["initial"] = Document.Kind.DRAFT_POLICY
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "supersedes":
            # An earlier version is one of this policy's own documents.
            object_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Document.objects.filter(policy_id=object_id or None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Policy)
class PolicyAdmin(HistoryAdmin, CheckboxAreasMixin, TranslatedAdmin, MarkdownxModelAdmin):
    """Draft policies: text, window, related content and what was heard."""

    list_display = ["title", "number", "status", "is_published", "window", "comments"]
    list_filter = ["status", WindowFilter, "is_published", "areas"]
    search_fields = ["title", "number", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["posts"]
    readonly_fields = ["window", "comments", "comment_total"]
    inlines = [PolicyExtensionInline, DocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "number", "summary", "body"]}),
        (
            _("Publication and comment window"),
            {
                "fields": [
                    "is_published",
                    "status",
                    ("comment_opens", "comment_closes"),
                    "window",
                    "comments",
                ]
            },
        ),
        (_("Related"), {"fields": ["areas", "posts"]}),
        (_("After the window"), {"fields": ["what_we_heard"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_window().with_comment_count()

    def view_on_site(self, policy):
        # The public page is a 404 until the draft is published; staff preview it instead.
        return policy.get_absolute_url() if policy.is_published else policy.get_preview_url()

    def can_read_comments(self, request):
        """Only feedback reviewers may open the comments; other staff see the count."""
        feedback_admin = self.admin_site._registry.get(Feedback)
        return feedback_admin is not None and feedback_admin.has_view_permission(request)

    def get_list_display(self, request):
        names = super().get_list_display(request)
        if self.can_read_comments(request):
            return names
        return [name if name != "comments" else "comment_total" for name in names]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.can_read_comments(request):
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        f if f != "comments" else "comment_total" for f in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description=_("comments (spam not counted)"), ordering="comment_count")
    def comment_total(self, policy):
        if policy.pk is None:
            return "—"
        return ngettext("%(count)d comment", "%(count)d comments", policy.comment_count) % {
            "count": policy.comment_count
        }

    @admin.display(description=_("comments (spam not counted)"), ordering="comment_count")
    def comments(self, policy):
        """How many comments came in, linked to them in the feedback triage."""
        if policy.pk is None:
            return "—"
        url = reverse("admin:feedback_feedback_changelist")
        return format_html(
            '<a href="{}?policy__id__exact={}">{}</a>', url, policy.pk, self.comment_total(policy)
        )

    @admin.display(description=_("comment window today"))
    def window(self, policy):
        if policy.pk is None:
            return "—"
        return policy.window_in_words() or _("No window")


@admin.register(Document)
class DocumentAdmin(HistoryAdmin, CheckboxAreasMixin, TranslatedAdmin):
    """The document library: files or links to official copies, kinds, dates and versions."""

    form = keeps_uploads_form(Document)
    formfield_overrides = {models.FileField: {"widget": KeptAdminFileWidget}}

    list_display = ["title", "kind", "published_on", "policy", "size"]
    list_filter = ["kind", "published_on", "areas"]
    search_fields = ["title", "docket_number", "policy__title", "policy__number"]
    autocomplete_fields = ["policy", "supersedes"]
    list_select_related = ["policy"]
    date_hierarchy = "published_on"
    fields = [
        "title",
        "file",
        "link",
        "kind",
        ("filed_on", "docket_number"),
        "published_on",
        "policy",
        "monitoring_report",
        "supersedes",
        "areas",
    ]

    @admin.display(description=_("size"), ordering="file_size")
    def size(self, document):
        if document.is_external:
            return _("link to %(host)s") % {"host": document.link_host}
        return filesizeformat(document.file_size)
