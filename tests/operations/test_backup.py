"""Backup and restore: a round trip on the real database, and archives that are refused."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import DepartmentFactory
from tgpl.models import Department
from tgpl.operations.backup import FORMAT, BackupError, create_backup, read_backup


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "requests").mkdir(parents=True)
    (settings.MEDIA_ROOT / "requests" / "don.pdf").write_bytes(b"%PDF-1.4 don yeu cau")
    return settings.MEDIA_ROOT


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_the_database_and_the_files_as_they_were(centre, media, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the round trip runs on PostgreSQL (CI)")
    kept = DepartmentFactory(centre=centre, name="Phòng trước sao lưu")
    result = create_backup(tmp_path / "backups")
    assert result.media_files == 1
    assert set(result.manifest["sha256"]) == {"database.dump", "media.tar.gz"}

    Department.objects.filter(pk=kept.pk).delete()
    DepartmentFactory(centre=centre, name="Phòng sau sao lưu")
    (media / "requests" / "don.pdf").unlink()
    (media / "later.pdf").write_bytes(b"%PDF added later")

    call_command("restore", str(result.path), "--yes")
    names = set(Department.objects.values_list("name", flat=True))
    assert "Phòng trước sao lưu" in names
    assert "Phòng sau sao lưu" not in names
    assert (media / "requests" / "don.pdf").read_bytes() == b"%PDF-1.4 don yeu cau"
    assert not (media / "later.pdf").exists()


def _archive(path: Path, parts: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as archive:
        for name, data in parts.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def _manifest(**sums) -> bytes:
    return json.dumps({"format": FORMAT, "engine": "postgresql", "sha256": sums}).encode()


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path):
    import hashlib

    dump, media_part = b"dump bytes", b"media bytes"
    manifest = _manifest(
        **{"database.dump": hashlib.sha256(b"other").hexdigest(),
           "media.tar.gz": hashlib.sha256(media_part).hexdigest()}
    )  # fmt: skip
    path = _archive(
        tmp_path / "b.tar",
        {"manifest.json": manifest, "database.dump": dump, "media.tar.gz": media_part},
    )
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(BackupError, match=r"database\.dump không khớp mã kiểm tra"):
        read_backup(path, work)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    path = _archive(tmp_path / "x.tar", {"notes.txt": b"hello"})
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(BackupError, match="không phải bản sao lưu"):
        read_backup(path, work)


def test_restore_asks_for_confirmation(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "any.tar"))
