"""Reads of the register of issued documents (scoped by user), and of the documents a
page lists."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from tgpl import roles

from . import registry
from .kinds import DocumentKind
from .models import IssuedDocument


def register_entries(user, *, kind: str = "", year: int | None = None) -> QuerySet:
    entries = IssuedDocument.objects.visible_to(user).select_related(
        "centre", "issued_by", "content_type"
    )
    if kind:
        entries = entries.filter(kind=kind)
    if year:
        entries = entries.filter(year=year)
    return entries.order_by("-year", "-issued_at", "-pk")


def register_years(user) -> list[int]:
    return list(
        IssuedDocument.objects.visible_to(user)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


# --- the numbers of objects' documents -----------------------------------------------------


def issued_for(obj, number_kind: str) -> IssuedDocument | None:
    """The latest number the register gave to this object's document of this type."""
    return (
        IssuedDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            kind=number_kind,
        )
        .order_by("-issued_at", "-pk")
        .first()
    )


def latest_numbers(pairs: list[tuple[object, str]]) -> list[str]:
    """The latest register number ("05/QĐ-TGPL", or "") of each (object, type code), in
    one query."""
    if not pairs:
        return []
    match = Q()
    for obj, number_kind in pairs:
        ct = ContentType.objects.get_for_model(obj)
        match |= Q(content_type=ct, object_id=obj.pk, kind=number_kind)
    numbers = {
        (ct_id, object_id, kind): text
        for ct_id, object_id, kind, text in IssuedDocument.objects.filter(match)
        .order_by("issued_at", "pk")
        .values_list("content_type_id", "object_id", "kind", "number_text")
    }
    return [
        numbers.get((ContentType.objects.get_for_model(obj).pk, obj.pk, number_kind), "")
        for obj, number_kind in pairs
    ]


# --- the documents a page lists ------------------------------------------------------------


@dataclass
class ListedDocument:
    """A decision or notice an object has, as its page shows it (documents/_list.html)."""

    kind: DocumentKind
    pk: int
    title: str
    number_text: str = ""  # "05/QĐ-TGPL" once numbered; a draft until then
    may_number: bool = False  # a draft this user may give its number (Cấp số)

    @property
    def pdf_url(self) -> str:
        return self.kind.download_url(self.pk, "pdf")

    @property
    def docx_url(self) -> str:
        return self.kind.download_url(self.pk, "docx")

    @property
    def number_url(self) -> str:
        return self.kind.number_url(self.pk)


def documents_of(user, parent) -> list[ListedDocument]:
    """The documents the page of `parent` (a request, a case) lists for `user`: of every
    kind declared `listed_on` its model, the objects that have one and whose documents
    the user may download; their numbers in one query."""
    found = [
        (kind, obj)
        for kind in registry.listed_on(type(parent))
        for obj in kind.of(parent)
        if not kind.absent(obj) and kind.may_download(user, obj)
    ]
    numbers = latest_numbers([(obj, kind.number_kind) for kind, obj in found])
    return [
        ListedDocument(
            kind=kind,
            pk=obj.pk,
            title=kind.title_of(obj),
            number_text=number,
            may_number=kind.numbered_later
            and not number
            and roles.can_issue_documents(user, kind.centre(obj)),
        )
        for (kind, obj), number in zip(found, numbers, strict=True)
    ]
