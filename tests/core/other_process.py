"""What a save through another worker or app server does, in a separate Python process."""

import os
import subprocess
import sys

from django.conf import settings as django_settings


def bump_in_another_process(**settings):
    """Run ``content_version.bump()`` in a new process with these ``settings`` (such as
    the version file, or the shared cache) set as in this test."""
    lines = [f"settings.{name} = {value!r}" for name, value in settings.items()]
    script = "\n".join(
        [
            "import django; django.setup()",
            "from django.conf import settings",
            *lines,
            "from core import content_version; content_version.bump()",
        ]
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "reform_site.test_settings"}
    subprocess.run(  # noqa: S603 (this interpreter, our own script)
        [sys.executable, "-c", script], check=True, env=env, cwd=django_settings.BASE_DIR
    )
