"""The demo's areas (the seed page's ten and two more parts of the decree), Chicago's
monitoring reports, the paragraphs public sources place, and the Police Board's ratings.

Everything comes from the data files in ``areas/data/``, each fact with the
page it came from (and, in a ``research_note`` column for staff, why one source
was preferred to another). The reports carry the summary figures as published,
with their source and a plain note saying where the figures come from; the only
per-paragraph ratings are the ones the Police Board's page gives for two
reports. Loaded by ``manage.py load_demo_content``, which creates what is
missing and never changes what exists.
"""

import csv
import datetime
import re
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify

from core.demo import add_missing_translations

from .models import Area, ComplianceAssessment, MonitoringReport, Paragraph

# The seed page's areas, in its order, with their Spanish (docs/glossary-es.md).
AREAS = [
    {
        "title": "Community Policing",
        "summary": (
            "Integrating community policing to enhance public trust and ensure sustainable "
            "reforms. This approach prioritizes trust, community collaboration, and joint "
            "problem-solving with city agencies."
        ),
        "title_es": "Policía comunitaria",
        "summary_es": (
            "Integrar la policía comunitaria para aumentar la confianza del público y lograr "
            "reformas que perduren. Este enfoque da prioridad a la confianza, la colaboración "
            "con la comunidad y la búsqueda de soluciones junto con las agencias de la ciudad."
        ),
    },
    {
        "title": "Impartial Policing",
        "summary": (
            "Implementing clear policies against sexual misconduct, proper response to "
            "allegations of abuse, and mandatory annual training for all officers on "
            "procedural justice and cultural competency."
        ),
        "title_es": "Actuación policial imparcial",
        "summary_es": (
            "Poner en práctica políticas claras contra la conducta sexual indebida, responder "
            "como corresponde a las denuncias de abuso y dar a todos los agentes una "
            "capacitación anual obligatoria sobre justicia procesal y competencia cultural."
        ),
    },
    {
        "title": "Officer Wellness & Support",
        "summary": (
            "Prioritizing the mental well-being of officers, by providing comprehensive "
            "support for those dealing with the psychological effects of their duties."
        ),
        "title_es": "Bienestar y apoyo para los agentes",
        "summary_es": (
            "Dar prioridad a la salud mental de los agentes, con apoyo integral para quienes "
            "viven los efectos psicológicos de su trabajo."
        ),
    },
    {
        "title": "Training",
        "summary": (
            "Implementation of mandatory training hours for officers ensuring they are "
            "well-prepared and aligned with updated policies to better serve Chicago."
        ),
        "title_es": "Capacitación",
        "summary_es": (
            "Horas de capacitación obligatorias para los agentes, para que estén bien "
            "preparados, conozcan las políticas actualizadas y sirvan mejor a Chicago."
        ),
    },
    {
        "title": "Crisis Intervention",
        "summary": (
            "Adequately training officers in crisis intervention techniques to handle "
            "behavioral or mental health crises effectively and respectfully. Promoting "
            "safety in police interactions and reducing the need to use force."
        ),
        "title_es": "Intervención en crisis",
        "summary_es": (
            "Capacitar bien a los agentes en técnicas de intervención en crisis para atender "
            "crisis de conducta o de salud mental con eficacia y respeto. Hacer más seguros "
            "los encuentros con la policía y reducir la necesidad de usar la fuerza."
        ),
    },
    {
        "title": "Supervision",
        "summary": (
            "Equipping CPD supervisors to better train and monitor their officers, ensuring "
            "accountability and addressing adverse behavior. Consistently implementing "
            "performance evaluations to pinpoint both commendable and concerning behaviors, "
            "promoting public safety and trust."
        ),
        "title_es": "Supervisión",
        "summary_es": (
            "Preparar a los supervisores del CPD para que capaciten y vigilen mejor a sus "
            "agentes, exijan rendición de cuentas y corrijan las conductas indebidas. Evaluar "
            "el desempeño con regularidad para reconocer lo que merece elogio y señalar lo que "
            "preocupa, en favor de la seguridad y la confianza del público."
        ),
    },
    {
        "title": "Use of Force",
        "summary": (
            "The department has outlined specific use of force techniques and tools officers "
            "can use, always prioritizing the sanctity of life by providing immediate aid to "
            "anyone injured. In addition, CPD ensures transparent communication pathways for "
            "the community to comment on these policies."
        ),
        "title_es": "Uso de la fuerza",
        "summary_es": (
            "El departamento ha definido qué técnicas y herramientas de uso de la fuerza "
            "pueden emplear los agentes, siempre dando prioridad a la vida y prestando ayuda "
            "inmediata a cualquier persona herida. Además, el CPD ofrece vías de comunicación "
            "transparentes para que la comunidad opine sobre estas políticas."
        ),
    },
    {
        "title": "Accountability & Transparency",
        "summary": (
            "Emphasizing core values such as professionalism and integrity, with every member "
            "held accountable to these standards. Creating a just and effective accountability "
            "system, where any misconduct is addressed promptly and equitably, ensuring due "
            "process."
        ),
        "title_es": "Rendición de cuentas y transparencia",
        "summary_es": (
            "Poner por delante valores como el profesionalismo y la integridad, y que cada "
            "miembro responda por ellos. Crear un sistema de rendición de cuentas justo y "
            "eficaz, en el que toda mala conducta se atienda con rapidez y equidad, con "
            "respeto al debido proceso."
        ),
    },
    {
        "title": "Recruitment",
        "subtitle": "Hiring & Promotion",
        "summary": (
            "Creating policies to ensure our processes for the ranks of sergeant and "
            "lieutenant are transparent, and continuously reviewing and updating our "
            "recruitment, hiring and promotion policies and practices."
        ),
        "title_es": "Reclutamiento",
        "subtitle_es": "Contratación y ascensos",
        "summary_es": (
            "Crear políticas para que los ascensos a sargento y a teniente sean transparentes, "
            "y revisar y actualizar sin pausa nuestras políticas y prácticas de "
            "reclutamiento, contratación y ascensos."
        ),
    },
    {
        "title": "Data Collection",
        "subtitle": "Analysis & Management",
        "summary": (
            "Utilize data-driven strategies to uphold constitutional policing, encompassing "
            "systematic data collection, accuracy checks, trend analysis, and creating "
            "targeted interventions to address and modify concerning officers’ behaviors."
        ),
        "title_es": "Recopilación de datos",
        "subtitle_es": "Análisis y gestión",
        "summary_es": (
            "Usar estrategias basadas en datos para que la labor policial respete la "
            "Constitución: recopilar datos de forma sistemática, comprobar que sean exactos, "
            "analizar tendencias y crear intervenciones específicas para corregir las "
            "conductas preocupantes de los agentes."
        ),
    },
]

