"""Chicago's words around the feedback form, loaded by ``manage.py load_demo_content``."""

from core.demo import add_missing_translations

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
    # In Spanish (docs/glossary-es.md).
    "heading_es": "Envíenos su opinión",
    "intro_es": (
        "Díganos qué piensa de la reforma, de algún cambio que haya notado o de este sitio "
        "web. Una persona de nuestro equipo lee cada mensaje."
    ),
    "emergency_text_es": (
        "Este formulario no es para emergencias. Si usted u otra persona corre peligro, "
        "llame al 911."
    ),
    "complaints_text_es": (
        "Este formulario no es para quejas sobre la conducta de un agente de policía, y no "
        "podemos investigarlas."
    ),
    "complaints_link_text_es": (
        "Presente una queja por mala conducta ante la Oficina Civil de Rendición de Cuentas "
        "de la Policía (COPA)"
    ),
    "privacy_notice_es": (
        "Guardamos su mensaje, el tema que eligió y la fecha. Su nombre, su correo "
        "electrónico y su código postal son opcionales; si nos los da, solo el personal que "
        "revisa las opiniones puede verlos, y los usamos solo para responderle y para saber "
        "de qué vecindarios nos escriben. Nunca los vendemos ni los publicamos.\n\n"
        "No guardamos su dirección de internet. Para evitar abusos guardamos un código "
        "cifrado hecho a partir de ella, que no permite volver a la dirección, y lo borramos "
        "junto con sus demás datos."
    ),
    "confirmation_text_es": (
        "Una persona de nuestro equipo lee cada mensaje. Si pidió una respuesta, le "
        "escribiremos por correo electrónico."
    ),
}


def load():
    """Create the feedback page's words unless they exist; return how many records were created.

    A page loaded before the site had Spanish gets the Spanish it lacks.
    """
    page, created = FeedbackPage.objects.get_or_create(pk=1, defaults=FEEDBACK_PAGE)
    if not created:
        add_missing_translations(page, FEEDBACK_PAGE)
    return int(created)
