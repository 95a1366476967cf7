"""Every public page, found in the URL map, keeps the site's promises.

Each named URL answers; each HTML page has exactly one <h1>, says its language,
names itself in its <title>, has the landmarks and the skip link, and makes the
browser fetch nothing from another host. The pages come from ``get_resolver()``,
so a new page is checked without a change here. If its URL takes a parameter,
its test fails until PAGE_OBJECTS (or PARAMETER_VALUES) says what to fill in.
"""

import itertools
import re
import time
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import URLResolver, get_resolver, reverse

from alerts.links import confirm_token, manage_token
from events.models import Event
from feedback.abuse import new_form_token
from feedback.models import Feedback
from media_center.models import Post
from tests.alerts.factories import SubscriptionFactory
from tests.areas.factories import ComplianceAssessmentFactory
from tests.comparisons.factories import ConsentDecreeFactory
from tests.events.factories import EventFactory, EventLinkFactory, days_from_now
from tests.factories import AnnouncementFactory, PostFactory
from tests.media_center.factories import PostWithCoverFactory
from tests.policies.factories import DocumentFactory, PolicyFactory

# Left out, by namespace or by URL name, each for its reason. Every other named URL is public.
NOT_PUBLIC = {
    "admin": "Django's admin, for staff; tests/core/test_admin.py loads its pages",
    "two_factor": "staff sign-in and second-factor pages, under /admin/; tests/core/test_sign_in.py",
    "staff_logout": "signing staff out, by POST only; tests/core/test_sign_in.py",
    "markdownx_markdownify": "the admin editor's Markdown preview, staff only",
    "markdownx_upload": "the admin editor's image upload, staff only",
    "media_center:preview": "a draft post as it will look, staff only",
    "policies:preview": "a draft policy as it will look, staff only",
    "events:preview": "an event being prepared as it will look, staff only",
    "upload": "uploaded files, not pages: the front server's or object storage's; "
    "tests/core/test_object_storage.py and tests/deploy/test_front.py",
}

# URL parameters that mean the same on every page, with each value to check.
PARAMETER_VALUES = {"fmt": ("csv", "json")}

# For a page whose URL names an object: the objects of `site` (below) to check it with.
# Each of its parameters not in PARAMETER_VALUES is read from the object (`slug` is obj.slug).
PAGE_OBJECTS = {
    "areas:detail": ("area",),
    "areas:area_data": ("area",),
    "areas:area_ratings": ("area",),
    "media_center:detail": ("post",),
    "media_center:announcement": ("announcement",),
    "media_center:preview": ("draft_post",),
    "policies:preview": ("open_policy",),
    "policies:detail": ("open_policy", "closed_policy"),
    "comparisons:detail": ("decree",),
    "feedback:sent": ("sent_feedback",),
    "events:detail": ("upcoming_event", "past_event", "cancelled_event"),
    "events:ics": ("upcoming_event", "cancelled_event"),
    "events:preview": ("draft_event",),
    "alerts:confirm": ("confirmation_link",),
    "alerts:preferences": ("subscriber_links",),
    "alerts:unsubscribe": ("subscriber_links",),
}

