"""Signing in to the admin in Chromium as staff do: password, then the authenticator's code."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

# A fixed test secret: the key an authenticator app would hold after scanning the QR code.
TEST_SECRET = "3132333435363738393031323334353637383930"


def add_authenticator(user):
    return TOTPDevice.objects.create(user=user, name="default", key=TEST_SECRET, confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def sign_in(page, live_server, username, password, device=None, next_url="/admin/"):
    """Open ``next_url``, sign in on the page it sends to, and return when the admin shows."""
    page.goto(live_server.url + next_url)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Next").click()
    if device is not None:
        page.get_by_label("Token").fill(current_code(device))
        page.get_by_role("button", name="Next").click()
