"""Factories for policies, their extensions and documents."""

import datetime

import factory
from django.utils import timezone

from policies.models import Document, Policy, PolicyExtension
from tests.pdfs import pdf_bytes

# A small PDF that reads as one (one blank page).
PDF_BYTES = pdf_bytes()


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class PolicyFactory(factory.django.DjangoModelFactory):
    """A published draft with a 15-day window, 4 to 18 August 2023.

    ``PolicyFactory(open_today=True)`` takes comments on whatever day the tests
    run: its window opened yesterday and closes in two weeks.
    """

    class Meta:
        model = Policy

    class Params:
        open_today = factory.Trait(
            comment_opens=factory.LazyFunction(lambda: days_from_today(-1)),
            comment_closes=factory.LazyFunction(lambda: days_from_today(14)),
        )

    title = factory.Sequence(lambda n: f"Draft policy {n}")
    slug = factory.Sequence(lambda n: f"draft-policy-{n}")
    number = factory.Sequence(lambda n: f"G03-{n:02d}")
    summary = factory.Sequence(lambda n: f"What draft {n} changes.")
    body = "The draft's *text*."
    status = Policy.Status.OPEN
    is_published = True
    comment_opens = datetime.date(2023, 8, 4)
    comment_closes = datetime.date(2023, 8, 18)


class PolicyExtensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyExtension

    policy = factory.SubFactory(PolicyFactory)
    closes = factory.LazyAttribute(lambda o: o.policy.comment_closes + datetime.timedelta(days=7))
    reason = "At residents' request."


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(data=PDF_BYTES, filename="document.pdf")
    kind = Document.Kind.DRAFT_POLICY
    published_on = datetime.date(2023, 8, 4)
