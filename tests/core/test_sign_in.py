"""Staff sign-in is throttled: the admin holds residents' personal data."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def sign_in(client, password):
    return client.post(LOGIN, {"username": "editor", "password": password})


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password="right-password", is_staff=True)


def test_staff_sign_in_works(client, editor):
    response = sign_in(client, "right-password")
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # Even the right password is refused until the cool-off has passed.
    assert sign_in(client, "right-password").status_code == 429
