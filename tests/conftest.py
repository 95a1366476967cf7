"""Fixtures shared by the whole suite."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from core.near_cache import near


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (site settings, rate limits)."""
    cache.clear()
    near.clear()
    yield
    cache.clear()
    near.clear()


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """A request in Spanish leaves Spanish active in the thread, as it would in a server
    thread until its next request; a test's own records are written in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture
def demo_content(db):
    """The demo content, loaded as `make run` loads it."""
    call_command("load_demo_content", verbosity=0)


def sign_in_with_second_factor(client, user):
    """Sign ``user`` in as the two-factor sign-in does: password and a confirmed authenticator."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """A superuser signed in with both factors, as the admin requires."""
    return sign_in_with_second_factor(client, admin_user)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    return sign_in_with_second_factor(client, user)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(settings.VAR_DIR / "test-uploads", ignore_errors=True)


@pytest.fixture(scope="session")
def s3_server():
    """A local S3-compatible server (moto's server mode), for the whole run: its address."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_uploads(settings, s3_server):
    """Uploads in a new, empty bucket of the local S3 server, as UPLOADS_S3_BUCKET sets them.

    Yields a boto3 client for the bucket, with ``bucket`` and ``endpoint`` set on it.
    """
    import uuid

    import boto3

    bucket = f"uploads-{uuid.uuid4().hex[:12]}"
    credentials = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=bucket)
    settings.UPLOADS_S3_BUCKET = bucket
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.object_storage.UploadsStorage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "access_key": credentials["aws_access_key_id"],
                "secret_key": credentials["aws_secret_access_key"],
            },
        },
    }
    client.bucket = bucket
    client.endpoint = s3_server
    yield client
    objects = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    for item in objects:
        client.delete_object(Bucket=bucket, Key=item["Key"])
    client.delete_bucket(Bucket=bucket)
