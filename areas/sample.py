"""Sample paragraphs, reports and ratings for development and benchmarks.

Never part of the demo content: every sample report says it is sample data in
its title and confidence note, so no one mistakes it for the monitor's work.
"""

import datetime
import random

from django.db import transaction

from core.content_version import content_changed

from .models import Area, ComplianceAssessment, Level, MonitoringReport, Paragraph

SAMPLE_PREFIX = "Sample Monitoring Report"
SAMPLE_CONFIDENCE = "sample data, not real ratings"
SAMPLE_TITLE = "Sample requirement"


class RealDataInTheWay(Exception):
    """Paragraphs that are not sample data hold the numbers the sample needs."""


def _add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


@transaction.atomic
def generate(paragraphs=800, reports=12, seed=1, start=datetime.date(2019, 3, 1)):
    """Replace earlier sample data with ``paragraphs`` paragraphs rated in ``reports`` reports.

    Paragraphs go to the existing areas in turn (ten sample areas are made if
    there are none); ratings drift upwards from report to report. Returns the
    number of ratings created.
    """
    rng = random.Random(seed)  # noqa: S311 (sample data, not security)
    MonitoringReport.objects.filter(title__startswith=SAMPLE_PREFIX).delete()
    areas = list(Area.objects.all())
    if not areas:
        areas = [
            Area.objects.create(
                title=f"Sample area {n}", slug=f"sample-area-{n}", summary="", order=n
            )
            for n in range(1, 11)
        ]
    Paragraph.objects.filter(title__startswith=SAMPLE_TITLE).delete()
    # Real paragraphs (the demo's, or staff's) keep their numbers and their ratings;
    # the sample takes the first numbers they leave free.
    taken = set(Paragraph.objects.values_list("number", flat=True))
    numbers = []
    n = 0
    while len(numbers) < paragraphs:
        n += 1
        if n not in taken:
            numbers.append(n)
    made = Paragraph.objects.bulk_create(
        Paragraph(
            number=n,
            area=areas[(n - 1) % len(areas)],
            title=f"{SAMPLE_TITLE} {n}",
            text=f"The text of sample paragraph {n}.",
        )
        for n in numbers
    )
    made_reports = []
    for n in range(1, reports + 1):
        period_start = _add_months(start, 6 * (n - 1))
        period_end = _add_months(period_start, 6) - datetime.timedelta(days=1)
        made_reports.append(
            MonitoringReport.objects.create(
                title=f"{SAMPLE_PREFIX} {n}",
                short_title=f"Sample {n}",
                period_start=period_start,
                period_end=period_end,
                filed=period_end + datetime.timedelta(days=90),
                confidence=SAMPLE_CONFIDENCE,
                notes="Generated sample data for development and benchmarks.",
                is_published=True,
            )
        )
    steps = [Level.NOT_IN_COMPLIANCE, Level.PRELIMINARY, Level.SECONDARY, Level.FULL]
    progress = {p.pk: 0 for p in made}
    ratings = []
    for report in made_reports:
        for paragraph in made:
            if rng.random() < 0.1:
                level = Level.NOT_ASSESSED
            else:
                if rng.random() < 0.3:
                    progress[paragraph.pk] = min(progress[paragraph.pk] + 1, 3)
                level = steps[progress[paragraph.pk]]
            ratings.append(ComplianceAssessment(paragraph=paragraph, report=report, level=level))
    ComplianceAssessment.objects.bulk_create(ratings, batch_size=2000)
    content_changed()  # written in bulk, without model signals
    return len(ratings)
