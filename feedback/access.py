"""Who may see feedback: the "Feedback reviewers" group and superusers, nobody else."""

from .models import REVIEWERS_GROUP


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
