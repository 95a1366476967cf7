"""Production settings refuse to start without what they need."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_django(code="import django; django.setup()", **env_overrides):
    """Start Django in a fresh process with production settings (host names given unless
    the test says otherwise) and ``env_overrides``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_ALLOWED_HOSTS"] = "reform.example.org"
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="reform_site.settings", DJANGO_ENV_FILE="")
    return subprocess.run(  # noqa: S603 (the test's own code)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = start_django()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_starts_with_a_secret_key_and_its_host_names():
    result = start_django(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_host_names():
    result = start_django(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_loading_the_settings_creates_no_folder():
    refuse_mkdir = (
        "import pathlib\n"
        "def refuse(*args, **kwargs): raise AssertionError('a folder was made on import')\n"
        "pathlib.Path.mkdir = refuse\n"
        "import django; django.setup()"
    )
    result = start_django(refuse_mkdir, DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_debug_mode_starts_without_a_key_for_local_development():
    result = start_django(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def deploy_check(**env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "REDIS_URL", "SECURITY_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="reform_site.settings",
        DJANGO_SECRET_KEY="a-long-random-production-key-" + "k" * 40,
        DJANGO_ALLOWED_HOSTS="reform.example.org",
        DJANGO_ENV_FILE="",
        **env_overrides,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def reported_checks(result):
    return set(re.findall(r"\((\w+\.[WE]\d+)\)", result.stdout + result.stderr))


def test_production_settings_pass_djangos_deployment_checks():
    result = deploy_check(
        REDIS_URL="redis://127.0.0.1:6379/0",
        SECURITY_CONTACT="security@reform.example.org",
        SITE_URL="https://reform.example.org",
    )
    # The two HSTS widenings are a deployment's own choice (see the README).
    assert reported_checks(result) <= {"security.W005", "security.W021"}, result.stderr


def test_deployment_check_warns_when_alert_emails_would_have_no_address_for_links():
    assert "alerts.W001" in reported_checks(deploy_check(SITE_URL=""))


def test_deployment_check_warns_when_nobody_is_named_for_security_reports():
    assert "reform_site.W002" in reported_checks(deploy_check())


def test_deployment_check_warns_when_rate_limits_are_per_process():
    assert "reform_site.W001" in reported_checks(deploy_check())
