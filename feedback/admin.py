"""Staff triage of feedback: only the "Feedback reviewers" group sees any of it.

A content editor who holds the model's permissions through some other group
still gets nothing: the admin refuses every feedback page, the export and the
index entry unless the user is in the reviewers group (or a superuser, who can
join it anyway). So names, emails and ZIP codes reach reviewers only.
"""

import csv
import datetime

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from markdownx.admin import MarkdownxModelAdmin

from areas.models import Area
from core.admin import TranslatedAdmin
from core.spreadsheets import spreadsheet_safe

from .models import REVIEWERS_GROUP, DroppedSubmission, Feedback, FeedbackPage


def is_reviewer(user):
    """Whether ``user`` may see feedback at all."""
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    # The admin asks many times per page; ask the database once per request.
    if not hasattr(user, "_is_feedback_reviewer"):
        user._is_feedback_reviewer = user.groups.filter(name=REVIEWERS_GROUP).exists()
    return user._is_feedback_reviewer


def _status_action(status):
    def action(modeladmin, request, queryset):
        changed = queryset.exclude(status=status).update(status=status)
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d submission marked “%(status)s”.",
                "%(count)d submissions marked “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": status.label},
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status.value}"
    action.short_description = _("Mark selected as “%(status)s”") % {"status": status.label}
    action.allowed_permissions = ("change",)
    return action


class TopicFilter(admin.SimpleListFilter):
    """Filter by topic, with General (no area) as a choice of its own."""

    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [("general", _("General")), *Area.objects.values_list("pk", "title")]

    def queryset(self, request, queryset):
        if self.value() == "general":
            return queryset.filter(area__isnull=True)
        if self.value() and self.value().isdigit():
            return queryset.filter(area_id=self.value())
        return queryset


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """The triage of feedback, for reviewers only: personal data stays behind it."""

    list_display = [
        "reference",
        "created_at",
        "status",
        "topic",
        "policy",
        "assignee",
        "excerpt",
        "may_contact",
        "page_language",
    ]
    list_display_links = ["reference"]
    list_filter = [
        "status",
        TopicFilter,
        ("policy", admin.RelatedOnlyFieldListFilter),
        "created_at",
        ("assignee", admin.RelatedOnlyFieldListFilter),
        "may_contact",
        "page_language",
    ]
    list_select_related = ["area", "policy", "assignee"]
    date_hierarchy = "created_at"
    search_fields = ["reference", "message", "name", "email", "zip_code", "internal_notes"]
    actions = [*(_status_action(status) for status in Feedback.Status), "export_csv"]
    list_per_page = 50
    change_list_template = "feedback/admin/change_list.html"
    fieldsets = [
        (
            None,
            {"fields": ["reference", "created_at", "page_language", "policy", "area", "message"]},
        ),
        (
            _("Sender (personal data)"),
            {"fields": ["name", "email", "zip_code", "may_contact", "language", "sender"]},
        ),
        (_("Triage"), {"fields": ["status", "assignee", "internal_notes"]}),
        (_("Record"), {"fields": ["notified_at", "personal_data_purged_at", "updated_at"]}),
    ]
    # What the resident sent is their record: reviewers triage it, they do not rewrite it.
    sent_fields = [
        "policy",
        "area",
        "message",
        "name",
        "email",
        "zip_code",
        "may_contact",
        "language",
        "page_language",
        "created_at",
    ]
    always_read_only = [
        "reference",
        "sender",
        "notified_at",
        "personal_data_purged_at",
        "updated_at",
    ]

    @admin.display(description=_("topic"), ordering="area__title")
    def topic(self, obj):
        return obj.area or _("General")

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return Truncator(obj.message).chars(80)

    @admin.display(description=_("sender fingerprint"))
    def sender(self, obj):
        """The first characters of the address hash: enough to spot a flood from one sender."""
        return obj.client_hash[:10] or "—"

    def get_readonly_fields(self, request, obj=None):
        if obj is None:  # a letter or a phone call that staff type in
            return [field for field in self.always_read_only if field != "created_at"]
        return [*self.sent_fields, *self.always_read_only]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_active=True, is_staff=True)
                .filter(groups__name=REVIEWERS_GROUP)
                .distinct()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Every way in goes through is_reviewer.
    def has_module_permission(self, request):
        return is_reviewer(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_reviewer(request.user) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return is_reviewer(request.user) and super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        return is_reviewer(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return is_reviewer(request.user) and super().has_delete_permission(request, obj)

    @admin.action(description=_("Export selected as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="feedback-{stamp}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
        writer = csv.writer(response)
        columns = [
            "reference",
            "received",
            "status",
            "topic",
            "policy",
            "message",
            "name",
            "email",
            "zip_code",
            "may_contact",
            "language",
            "assignee",
            "internal_notes",
            "language_used",
        ]
        writer.writerow(columns)
        for item in queryset.select_related("area", "policy", "assignee").order_by("created_at"):
            row = [
                item.reference,
                timezone.localtime(item.created_at).isoformat(timespec="minutes"),
                item.get_status_display(),
                item.area or _("General"),
                item.policy or "",
                item.message,
                item.name,
                item.email,
                item.zip_code,
                "yes" if item.may_contact else "no",
                item.get_language_display(),
                item.assignee.get_username() if item.assignee else "",
                item.internal_notes,
                item.get_page_language_display(),
            ]
            writer.writerow([spreadsheet_safe("" if cell is None else str(cell)) for cell in row])
        return response

    def changelist_view(self, request, extra_context=None):
        since = timezone.localdate() - datetime.timedelta(days=30)
        dropped = (
            DroppedSubmission.objects.filter(day__gte=since)
            .values("reason")
            .annotate(total=Sum("count"))
        )
        labels = dict(DroppedSubmission.Reason.choices)
        extra_context = {
            **(extra_context or {}),
            "dropped": [
                (labels.get(row["reason"], row["reason"]), row["total"]) for row in dropped
            ],
        }
        return super().changelist_view(request, extra_context)


@admin.register(FeedbackPage)
class FeedbackPageAdmin(TranslatedAdmin, MarkdownxModelAdmin):
    """One record: the notices around the form. Staff change it; nobody adds a second."""

    fields = [
        "heading",
        "intro",
        "emergency_text",
        ("complaints_text", "complaints_link_text"),
        "complaints_url",
        "privacy_notice",
        "confirmation_text",
    ]

    def has_add_permission(self, request):
        return not FeedbackPage.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
