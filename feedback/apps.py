"""Feedback from residents and the staff triage that guards their personal data."""

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """The feedback app."""

    name = "feedback"
    verbose_name = "Feedback"
