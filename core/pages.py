"""The site's own pages (accessibility, privacy) exist from the first ``migrate`` on.

The footer links to them from every page, so a site that never loads the demo
content must still answer at their addresses. Like Django's own permissions,
they are created after ``migrate`` when missing, from ``core.page_texts``;
what staff have written is never touched.
"""

from .page_texts import PAGES


def create_missing_pages(using="default"):
    """Create each fixed page that is missing, in English; return how many were created."""
    from .models import Page

    created = 0
    for slug, text in PAGES.items():
        _page, was_created = Page.objects.using(using).get_or_create(slug=slug, defaults=text)
        created += was_created
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
