"""Staff sign-in: a password, then a code from an authenticator app where the account needs one.

Superusers, feedback reviewers, alert managers and administrators (who can grant
anything) must use a second factor; editors may. Wrong passwords still lock the account
(django-axes) through the two-step sign-in.
"""

import re
from base64 import b32decode

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from feedback.models import REVIEWERS_GROUP
from policies.models import Policy
from tests.alerts.test_privacy_and_admin import alert_managers_group
from tests.conftest import sign_in_with_second_factor

pytestmark = pytest.mark.django_db

LOGIN = reverse("two_factor:login")
SETUP = reverse("two_factor:setup")
INDEX = reverse("admin:index")
# A fixed test secret: the authenticator app's key, as its QR code would carry it.
TEST_SECRET = "3132333435363738393031323334353637383930"


def password_step(client, username, password, next_url=INDEX):
    return client.post(
        f"{LOGIN}?next={next_url}",
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )


def code_step(client, code, next_url=INDEX):
    return client.post(
        f"{LOGIN}?next={next_url}",
        {"login_view-current_step": "token", "token-otp_token": code},
    )


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def make_user(django_user_model, username, *, superuser=False, group=None):
    user = django_user_model.objects.create_user(
        username, password="right-password", is_staff=True, is_superuser=superuser
    )
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def add_authenticator(user):
    return TOTPDevice.objects.create(user=user, name="default", key=TEST_SECRET, confirmed=True)


@pytest.fixture
def superuser(django_user_model):
    return make_user(django_user_model, "root", superuser=True)


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor", group="Editors")


@pytest.fixture
def reviewer(django_user_model):
    return make_user(django_user_model, "rita", group=REVIEWERS_GROUP)


@pytest.fixture
def alert_manager(django_user_model):
    user = make_user(django_user_model, "alma")
    user.groups.add(alert_managers_group())
    return user


@pytest.fixture
def administrator(django_user_model):
    return make_user(django_user_model, "ada", group="Administrators")


def test_the_admin_sign_in_page_is_the_two_factor_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    page = client.get(response.url)
    assert page.status_code == 200
    assert 'name="auth-password"' in page.content.decode()


@pytest.mark.parametrize("role", ["superuser", "reviewer", "alert_manager", "administrator"])
def test_accounts_that_need_a_second_factor_reach_no_admin_page_with_a_password_alone(
    client, role, request
):
    user = request.getfixturevalue(role)
    response = password_step(client, user.username, "right-password")
    assert response.status_code == 302  # signed in with the password…
    # …but every admin page sends them to set up an authenticator app first.
    policy = Policy.objects.create(title="Draft", slug="draft")
    for url in [
        INDEX,
        reverse("admin:feedback_feedback_changelist"),
        reverse("admin:policies_policy_change", args=[policy.pk]),
        reverse("admin:auth_user_changelist"),
        reverse("admin:alerts_subscription_changelist"),
        reverse("policies:preview", args=[policy.slug]),
    ]:
        page = client.get(url, follow=True)
        assert page.redirect_chain, url
        assert page.request["PATH_INFO"] == SETUP, url
    assert client.post(reverse("markdownx_markdownify"), {"content": "*hi*"}).status_code == 302


def test_a_superuser_with_an_authenticator_needs_its_code(client, superuser):
    device = add_authenticator(superuser)
    response = password_step(client, "root", "right-password")
    assert response.status_code == 200
    assert 'name="token-otp_token"' in response.content.decode()
    assert client.get(INDEX).status_code == 302  # not signed in yet

    wrong = code_step(client, "000000" if current_code(device) != "000000" else "111111")
    assert wrong.status_code == 200
    assert "token-otp_token" in wrong.content.decode()
    assert client.get(INDEX).status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code slowed the next try down
    device.throttling_failure_timestamp = None
    device.save()
    right = code_step(client, current_code(device))
    assert right.status_code == 302
    assert right.url == INDEX
    assert client.get(INDEX).status_code == 200


