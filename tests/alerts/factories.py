"""Factories for email alert subscriptions."""

import factory
from django.utils import timezone

from alerts.models import Subscription

ALL_TOPICS = ["drafts", "events", "reports", "news"]


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber to every topic and every area, in English."""

    class Meta:
        model = Subscription
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    language = "en"
    topics = factory.LazyFunction(lambda: list(ALL_TOPICS))
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
