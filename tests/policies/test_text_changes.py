"""A draft's page says when it was posted and lists every change to its words since then."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import chicago
from .factories import PolicyFactory

pytestmark = pytest.mark.django_db


def edit(policy, clock, when, **fields):
    clock.now = when
    for name, value in fields.items():
        setattr(policy, name, value)
    policy.save()


@pytest.fixture
def draft(clock):
    """Prepared unpublished on 1 August, posted on 4 August 2023."""
    clock.now = chicago(2023, 8, 1, 9, 0)
    policy = PolicyFactory(
        is_published=False, body="Officers must report any use of force within 24 hours."
    )
    edit(
        policy, clock, chicago(2023, 8, 2, 9, 0), body="Officers must report force within 24 hours."
    )
    edit(policy, clock, chicago(2023, 8, 4, 9, 0), is_published=True)
    clock.now = chicago(2023, 8, 10, 12, 0)
    return policy


def test_a_draft_not_changed_since_it_was_posted_says_when_it_was_posted(client, draft):
    html = client.get(draft.get_absolute_url()).content.decode()
    assert 'Posted on <time datetime="2023-08-04">4 August 2023</time>' in html
    assert "Last changed" not in html
    assert "Changes since it was posted" not in html  # edits before posting are not listed


def test_changes_to_the_words_are_listed_newest_first_with_what_moved(client, clock, draft):
    edit(
        draft, clock, chicago(2023, 8, 7, 15, 0), body="Officers must report force within 12 hours."
    )
    edit(draft, clock, chicago(2023, 8, 8, 10, 0), comment_closes=chicago(2023, 8, 25).date())
    edit(draft, clock, chicago(2023, 8, 9, 16, 30), summary="What this draft changes, and why.")
    clock.now = chicago(2023, 8, 10, 12, 0)

    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Last changed on <time" in html
    assert "9 August 2023</time>" in html
    section = html.split('id="changes-heading"')[1]
    assert section.index("9 August 2023") < section.index("7 August 2023")
    assert "8 August 2023" not in section  # a new closing date is not a change to the words
    assert "<h4>Summary</h4>" in section
    assert "<h4>Text</h4>" in section
    removed = '<del><span class="visually-hidden">removed: </span>24'
    added = '<ins><span class="visually-hidden">added: </span>12'
    assert removed in section
    assert added in section


def test_the_list_of_changes_costs_the_same_queries_however_long(client, clock, draft):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(draft.get_absolute_url()).status_code == 200
        return len(captured)

    edit(draft, clock, chicago(2023, 8, 5, 9, 0), body="Version 1 of the text.")
    queries()  # fills the caches (site settings, the feedback page's words)
    one_change = queries()
    for day in range(6, 10):
        edit(draft, clock, chicago(2023, 8, day, 9, 0), body=f"Version {day} of the text.")
    clock.now = chicago(2023, 8, 10, 12, 0)
    assert queries() == one_change


def test_with_the_page_parts_kept_a_change_to_the_words_shows_at_once(
    client, clock, draft, settings
):
    settings.FRAGMENT_CACHE = True  # the history and texts are kept, as in production
    assert "Last changed" not in client.get(draft.get_absolute_url()).content.decode()
    edit(
        draft, clock, chicago(2023, 8, 7, 15, 0), body="Officers must report force within 12 hours."
    )
    clock.now = chicago(2023, 8, 10, 12, 0)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert 'Last changed on <time datetime="2023-08-07">' in html
    assert "within 12 hours" in html
