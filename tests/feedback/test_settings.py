"""A mistyped rate limit stops the site at start with a message, not at the first message."""

from tests.core.test_settings import start_django


def test_a_malformed_rate_limit_names_the_setting_and_the_format():
    result = start_django(DJANGO_SECRET_KEY="x" * 50, FEEDBACK_RATE_LIMIT="five a minute")
    assert result.returncode != 0
    assert "FEEDBACK_RATE_LIMIT must be SUBMISSIONS/SECONDS, such as 5/600" in result.stderr


def test_a_zero_window_is_refused():
    result = start_django(DJANGO_SECRET_KEY="x" * 50, FEEDBACK_RATE_LIMIT="5/0")
    assert result.returncode != 0
    assert "FEEDBACK_RATE_LIMIT" in result.stderr


def test_a_well_formed_rate_limit_starts():
    result = start_django(DJANGO_SECRET_KEY="x" * 50, FEEDBACK_RATE_LIMIT="10/3600")
    assert result.returncode == 0, result.stderr
