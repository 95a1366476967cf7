"""Slow mail backends: sending takes time, so that two senders really overlap in the tests."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.locmem import EmailBackend as MemoryBackend

SECONDS_PER_EMAIL = 0.02


class SlowMemoryBackend(MemoryBackend):
    """Django's test outbox, a little slower, like a real mail server."""

    def send_messages(self, messages):
        time.sleep(SECONDS_PER_EMAIL)
        return super().send_messages(messages)


class SlowFileBackend(MemoryBackend):
    """One file per email in ALERTS_TEST_MAIL_DIR, for senders in other processes.

    Each sender waits, before its first email, until ALERTS_TEST_SENDERS of them
    have started, so they overlap however long each took to start.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.folder = Path(os.environ["ALERTS_TEST_MAIL_DIR"])
        self.waited = False

    def wait_for_the_others(self):
        (self.folder / f"started-{os.getpid()}").touch()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if len(list(self.folder.glob("started-*"))) >= int(os.environ["ALERTS_TEST_SENDERS"]):
                return
            time.sleep(0.05)

    def send_messages(self, messages):
        if not self.waited:
            self.wait_for_the_others()
            self.waited = True
        for message in messages:
            time.sleep(SECONDS_PER_EMAIL)
            (self.folder / f"mail-{os.getpid()}-{uuid.uuid4().hex}").write_text(
                message.to[0], encoding="utf-8"
            )
        return len(messages)
