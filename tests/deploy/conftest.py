"""What the front-server test needs: Debian's nginx, installed when missing."""

import os
import shutil
import subprocess

import pytest

from tests.services import must_be_present


def find_nginx():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(path, os.X_OK)),
        None,
    )


def install_nginx():
    """Debian's nginx-light (HTTP/2, TLS), as CI installs it; returns whether it is there now."""
    apt_get = shutil.which("apt-get")
    if os.geteuid() != 0 or not apt_get:
        return False
    # RUNLEVEL=1: the package does not start a system nginx of its own on port 80.
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive", "RUNLEVEL": "1"}
    steps = [[apt_get, "update", "-qq"]]
    # nginx-light where Debian still has it (bookworm), else nginx.
    steps += [[apt_get, "install", "-y", "-qq", package] for package in ("nginx-light", "nginx")]
    for step in steps:
        subprocess.run(step, env=env, capture_output=True, check=False, timeout=600)  # noqa: S603
        if find_nginx():
            return True
    return False


@pytest.fixture(scope="session")
def nginx():
    """The nginx binary; installed from Debian's packages when missing."""
    path = find_nginx()
    if path is None and install_nginx():
        path = find_nginx()
    if path is None:
        message = "nginx is not installed and could not be (apt-get install nginx-light, as root)."
        if must_be_present():
            pytest.fail(message)
        pytest.skip(message)
    return path