# Two parts of the decree the seed page does not show as areas: named by the City
# (its list of the decree's areas) and by the monitor (the 2023 stipulation).
AREAS += [
    {
        "title": "Implementation, Enforcement & Monitoring",
        "summary": (
            "How the court and the Independent Monitor keep track of the decree: the monitor's "
            "reports every six months, its special reports and its comprehensive assessments."
        ),
        "body": (
            "The City lists this part of the decree beside the ten areas above. It sets out "
            "how the Independent Monitoring Team checks the City's work and reports to the "
            "court.\n\n"
            "Sources: [the City's page on the consent decree]"
            "(https://chicago.gov/city/en/sites/police-reform/home/consent-decree.html), "
            "[the monitor's reports page](https://cpdmonitoringteam.com/reports-information/)."
        ),
        "title_es": "Implementación, cumplimiento y monitoreo",
        "summary_es": (
            "Cómo el tribunal y el Monitor Independiente siguen el decreto: los informes del "
            "monitor cada seis meses, sus informes especiales y sus evaluaciones integrales."
        ),
    },
    {
        "title": "Investigatory Stops & Pat-Downs",
        "summary": (
            "Rules for stopping people on the street, patting them down and enforcing the "
            "City's loitering laws, added to the decree in June 2023 as paragraphs 800 to 877."
        ),
        "body": (
            "The City and the Illinois Attorney General agreed on this new part of the decree "
            "in June 2023, and the court approved it on June 27, 2023. The court then held a "
            "public hearing by video on August 9, 2023, to hear from people affected by it. "
            "The monitor began rating these paragraphs in its ninth report.\n\n"
            "Sources: [the monitor's notice of the August 2023 hearing]"
            "(https://cpdmonitoringteam.com/virtual-public-hearing-wednesday-august-9-2023/), "
            "[the monitor's news and updates](https://cpdmonitoringteam.com/news-and-updates)."
        ),
        "title_es": "Detenciones para investigar y cacheos",
        "summary_es": (
            "Reglas para detener a personas en la calle, cachearlas y aplicar las leyes de la "
            "ciudad contra el merodeo, añadidas al decreto en junio de 2023 como los párrafos "
            "800 a 877."
        ),
    },
]

