"""Factories for feedback as residents send it."""

import factory

from feedback.models import Feedback


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    message = factory.Sequence(lambda n: f"Message number {n} about the reform.")
    name = "Ada Resident"
    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    zip_code = "60601"
    may_contact = True
    language = "en"
    client_hash = factory.Sequence(lambda n: f"{n:064x}")
