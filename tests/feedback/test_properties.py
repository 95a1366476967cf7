"""Whatever arrives — any Unicode, control characters, huge or empty values — never a 500."""

import urllib.parse

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from feedback.forms import FeedbackForm
from feedback.models import Feedback

pytestmark = pytest.mark.django_db

FIELDS = ["message", "area", "name", "email", "zip_code", "may_contact", "language"]
any_text = st.one_of(
    st.text(),
    st.text(st.characters(codec=None, categories=["Cc", "Cf", "Zl", "Zp", "Co", "Mn"])),
    st.text(min_size=4990, max_size=5010),
    st.builds(lambda char, times: char * times, st.characters(), st.integers(0, 60_000)),
    st.sampled_from(["", " ", "0", "-1", "99999999999999999999", "en", "on", "60601"]),
)
submissions = st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, any_text))
# Huge values are the point here, so the size health check does not apply; a
# fixed seed keeps CI repeatable (set derandomize=False locally to explore further).
fuzz = hypothesis_settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@fuzz
@given(data=submissions)
def test_the_form_accepts_or_explains_anything_and_stores_what_it_accepts(data):
    form = FeedbackForm(data)
    if not form.is_valid():
        assert form.errors
        for messages in form.errors.values():
            assert all(message.strip() for message in messages)
        return
    feedback = form.save()
    feedback.refresh_from_db()
    assert 0 < len(feedback.message) <= 5000
    assert not any(ord(char) < 32 and char not in "\t\n" for char in feedback.message)
    assert feedback.zip_code == "" or (len(feedback.zip_code) == 5 and feedback.zip_code.isdigit())
    assert feedback.may_contact or feedback.email == ""


@fuzz
@given(data=submissions)
def test_posting_anything_to_the_page_never_gives_a_server_error(
    client, form_token, settings, data
):
    settings.FEEDBACK_RATE_LIMIT = (10_000, 600)
    before = Feedback.objects.count()
    response = client.post(reverse("feedback:form"), {**data, "form_token": form_token()})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Feedback.objects.count() == before
        assert response.context["form"].errors
    else:
        assert Feedback.objects.count() == before + 1


@fuzz
@given(values=st.dictionaries(st.sampled_from(FIELDS), st.binary(max_size=300)))
def test_bytes_that_are_not_utf8_never_give_a_server_error(client, form_token, settings, values):
    settings.FEEDBACK_RATE_LIMIT = (10_000, 600)
    body = "&".join(
        f"{name}={urllib.parse.quote_from_bytes(value)}" for name, value in values.items()
    )
    body += f"&form_token={urllib.parse.quote(form_token())}"
    response = client.post(
        reverse("feedback:form"), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 302)
