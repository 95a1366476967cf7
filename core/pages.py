"""The site's own pages (accessibility, privacy) exist from the first ``migrate`` on.

The footer links to them from every page, so a site that never loads the demo
content must still answer at their addresses. Like Django's own permissions,
they are created after ``migrate`` when missing, from ``core.page_texts``;
what staff have written is never touched.
"""

from django.conf import settings

from .page_texts import PAGES, PAGES_ES


def page_text(slug):
    """A page's starting words in every language: ``title`` and its copies (``title_es``)."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    words = {f"{field}_{default}": text for field, text in PAGES[slug].items()}
    words.update({f"{field}_es": text for field, text in PAGES_ES.get(slug, {}).items()})
    return words


def create_missing_pages(using="default"):
    """Create each fixed page that is missing, in English and Spanish, and give pages made
    before the site had Spanish their Spanish words; return how many pages were created."""
    from .demo import add_missing_translations
    from .models import Page

    created = 0
    for slug, text in PAGES.items():
        page, was_created = Page.objects.using(using).get_or_create(
            slug=slug, defaults=page_text(slug)
        )
        created += was_created
        if not was_created:
            add_missing_translations(page, {**text, **page_text(slug)})
    return created


def create_pages_after_migrate(sender, using="default", apps=None, **kwargs):
    """post_migrate receiver: create the fixed pages once the Page table exists.

    The live model, not the migration state's: only it renders the Markdown
    body on save. The state only says whether the table exists yet.
    """
    try:
        if apps is not None:
            apps.get_model("core", "Page")
    except LookupError:  # migrated back to before the model existed
        return
    create_missing_pages(using=using)
