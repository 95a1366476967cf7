"""Who may see subscribers' addresses: the "Alert managers" group and superusers, nobody else."""

from .models import MANAGERS_GROUP


def is_alert_manager(user):
    """Whether ``user`` may see the addresses that subscribed to alerts."""
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    # The group holds this permission; without it there is no group to look up (the
    # permissions are cached for the request, the groups are not).
    if not user.has_perm("alerts.view_subscription"):
        return False
    # The admin asks many times per page; ask the database once per request.
    if not hasattr(user, "_is_alert_manager"):
        user._is_alert_manager = user.groups.filter(name=MANAGERS_GROUP).exists()
    return user._is_alert_manager
