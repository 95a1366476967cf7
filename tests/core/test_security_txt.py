"""/.well-known/security.txt tells a finder whom to tell, and is never out of date."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tests.core.test_settings import start_django


def fields(text):
    """{name: [values]} of an RFC 9116 file."""
    found = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        found.setdefault(name, []).append(value)
    return found


def test_security_txt_gives_the_contact_expiry_languages_and_its_own_address(client, settings):
    settings.SECURITY_CONTACT = ["mailto:security@reform.example.org", "https://example.org/report"]
    settings.SECURITY_PREFERRED_LANGUAGES = ["en", "es"]
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response.content.decode())
    assert set(found) == {"Contact", "Expires", "Preferred-Languages", "Canonical"}
    assert found["Contact"] == ["mailto:security@reform.example.org", "https://example.org/report"]
    assert found["Preferred-Languages"] == ["en, es"]
    assert found["Canonical"] == ["http://testserver/.well-known/security.txt"]
    [expires] = found["Expires"]
    expires = datetime.datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    now = datetime.datetime.now(datetime.UTC)
    # In the future, and less than a year away, as RFC 9116 advises.
    assert now + datetime.timedelta(days=30) < expires < now + datetime.timedelta(days=365)


def test_the_old_address_leads_to_the_well_known_one(client, settings):
    settings.SECURITY_CONTACT = ["mailto:security@reform.example.org"]
    response = client.get("/security.txt")
    assert response.status_code == 301
    assert response["Location"] == "/.well-known/security.txt"


def test_without_a_contact_there_is_no_file_and_the_deploy_check_warns(client, settings, db):
    settings.SECURITY_CONTACT = []
    assert client.get("/.well-known/security.txt").status_code == 404
    with pytest.raises(SystemCheckError, match=r"reform_site\.W002"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")


def test_a_bare_email_address_becomes_a_mailto_contact():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECURITY_CONTACT)"
    )
    result = start_django(
        code,
        DJANGO_SECRET_KEY="x" * 50,
        SECURITY_CONTACT="security@reform.example.org,https://reform.example.org/security",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['mailto:security@reform.example.org', 'https://reform.example.org/security']"
    )


def test_a_contact_that_is_not_an_address_stops_the_site_with_a_message():
    result = start_django(DJANGO_SECRET_KEY="x" * 50, SECURITY_CONTACT="call the front desk")
    assert result.returncode != 0
    assert "SECURITY_CONTACT" in result.stderr