# What a browser fetches on its own as it reads the page, by element. Links a
# resident chooses to follow (<a href>, <link rel="alternate">) may go anywhere;
# a form's action is here because it sends what residents type.
FETCHED = {
    "audio": ("src",),
    "base": ("href",),
    "button": ("formaction",),
    "embed": ("src",),
    "form": ("action",),
    "frame": ("src",),
    "iframe": ("src",),
    "image": ("href", "xlink:href"),
    "img": ("src", "srcset"),
    "input": ("src", "formaction"),
    "object": ("data",),
    "script": ("src",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "use": ("href", "xlink:href"),
    "video": ("src", "poster"),
}
FETCHED_LINKS = {
    "apple-touch-icon",
    "dns-prefetch",
    "icon",
    "manifest",
    "mask-icon",
    "modulepreload",
    "preconnect",
    "prefetch",
    "preload",
    "prerender",
    "stylesheet",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
LANDMARKS = ("header", "nav", "main", "footer")


def public_page_urls(client):
    """One URL of every public page that is HTML (not a feed or a download), objects built
    with factories: for tests of what every page must carry, with no list kept by hand."""
    site = build_site(client)
    urls = []
    for name in PUBLIC:
        if name in {"feedback:sent", "feedback:thanks"}:  # after sending, not pages to find
            continue
        for url in urls_for(name, URLS[name], site):
            response = client.get(url)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                urls.append(url)
    return urls


def named_urls(resolver=None, namespace=(), parameters=()):
    """{name with its namespaces: its URL's parameter names}, through every include()."""
    found = {}
    for entry in (resolver or get_resolver()).url_patterns:
        names = parameters + tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = (*namespace, entry.namespace) if entry.namespace else namespace
            found.update(named_urls(entry, inner, names))
        elif entry.name:
            found[":".join((*namespace, entry.name))] = names
    return found


def reason_left_out(name):
    """Why ``name`` is not a public page, or None if it is one."""
    parts = name.split(":")
    for end in range(len(parts), 0, -1):
        if ":".join(parts[:end]) in NOT_PUBLIC:
            return NOT_PUBLIC[":".join(parts[:end])]
    return None


URLS = named_urls()
PUBLIC = sorted(name for name in URLS if reason_left_out(name) is None)
# Pages that answer only a POST, and so have nothing to show anyone.
POST_ONLY = {"staff_logout"}
# Files, not pages: nobody is sent to sign in for them.
FILES = {"upload"}
STAFF_ONLY = sorted(
    name for name in NOT_PUBLIC if name in URLS and name not in POST_ONLY and name not in FILES
)


def urls_for(name, parameters, site):
    """Every URL to check for the page ``name``, its parameters filled in."""
    from_objects = [p for p in parameters if p not in PARAMETER_VALUES]
    if from_objects and name not in PAGE_OBJECTS:
        pytest.fail(
            f"The page {name!r} takes {', '.join(from_objects)}: add the objects it shows to "
            "PAGE_OBJECTS in tests/core/test_every_page.py (or the values of a parameter that "
            "means the same everywhere to PARAMETER_VALUES), so that the page is checked."
        )
    urls = []
    for obj in [getattr(site, attr) for attr in PAGE_OBJECTS.get(name, ())] or [None]:
        choices = []
        for parameter in parameters:
            if parameter in PARAMETER_VALUES:
                choices.append(PARAMETER_VALUES[parameter])
            elif hasattr(obj, parameter):
                choices.append([getattr(obj, parameter)])
            else:
                pytest.fail(
                    f"The page {name!r} takes {parameter}, which {type(obj).__name__} does not "
                    "have: say in PAGE_OBJECTS or PARAMETER_VALUES in "
                    "tests/core/test_every_page.py where its value comes from."
                )
        for values in itertools.product(*choices):
            urls.append(reverse(name, kwargs=dict(zip(parameters, values, strict=True))))
    return urls


def sent_in_this_session(client):
    """Feedback that ``client`` sent through the form, so its confirmation page shows."""
    data = {
        "message": "The new training videos are helpful.",
        "language": "en",
        "form_token": new_form_token(now=time.time() - 60),
    }
    assert client.post(reverse("feedback:form"), data).status_code == 302
    return Feedback.objects.get()


@pytest.fixture
def site(client):
    """Something in every section, as residents would find it."""
    return build_site(client)


def build_site(client):
    """Something in every section, as residents would find it (``client`` sends the feedback)."""
    assessment = ComplianceAssessmentFactory()  # an area, a paragraph and a published report
    area = assessment.paragraph.area
    # A heading written as "#" in the body must not give the page a second <h1>.
    post = PostWithCoverFactory(cover_size=(640, 400), body="# What we heard\n\nMore patrols.")
    post.areas.add(area)
    open_policy = PolicyFactory(open_today=True)
    open_policy.areas.add(area)
    DocumentFactory(policy=open_policy)
    upcoming_event = EventFactory()
    upcoming_event.areas.add(area)
    upcoming_event.policies.add(open_policy)
    past_event = EventFactory(starts_at=days_from_now(-30))
    EventLinkFactory(event=past_event)
    waiting, subscriber = SubscriptionFactory(confirmed_at=None), SubscriptionFactory()
    return SimpleNamespace(
        upcoming_event=upcoming_event,
        past_event=past_event,
        cancelled_event=EventFactory(status=Event.Status.CANCELLED),
        draft_event=EventFactory(is_published=False),
        # The links in the emails: their tokens are the URL's parameter.
        confirmation_link=SimpleNamespace(token=confirm_token(waiting)),
        subscriber_links=SimpleNamespace(token=manage_token(subscriber)),
        area=area,
        post=post,
        draft_post=PostFactory(status=Post.Status.DRAFT),
        announcement=AnnouncementFactory(),
        open_policy=open_policy,
        closed_policy=PolicyFactory(),  # its window ended in 2023
        decree=ConsentDecreeFactory(),
        sent_feedback=sent_in_this_session(client),
    )


class PageReader(HTMLParser):
    """What the checks need from a page's HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.titles = []  # in <head>; an inline <svg> has <title>s of its own
        self.in_head = False
        self.h1_count = 0
        self.tags = set()
        self.ids = set()
        self.links = set()
        self.fetched = []  # (what, URL) the browser loads by itself
        self.stylesheets = []
        self.css = []  # inline CSS: <style> elements and style="" attributes
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        self.tags.add(tag)
        self.ids.add(attrs.get("id"))
        self._in = tag if tag in ("title", "style") else None
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag in ("head", "body"):
            self.in_head = tag == "head"
        elif tag == "title" and self.in_head:
            self.titles.append("")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "a":
            self.links.add(attrs.get("href"))
        elif tag == "link" and FETCHED_LINKS & set(attrs.get("rel", "").lower().split()):
            self.fetched.append((f"<link rel={attrs['rel']}>", attrs.get("href", "")))
            if "stylesheet" in attrs["rel"].lower().split():
                self.stylesheets.append(attrs.get("href", ""))
        elif tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            target = re.search(r"url\s*=\s*['\"]?([^'\";]+)", attrs.get("content", ""), re.I)
            if target:
                self.fetched.append(("<meta refresh>", target.group(1)))
        for attribute in FETCHED.get(tag, ()):
            value = attrs.get(attribute)
            if value is None:
                continue
            if attribute.endswith("srcset"):
                for candidate in value.split(","):
                    self.fetched.append((f"<{tag} {attribute}>", candidate.strip().split(" ")[0]))
            else:
                self.fetched.append((f"<{tag} {attribute}>", value))
        if "style" in attrs:
            self.css.append(attrs["style"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in = None

    def handle_endtag(self, tag):
        self._in = None
        if tag == "head":
            self.in_head = False

    def handle_data(self, data):
        if self._in == "title" and self.in_head:
            self.titles[-1] += data
        elif self._in == "style":
            self.css.append(data)


def read_page(html):
    page = PageReader()
    page.feed(html)
    page.close()
    return page


def css_urls(css):
    return [first or second for first, second in CSS_URL.findall(css)]


def on_another_host(url, host):
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.hostname != host


def stylesheet_text(href):
    """The CSS of a stylesheet this site serves, read from its static files."""
    path = urlsplit(href).path
    assert path.startswith(settings.STATIC_URL), f"{href} is not one of the site's static files"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"the page links a stylesheet that does not exist: {href}"
    with open(found, encoding="utf-8") as css:
        return css.read()


def fetched_from_another_host(page, host):
    """(what, URL) for each thing the page makes a browser fetch from a host other than ``host``."""
    found = [(what, url) for what, url in page.fetched if on_another_host(url, host)]
    for css in page.css:
        found += [("inline CSS", url) for url in css_urls(css) if on_another_host(url, host)]
    for href in page.stylesheets:
        if not on_another_host(href, host):
            css = stylesheet_text(href)
            found += [(href, url) for url in css_urls(css) if on_another_host(url, host)]
    return found


def check_html_page(url, response):
    page = read_page(response.content.decode())
    assert page.h1_count == 1, f"{url} has {page.h1_count} <h1> elements, not one"
    languages = [code for code, _name in settings.LANGUAGES]
    assert page.lang == response["Content-Language"], f"{url}: <html lang={page.lang!r}>"
    assert page.lang.split("-")[0] in languages, f"{url} claims a language it is not written in"
    assert len(page.titles) == 1, f"{url} has {len(page.titles)} <title> elements in <head>"
    title = " ".join(page.titles[0].split())
    assert title, f"{url} has an empty <title>"
    assert not title.startswith("·"), f"{url}: the title {title!r} does not name the page"
    for landmark in LANDMARKS:
        assert landmark in page.tags, f"{url} has no <{landmark}>"
    assert "#main" in page.links, f"{url} has no skip link"
    assert "main" in page.ids, f"{url}: the skip link leads nowhere"
    host = response.wsgi_request.get_host().split(":")[0]
    elsewhere = fetched_from_another_host(page, host)
    assert not elsewhere, f"{url} makes the browser fetch from another host: {elsewhere}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_page_keeps_the_site_wide_promises(client, site, name):
    for url in urls_for(name, URLS[name], site):
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if response["Content-Type"].startswith("text/html"):
            check_html_page(url, response)
        else:  # feeds, the sitemap, robots.txt and the open-data files
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert body.strip(), f"{url} is empty"


@pytest.mark.django_db
@pytest.mark.parametrize("name", STAFF_ONLY)
def test_pages_left_out_as_staff_only_send_a_resident_to_sign_in(client, site, name):
    for url in urls_for(name, URLS[name], site):
        response = client.get(url)
        assert response.status_code == 302, f"{url} answered {response.status_code}"
        assert response["Location"].startswith(reverse("admin:login")), url


def test_a_page_the_test_cannot_fill_in_fails_and_says_what_to_add():
    with pytest.raises(pytest.fail.Exception, match="add the objects it shows to PAGE_OBJECTS"):
        urls_for("petitions:detail", ("slug",), SimpleNamespace())


def test_what_is_left_out_or_filled_in_names_urls_that_exist():
    namespaces = {name.rsplit(":", 1)[0] for name in URLS if ":" in name}
    for name in NOT_PUBLIC:
        assert name in URLS or name in namespaces, f"NOT_PUBLIC names {name!r}, which is gone"
    for name in PAGE_OBJECTS:
        assert name in URLS, f"PAGE_OBJECTS names {name!r}, which is gone"


def test_the_walk_finds_pages_inside_included_namespaces():
    assert {"home", "areas:detail", "policies:detail", "feedback:sent"} <= set(PUBLIC)
    assert not any(name.startswith("admin:") for name in PUBLIC)


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.org/app.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.org/css">',
        '<link rel="preload" as="font" href="https://fonts.example.org/a.woff2">',
        '<link rel="shortcut icon" href="https://cdn.example.org/favicon.ico">',
        '<img src="/a.png" srcset="/a.png 1x, https://img.example.org/a.png 2x" alt="">',
        '<picture><source srcset="https://img.example.org/a.webp"></picture>',
        '<iframe src="https://video.example.org/embed/1"></iframe>',
        '<form action="https://forms.example.org/send" method="post"></form>',
        '<meta http-equiv="refresh" content="0; url=https://example.org/">',
        "<p style=\"background: url('https://img.example.org/a.png')\"></p>",
        '<style>@import "https://fonts.example.org/f.css";</style>',
    ],
)
def test_the_check_catches_what_a_page_would_fetch_from_another_host(html):
    assert fetched_from_another_host(read_page(html), "testserver")


def test_links_a_resident_follows_may_lead_to_another_host():
    html = (
        '<a href="https://www.justice.gov/">The decree</a>'
        '<link rel="alternate" type="application/atom+xml" href="https://feeds.example.org/">'
        '<img src="http://testserver/uploads/a.webp" alt="">'
    )
    assert fetched_from_another_host(read_page(html), "testserver") == []
