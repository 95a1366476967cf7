"""Staff see what was announced and how many it reached; only Alert managers see addresses.

Every staff member can open **Sent alerts**: each announcement with its counts
(queued, sent, failed) and the number of subscribers per topic, no address.
The subscriptions themselves, the only place addresses are kept, open only to
the “Alert managers” group (made by a migration) and superusers; other staff,
whatever permissions they hold, are refused every page of them.
"""

from collections import Counter

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .access import is_alert_manager
from .models import Alert, Delivery, Subscription
from .sources import source, topic_label, topics


def subscriber_counts():
    """Confirmed subscribers per topic and in all, and addresses waiting for confirmation."""
    confirmed = Subscription.objects.confirmed()
    per_topic = Counter(
        key for chosen in confirmed.values_list("topics", flat=True) for key in chosen
    )
    return {
        "confirmed": confirmed.count(),
        "unconfirmed": Subscription.objects.unconfirmed().count(),
        "per_topic": [(topic.label, per_topic[topic.key]) for topic in topics()],
    }


class DeliveryInline(admin.TabularInline):
    """The emails queued for a subscriber, with any error, for managers tracing a complaint."""

    model = Delivery
    extra = 0
    fields = ["alert", "status", "attempts", "next_attempt_at", "finished_at", "last_error"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Addresses and their choices, for Alert managers only; residents change their own."""

    list_display = ["email", "confirmed_at", "language", "chosen_topics", "created"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter), "language", "created"]
    search_fields = ["email"]
    date_hierarchy = "created"
    fields = ["email", "language", "chosen_topics", "areas", "created", "confirmed_at"]
    readonly_fields = fields
    inlines = [DeliveryInline]

    @admin.display(description=_("topics"))
    def chosen_topics(self, subscription):
        return ", ".join(str(topic_label(key)) for key in subscription.topics) or "—"

    def has_add_permission(self, request):
        # Only the owner of an address can subscribe it (double opt-in).
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        # The model permission first: staff without it need no look-up of their groups.
        return super().has_module_permission(request) and is_alert_manager(request.user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and is_alert_manager(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and is_alert_manager(request.user)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """What was announced, when, and how many emails went out: counts only, for all staff."""

    list_display = ["title", "kind", "created", "recipients", "sent", "failed", "waiting"]
    list_filter = ["topic", "source", "created"]
    search_fields = ["title"]
    date_hierarchy = "created"
    fields = ["title", "kind", "created", "quiet", "recipients", "sent", "failed", "waiting"]
    readonly_fields = fields
    change_list_template = "admin/alerts/alert/change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(waiting_count=Count("deliveries", filter=Q(deliveries__status="pending")))
        )

    @admin.display(description=_("kind"), ordering="source")
    def kind(self, alert):
        found = source(alert.source)
        return f"{topic_label(alert.topic)} ({alert.source})" if found else alert.source

    @admin.display(description=_("waiting to be sent"), ordering="waiting_count")
    def waiting(self, alert):
        return alert.waiting_count

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "subscribers": subscriber_counts()}
        return super().changelist_view(request, extra_context)

    # Counts are no one's personal data: every active staff member may read them.
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
