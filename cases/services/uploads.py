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
from tgpl.kernel import now_or, require

# A form left unsaved longer than this has been abandoned: its files are discarded.
HOLD_FOR = timedelta(days=1)


def held_uploads(*, actor, token: uuid.UUID | None) -> list[HeldUpload]:
    """The files this actor holds under this form's token (never another user's)."""
    if token is None:
        return []
    return list(HeldUpload.objects.filter(uploaded_by=actor, token=token))


def _discard(rows) -> None:
    files = [row.file for row in rows]
    HeldUpload.objects.filter(pk__in=[row.pk for row in rows]).delete()
    transaction.on_commit(lambda: [f.delete(save=False) for f in files])


@transaction.atomic
def hold_uploads(*, actor, token: uuid.UUID, files=(), remove=()) -> list[HeldUpload]:
    """Keep `files` (checked uploads) under `token`, drop the held ones whose ids are in
    `remove`; the files now held. At most uploads.MAX_FILES per form."""
    require(roles.can_receive_requests(actor))
    stale = HeldUpload.objects.filter(
        uploaded_by=actor, uploaded_at__lt=now_or(None) - HOLD_FOR
    ).exclude(token=token)
    _discard(list(stale))
    ids = {int(v) for v in remove if str(v).isdigit()}
    if ids:
        _discard(list(HeldUpload.objects.filter(uploaded_by=actor, token=token, pk__in=ids)))
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
    _discard(rows)
    return len(rows)
