"""The translation catalogues are complete, compiled and true to the code.

Runs without GNU gettext: the messages in the code are found the way
``makemessages`` finds them (Django's own template-to-gettext conversion for
templates, the gettext calls for Python), so CI needs no extra system package.
"""

import ast
import re

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

LOCALE = settings.BASE_DIR / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
# What `make messages` leaves out, as makemessages' --ignore does.
NOT_SCANNED = {".venv", "tests", "benchmarks", "var", "staticfiles", "node_modules", ".git"}
GETTEXT_CALLS = {
    "_": ("msgid",),
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "gettext_noop": ("msgid",),
    "ngettext": ("msgid", "plural"),
    "ngettext_lazy": ("msgid", "plural"),
    "pgettext": ("context", "msgid"),
    "pgettext_lazy": ("context", "msgid"),
    "npgettext": ("context", "msgid", "plural"),
    "npgettext_lazy": ("context", "msgid", "plural"),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def project_files(suffixes):
    for path in sorted(settings.BASE_DIR.rglob("*")):
        parts = path.relative_to(settings.BASE_DIR).parts
        if path.suffix in suffixes and not NOT_SCANNED & set(parts):
            yield path


def messages_in_python(source):
    """(context, msgid) of every gettext call with literal arguments in Python ``source``."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        roles = GETTEXT_CALLS.get(name)
        if not roles or len(node.args) < len(roles):
            continue
        values = dict(zip(roles, node.args, strict=False))
        if all(isinstance(values[role], ast.Constant) for role in roles):
            context = values["context"].value if "context" in values else None
            found.add((context, values["msgid"].value))
    return found


STRING = r"""u?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
TEMPLATE_CALL = re.compile(
    rf"(?<!\w)(_|n?p?gettext)\(\s*({STRING})(?:\s*,\s*({STRING}))?(?:\s*,\s*({STRING}))?"
)


def messages_in_template(source):
    """Template messages, through the same conversion makemessages gives to xgettext."""
    found = set()
    for match in TEMPLATE_CALL.finditer(templatize(source)):
        roles = GETTEXT_CALLS[match.group(1)]
        strings = [s for s in match.groups()[1:] if s is not None][: len(roles)]
        if len(strings) == len(roles):
            values = dict(zip(roles, (ast.literal_eval(s) for s in strings), strict=True))
            found.add((values.get("context"), values["msgid"]))
    return found


@pytest.fixture(scope="module")
def code_messages():
    found = set()
    for path in project_files({".py"}):
        found |= messages_in_python(path.read_text(encoding="utf-8"))
    for path in project_files({".html", ".txt"}):
        if "templates" in path.parts:
            found |= messages_in_template(path.read_text(encoding="utf-8"))
    return found


def test_there_is_a_spanish_catalogue():
    assert LOCALE / "es" / "LC_MESSAGES" / "django.po" in CATALOGUES


def test_the_extraction_finds_what_the_site_shows(code_messages):
    # A check on the check: messages from Python, a template and a blocktranslate.
    assert (None, "Areas of Improvement") in code_messages
    assert (None, "Skip to main content") in code_messages
    assert (None, "Search results for “%(query)s”") in code_messages
    assert ("inside a sentence: shown in …", "Spanish") in code_messages


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_message_in_the_code_is_in_the_catalogue(po_path, code_messages):
    catalogue = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(po_path))}
    missing = sorted(code_messages - catalogue, key=str)
    assert not missing, (
        f"{len(missing)} messages are not in {po_path.name}; run `make messages` and translate "
        f"them: {missing[:5]}"
    )


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_message_is_translated_and_none_is_fuzzy(po_path):
    catalogue = polib.pofile(str(po_path))
    assert not catalogue.metadata_is_fuzzy
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {po_path}: {untranslated[:5]}"
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy[:5]}"
    for entry in catalogue:
        if entry.msgid_plural:
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"

    def messages(catalogue):
        return {
            (entry.msgctxt, entry.msgid, entry.msgid_plural): (
                tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
            )
            for entry in catalogue
            if entry.msgid
        }

    source = messages(polib.pofile(str(po_path)))
    compiled = messages(polib.mofile(str(mo_path)))
    stale = {key for key in source.keys() | compiled.keys() if source.get(key) != compiled.get(key)}
    assert not stale, (
        f"{mo_path.name} does not match {po_path.name} for {len(stale)} messages; run "
        f"`make messages`: {sorted(stale, key=str)[:3]}"
    )


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_translations_keep_placeholders_links_and_plural_forms(po_path):
    catalogue = polib.pofile(str(po_path))
    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=2;")
    for entry in catalogue:
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[0], entry.msgstr_plural[1]]
            # The singular may leave the count out ("el otro decreto"); nothing may be added.
            assert set(PLACEHOLDER.findall(forms[0])) <= set(PLACEHOLDER.findall(entry.msgid))
            assert set(PLACEHOLDER.findall(forms[1])) == set(
                PLACEHOLDER.findall(entry.msgid_plural)
            ), entry.msgid
        else:
            forms = [entry.msgstr]
            assert set(PLACEHOLDER.findall(entry.msgstr)) == set(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid
        for form in forms:
            assert form.count("<a ") == entry.msgid.count("<a "), entry.msgid
            assert form.count("%%") == entry.msgid.count("%%"), entry.msgid


def test_the_glossary_terms_are_used_as_recorded():
    """The catalogue says each glossary term one way (docs/glossary-es.md)."""
    glossary = (settings.BASE_DIR / "docs" / "glossary-es.md").read_text(encoding="utf-8")
    catalogue = polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.po"))
    checks = [
        (r"consent decrees?\b", r"decretos? de consentimiento"),
        (r"Independent Monitor\b", r"Monitor Independiente"),
        (r"comment (period|window)s?", r"períodos? de comentarios"),
        (r"draft polic", r"borrador"),
        (r"\bparagraphs?\b", r"párrafos?"),
    ]
    for english, spanish in checks:
        assert re.search(spanish, glossary)
        for entry in catalogue:
            if re.search(english, entry.msgid, re.IGNORECASE) and "%(" not in entry.msgid:
                assert re.search(spanish, entry.msgstr, re.IGNORECASE), (
                    f"“{entry.msgid}” should say “{spanish}”: “{entry.msgstr}”"
                )
