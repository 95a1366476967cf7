"""Draft policies open for public comment, and the document library."""

import secrets
from pathlib import PurePath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import MarkdownField
from core.uploads import validate_document_file
from feedback.models import Feedback

from .windows import local_today, long_date


def _takes_comments(today):
    """The one definition of "open for comment" on ``today``, for querysets annotated by
    ``PolicyQuerySet.with_window()``: published, Open for comment, and the day falls in
    the window from its first day to its last (extensions included)."""
    return Q(
        is_published=True,
        status=Policy.Status.OPEN,
        comment_opens__lte=today,
        closes_on__gte=today,
    )


class PolicyQuerySet(models.QuerySet):
    """Which policies residents see, and which are taking comments."""

    def published(self):
        """Policies staff have published; the rest are still being prepared."""
        return self.filter(is_published=True)

    def with_window(self, now=None):
        """Annotate ``closes_on`` (the last day for comments, counting extensions) and
        ``takes_comments`` (open for comment now, from local midnight on the first day
        to local midnight after the last)."""
        if "closes_on" in self.query.annotations:
            return self
        latest_extension = (
            PolicyExtension.objects.filter(policy=OuterRef("pk"))
            .order_by("-closes")
            .values("closes")[:1]
        )
        return self.annotate(
            closes_on=Coalesce(Subquery(latest_extension), F("comment_closes"))
        ).annotate(
            takes_comments=Case(
                When(_takes_comments(local_today(now)), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )

    def open_for_comment(self, now=None):
        """Published drafts taking comments now; every page, filter and the intake use this."""
        return self.with_window(now).filter(takes_comments=True)

    def with_comment_count(self):
        """Annotate ``comment_count``: every comment received, through this website or
        typed in by staff (letters, calls, emails, meetings), and ``website_comment_count``:
        those sent through the website; neither counts any that staff marked as spam."""
        comments = (
            Feedback.objects.filter(policy=OuterRef("pk"))
            .exclude(status=Feedback.Status.SPAM)
            .order_by()
            .values("policy")
        )
        total = comments.annotate(count=Count("pk")).values("count")
        website = (
            comments.filter(channel=Feedback.Channel.WEBSITE)
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(
            comment_count=Coalesce(Subquery(total), 0),
            website_comment_count=Coalesce(Subquery(website), 0),
        )

    def for_area(self, area):
        """Policies related to ``area``."""
        return self.filter(areas=area)

    def with_status(self, status, now=None):
        """Policies a resident would call ``status`` today.

        A draft whose window has passed is under review until staff say what
        became of it, so it is no longer listed as open for comment.
        """
        today = local_today(now)
        policies = self.with_window(now)
        window_passed = Q(status=Policy.Status.OPEN, closes_on__lt=today)
        if status == Policy.Status.OPEN:
            return policies.filter(takes_comments=True)
        if status == Policy.Status.REVIEW:
            return policies.filter(Q(status=Policy.Status.REVIEW) | window_passed)
        return policies.filter(status=status)

    def in_listing_order(self, now=None):
        """Open drafts first (closing soonest first), then the newest windows."""
        return self.with_window(now).order_by(
            F("takes_comments").desc(),
            Case(When(takes_comments=True, then=F("closes_on")), default=None).asc(nulls_last=True),
            F("comment_opens").desc(nulls_last=True),
            "title",
        )


class Policy(models.Model):
    """A department policy published as a draft for public comment.

    Comments are taken while the status is Open for comment and today, in the
    site's time zone, falls between the first and last day of the window (or
    of its latest extension). Staff publish "What we heard" after the window.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open for comment")
        REVIEW = "review", _("Under review")
        ADOPTED = "adopted", _("Adopted")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    number = models.CharField(
        _("policy number"), max_length=40, blank=True, help_text=_("Such as G03-02.")
    )
    summary = models.TextField(help_text=_("One or two sentences for lists and the home page."))
    body = MarkdownField(blank=True, help_text=_("The draft's text or an overview, in Markdown."))
    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.OPEN,
        help_text=_(
            "While Open for comment, the comment form shows between the first and last day "
            "below. After the last day the site shows the draft as Under review until you "
            "change the status."
        ),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Shown on the site. Leave unticked while you prepare the draft."),
    )
    comment_opens = models.DateField(
        _("first day for comments"),
        null=True,
        blank=True,
        help_text=_("Comments open at midnight at the start of this day, local time."),
    )
    comment_closes = models.DateField(
        _("last day for comments"),
        null=True,
        blank=True,
        help_text=_(
            "Comments close at midnight at the end of this day, local time. To extend the "
            "window, add an extension below rather than changing this date."
        ),
    )
    areas = models.ManyToManyField(
        "areas.Area", blank=True, related_name="policies", verbose_name=_("related areas")
    )
    posts = models.ManyToManyField(
        "media_center.Post", blank=True, related_name="policies", verbose_name=_("related posts")
    )
    what_we_heard = MarkdownField(
        _("what we heard"),
        blank=True,
        help_text=_(
            "A summary of the comments and what changed because of them. Shown once the "
            "window has closed."
        ),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PolicyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "policies"

    def __str__(self):
        return f"{self.number} {self.title}" if self.number else self.title

    def get_absolute_url(self):
        return reverse("policies:detail", args=[self.slug])

    def get_preview_url(self):
        return reverse("policies:preview", args=[self.slug])

    def clean(self):
        opens, closes = self.comment_opens, self.comment_closes
        if (opens is None) != (closes is None):
            missing = "comment_closes" if closes is None else "comment_opens"
            raise ValidationError(
                {missing: _("Give both the first and the last day for comments, or neither.")}
            )
        if opens and closes <= opens:
            raise ValidationError(
                {
                    "comment_closes": _(
                        "The last day for comments must be after the first day (%(opens)s). "
                        "Check both dates."
                    )
                    % {"opens": long_date(opens)}
                }
            )
        if self.status == self.Status.OPEN and opens is None:
            raise ValidationError(
                {
                    "comment_opens": _(
                        "A draft open for comment needs its first and last day for comments."
                    )
                }
            )

    # The window, as residents read it.

    @property
    def last_day(self):
        """The last day for comments, extensions included (None without a window)."""
        if "closes_on" in self.__dict__:  # annotated by PolicyQuerySet.with_window()
            return self.closes_on
        latest = self.extensions.order_by("-closes").values_list("closes", flat=True).first()
        return latest or self.comment_closes

    @property
    def is_extended(self):
        return bool(self.comment_closes and self.last_day and self.last_day > self.comment_closes)

    @property
    def took_comments_here(self):
        """Whether residents could comment on this site: it was added before its window closed.

        A draft added afterwards (one from before the site existed, say) took its
        comments elsewhere, so the site says nothing of what it received.
        """
        last = self.last_day
        return bool(self.created and last and timezone.localdate(self.created) <= last)

    def is_open_for_comment(self, now=None):
        """True while the form is shown and comments are accepted (``open_for_comment()``)."""
        if now is None and "takes_comments" in self.__dict__:  # annotated by with_window()
            return self.takes_comments
        return Policy.objects.open_for_comment(now).filter(pk=self.pk).exists()

    def window_has_closed(self, now=None):
        """True once the last day for comments (extensions included) is over."""
        return bool(self.comment_opens) and local_today(now) > self.last_day

    @property
    def what_we_heard_is_due(self):
        """Whether "What we heard" shows: once the window has closed, or at once for a
        draft taken out of comment without a window (one whose window was never recorded)."""
        if self.comment_opens:
            return self.window_has_closed()
        return self.status != self.Status.OPEN

    def window_not_yet_open(self, now=None):
        return bool(self.comment_opens) and local_today(now) < self.comment_opens

    def current_status(self, now=None):
        """The status a resident sees: a draft past its window reads Under review."""
        if self.status == self.Status.OPEN and self.window_has_closed(now):
            return self.Status.REVIEW
        return self.Status(self.status)

    def window_in_words(self, now=None):
        """ "Open for comment until 18 August 2023", and the like; empty without a window."""
        if not self.comment_opens:
            return ""
        last_day = long_date(self.last_day)
        if self.window_has_closed(now):
            return _("Comments closed on %(date)s") % {"date": last_day}
        if self.status != self.Status.OPEN:
            return _("Not open for comment")
        if self.window_not_yet_open(now):
            return _("Comment period opens on %(date)s") % {"date": long_date(self.comment_opens)}
        if self.is_extended:
            return _("Comment period extended to %(date)s") % {"date": last_day}
        return _("Open for comment until %(date)s") % {"date": last_day}


class PolicyExtension(models.Model):
    """A later last day for comments, kept so residents see the window's history."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="extensions")
    closes = models.DateField(
        _("new last day for comments"),
        help_text=_("Comments close at midnight at the end of this day, local time."),
    )
    reason = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Shown to residents, such as “at residents’ request”."),
    )
    created = models.DateTimeField(_("announced"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["closes"]

    def __str__(self):
        return str(_("Extended to %(date)s") % {"date": long_date(self.closes)})

    def clean(self):
        policy = getattr(self, "policy", None)
        if policy is None or self.closes is None:
            return
        if not policy.comment_closes:
            raise ValidationError(
                _("Set the draft’s first and last day for comments before extending it.")
            )
        if self.closes <= policy.comment_closes:
            raise ValidationError(
                {
                    "closes": _("An extension must end after the original last day (%(date)s).")
                    % {"date": long_date(policy.comment_closes)}
                }
            )


class DocumentQuerySet(models.QuerySet):
    """Which documents residents see, and which are current versions."""

    def published(self, now=None):
        """Documents residents may see: their date has come and any policy is published."""
        return self.filter(
            Q(policy__isnull=True) | Q(policy__is_published=True),
            published_on__lte=local_today(now),
        )

    def with_currency(self, now=None):
        """Annotate ``is_current``: no published later version replaces the document."""
        later = Document.objects.published(now).filter(supersedes=OuterRef("pk"))
        return self.annotate(is_current=~Exists(later))

    def current(self, now=None):
        """Documents that no published later version has replaced."""
        return self.with_currency(now).filter(is_current=True)


def document_upload_to(instance, filename):
    """Store under a name built from the title, with the extension its content proved.

    A random part keeps the address unguessable, so a document dated in the
    future (or of an unpublished policy) cannot be fetched before its time.
    """
    stem = slugify(instance.title)[:80] or slugify(PurePath(filename).stem)[:80] or "document"
    return f"documents/{instance.published_on:%Y}/{stem}-{secrets.token_urlsafe(12)}.pdf"


class Document(models.Model):
    """A document in the library: a draft or adopted policy, a monitoring report, a filing.

    Either a PDF the site keeps or a link to the official copy elsewhere (the
    court's docket, the monitor's site, the City's site); every list, search
    and page treats both alike through ``url``. A new version of a document is
    a new record that names the one it replaces, so earlier versions stay
    downloadable as the version history.
    """

    class Kind(models.TextChoices):
        DRAFT_POLICY = "draft", _("Draft policy")
        ADOPTED_POLICY = "adopted", _("Adopted policy")
        MONITORING_REPORT = "monitoring", _("Monitoring report")
        COURT_FILING = "court", _("Court filing")
        OTHER = "other", _("Other")

    title = models.CharField(max_length=200)
    file = models.FileField(
        upload_to=document_upload_to,
        max_length=200,
        blank=True,
        validators=[validate_document_file],
        help_text=_("A PDF. Leave empty when the document is a link to an official copy."),
    )
    link = models.URLField(
        _("link to the official copy"),
        max_length=500,
        blank=True,
        help_text=_(
            "Instead of a file: the exact page of the official copy (the court's docket, the "
            "monitor's site, the City's site), never a site's home page."
        ),
    )
    filed_on = models.DateField(
        _("filing date"),
        null=True,
        blank=True,
        help_text=_("For a court filing: the day it was filed with the court."),
    )
    docket_number = models.CharField(
        _("docket number"),
        max_length=40,
        blank=True,
        help_text=_("For a court filing: its number on the court's docket, such as 702."),
    )
    file_size = models.PositiveBigIntegerField(editable=False, default=0)
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.OTHER)
    published_on = models.DateField(
        _("published date"),
        default=local_today,
        help_text=_("Shown on the site from this day."),
    )
    areas = models.ManyToManyField(
        "areas.Area", blank=True, related_name="documents", verbose_name=_("related areas")
    )
    policy = models.ForeignKey(
        Policy,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text=_("The policy this document belongs to, if any."),
    )
    monitoring_report = models.ForeignKey(
        "areas.MonitoringReport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_documents",
        help_text=_(
            "For a monitoring report: the report whose figures the Progress page shows, "
            "so residents can go from the document to the figures."
        ),
    )
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="superseded_by",
        verbose_name=_("replaces"),
        help_text=_(
            "The earlier version this document replaces. The earlier one stays downloadable "
            "in the version history."
        ),
    )

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.file_size = self.file.size if self.file else 0
        super().save(*args, **kwargs)

    @property
    def url(self):
        """Where the document opens: the kept file, or the official copy elsewhere."""
        return self.file.url if self.file else self.link

    @property
    def is_external(self):
        """Whether the document opens on another website."""
        return not self.file and bool(self.link)

    @property
    def link_host(self):
        """The other website's name, such as ``cpdmonitoringteam.com``."""
        return (urlsplit(self.link).hostname or "").removeprefix("www.")

    def clean(self):
        if bool(self.file) == bool(self.link):
            raise ValidationError(
                {
                    "link": _(
                        "Upload the document as a PDF or give the link to its official copy, "
                        "one of the two."
                    )
                }
            )
        if self.link and urlsplit(self.link).path in ("", "/"):
            raise ValidationError(
                {
                    "link": _(
                        "This is a website's home page. Give the address of the page that "
                        "holds the document itself."
                    )
                }
            )
        if self.monitoring_report_id and self.kind != self.Kind.MONITORING_REPORT:
            raise ValidationError(
                {
                    "monitoring_report": _(
                        "Only a document of the kind “Monitoring report” can be tied to a "
                        "monitoring report. Change its kind, or leave this field empty."
                    )
                }
            )
        earlier = self.supersedes
        if earlier is None:
            return
        seen = {self.pk}
        while earlier is not None:
            if earlier.pk in seen:
                raise ValidationError(
                    {
                        "supersedes": _(
                            "A document cannot replace itself or a later version of itself."
                        )
                    }
                )
            seen.add(earlier.pk)
            earlier = earlier.supersedes
        if self.supersedes.policy_id and self.supersedes.policy_id != self.policy_id:
            raise ValidationError(
                {
                    "supersedes": _(
                        "The earlier version belongs to another policy (%(policy)s). Choose a "
                        "document of the same policy."
                    )
                    % {"policy": self.supersedes.policy}
                }
            )
