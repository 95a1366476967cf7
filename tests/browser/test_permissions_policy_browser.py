"""Chromium reads the Permissions-Policy header whole and turns every named feature off."""

import pytest

from core.permissions_policy import DENIED_FEATURES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chromium_knows_every_denied_feature_and_allows_none_of_them(page, live_server):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(live_server.url + "/")
    # A feature Chromium did not know would be reported in the console as unrecognised.
    assert not [text for text in messages if "Permissions-Policy" in text]
    allowed = page.evaluate(
        "document.featurePolicy ? document.featurePolicy.allowedFeatures() : null"
    )
    if allowed is None:
        pytest.skip("This Chromium does not expose document.featurePolicy.")
    assert not set(DENIED_FEATURES) & set(allowed)
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert page.evaluate(f"document.featurePolicy.allowsFeature('{feature}')") is False
