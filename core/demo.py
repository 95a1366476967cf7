"""The demo site's identity and home page words: the seed home page's, for Chicago.

Loaded by ``manage.py load_demo_content``; staff replace all of it in the admin.
The accessibility and privacy pages' words (English and Spanish) are in
``core.page_texts``.
"""

from .models import SiteSettings
from .pages import create_missing_pages

SITE = {
    "site_name": "Chicago Police Reform",
    "city": "Chicago",
    "department": "Chicago Police Department",
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
}


def load():
    """Create the site settings and the site's own pages unless they exist; count the new records."""
    created = create_missing_pages()
    if SiteSettings.objects.exists():
        return created
    SiteSettings(**SITE).save()
    return created + 1