def test_a_backup_code_signs_in_once(client, reviewer):
    add_authenticator(reviewer)
    backup = StaticDevice.objects.create(user=reviewer, name="backup")
    backup.token_set.create(token="abcd2345")
    password_step(client, "rita", "right-password")
    client.post(f"{LOGIN}?next={INDEX}", {"wizard_goto_step": "backup"})
    response = client.post(
        f"{LOGIN}?next={INDEX}",
        {"login_view-current_step": "backup", "backup-otp_token": "abcd2345"},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:feedback_feedback_changelist")).status_code == 200
    assert not backup.token_set.exists()  # used up


def test_an_editor_may_sign_in_with_a_password_alone(client, editor):
    assert password_step(client, "editor", "right-password").status_code == 302
    assert client.get(INDEX).status_code == 200
    assert client.get(reverse("admin:policies_policy_changelist")).status_code == 200


def test_an_editor_who_set_up_an_authenticator_signs_in_with_it(client, editor):
    device = add_authenticator(editor)
    assert password_step(client, "editor", "right-password").status_code == 200  # asks the code
    assert client.get(INDEX).status_code == 302
    code_step(client, current_code(device))
    assert client.get(INDEX).status_code == 200


def test_setting_up_an_authenticator_app_opens_the_admin(client, superuser):
    password_step(client, "root", "right-password")
    welcome = client.get(SETUP)
    assert welcome.status_code == 200
    generator = client.post(SETUP, {"setup_view-current_step": "welcome"})
    secret = generator.context["secret_key"]
    html = generator.content.decode()
    assert secret in html  # for apps that cannot scan the QR code
    qr = client.get(re.search(r'<img src="([^"]+)"', html).group(1))
    assert qr["Content-Type"].startswith("image/svg+xml")
    code = f"{totp(b32decode(secret)):06d}"
    done = client.post(SETUP, {"setup_view-current_step": "generator", "generator-token": code})
    assert done.status_code == 302
    assert TOTPDevice.objects.filter(user=superuser, confirmed=True).exists()
    assert client.get(INDEX).status_code == 200
    complete = client.get(done.url)
    assert "Make backup codes" in complete.content.decode()
    codes = client.post(reverse("two_factor:backup_tokens"), follow=True)
    assert codes.status_code == 200
    assert StaticDevice.objects.get(user=superuser).token_set.count() == 10


def test_an_account_that_must_use_a_second_factor_cannot_turn_it_off(client, reviewer):
    sign_in_with_second_factor(client, reviewer)
    profile = client.get(reverse("two_factor:profile")).content.decode()
    assert "ask an administrator to reset it" in profile
    response = client.post(reverse("two_factor:disable"), {"understand": "on"})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=reviewer).exists()


def test_an_editor_may_turn_it_off(client, editor):
    sign_in_with_second_factor(client, editor)
    response = client.post(reverse("two_factor:disable"), {"understand": "on"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_an_administrator_resets_a_lost_phone_with_a_command(client, reviewer):
    add_authenticator(reviewer)
    call_command("two_factor_disable", "rita", verbosity=0)
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    # At the next sign-in the reviewer sets up the new phone.
    password_step(client, "rita", "right-password")
    assert client.get(INDEX, follow=True).request["PATH_INFO"] == SETUP


def test_signing_out_works_before_the_second_factor(client, superuser):
    password_step(client, "root", "right-password")
    client.post(reverse("staff_logout"))
    assert "_auth_user_id" not in client.session


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert password_step(client, "editor", "wrong").status_code == 200
    locked = password_step(client, "editor", "wrong")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # Even the right password is refused until the cool-off has passed.
    assert password_step(client, "editor", "right-password").status_code == 429
    assert client.get(INDEX).status_code == 302
    # What was typed as the password is never kept in the record of the attempts.
    attempt = AccessAttempt.objects.get(username="editor")
    assert "wrong" not in attempt.post_data
    assert "right-password" not in attempt.post_data


def test_a_lockout_holds_for_an_account_with_an_authenticator(client, superuser, settings):
    add_authenticator(superuser)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password_step(client, "root", "wrong")
    response = password_step(client, "root", "right-password")
    assert response.status_code == 429
    assert 'name="token-otp_token"' not in response.content.decode()
