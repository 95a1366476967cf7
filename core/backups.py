"""Backups of the site: the database and every upload, written and restored as one.

A backup is a folder named by its time (UTC), holding:

- ``database.dump``: ``pg_dump --format=custom`` of the PostgreSQL database
  (``database.sqlite3`` on SQLite, a copy made with SQLite's backup API);
- ``uploads.tar``: every file in the uploads storage (a disk or a bucket,
  whichever STORAGES names), except forms' kept files;
- ``backup.json``: when, from what, and each file's size and SHA-256, which a
  restore checks before it changes anything.

``manage.py backup`` writes one; ``manage.py restore FOLDER`` puts it back
into the database and storage the settings name (made empty or new first).
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections

from . import kept_uploads
from .content_version import content_changed

MANIFEST = "backup.json"
UPLOADS = "uploads.tar"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says what to do."""


def engine(connection):
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(f"Backups are made of PostgreSQL or SQLite databases, not {vendor}.")
    return vendor


def pg_environment(settings_dict):
    """libpq's variables for pg_dump and pg_restore: no password on a command line."""
    env = {**os.environ}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def run(command, env):
    tool = command[0]
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} is not installed: install PostgreSQL's client tools "
            "(apt-get install postgresql-client), of the server's version or newer."
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip() or result.returncode}")


def stored_names(storage=None, folder=""):
    """Every file name in the uploads storage, forms' kept files aside, sorted."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [str(PurePosixPath(folder, name)) if folder else name for name in files]
    for sub in folders:
        path = str(PurePosixPath(folder, sub)) if folder else sub
        if path != kept_uploads.FOLDER:
            names.extend(stored_names(storage, path))
    return sorted(names)


def checksum(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dump_database(connection, target):
    if engine(connection) == "postgresql":
        run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={target}"],
            pg_environment(connection.settings_dict),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def archive_uploads(target, storage=None):
    """Write every upload into the tar file ``target``; return how many."""
    storage = storage or default_storage
    names = stored_names(storage)
    with tarfile.open(target, "w") as archive:
        for name in names:
            with storage.open(name, "rb") as stored:
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
                archive.addfile(info, stored)
    return len(names)


def backup(folder, using="default"):
    """Write a backup into a new folder under ``folder``; return its path."""
    connection = connections[using]
    kind = engine(connection)
    now = datetime.datetime.now(datetime.UTC)
    stem = now.strftime("%Y-%m-%dT%H%M%SZ")
    Path(folder).mkdir(parents=True, exist_ok=True)
    target = Path(folder) / stem
    for number in range(2, 100):  # two backups in one second (a test, a hurried operator)
        if not target.exists():
            break
        target = Path(folder) / f"{stem}-{number}"
    target.mkdir()
    try:
        dump_database(connection, target / DUMPS[kind])
        count = archive_uploads(target / UPLOADS)
        files = {
            name: {"bytes": (target / name).stat().st_size, "sha256": checksum(target / name)}
            for name in (DUMPS[kind], UPLOADS)
        }
        manifest = {"created": now.isoformat(), "database": kind, "uploads": count, "files": files}
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # never leave half a backup to be trusted
        raise
    return target


def remove_old(folder, keep):
    """Keep the newest ``keep`` backups in ``folder``; return the ones removed."""
    backups = sorted(p for p in Path(folder).iterdir() if (p / MANIFEST).is_file())
    old = backups[:-keep] if keep > 0 else []
    for path in old:
        shutil.rmtree(path)
    return old


def read_manifest(folder, kind):
    """The backup's manifest, after checking that its files are whole."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup made by `manage.py backup`: {error}") from None
    if manifest.get("database") != kind:
        raise BackupError(
            f"This backup is of a {manifest.get('database')} database; the settings name a "
            f"{kind} one. Restore it into a database of the same kind."
        )
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file() or checksum(path) != expected["sha256"]:
            raise BackupError(
                f"{path} is missing or damaged (its checksum differs from the backup's "
                "record). Nothing was changed; restore from another backup."
            )
    return manifest


def restore_database(connection, source):
    if engine(connection) == "postgresql":
        connection.close()
        run(
            [
                "pg_restore",
                "--no-owner",
                "--no-acl",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ],
            pg_environment(connection.settings_dict),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(source) as copy:
            copy.backup(connection.connection)
        copy.close()


def restore_uploads(source, storage=None):
    """Put every file of the tar file ``source`` back in storage, replacing any of its name."""
    storage = storage or default_storage
    count = 0
    with tarfile.open(source, "r") as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = member.name
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}; the storage renames files.")
            count += 1
    return count


def restore(folder, using="default"):
    """Restore the backup in ``folder`` into the database and storage the settings name."""
    connection = connections[using]
    kind = engine(connection)
    manifest = read_manifest(folder, kind)
    restore_database(connection, Path(folder) / DUMPS[kind])
    count = restore_uploads(Path(folder) / UPLOADS)
    # Pages cached from the database before are never served again.
    content_changed(using)
    return manifest, count
