"""Factories for paragraphs, monitoring reports and ratings."""

import datetime

import factory

from areas.models import ComplianceAssessment, Level, MonitoringReport, Paragraph
from tests.factories import AreaFactory


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    number = factory.Sequence(lambda n: n + 1)
    area = factory.SubFactory(AreaFactory)
    title = factory.Sequence(lambda n: f"Requirement {n + 1}")
    text = "The department will do what this paragraph requires."


class MonitoringReportFactory(factory.django.DjangoModelFactory):
    """A published report without figures; six months per report, one after another."""

    class Meta:
        model = MonitoringReport

    title = factory.Sequence(lambda n: f"Test Monitoring Report {n + 1}")
    short_title = factory.Sequence(lambda n: f"IMR {n + 1}")
    period_start = factory.Sequence(lambda n: datetime.date(2019 + n // 2, 1 + 6 * (n % 2), 1))
    period_end = factory.LazyAttribute(
        lambda o: datetime.date(o.period_start.year, o.period_start.month + 5, 28)
    )
    is_published = True


class ComplianceAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplianceAssessment

    paragraph = factory.SubFactory(ParagraphFactory)
    report = factory.SubFactory(MonitoringReportFactory)
    level = Level.PRELIMINARY
