"""Posts (press releases, news, updates, events) and the home page's announcement."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.markdown import MarkdownField, render_markdown

from .forms import CheckedImageField
from .images import delete_with_renditions, make_renditions, renditions, responsive_body_images


class AnnouncementQuerySet(models.QuerySet):
    """Which banner the home page shows now."""

    def active(self, now=None):
        """Announcements switched on whose window includes ``now``, latest begun first.

        The window includes its start and excludes its end. One without a start
        began when it was created; ordering on that (rather than on a nullable
        column) picks the same banner on PostgreSQL and SQLite.
        """
        now = now or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            is_active=True,
        ).order_by(Coalesce("starts_at", "created").desc(), "-pk")


class Announcement(models.Model):
    """The banner across the top of the home page, with a page of details."""

    title = models.CharField(max_length=200, help_text=_("The banner's text."))
    slug = models.SlugField(max_length=200, unique=True)
    body = MarkdownField(blank=True, help_text=_("The details the banner links to."))
    link_url = models.URLField(
        blank=True, help_text=_("Where the banner links; blank links to the details above.")
    )
    is_active = models.BooleanField(default=True)
    starts_at = models.DateTimeField(null=True, blank=True, help_text=_("Blank: from now."))
    ends_at = models.DateTimeField(null=True, blank=True, help_text=_("Blank: until switched off."))
    created = models.DateTimeField(auto_now_add=True)

    objects = AnnouncementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at", "-created"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("media_center:announcement", args=[self.slug])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The banner must end after it starts; change the start or the end.")}
            )

    def is_showing(self, now=None):
        """Whether the home page shows this banner at ``now``."""
        now = now or timezone.now()
        return (
            self.is_active
            and (self.starts_at is None or self.starts_at <= now)
            and (self.ends_at is None or now < self.ends_at)
        )

    @property
    def banner_url(self):
        return self.link_url or self.get_absolute_url()


def render_post_body(text):
    """A post's body: sanitized Markdown whose images load at the reader's screen size."""
    return responsive_body_images(render_markdown(text))


class PostQuerySet(models.QuerySet):
    """Which posts residents see, by category and area."""

    def published(self, now=None):
        """Posts a resident may see: published, and their time has come.

        Every public list, page, feed and sitemap starts from this.
        """
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def in_category(self, category):
        """Posts of ``category``; all posts when it is blank or not a category."""
        if category in Post.Category.values:
            return self.filter(category=category)
        return self

    def for_area(self, area):
        """Posts related to ``area`` (an Area or its id), in one query."""
        return self.filter(areas=area)


# How long the home page calls a post recent.
RECENT_DAYS = 90

# Addresses under /media-center/ that a post's slug would collide with.
RESERVED_SLUGS = {"feed"}


class CoverImageField(models.ImageField):
    """An ImageField whose form checks the image by content and strips its metadata."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageField, **kwargs})


class Post(models.Model):
    """A press release, news item, update or event in the Media Center.

    A future ``published_at`` schedules the post: it stays out of every public
    list, page and feed until then. The cover image is stored without metadata
    and served through WebP renditions made once, when it is saved.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Category(models.TextChoices):
        PRESS_RELEASE = "press-release", _("Press release")
        NEWS = "news", _("News")
        UPDATE = "update", _("Update")
        EVENT = "event", _("Event")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    category = models.CharField(max_length=20, choices=Category, default=Category.NEWS)
    summary = models.TextField(help_text=_("One or two sentences for lists and feeds."))
    body = MarkdownField(blank=True, render=render_post_body)
    cover_image = CoverImageField(
        upload_to="media-center/%Y/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        help_text=_(
            "A JPEG, PNG or WebP photo. Its location and camera details are removed "
            "when it is saved."
        ),
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_alt = models.CharField(
        _("cover image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. Required when there is an image."
        ),
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        default=timezone.now, help_text=_("A future time schedules the post.")
    )
    featured = models.BooleanField(
        default=False, help_text=_("Shown larger, with its image, in lists of posts.")
    )
    areas = models.ManyToManyField(
        "areas.Area",
        related_name="posts",
        blank=True,
        help_text=_("The post is listed on these areas' pages."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        stored = getattr(self, "_stored_cover", "")
        current = self.cover_image.name or ""
        if current and current != stored:
            make_renditions(current)
        if stored and stored != current:
            transaction.on_commit(lambda: delete_with_renditions(stored))
        self._stored_cover = current

    def get_absolute_url(self):
        return reverse("media_center:detail", args=[self.slug])

    @classmethod
    def from_db(cls, db, field_names, values):
        post = super().from_db(db, field_names, values)
        # Remember the stored image, to clear up after it when it is replaced.
        stored = post.__dict__.get("cover_image")  # absent when the field is deferred
        post._stored_cover = getattr(stored, "name", stored) or ""
        return post

    def clean(self):
        errors = {}
        if self.cover_image and not self.cover_alt.strip():
            errors["cover_alt"] = _(
                "Describe the image in a few words (for example “Residents at the Austin "
                "district meeting”): people using screen readers rely on it."
            )
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("“%(slug)s” is the address of the feeds; choose another.") % {
                "slug": self.slug
            }
        if errors:
            raise ValidationError(errors)

    def get_preview_url(self):
        return reverse("media_center:preview", args=[self.slug])

    def is_recent(self, now=None):
        """Whether the home page lists the post among the recent ones (RECENT_DAYS)."""
        return self.published_at > (now or timezone.now()) - datetime.timedelta(days=RECENT_DAYS)

    def is_public(self, now=None):
        """Whether residents can see the post at ``now``."""
        return self.status == self.Status.PUBLISHED and self.published_at <= (now or timezone.now())

    @property
    def cover_renditions(self):
        """The cover image's WebP renditions, smallest first (none without an image)."""
        if not self.cover_image:
            return []
        return renditions(self.cover_image.name, self.cover_width, self.cover_height)


@receiver(post_delete, sender=Post)
def _delete_cover_files(sender, instance, **kwargs):
    """A deleted post takes its photo and renditions with it, once the deletion is final."""
    name = instance.cover_image.name
    if name:
        transaction.on_commit(lambda: delete_with_renditions(name))
