"""Consent decrees, as the comparison pages and the home page show them."""

import datetime

import factory
from django.utils.text import slugify

from comparisons.models import ConsentDecree


class ConsentDecreeFactory(factory.django.DjangoModelFactory):
    """An active decree entered in 2015, every fact filled in and verified."""

    class Meta:
        model = ConsentDecree

    city = factory.Sequence(lambda n: f"Town {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.city))
    department = factory.LazyAttribute(lambda o: f"{o.city} Police Department")
    entered = datetime.date(2015, 1, 1)
    ended = None
    status = factory.LazyAttribute(
        lambda o: ConsentDecree.Status.TERMINATED if o.ended else ConsentDecree.Status.ACTIVE
    )
    paragraph_count = 300
    monitor = factory.LazyAttribute(lambda o: f"Monitor of {o.city}")
    judge = factory.LazyAttribute(lambda o: f"Judge of {o.city}")
    sources = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.org/decree")
