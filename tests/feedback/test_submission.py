"""Sending feedback: stored once, confirmed with a reference, and every error explained."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from feedback.abuse import read_form_token
from feedback.forms import FeedbackForm
from feedback.models import REFERENCE_ALPHABET, Feedback
from tests.factories import AreaFactory
from tests.feedback.factories import FeedbackFactory

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(rf"FB-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}")


def test_feedback_is_stored_and_the_browser_is_sent_to_its_confirmation(send):
    area = AreaFactory(title="Training")
    response = send(area=str(area.pk))
    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:sent", args=[feedback.reference])
    assert feedback.area == area
    assert feedback.message.startswith("The new training videos")
    assert (feedback.name, feedback.email, feedback.zip_code) == (
        "Ada Resident",
        "ada@example.org",
        "60615",
    )
    assert feedback.may_contact
    assert feedback.status == Feedback.Status.NEW
    assert feedback.policy is None


def test_confirmation_shows_an_unambiguous_reference_and_what_was_sent(client, send):
    confirmation = client.get(send()["Location"])
    html = confirmation.content.decode()
    reference = Feedback.objects.get().reference
    assert REFERENCE.fullmatch(reference)
    assert reference in html
    assert "The new training videos are helpful" in html
    assert "We will reply to ada@example.org" in html
    assert confirmation["Cache-Control"].startswith("max-age=0")


def test_reference_numbers_differ_and_avoid_look_alike_characters(send, form_token, settings):
    settings.FEEDBACK_RATE_LIMIT = (100, 600)
    for _ in range(20):
        send(form_token=form_token())
    references = set(Feedback.objects.values_list("reference", flat=True))
    assert len(references) == 20
    for reference in references:
        assert REFERENCE.fullmatch(reference)
        assert not set(reference[3:]) & set("01ILOU")


def test_confirmation_is_never_shown_to_another_browser(client, send):
    url = send()["Location"]
    stranger = Client()
    response = stranger.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "The new training videos" not in html
    # Only in the page's own address (the language link), which the stranger already has.
    main = html[html.index("<main") : html.index("</main>")]
    assert Feedback.objects.get().reference not in main


def test_reloading_the_confirmation_page_sends_nothing_again(client, send):
    url = send()["Location"]
    client.get(url)
    client.get(url)
    assert Feedback.objects.count() == 1


def test_a_double_submit_of_the_same_form_stores_one_record(client, send):
    first = send()
    second = send()
    assert Feedback.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert client.get(second["Location"]).status_code == 200


def test_a_used_token_sent_from_another_browser_reveals_nothing_of_the_sender(send):
    """Whoever has a copy of the page (a shared computer, a saved page) learns nothing."""
    first = send()
    reference = Feedback.objects.get().reference
    stranger = Client()
    second = send(client=stranger)
    assert Feedback.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == reverse("feedback:thanks")
    html = stranger.get(second["Location"]).content.decode()
    for private in (reference, "The new training videos", "ada@example.org", "Ada Resident"):
        assert private not in html
    # Nor is the reference added to the stranger's session.
    assert stranger.get(first["Location"]).status_code == 404


def test_the_same_form_sent_at_the_same_moment_elsewhere_reveals_nothing(
    send, valid_data, monkeypatch
):
    """The other copy is stored between our check and our save: it is not ours to show."""
    token = read_form_token(valid_data["form_token"])
    save_form = FeedbackForm.save

    def stored_meanwhile(form, commit=True):
        FeedbackFactory(submission_token=token.id, message="Sent by the other browser.")
        return save_form(form, commit=commit)

    monkeypatch.setattr(FeedbackForm, "save", stored_meanwhile)
    stranger = Client()
    response = send(client=stranger)
    assert response["Location"] == reverse("feedback:thanks")
    assert Feedback.objects.count() == 1
    reference = Feedback.objects.get().reference
    assert stranger.get(reverse("feedback:sent", args=[reference])).status_code == 404


def test_two_different_forms_store_two_records(send, form_token):
    send(form_token=form_token())
    send(form_token=form_token())
    assert Feedback.objects.count() == 2


def test_general_feedback_needs_no_personal_details(send):
    response = send(name="", email="", zip_code="", may_contact=None, language="")
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.name, feedback.email, feedback.zip_code, feedback.may_contact) == (
        "",
        "",
        "",
        False,
    )


INVALID = [
    ("message", "", "Write your message before you send it."),
    ("message", "   \n\t ", "Write your message before you send it."),
    ("message", "x" * 5001, "Your message is 5001 characters long."),
    ("email", "ada.example.org", "Enter an email address like name@example.com"),
    ("zip_code", "6061", "Enter a five-digit ZIP code, such as 60601"),
    ("zip_code", "ABCDE", "Enter a five-digit ZIP code, such as 60601"),
    ("zip_code", "٦٠٦١٥", "Enter a five-digit ZIP code, such as 60601"),
    ("area", "99999", "Choose a topic from the list, or General."),
    ("language", "xx", "Choose a language from the list."),
    ("name", "N" * 201, "Enter a name of 200 characters or fewer."),
]


@pytest.mark.parametrize(("field", "value", "message"), INVALID)
def test_each_invalid_field_gets_its_own_message_and_keeps_the_rest(
    send, valid_data, field, value, message
):
    response = send(**{field: value})
    assert response.status_code == 200
    assert not Feedback.objects.exists()
    html = response.content.decode()
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in form.errors[field][0]
    # The message sits next to its field and the field points at it.
    error_id = f"id_{field}_error"
    assert f'id="{error_id}"' in html
    field_tag = re.search(rf'<(?:input|select|textarea)[^>]*id="id_{field}"[^>]*>', html)[0]
    assert 'aria-invalid="true"' in field_tag
    assert error_id in re.search(r'aria-describedby="([^"]*)"', field_tag)[1]
    # The summary at the top links to the field.
    start = html.index('class="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert f'href="#id_{field}"' in summary
    # Everything else the person typed is still there.
    if field != "message":
        assert "The new training videos are helpful" in html
    if field != "email":
        assert 'value="ada@example.org"' in html
    if field != "zip_code":
        assert 'value="60615"' in html
    assert "<title>Error:" in html


def test_asking_for_a_reply_without_an_email_says_what_to_do(send):
    response = send(email="", may_contact="on")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["email"]
    assert "Enter your email address so we can reply" in errors["email"][0]
    assert not Feedback.objects.exists()


def test_several_errors_are_all_listed_in_the_summary(send):
    response = send(message="", zip_code="12", email="nope")
    summary = re.findall(r'<li><a href="#(id_\w+)">', response.content.decode())
    assert summary == ["id_message", "id_email", "id_zip_code"]


def test_zip_plus_four_and_spaces_are_accepted_as_five_digits(send):
    send(zip_code=" 60615-1234 ")
    assert Feedback.objects.get().zip_code == "60615"


def test_control_characters_are_dropped_and_line_breaks_kept(send):
    send(message="Line one\x00\x07\r\nLine two\x1b", name="Ada\x00\nResident")
    feedback = Feedback.objects.get()
    assert feedback.message == "Line one\nLine two"
    assert feedback.name == "Ada Resident"


def test_a_message_of_exactly_five_thousand_characters_is_accepted(send):
    assert send(message="y" * 5000).status_code == 302


def test_long_messages_are_not_cut_short_by_the_browser(client, db):
    html = client.get(reverse("feedback:form")).content.decode()
    textarea = re.search(r"<textarea[^>]*>", html)[0]
    assert "maxlength" not in textarea


def test_an_expired_or_altered_form_comes_back_with_the_text_and_a_fresh_token(
    send, settings, wait
):
    settings.FEEDBACK_MIN_SECONDS = 3
    response = send(form_token="tampered")
    assert response.status_code == 200
    assert not Feedback.objects.exists()
    form = response.context["form"]
    assert "press “Send” again" in form.non_field_errors()[0]
    html = response.content.decode()
    assert "The new training videos are helpful" in html
    fresh = form["form_token"].value()
    assert fresh != "tampered"
    wait(3)  # the minimum time starts again with the fresh token
    assert send(form_token=fresh).status_code == 302
    assert Feedback.objects.count() == 1


def test_an_email_given_without_asking_for_a_reply_is_not_kept(client, send):
    response = send(may_contact=None)  # the email field is still filled in
    feedback = Feedback.objects.get()
    assert (feedback.may_contact, feedback.email) == (False, "")
    assert feedback.name == "Ada Resident"
    assert "ada@example.org" not in client.get(response["Location"]).content.decode()


def test_a_mistyped_email_without_asking_for_a_reply_does_not_hold_up_the_message(send):
    response = send(may_contact=None, email="ada.example.org")
    assert response.status_code == 302
    assert Feedback.objects.get().email == ""


def test_the_form_says_the_email_is_kept_only_for_a_reply(client, db):
    html = client.get(reverse("feedback:form")).content.decode()
    help_text = re.search(r'<p class="field-help" id="id_email_helptext">([^<]*)</p>', html)[1]
    assert "We only keep your email if you ask for a reply" in help_text


def test_the_form_page_carries_a_one_time_token_and_is_never_cached(client, db):
    first = client.get(reverse("feedback:form"))
    second = client.get(reverse("feedback:form"))
    token = re.compile(r'name="form_token" value="([^"]+)"')
    assert token.search(first.content.decode())[1] != token.search(second.content.decode())[1]
    assert "no-cache" in first["Cache-Control"]


def test_the_other_feedback_pages_have_one_heading_each(client, send, form_token, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    sent = send()["Location"]
    pages = [
        client.get(sent),
        client.get(reverse("feedback:thanks")),
        Client().get(sent),  # the “nothing to show” page
        send(form_token=form_token()),  # the rate-limit page
    ]
    assert [page.status_code for page in pages] == [200, 200, 404, 429]
    for response in pages:
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1
