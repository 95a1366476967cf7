"""The ``Permissions-Policy`` header: every browser feature the site does not use is off.

The site uses no camera, microphone, location, payment or sensor, plays no
media and embeds nothing, so each feature is denied to the page and to any
frame in it (``feature=()``). A script injected in spite of the Content
Security Policy could not ask the browser for any of them either.
"""

# Features Chromium knows by these names: it reports any other as unrecognised
# (tests/browser/test_permissions_policy_browser.py), so "bluetooth" and
# "web-share" are left out.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "clipboard-read",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)


def header_value(features=DENIED_FEATURES):
    return ", ".join(f"{feature}=()" for feature in features)


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` on every response; put it first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = header_value()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
