"""One address of every page type residents read, for the checks that go through each.

The reflow screenshots and the HTML checker take seconds a page, so they visit
one page of each type rather than every address (``tests/core/test_every_page.py``
visits every address with the checks that are quick).
"""


def page_type_urls(post, policy, event):
    """Every page type, with ``post``, ``policy`` and ``event`` as the one page of their kinds."""
    return [
        "/",
        "/areas/",
        "/areas/use-of-force/",
        "/progress/",
        "/media-center/",
        post.get_absolute_url(),
        "/media-center/announcements/workforce-allocation-study/",
        "/policies/",
        policy.get_absolute_url(),
        "/documents/",
        "/feedback/",
        "/comparisons/",
        "/comparisons/chicago/",
        "/search/?q=police",
        "/events/",
        event.get_absolute_url(),
        "/alerts/",
        "/accessibility/",
        "/privacy/",
        "/es/",
        "/es/progress/",
    ]