DATA = Path(__file__).resolve().parent / "data"
REPORTS_CSV = DATA / "chicago-monitoring-reports.csv"
PARAGRAPHS_CSV = DATA / "chicago-paragraphs.csv"
RATINGS_CSV = DATA / "chicago-police-board-ratings.csv"


def short_title(title):
    """ "IMR 11" for "Independent Monitoring Report 11"; the title itself otherwise."""
    match = re.fullmatch(r"Independent Monitoring Report (\d+)", title)
    return f"IMR {match.group(1)}" if match else ""


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _number(value):
    return Decimal(value) if value else None


def load_reports(path=REPORTS_CSV):
    """Create the reports that do not exist yet; return how many were created.

    Reports are matched by title, so a second run, or a report staff have
    edited, is left alone.
    """
    created = 0
    with Path(path).open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            _, made = MonitoringReport.objects.get_or_create(
                title=row["report"],
                defaults={
                    "short_title": short_title(row["report"]),
                    "period_start": _date(row["period_start"]),
                    "period_end": _date(row["period_end"]),
                    "filed": _date(row["filed"]),
                    "paragraphs_assessed": int(row["paragraphs_assessed"])
                    if row["paragraphs_assessed"]
                    else None,
                    "figures_as": row["figures_as"],
                    "preliminary": _number(row["preliminary"]),
                    "secondary": _number(row["secondary"]),
                    "full": _number(row["full"]),
                    "notes": row["notes"],
                    "figures_source": row["source"],
                    "confidence": row["confidence"],
                    "link": row["link"],
                    "is_published": True,
                },
            )
            created += made
    return created


def _rows(path):
    with Path(path).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_paragraphs(path=PARAGRAPHS_CSV):
    """Create the paragraphs a source places in an area that do not exist yet, by number.

    Only paragraphs a public source places are loaded, with short titles in our
    own words where the source says what they are about; the rest of the decree's
    structure is not guessed.
    """
    areas = {area.slug: area for area in Area.objects.all()}
    existing = set(Paragraph.objects.values_list("number", flat=True))
    new = [
        Paragraph(number=int(row["number"]), area=areas[row["area"]], title=row["title"])
        for row in _rows(path)
        if int(row["number"]) not in existing and row["area"] in areas
    ]
    Paragraph.objects.bulk_create(new)
    return len(new)


def load_ratings(path=RATINGS_CSV):
    """Create the per-paragraph ratings a public page gives that do not exist yet.

    A report rated this way has only some of its paragraphs' ratings, so it is
    marked as such and keeps its decree-wide published figures.
    """
    rows = _rows(path)
    reports = {
        report.title: report
        for report in MonitoringReport.objects.filter(title__in={row["report"] for row in rows})
    }
    paragraphs = {paragraph.number: paragraph for paragraph in Paragraph.objects.all()}
    existing = set(ComplianceAssessment.objects.values_list("report_id", "paragraph__number"))
    new = []
    for row in rows:
        report, number = reports.get(row["report"]), int(row["paragraph"])
        if report is None or number not in paragraphs or (report.pk, number) in existing:
            continue
        new.append(
            ComplianceAssessment(
                report=report,
                paragraph=paragraphs[number],
                level=row["level"],
                source=row["source"],
            )
        )
    if new:
        MonitoringReport.objects.filter(
            pk__in={rating.report_id for rating in new}, ratings_are_partial=False
        ).exclude(assessments__isnull=False).update(ratings_are_partial=True)
    ComplianceAssessment.objects.bulk_create(new)
    return len(new)


def load_areas():
    """Create the seed page's areas that do not exist yet, matched by slug.

    An area loaded before the site had Spanish gets the Spanish it lacks.
    """
    created = 0
    for order, values in enumerate(AREAS, start=1):
        values = {"subtitle": "", "subtitle_es": "", **values}
        area, made = Area.objects.get_or_create(
            slug=slugify(f"{values['title']} {values['subtitle']}"),
            defaults={**values, "order": order},
        )
        if not made:
            add_missing_translations(area, values)
        created += made
    return created


def load():
    """The areas, reports, paragraphs and ratings; return how many records were created."""
    return load_areas() + load_reports() + load_paragraphs() + load_ratings()
