"""Files attached to an intake form that is not saved yet: held under the form's token
(a failed validation, or a possible duplicate waiting for confirmation, keeps them),
then moved onto the request when it is saved. Each file has already passed the checks
of cases/rules/uploads.py (forms.AttachmentsField: type by content, size)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.core.files import File
from django.db import transaction

from cases.models import HeldUpload, LegalAidRequest, RequestAttachment
from cases.rules import uploads
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import emit, now_or, require

# A form left unsaved longer than this has been abandoned: its files are discarded.
HOLD_FOR = timedelta(days=1)


def held_uploads(*, actor, token: uuid.UUID | None) -> list[HeldUpload]:
    """The files this actor holds under this form's token (never another user's)."""
    if token is None:
        return []
    return list(HeldUpload.objects.filter(uploaded_by=actor, token=token))


DISCARDED = "held_uploads_discarded"
HELD_FOLDER = "cases/held/"


def _discard(rows, actor=None) -> None:
    """Forget the rows now; their files go after commit (a rollback keeps both)."""
    names = [row.file.name for row in rows if row.file]
    HeldUpload.objects.filter(pk__in=[row.pk for row in rows]).delete()
    if names:
        emit(DISCARDED, actor=actor, files=names)


def delete_discarded_files(event) -> None:
    """Outbox subscriber (apps.py): remove the files of discarded held uploads; safe to
    run twice, and it touches nothing outside the folder of held files."""
    storage = HeldUpload._meta.get_field("file").storage
    for name in event.payload.get("files", []):
        if isinstance(name, str) and name.startswith(HELD_FOLDER) and ".." not in name:
            storage.delete(name)


@transaction.atomic
def hold_uploads(*, actor, token: uuid.UUID, files=(), remove=()) -> list[HeldUpload]:
    """Keep `files` (checked uploads) under `token`, drop the held ones whose ids are in
    `remove`; the files now held. At most uploads.MAX_FILES per form."""
    require(roles.can_receive_requests(actor))
    stale = HeldUpload.objects.filter(
        uploaded_by=actor, uploaded_at__lt=now_or(None) - HOLD_FOR
    ).exclude(token=token)
    _discard(list(stale), actor)
    ids = {int(v) for v in remove if str(v).isdigit()}
    if ids:
        _discard(list(HeldUpload.objects.filter(uploaded_by=actor, token=token, pk__in=ids)), actor)
    files = list(files)
    kept = HeldUpload.objects.filter(uploaded_by=actor, token=token).count()
    if kept + len(files) > uploads.MAX_FILES:
        raise BusinessRuleError(
            f"Chỉ đính kèm tối đa {uploads.MAX_FILES} tệp cho một yêu cầu.", field="attachments"
        )
    for upload in files:
        HeldUpload.objects.create(
            token=token,
            uploaded_by=actor,
            title=upload.name[:255],
            file=upload,
            size=upload.size or 0,
        )
    return held_uploads(actor=actor, token=token)


def discard_stale_uploads(now) -> int:
    """Retention (registered in apps.py): the files of every form left unsaved longer
    than HOLD_FOR are removed; how many."""
    rows = list(HeldUpload.objects.filter(uploaded_at__lt=now - HOLD_FOR))
    with transaction.atomic():
        _discard(rows)
    return len(rows)


def take_held_uploads(*, actor, token: uuid.UUID, request: LegalAidRequest) -> int:
    """Attach the held files to the request just saved (in its transaction); the held
    copies are removed once it commits. The number of files attached."""
    rows = list(HeldUpload.objects.select_for_update().filter(uploaded_by=actor, token=token))
    for row in rows:
        with row.file.open("rb") as handle:
            RequestAttachment.objects.create(
                request=request, title=row.title, file=File(handle, name=row.title),
                uploaded_by=actor,
            )  # fmt: skip
    _discard(rows, actor)
    return len(rows)
