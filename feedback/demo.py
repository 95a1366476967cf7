"""Chicago's words around the feedback form, loaded by ``manage.py load_demo_content``."""

from .models import FeedbackPage

FEEDBACK_PAGE = {
    "heading": "Send us feedback",
    "intro": (
        "Tell us what you think about the reform, about a change you have noticed, "
        "or about this website. A member of our team reads every message."
    ),
    "emergency_text": (
        "This form is not for emergencies. If you or someone else is in danger, call 911."
    ),
    "complaints_text": (
        "This form is not for complaints about a police officer’s conduct, and we cannot "
        "investigate them."
    ),
    "complaints_link_text": (
        "File a misconduct complaint with the Civilian Office of Police Accountability (COPA)"
    ),
    "complaints_url": "https://www.chicagocopa.org/",
    "privacy_notice": (
        "We keep your message, the topic you chose and the date. Your name, email address "
        "and ZIP code are optional; if you give them, only the staff who review feedback "
        "can see them, and we use them only to reply to you and to understand which "
        "neighborhoods we hear from. We never sell or publish them.\n\n"
        "We do not keep your internet address. To stop abuse we keep a scrambled code made "
        "from it, which cannot be turned back into the address, and delete it with your "
        "other details."
    ),
    "confirmation_text": (
        "A member of our team reads every message. If you asked for a reply, we will write "
        "to you by email."
    ),
}


def load():
    """Create the feedback page's words unless they exist; return how many records were created."""
    _, created = FeedbackPage.objects.get_or_create(pk=1, defaults=FEEDBACK_PAGE)
    return int(created)
