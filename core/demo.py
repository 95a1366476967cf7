"""The demo site's identity and home page words: the seed home page's, for Chicago.

Loaded by ``manage.py load_demo_content``; staff replace all of it in the admin.
The accessibility and privacy pages' words (English and Spanish) are in
``core.page_texts``. Every app's demo content holds its Spanish beside the English (``title_es``
next to ``title``); ``add_missing_translations`` gives it to records loaded
before the site had Spanish.
"""

from django.conf import settings

from .models import SiteSettings
from .pages import create_missing_pages

SITE = {
    "site_name": "Chicago Police Reform",
    "city": "Chicago",
    "department": "Chicago Police Department",
    "monitor_reports_url": "https://cpdmonitoringteam.com/reports-information/",
    "tagline": "Follow the Chicago Police Department's reform under the federal consent decree.",
    "what_heading": "What We Are Doing",
    "what_intro": (
        "The Chicago Police Department is reforming under a federal consent decree. "
        "Follow what is changing in each area, how far along it is in the Independent "
        "Monitor's reports, and how you can take part."
    ),
    "involved_heading": "3 Ways to Get Involved",
    "areas_card_title": "Areas of Improvement",
    "areas_card_text": (
        "Learn more about the areas we are improving upon, in collaboration with "
        "community members and city agencies."
    ),
    "media_card_title": "Media Center",
    "media_card_text": (
        "Read up on the latest news featuring Chicago Police Department improvements."
    ),
    "feedback_card_title": "Feedback",
    "feedback_card_text": "Let us know how we can improve and work better together!",
    "areas_heading": "Areas of Improvement",
    "comparisons_heading": "Consent Decree in Other Cities",
    "media_heading": "Media Center",
    "media_subheading": "Press & More",
    "media_empty_text": "No recent posts have been published at this time.",
    "policies_heading": "Draft Policy & Documents",
    "feedback_heading": "Feedback",
    # In Spanish, as a fluent Chicago writer puts it (docs/glossary-es.md).
    "site_name_es": "Reforma de la Policía de Chicago",
    "department_es": "Departamento de Policía de Chicago",
    "tagline_es": (
        "Siga la reforma del Departamento de Policía de Chicago bajo el decreto de "
        "consentimiento federal."
    ),
    "what_heading_es": "Lo que estamos haciendo",
    "what_intro_es": (
        "El Departamento de Policía de Chicago está cambiando bajo un decreto de "
        "consentimiento federal. Vea qué cambia en cada área, cuánto ha avanzado según los "
        "informes del Monitor Independiente y cómo puede participar."
    ),
    "involved_heading_es": "3 maneras de participar",
    "areas_card_title_es": "Áreas de mejora",
    "areas_card_text_es": (
        "Conozca las áreas que estamos mejorando junto con miembros de la comunidad y "
        "agencias de la ciudad."
    ),
    "media_card_title_es": "Centro de medios",
    "media_card_text_es": (
        "Lea las últimas noticias sobre las mejoras del Departamento de Policía de Chicago."
    ),
    "feedback_card_title_es": "Su opinión",
    "feedback_card_text_es": "¡Díganos cómo podemos mejorar y trabajar mejor juntos!",
    "areas_heading_es": "Áreas de mejora",
    "comparisons_heading_es": "Decretos de consentimiento en otras ciudades",
    "media_heading_es": "Centro de medios",
    "media_subheading_es": "Prensa y más",
    "media_empty_text_es": "Por ahora no hay publicaciones recientes.",
    "policies_heading_es": "Borradores de políticas y documentos",
    "feedback_heading_es": "Su opinión",
}


def add_missing_translations(record, values):
    """Give ``record`` the demo's translations (``title_es`` in ``values``) it lacks.

    Only where the translation is still empty and the English is still the
    demo's own, so a staff member's words, in any language, are never replaced.
    Return whether anything was added (the record is then saved).
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    added = False
    for key, translation in values.items():
        field, _sep, code = key.rpartition("_")
        if not translation or not field or code == default or code not in dict(settings.LANGUAGES):
            continue
        english = getattr(record, f"{field}_{default}", None)
        if getattr(record, key) in (None, "") and english == values.get(field):
            setattr(record, key, translation)
            added = True
    if added:
        record.save()
    return added


def load():
    """Create the site settings and the site's own pages unless they exist (adding their
    Spanish to records made before the site had it); count the new records."""
    created = create_missing_pages()
    existing = SiteSettings.objects.filter(pk=1).first()
    if existing:
        add_missing_translations(existing, SITE)
        return created
    SiteSettings(**SITE).save()
    return created + 1
