"""Staff flows in real Chromium: two-factor sign-in, a post form with an error, restoring a version."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from media_center.models import Post
from tests.core.test_roles import ensure_roles
from tests.media_center.images import jpeg_bytes
from tests.policies.factories import PolicyFactory

from .admin_sign_in import add_authenticator, current_code, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-1")


@pytest.fixture
def editor(django_user_model):
    ensure_roles()
    user = django_user_model.objects.create_user("eddie", password="pw-eddie-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_a_superuser_signs_in_with_a_code_from_an_authenticator_app(
    page, live_server, superuser, axe_check
):
    device = add_authenticator(superuser)
    page.goto(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Login")).to_be_visible()
    axe_check()
    page.get_by_label("Username").fill("root")
    page.get_by_label("Password").fill("pw-root-1")
    page.get_by_role("button", name="Next").click()

    token = page.get_by_label("Token")
    expect(token).to_be_visible()
    axe_check()
    token.fill("000000" if current_code(device) != "000000" else "111111")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Invalid token.").first).to_be_visible()

    device.refresh_from_db()
    device.throttling_failure_count = 0  # a wrong code makes the next try wait a moment
    device.save()
    page.get_by_label("Token").fill(current_code(device))
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Keep the site current")).to_be_visible()
    expect(page.get_by_role("heading", name="Feedback by status")).to_be_visible()
    axe_check()


def test_a_superuser_without_an_authenticator_is_sent_to_set_one_up(page, live_server, superuser):
    sign_in(page, live_server, "root", "pw-root-1")
    expect(page.get_by_role("heading", name="Enable Two-Factor Authentication")).to_be_visible()
    page.goto(live_server.url + "/admin/feedback/feedback/")
    expect(page).to_have_url(re.compile(r"/admin/account/two_factor/setup/"))


def test_an_editor_fixes_an_error_without_choosing_the_photo_again(
    page, live_server, editor, tmp_path
):
    photo = tmp_path / "meeting.jpg"
    photo.write_bytes(jpeg_bytes(1200, 800))
    sign_in(page, live_server, "eddie", "pw-eddie-1")
    page.goto(live_server.url + "/admin/media_center/post/add/")
    page.get_by_label("Title (English):").press_sequentially(
        "Town hall on policing"
    )  # typed, key by key
    expect(page.get_by_label("Slug:")).to_have_value("town-hall-on-policing")
    page.get_by_label("Summary (English):").fill("Residents questioned the district commander.")
    page.locator("textarea[name=body_en]").fill("We met at the **library**.")
    page.set_input_files("input[name=cover_image]", str(photo))
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("Describe the image in a few words")).to_be_visible()
    expect(page.get_by_text("“meeting.jpg” is kept")).to_be_visible()
    expect(page.get_by_label("Summary (English):")).to_have_value(
        "Residents questioned the district commander."
    )
    page.get_by_label("Cover image description (alt text) (English):").fill(
        "Residents in the library"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was added successfully")).to_be_visible()
    post = Post.objects.get()
    assert post.cover_image.name.startswith("media-center/")
    assert post.cover_alt == "Residents in the library"


def test_restoring_an_earlier_version_of_a_draft(page, live_server, superuser, axe_check):
    device = add_authenticator(superuser)
    policy = PolicyFactory(
        title="Body-worn cameras", body="Officers must record every stop from start to end."
    )
    policy.body = "Officers may record stops."
    policy.save()
    sign_in(page, live_server, "root", "pw-root-1", device=device)
    page.goto(live_server.url + f"/admin/policies/policy/{policy.pk}/change/")
    page.get_by_role("link", name="History").click()

    changes = page.locator("#change-history .history-diff").first
    expect(changes.locator("del").first).to_have_text("removed: must end of removal")
    expect(changes.locator("ins").first).to_have_text("added: may end of addition")
    expect(changes).to_contain_text("every stop from start to end.")
    axe_check()
    page.get_by_role("link", name="View or restore this version").last.click()
    expect(page.locator("textarea[name=body_en]")).to_have_value(
        "Officers must record every stop from start to end."
    )
    page.get_by_role("button", name="Restore this version").first.click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")

    page.goto(live_server.url + policy.get_absolute_url())
    expect(page.locator(".policy-body")).to_contain_text("must record every stop from start to end")
    expect(page.get_by_role("heading", name="Changes since it was posted")).to_be_visible()
    axe_check()
