"""Every page type is valid HTML by the Nu HTML Checker, the W3C's own, error states included."""

import datetime
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from areas.sample import generate
from feedback.abuse import new_form_token
from tests.events.factories import EventFactory
from tests.factories import PostFactory
from tests.page_types import page_type_urls
from tests.policies.factories import DocumentFactory, PolicyFactory
from tests.services import must_be_present

pytestmark = pytest.mark.django_db


# Installed by `make test` from the checker's official npm package (see the Makefile).
JAR = Path(__file__).resolve().parents[2] / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = shutil.which("java")


@pytest.fixture
def checker():
    """Check a dict of {page: html} with one run of the Nu checker; return its errors."""
    if not (JAR.exists() and JAVA):
        reason = f"The Nu HTML Checker needs Java and {JAR} (make test installs it with npm)."
        if must_be_present():
            pytest.fail(reason)
        pytest.skip(reason)

    def check(pages, folder):
        folder = folder / "pages"
        folder.mkdir()
        names = {}
        for number, (page, html) in enumerate(pages.items()):
            path = folder / f"page-{number}.html"
            path.write_text(html, encoding="utf-8")
            names[path.resolve().as_uri()] = page
        run = subprocess.run(  # noqa: S603 (our own pages, checked by a pinned jar)
            [
                JAVA,
                "-jar",
                str(JAR),
                "--format",
                "json",
                "--errors-only",
                *map(str, folder.iterdir()),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        messages = json.loads(run.stderr or run.stdout)["messages"]
        return [f"{names.get(m.get('url'), m.get('url'))}: {m['message']}" for m in messages]

    return check


def test_every_page_type_is_valid_html(client, checker, tmp_path):
    call_command("load_demo_content", verbosity=0)
    generate(paragraphs=20, reports=3, seed=5)
    post = PostFactory(title="A post", body="Text with a [link](https://example.org).")
    today = datetime.date.today()
    policy = PolicyFactory(
        title="An open draft",
        comment_opens=today - datetime.timedelta(days=3),
        comment_closes=today + datetime.timedelta(days=10),
    )
    DocumentFactory(title="A document", policy=policy)
    paths = [*page_type_urls(post, policy, EventFactory()), "/no-such-page/"]
    pages = {path: client.get(path).content.decode() for path in paths}
    a_minute_ago = new_form_token(now=time.time() - 60)
    bad = {"message": "", "may_contact": "on", "email": "not-an-email", "form_token": a_minute_ago}
    pages["/feedback/ (errors)"] = client.post("/feedback/", bad).content.decode()
    pages["draft (errors)"] = client.post(policy.get_absolute_url(), bad).content.decode()
    good = {"message": "Thank you.", "zip_code": "60601", "form_token": a_minute_ago}
    pages["confirmation"] = client.post("/feedback/", good, follow=True).content.decode()
    assert "FB-" in pages["confirmation"]
    assert "There is a problem" in pages["/feedback/ (errors)"]
    assert "There is a problem" in pages["draft (errors)"]
    errors = checker(pages, tmp_path)
    assert not errors, "\n".join(errors)
