"""Who may use the admin, and who must sign in with a second factor to do so.

Staff roles are groups made by a migration (``reform_site/migrations``):
Editors keep the content current, Feedback reviewers triage what residents
send, Administrators manage staff accounts and the site's settings. A second
factor (an authenticator app, with backup codes) is required of anyone who can
read residents' personal data or hand out permissions: superusers, feedback
reviewers, alert managers (who see subscribers' addresses) and anyone who can
change staff accounts or groups (an administrator
can make anyone a superuser, so that account is worth as much). Everyone else
may turn it on for their own account.
"""

from django_otp import devices_for_user

from alerts.access import is_alert_manager
from feedback.access import is_reviewer

EDITORS_GROUP = "Editors"
ADMINISTRATORS_GROUP = "Administrators"
# Permissions that let an account raise its own or anyone's privileges.
ACCOUNT_PERMISSIONS = ("auth.add_user", "auth.change_user", "auth.change_group", "auth.add_group")


def second_factor_required(user):
    """Whether ``user`` must pass a second factor before any admin page opens."""
    if not (user.is_active and user.is_staff):
        return False
    return (
        user.is_superuser
        or is_reviewer(user)
        or is_alert_manager(user)
        or any(user.has_perm(permission) for permission in ACCOUNT_PERMISSIONS)
    )


def has_second_factor(user):
    """Whether ``user`` has set up an authenticator app (a confirmed device)."""
    if not hasattr(user, "_has_second_factor"):
        user._has_second_factor = any(devices_for_user(user, confirmed=True))
    return user._has_second_factor


def admin_access_allowed(user):
    """Staff who passed the second factor, or who need none and have not set one up.

    Someone who set one up signs in with it like everyone who must: a session
    that skipped it (signed in before they set it up) is sent to sign in again.
    """
    if not (user.is_active and user.is_staff):
        return False
    if user.is_verified():
        return True
    return not second_factor_required(user) and not has_second_factor(user)
