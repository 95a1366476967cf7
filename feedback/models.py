"""Feedback from residents, general or on a draft policy, and the words around the form."""

import secrets

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import MarkdownField
from core.models import SingletonModel

MESSAGE_MAX_LENGTH = 5000
REVIEWERS_GROUP = "Feedback reviewers"

# No 0/O, 1/I/L or U: a reference read aloud over the phone cannot be misheard.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def site_languages():
    """The site's languages as choices, named for staff: ("es", "Spanish")."""
    return [
        (code, get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES
    ]


def new_reference():
    """Return an unguessable reference such as ``FB-7K2Q-9XWD`` (about 39 random bits)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"FB-{chars[:4]}-{chars[4:]}"


class OtherTopic(models.TextChoices):
    """Topics of feedback that are not areas of the reform, offered after the areas."""

    ACCESSIBILITY = "accessibility", _("Website accessibility")


class FeedbackQuerySet(models.QuerySet):
    """Feedback that still holds personal data, and its removal."""

    def with_personal_data_older_than(self, cutoff):
        """Submissions received before ``cutoff`` that still hold personal data."""
        return self.filter(created_at__lt=cutoff).filter(
            ~Q(name="") | ~Q(email="") | ~Q(zip_code="") | ~Q(client_hash="")
        )

    def purge_personal_data(self):
        """Blank names, emails, ZIP codes and address hashes; keep the rest for statistics."""
        return self.update(
            name="", email="", zip_code="", client_hash="", personal_data_purged_at=timezone.now()
        )


class Feedback(models.Model):
    """One message from a resident: general feedback, or a comment on a draft policy.

    Names, emails and ZIP codes are personal data: only the "Feedback reviewers"
    group sees them, and ``purge_feedback_personal_data`` removes them after a while.
    """

    # No cached page shows a submission (a draft's comment count is on its page,
    # which is never cached), so a report day's messages leave the page cache be.
    affects_public_pages = False

    class Channel(models.TextChoices):
        WEBSITE = "website", _("This website")
        LETTER = "letter", _("Letter")
        PHONE = "phone", _("Phone call")
        EMAIL = "email", _("Email")
        MEETING = "meeting", _("Meeting")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("In review")
        RESPONDED = "responded", _("Responded")
        CLOSED = "closed", _("Closed")
        SPAM = "spam", _("Spam")

    reference = models.CharField(max_length=12, unique=True, editable=False)
    # Public comments are a record of the consultation: a policy that has any
    # cannot be deleted by accident.
    policy = models.ForeignKey(
        "policies.Policy",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback",
        help_text=_("The draft policy this comments on; empty for general feedback."),
    )
    # Deleting an area files its feedback under General rather than losing it.
    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("topic"),
        help_text=_("Empty means General."),
    )
    # A topic that is not an area of the reform, such as the website's accessibility.
    other_topic = models.CharField(
        _("other topic"),
        max_length=32,
        choices=OtherTopic,
        blank=True,
        db_index=True,
        help_text=_("Set instead of an area, for feedback about something else."),
    )
    message = models.TextField(validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)])
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=5, blank=True)
    may_contact = models.BooleanField(
        _("may contact"), default=False, help_text=_("The person asked for a reply.")
    )
    language = models.CharField(_("preferred language"), max_length=16, blank=True)
    page_language = models.CharField(
        _("language used"),
        max_length=16,
        blank=True,
        choices=site_languages,
        help_text=_("The language of the site's pages when the person wrote."),
    )
    channel = models.CharField(
        _("received by"),
        max_length=10,
        choices=Channel,
        default=Channel.WEBSITE,
        help_text=_("How it reached us. Only comments sent through this website count as such."),
    )

    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_feedback",
    )
    internal_notes = models.TextField(
        blank=True, help_text=_("Seen by reviewers only. Do not copy personal data here.")
    )

    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    notified_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text=_("When staff were emailed about it.")
    )
    personal_data_purged_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A keyed hash of the sender's network address, never the address itself.
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The form's one-time token: a second copy of the same form is stored once.
    # NULL rather than "" for records staff type in, so that they do not collide.
    submission_token = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(area__isnull=True) | Q(other_topic=""),
                name="feedback_one_topic",
                violation_error_message=_("Choose an area or another topic, not both."),
            )
        ]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        # Never a name or email: this string appears in logs and admin history.
        return self.reference or str(_("New feedback"))

    def save(self, *args, **kwargs):
        """Save, drawing a fresh reference number on the rare collision."""
        if self.reference:
            return super().save(*args, **kwargs)
        for attempt in range(5):
            self.reference = new_reference()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                taken = Feedback.objects.filter(reference=self.reference).exists()
                if not taken or attempt == 4:
                    self.reference = ""
                    raise
        return None  # unreachable: the loop returns or raises

    @property
    def language_name(self):
        """The reply language by its name (“Español”), as the form offered it."""
        names = dict(settings.FEEDBACK_REPLY_LANGUAGES)
        return names.get(self.language, self.language)

    @property
    def topic_label(self):
        if self.policy_id:
            return str(self.policy)
        if self.area_id:
            return str(self.area)
        return self.get_other_topic_display() if self.other_topic else str(_("General"))


class DroppedSubmission(models.Model):
    """How many submissions were turned away, per day and reason, without keeping them."""

    class Reason(models.TextChoices):
        HONEYPOT = "honeypot", _("Hidden field filled in")
        TOO_FAST = "too_fast", _("Sent too fast")
        RATE_LIMITED = "rate_limited", _("Too many from one sender")

    affects_public_pages = False  # counted in the admin only; bots must not empty the page cache

    day = models.DateField()
    reason = models.CharField(max_length=16, choices=Reason.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "reason"], name="one_count_a_day")]

    def __str__(self):
        return f"{self.day} {self.get_reason_display()}: {self.count}"

    @classmethod
    def record(cls, reason):
        """Add one to today's count for ``reason``, safely under concurrent requests."""
        day = timezone.localdate()
        rows = cls.objects.filter(day=day, reason=reason)
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(day=day, reason=reason, count=1)
        except IntegrityError:
            rows.update(count=F("count") + 1)


class FeedbackPage(SingletonModel):
    """The words around the feedback form that staff edit (one record).

    The warnings above the form (not for emergencies, not for misconduct
    complaints, and where complaints go instead) and the privacy notice differ
    from city to city, so they live here rather than in a template.
    """

    CACHE_KEY = "feedback-page"

    heading = models.CharField(max_length=120, default="Send us feedback")
    intro = models.TextField(blank=True)
    emergency_text = models.CharField(
        _("emergency warning"),
        max_length=300,
        default="This form is not for emergencies. If you or someone else is in danger, call 911.",
    )
    complaints_text = models.CharField(
        _("misconduct complaints warning"),
        max_length=300,
        default="This form is not for complaints about a police officer’s conduct.",
    )
    complaints_link_text = models.CharField(
        max_length=200, help_text=_("Where complaints go, as the words of a link.")
    )
    complaints_url = models.URLField(_("complaints link"))
    privacy_notice = MarkdownField(
        help_text=_(
            "What is kept and who reads it, in Markdown. The page adds how long "
            "personal details are kept, from the site's settings."
        )
    )
    confirmation_text = models.TextField(
        blank=True, help_text=_("Shown with the reference number after a message is sent.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("feedback page")
        verbose_name_plural = _("feedback page")

    def __str__(self):
        return str(_("Feedback page"))
