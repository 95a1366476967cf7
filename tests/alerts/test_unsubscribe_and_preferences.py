"""One-click unsubscribe (RFC 8058) and the preferences page, both through signed links."""

import re

import pytest
from django.core import mail
from django.test import Client

from alerts.models import Delivery, Subscription
from alerts.sending import send_pending
from tests.factories import AreaFactory, PostFactory

from .conftest import link_in, path_of
from .factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert_email(publish, sender_started):
    """A confirmed subscriber, and the first alert they were sent."""
    subscription = SubscriptionFactory(email="ada@example.org")
    publish(PostFactory.build(title="Training academy opens its doors"))
    send_pending()
    (email,) = mail.outbox
    return subscription, email


def header_url(email):
    match = re.fullmatch(r"<(http://testserver/[^>]+)>", email.extra_headers["List-Unsubscribe"])
    assert match, email.extra_headers
    return match.group(1)


def test_every_alert_carries_one_click_unsubscribe_headers(alert_email):
    _subscription, email = alert_email
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header_url(email) == link_in(email, "unsubscribe")
    message = email.message()
    assert message["List-Unsubscribe"].startswith("<http://testserver/alerts/unsubscribe/")


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token_and_stops_all_mail(
    alert_email, publish
):
    subscription, email = alert_email
    publish(PostFactory.build(title="Queued before the unsubscribe"))
    assert Delivery.objects.filter(status="pending").count() == 1
    # What a mail program sends: a bare POST, no cookie, no token.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        path_of(header_url(email)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "We have deleted your email address" in response.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    assert not Delivery.objects.exists()
    publish(PostFactory.build(title="After the unsubscribe"))
    send_pending()
    assert len(mail.outbox) == 1  # only the first alert, ever
    # Pressing it again, or the mail program retrying, does no harm.
    again = mail_program.post(
        path_of(header_url(email)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert again.status_code == 200


def test_following_the_unsubscribe_link_asks_first(alert_email, client):
    subscription, email = alert_email
    page = client.get(path_of(link_in(email, "unsubscribe")))
    assert page.status_code == 200
    assert "Unsubscribe and delete my address" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_an_altered_unsubscribe_link_deletes_nothing(alert_email):
    subscription, email = alert_email
    url = path_of(header_url(email))
    response = Client().post(url[:-3] + "xx/")
    assert response.status_code == 404
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_links_of_an_unsubscribed_address_do_not_reach_a_new_subscription_of_it(alert_email):
    _subscription, email = alert_email
    Client().post(path_of(header_url(email)))
    renewed = SubscriptionFactory(email="ada@example.org")
    Client().post(path_of(header_url(email)))
    assert Subscription.objects.filter(pk=renewed.pk).exists()
    assert Client().get(path_of(link_in(email, "preferences"))).status_code == 404


def test_the_preferences_page_changes_topics_areas_and_keeps_them(alert_email, client):
    subscription, email = alert_email
    area = AreaFactory(title="Training")
    url = path_of(link_in(email, "preferences"))
    page = client.get(url).content.decode()
    assert "Alerts for ada@example.org" in page
    assert 'value="news" id="id_topics_3" checked' in page
    response = client.post(
        url, {"topics": ["events"], "areas": [area.pk], "language": "en"}, follow=True
    )
    assert "Your choices are saved." in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.topics == ["events"]
    assert list(subscription.areas.all()) == [area]


def test_the_preferences_page_refuses_no_topic_with_a_message(alert_email, client):
    _subscription, email = alert_email
    url = path_of(link_in(email, "preferences"))
    response = client.post(url, {"topics": [], "language": "en"})
    assert "Tick at least one kind of news to hear about." in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_stranger_cannot_guess_a_preferences_page(client, db):
    SubscriptionFactory()
    assert client.get("/alerts/preferences/anything/").status_code == 404
