"""Factories for building test data that reads like the site's own."""

import datetime

import factory
from django.utils import timezone

from areas.models import Area
from core.i18n import translated_fields
from media_center.models import Announcement, Post


def admin_form_in_english(model, data, prefix=""):
    """Admin form data with each translated field under its English copy's name.

    The admin shows ``title_en`` and ``title_es`` where the model has ``title``;
    a test writes ``title`` as staff think of it.
    """
    translated = set(translated_fields(model))
    return {
        (f"{key}_en" if key.removeprefix(prefix) in translated else key): value
        for key, value in data.items()
    }


def local_noon():
    """Noon today in the site's time zone: a test that moves the clock a few hours on
    from it never crosses local midnight, which changes pages too (comment windows)."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(12)))


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    title = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    summary = "What this area is about."
    order = factory.Sequence(int)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    title = factory.Sequence(lambda n: f"Post {n}")
    slug = factory.Sequence(lambda n: f"post-{n}")
    summary = factory.Sequence(lambda n: f"A short summary of post {n}.")
    body = "Some *Markdown*."
    status = Post.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class AnnouncementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Announcement

    title = factory.Sequence(lambda n: f"Announcement {n}")
    slug = factory.Sequence(lambda n: f"announcement-{n}")
