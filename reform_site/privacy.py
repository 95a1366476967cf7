"""How long the site keeps each thing, read from the settings, for the privacy page.

The staff-written page says what is kept and why; the durations come from
here, so the page cannot drift from what the site is set to do.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def duration(seconds):
    """``seconds`` in the largest whole unit that fits: “14 days”, “1 hour”, “10 minutes”."""
    for size, words in (
        (86400, lambda n: ngettext("%(count)d day", "%(count)d days", n)),
        (3600, lambda n: ngettext("%(count)d hour", "%(count)d hours", n)),
        (60, lambda n: ngettext("%(count)d minute", "%(count)d minutes", n)),
        (1, lambda n: ngettext("%(count)d second", "%(count)d seconds", n)),
    ):
        if seconds >= size and seconds % size == 0:
            return words(seconds // size) % {"count": seconds // size}
    return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}


def _cookie_lifetime(seconds, ends_with_browser=False):
    if seconds is None or ends_with_browser:
        return _("Until you close your browser")
    return _("%(duration)s, or until you clear your cookies") % {"duration": duration(seconds)}


def retention_periods():
    """[(what is kept, for how long)], in the order a resident meets them."""
    personal_days = settings.FEEDBACK_PERSONAL_DATA_DAYS
    return [
        (
            _("Your name, email address, ZIP code and the scrambled code made from your address"),
            ngettext(
                "Deleted %(count)d day after we receive your message",
                "Deleted %(count)d days after we receive your message",
                personal_days,
            )
            % {"count": personal_days},
        ),
        (
            _("Your message, its topic and the date"),
            _(
                "Kept without your details, as the record of what residents told us, "
                "unless you ask us to delete it"
            ),
        ),
        (
            _("What you sent, on your confirmation page"),
            _("%(duration)s; after that the page shows only the reference number")
            % {"duration": duration(settings.FEEDBACK_CONFIRMATION_SECONDS)},
        ),
        (
            _("How many messages came from your scrambled code, to stop floods"),
            duration(settings.FEEDBACK_RATE_LIMIT[1]),
        ),
        (
            _("Your email address for alerts, until you confirm it"),
            _("Deleted after %(duration)s if you do not confirm it")
            % {"duration": duration(settings.ALERTS_CONFIRM_DAYS * 86400)},
        ),
        (
            _("Your email address for alerts and your choices"),
            _("Until you unsubscribe; then deleted at once"),
        ),
        (
            _("Which alerts we sent to your address"),
            _("%(duration)s, then only how many were sent")
            % {"duration": duration(settings.ALERTS_DELIVERY_LOG_DAYS * 86400)},
        ),
        (_("The csrftoken cookie"), _cookie_lifetime(settings.CSRF_COOKIE_AGE)),
        (
            _("The sessionid cookie"),
            _cookie_lifetime(settings.SESSION_COOKIE_AGE, settings.SESSION_EXPIRE_AT_BROWSER_CLOSE),
        ),
    ]
