"""Backup and restore: the database and the uploaded files, in one archive with checksums.

The archive (.tar) holds
- `database.dump`: `pg_dump --format=custom` of PostgreSQL (one consistent snapshot), or
  for SQLite a copy made with SQLite's online backup API;
- `media.tar.gz`: every file under MEDIA_ROOT, taken after the database, so every file a
  row of the dump names is in it (files are only added, never changed in place);
- `manifest.json`: what it is, when it was made, the database engine, the applied
  migrations and the SHA-256 of each part. A restore checks every checksum first and
  refuses a damaged or foreign archive before it touches anything.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "tgpl-backup/1"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Vietnamese."""


@dataclass
class BackupResult:
    path: Path
    database_bytes: int
    media_files: int
    manifest: dict


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(db.get("HOST") or "127.0.0.1"),
            "PGPORT": str(db.get("PORT") or 5432),
            "PGUSER": str(db.get("USER") or ""),
            "PGDATABASE": str(db["NAME"]),
        }
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _run(command: list[str], env: dict) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(f"Không tìm thấy chương trình {command[0]} (gói postgresql-client).")
    result = subprocess.run(  # noqa: S603 - fixed tools, arguments from settings
        [tool, *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} thất bại: {result.stderr.strip()[:500]}")


def _dump_database(target: Path, alias: str = "default") -> str:
    db = connections[alias].settings_dict
    vendor = connections[alias].vendor
    if vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target)], _pg_env(db))
    elif vendor == "sqlite":
        source = sqlite3.connect(str(db["NAME"]))
        try:
            copy = sqlite3.connect(str(target))
            with copy:
                source.backup(copy)
            copy.close()
        finally:
            source.close()
    else:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {vendor}.")
    return vendor


def _pack_media(target: Path, media_root: Path) -> int:
    count = 0
    with tarfile.open(target, "w:gz") as archive:
        if media_root.exists():
            for path in sorted(media_root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=path.relative_to(media_root).as_posix())
                    count += 1
    return count


def create_backup(directory: Path) -> BackupResult:
    """Write `tgpl-backup-<time>.tar` into `directory` and return what it holds."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    with tempfile.TemporaryDirectory(dir=directory) as work:
        work_dir = Path(work)
        dump, media = work_dir / "database.dump", work_dir / "media.tar.gz"
        vendor = _dump_database(dump)  # first: every file a dumped row names exists already
        files = _pack_media(media, Path(settings.MEDIA_ROOT))
        applied = sorted(
            f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
        )
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": vendor,
            "migrations": applied,
            "media_files": files,
            "sha256": {"database.dump": _sha256(dump), "media.tar.gz": _sha256(media)},
        }
        path = directory / f"tgpl-backup-{stamp}.tar"
        partial = path.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname="database.dump")
            archive.add(media, arcname="media.tar.gz")
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        partial.replace(path)  # a backup that is there is whole
        return BackupResult(path, dump.stat().st_size, files, manifest)


def _safe_extract(archive: tarfile.TarFile, target: Path) -> None:
    archive.extractall(target, filter="data")  # refuses absolute paths, links out, devices


def read_backup(path: Path, work_dir: Path) -> dict:
    """Unpack an archive into `work_dir` and verify it; the manifest, or a BackupError."""
    try:
        with tarfile.open(path, "r") as archive:
            names = set(archive.getnames())
            expected = {"manifest.json", "database.dump", "media.tar.gz"}
            if names != expected:
                raise BackupError("Tệp không phải bản sao lưu của phần mềm (thiếu hoặc thừa phần).")
            _safe_extract(archive, work_dir)
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"Không đọc được bản sao lưu: {exc}") from exc
    manifest = json.loads((work_dir / "manifest.json").read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng không đúng.")
    for name, expected_sum in manifest["sha256"].items():
        if _sha256(work_dir / name) != expected_sum:
            raise BackupError(f"Bản sao lưu bị hỏng: {name} không khớp mã kiểm tra SHA-256.")
    return manifest


def restore_backup(path: Path) -> dict:
    """Replace the database and the uploaded files by those of the archive."""
    vendor = connection.vendor
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        manifest = read_backup(path, work_dir)
        if manifest["engine"] != vendor:
            raise BackupError(
                f"Bản sao lưu của {manifest['engine']}, cơ sở dữ liệu hiện tại là {vendor}."
            )
        db = connection.settings_dict
        connection.close()
        dump = work_dir / "database.dump"
        if vendor == "postgresql":
            _run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--dbname", str(db["NAME"]), str(dump)],
                _pg_env(db),
            )  # fmt: skip
        else:
            source = sqlite3.connect(str(dump))
            try:
                target = sqlite3.connect(str(db["NAME"]))
                with target:
                    source.backup(target)
                target.close()
            finally:
                source.close()
        media_root = Path(settings.MEDIA_ROOT)
        staged = media_root.with_name(media_root.name + ".restoring")
        if staged.exists():
            shutil.rmtree(staged)
        staged.mkdir(parents=True)
        with tarfile.open(work_dir / "media.tar.gz", "r:gz") as archive:
            _safe_extract(archive, staged)
        if media_root.exists():
            shutil.rmtree(media_root)
        staged.rename(media_root)
        return manifest
