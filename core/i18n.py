"""The site in several languages: staff-written content, the page in each language, percentages.

Content: ``register_translated(Model, "title", "body")`` in an app's
``translation.py`` gives each field a copy per language (``title_en``,
``title_es``) through django-modeltranslation. Reading ``obj.title`` gives the
page's language, or the English when the copy is empty; ``shown_language``
says which, so a page can mark an untranslated block ``lang="en"``.

Pages: ``page_in_languages(request)`` gives the address of the page being
shown in each of the site's languages, query string kept, for the language
link and the ``hreflang`` alternates.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import get_script_prefix, translate_url
from django.utils.formats import number_format
from django.utils.translation import get_language, get_language_info, pgettext_lazy
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname

from .markdown import MarkdownField

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE

# A language's name inside a sentence of the page's language ("se muestra en inglés").
LANGUAGE_IN_A_SENTENCE = {
    "en": pgettext_lazy("inside a sentence: shown in …", "English"),
    "es": pgettext_lazy("inside a sentence: shown in …", "Spanish"),
}


def site_languages():
    """The codes of the languages the site is written in, the default first."""
    codes = [code for code, _name in settings.LANGUAGES]
    return sorted(codes, key=lambda code: code != settings.LANGUAGE_CODE)


def current_language():
    """The page's language as one of the site's codes ("es" for "es-mx")."""
    code = (get_language() or settings.LANGUAGE_CODE).lower()
    codes = site_languages()
    for candidate in (code, code.split("-")[0]):
        if candidate in codes:
            return candidate
    return codes[0]


def language_name(code):
    """The language's name in itself, as a reader looks for it: "Español", "English"."""
    return get_language_info(code)["name_local"].capitalize()


# Content


def register_translated(model, *fields):
    """Give ``fields`` of ``model`` a copy in each of the site's languages.

    English is required wherever the field is; the other languages may stay
    empty and then show the English. A Markdown field brings its rendered HTML
    (``body_html``) along, so each language's HTML is rendered on save from
    that language's text.
    """
    names = []
    for name in fields:
        names.append(name)
        field = model._meta.get_field(name)
        if isinstance(field, MarkdownField):
            names.append(field.html_name)
    others = [code for code in site_languages() if code != DEFAULT_LANGUAGE]
    # A default ("Send us feedback") belongs to the English copy only: the other
    # copies start empty, so they read as untranslated rather than as English.
    field_options = {
        name: {code: {"default": ""} for code in others}
        for name in names
        if model._meta.get_field(name).has_default()
    }
    options = type(
        f"{model.__name__}Translation",
        (TranslationOptions,),
        {
            "fields": tuple(names),
            "required_languages": (DEFAULT_LANGUAGE,),
            # An empty copy is untranslated, whatever the field's default.
            "fallback_undefined": "",
            "field_options": field_options,
        },
    )
    translator.register(model, options)
    _keep_each_language_in_history(model)


def _keep_each_language_in_history(model):
    """Give the model's change history (django-simple-history) a column per language copy.

    The history model is built when the model is, before the copies exist; without
    them it could not record a save (and would keep no Spanish).
    """
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager is None:
        return
    from simple_history.models import transform_field

    history = getattr(model, manager).model
    existing = {field.name for field in history._meta.fields}
    for field in model._meta.fields:
        if hasattr(field, "translated_field") and field.name not in existing:
            copy = field.clone()  # the plain field, without modeltranslation's behaviour
            copy.set_attributes_from_name(field.name)
            transform_field(copy)
            history.add_to_class(field.name, copy)


def translated_fields(model):
    """The names of ``model``'s fields that staff write in each language (not the HTML),
    in the model's order."""
    try:
        names = set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []
    return [field.name for field in model._meta.fields if field.name in names and field.editable]


def columns_as_shown(model, field):
    """The columns a page in the current language shows for ``field``: its own, then English.

    For filters that should find what the reader sees, such as a title search.
    """
    if field not in translated_fields(model):
        return [field]
    languages = dict.fromkeys([current_language(), DEFAULT_LANGUAGE])
    return [build_localized_fieldname(field, code) for code in languages]


def shown_language(obj, field):
    """The language ``obj.<field>`` is shown in on the current page ("" when empty).

    A field that is not translated is taken to be in the page's language.
    """
    page = current_language()
    if not hasattr(obj, build_localized_fieldname(field, DEFAULT_LANGUAGE)):
        return page
    for code in dict.fromkeys([page, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]):
        if getattr(obj, build_localized_fieldname(field, code), None) not in (None, ""):
            return code
    return ""


def untranslated(obj, *fields):
    """The language the page falls back to for any of ``fields``, or "" when none does."""
    page = current_language()
    for field in fields:
        shown = shown_language(obj, field)
        if shown and shown != page:
            return shown
    return ""


def missing_translations(obj, code):
    """Fields of ``obj`` written in English but still empty in language ``code``."""
    missing = []
    for name in translated_fields(type(obj)):
        english = getattr(obj, build_localized_fieldname(name, DEFAULT_LANGUAGE), None)
        other = getattr(obj, build_localized_fieldname(name, code), None)
        if english not in (None, "") and other in (None, ""):
            missing.append(name)
    return missing


def untranslated_note_text(code):
    """The short note, in the page's language, over a block shown in language ``code``."""
    language = LANGUAGE_IN_A_SENTENCE.get(code) or get_language_info(code)["name_translated"]
    return _("Not translated yet: shown in %(language)s.") % {"language": language}


# Pages


@dataclass(frozen=True)
class LanguageVersion:
    """The page being shown, in one of the site's languages."""

    code: str
    name: str  # in the language itself: "Español"
    url: str  # path and query string
    absolute_url: str
    is_current: bool


def page_in_languages(request):
    """The current page in each of the site's languages, the default first.

    The address keeps the query string, so a filtered list or a search stays
    as it is. A page that does not exist (a 404) gets the same path under the
    other language's prefix, which shows that language's "not found" page.
    """
    page = current_language()
    path = request.get_full_path()
    versions = []
    for code in site_languages():
        url = path if code == page else _in_language(path, page, code)
        versions.append(
            LanguageVersion(
                code=code,
                name=language_name(code),
                url=url,
                absolute_url=request.build_absolute_uri(url),
                is_current=code == page,
            )
        )
    return versions


def _in_language(path, current, target):
    translated = translate_url(path, target)
    if translated != path:
        return translated
    # Not a page the URL map knows: swap the language prefix by hand.
    parts = urlsplit(path)
    prefix = get_script_prefix()
    rest = parts.path.removeprefix(prefix)
    if current != settings.LANGUAGE_CODE:
        rest = rest.removeprefix(f"{current}/") if rest != current else ""
    if target != settings.LANGUAGE_CODE:
        rest = f"{target}/{rest}"
    return urlunsplit(("", "", prefix + rest, parts.query, parts.fragment))


# Numbers


def percent(value, decimal_pos=None):
    """``value`` (a number, or text such as "<1") as a percentage in the page's language."""
    number = value if isinstance(value, str) else number_format(value, decimal_pos)
    return _("%(number)s%%") % {"number": number}
