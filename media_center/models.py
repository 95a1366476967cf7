"""Posts (press releases, news, updates, events) and the home page's announcement."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from reform_site.markdown import render_markdown


class AnnouncementQuerySet(models.QuerySet):
    def active(self, now=None):
        """Announcements switched on whose window includes ``now``."""
        now = now or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            is_active=True,
        )


class Announcement(models.Model):
    """The banner across the top of the home page, with a page of details."""

    title = models.CharField(max_length=200, help_text=_("The banner's text."))
    slug = models.SlugField(max_length=200, unique=True)
    body = MarkdownxField(blank=True, help_text=_("The details the banner links to."))
    body_html = models.TextField(editable=False, blank=True)
    link_url = models.URLField(
        blank=True, help_text=_("Where the banner links; blank links to the details above.")
    )
    is_active = models.BooleanField(default=True)
    starts_at = models.DateTimeField(null=True, blank=True, help_text=_("Blank: from now."))
    ends_at = models.DateTimeField(null=True, blank=True, help_text=_("Blank: until switched off."))
    created = models.DateTimeField(auto_now_add=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-created"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("media_center:announcement", args=[self.slug])

    @property
    def banner_url(self):
        return self.link_url or self.get_absolute_url()


class PostQuerySet(models.QuerySet):
    def published(self, now=None):
        """Posts a resident may see: published, and their time has come."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=now or timezone.now())


class Post(models.Model):
    """A press release, news item, update or event in the Media Center."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(help_text=_("One or two sentences for lists and feeds."))
    body = MarkdownxField(blank=True)
    body_html = models.TextField(editable=False, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        default=timezone.now, help_text=_("A future time schedules the post.")
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("media_center:detail", args=[self.slug])
