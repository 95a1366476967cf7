"""Staff triage of feedback: only the "Feedback reviewers" group sees any of it.

A content editor who holds the model's permissions through some other group
still gets nothing: the admin refuses every feedback page, the export and the
index entry unless the user is in the reviewers group (or a superuser, who can
join it anyway). So names, emails and ZIP codes reach reviewers only.
"""

import csv
import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from markdownx.admin import MarkdownxModelAdmin

from areas.models import Area
from core.admin import TranslatedAdmin
from core.history_admin import HistoryAdmin
from core.spreadsheets import spreadsheet_safe

from .access import is_reviewer
from .models import REVIEWERS_GROUP, DroppedSubmission, Feedback, FeedbackPage, OtherTopic


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
    """Filter by topic: General (no topic), each area, and each topic that is not an area."""

    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [
            ("general", _("General")),
            *Area.objects.values_list("pk", "title"),
            *OtherTopic.choices,
        ]

    def queryset(self, request, queryset):
        if self.value() == "general":
            return queryset.filter(area__isnull=True, other_topic="")
        if self.value() in OtherTopic.values:
            return queryset.filter(other_topic=self.value())
        if self.value() and self.value().isdigit():
            return queryset.filter(area_id=self.value())
        return queryset


def reviewers():
    """Everyone who may be assigned feedback: active staff who are reviewers or superusers."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__name=REVIEWERS_GROUP) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
    )


class FeedbackAdminForm(forms.ModelForm):
    """Feedback typed in by staff: how it came, and the reply language chosen by name."""

    language = forms.ChoiceField(
        label=_("preferred language"),
        required=False,
        choices=[("", _("No preference")), *settings.FEEDBACK_REPLY_LANGUAGES],
    )

    class Meta:
        model = Feedback
        fields = ["language", "channel"]  # the admin adds the fields of its fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "channel" in self.fields and self.instance.pk is None:
            # Residents send through the website themselves; staff type in the rest.
            self.fields["channel"].choices = [
                choice
                for choice in Feedback.Channel.choices
                if choice[0] != Feedback.Channel.WEBSITE
            ]
            self.fields["channel"].initial = Feedback.Channel.LETTER


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """The triage of feedback, for reviewers only: personal data stays behind it."""

    form = FeedbackAdminForm

    list_display = [
        "reference",
        "created_at",
        "status",
        "topic",
        "policy",
        "channel",
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
        "channel",
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
            {
                "fields": [
                    "reference",
                    "channel",
                    "created_at",
                    "page_language",
                    "policy",
                    "area",
                    "other_topic",
                    "message",
                ]
            },
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
        "other_topic",
        "message",
        "name",
        "email",
        "zip_code",
        "may_contact",
        "language_name",
        "page_language",
        "channel",
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
        if obj.area_id:
            return obj.area
        return obj.get_other_topic_display() if obj.other_topic else _("General")

    @admin.display(description=_("preferred language"))
    def language_name(self, obj):
        return obj.language_name or _("No preference")

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return Truncator(obj.message).chars(80)

    @admin.display(description=_("sender fingerprint"))
    def sender(self, obj):
        """The first characters of the address hash: enough to spot a flood from one sender."""
        return obj.client_hash[:10] or "—"

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.fieldsets
        # What the resident sent is shown, not edited: the language by its name.
        return [
            (name, {**options, "fields": [self._shown(f) for f in options["fields"]]})
            for name, options in self.fieldsets
        ]

    @staticmethod
    def _shown(field):
        return "language_name" if field == "language" else field

    def save_model(self, request, obj, form, change):
        if obj.policy_id and obj.area_id is None:
            obj.area = obj.policy.areas.first()  # a comment on a draft is about its area
        super().save_model(request, obj, form, change)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:  # a letter or a phone call that staff type in
            return [field for field in self.always_read_only if field != "created_at"]
        return [*self.sent_fields, *self.always_read_only]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = reviewers()
            kwargs["help_text"] = _(
                "Feedback reviewers and superusers, the only staff who can read feedback. "
                "To add someone, an administrator puts their account in the “Feedback "
                "reviewers” group."
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
                self.topic(item),
                item.policy or "",
                item.message,
                item.name,
                item.email,
                item.zip_code,
                "yes" if item.may_contact else "no",
                item.language,
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
class FeedbackPageAdmin(HistoryAdmin, TranslatedAdmin, MarkdownxModelAdmin):
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
