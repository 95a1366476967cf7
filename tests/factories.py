"""Factories for building test data that reads like the site's own."""

import datetime

import factory
from django.utils import timezone

from areas.models import Area
from media_center.models import Announcement, Post


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
