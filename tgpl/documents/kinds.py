"""A kind of official document, declared once by the app that issues it.

A `DocumentKind` says everything the application needs to know about one kind of
document: its name (in URLs and `manage.py render_document`), its label, the model
it is the document of, who may see those objects and download their documents, how
it is built, the register's type code and subject, and which page lists it. From
that one declaration the kernel derives the download view (PDF and Word, with the
access check), the list of documents on a page (with their register numbers and the
"Cấp số" button), the number taken inside a service, the register's links and the
command line.

Adding a kind — the recipe (shown end to end by tests/documents/test_new_kind.py):

1. **One builder**: a function `obj -> Document` in the app's documents.py, written
   on the generic layout of Nghị định 30/2020 (tgpl/documents/builders.py: `letterhead`,
   `decision`, `notice`); the wording of the app's own forms lives in the app (cases:
   cases/document_wording.py).
2. **One declaration** beside it: `register(DocumentKind(name=..., label=..., model=...,
   number_kind="TB", visible_to=..., build=..., subject=..., title=..., absent=...,
   listed_on=..., page=...))`. The kernel finds every app's documents.py by itself
   (as the admin finds admin.py); it never imports an app.
3. **A call in its service**: the service that decides takes the number in its own
   transaction, e.g. `number_now(KIND, obj, actor=actor, on=day)` (cases/services/
   numbering.py), so a rolled-back decision uses no number.

A kind whose documents name an applicant also declares `read_record` (the request the
document is of): every download is then written in the read log (tgpl/audit).

Nothing else: the page lists it (`documents/_list.html`, included once per page),
`<app>:document` downloads it as .pdf or .docx (missing and not-yours give the same
404, a user who may see the object but not its documents gets 403), a draft left by
someone who may not number gets "Cấp số" (`numbered_later=True`), the register links
its rows to `page`, `manage.py render_document <name> <id> out.pdf` prints it.
(An app's first kind also needs `*document_urls("<app>", number=<its Cấp số view>)`
in its urls.py, once: cases has it.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.urls import reverse

from .content import KINDS, Document


class NotFound(LookupError):
    """No object, or more than one, answers to an identifier; the message says which."""


def _everyone(user, obj) -> bool:
    return True


def _has_one(obj) -> str:
    return ""


def _itself(parent) -> Iterable:
    return [parent]


def _own_centre(obj):
    return obj.centre


def _file_stem(doc: Document) -> str:
    return doc.file_stem


FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class DocumentKind:
    """One kind of official document: declared once, in its app's documents.py."""

    name: str  # in URLs and `render_document`: "refusal"
    label: str  # Vietnamese, lower case, for messages: "thông báo từ chối thụ lý"
    model: type[Model]  # what the document is of: LegalAidRequest
    number_kind: str  # the register's type code (NĐ 30/2020 Phụ lục III): "QĐ", "TB", "KH"
    visible_to: Callable[[object], QuerySet]  # user -> the objects they may see (else 404)
    build: Callable[[object], Document]  # the builder
    subject: Callable[[object], str]  # trích yếu in the register: names no aided person
    # why this object has no such document ("" when it has one): not refused, advice ...
    absent: Callable[[object], str] = _has_one
    # (user, object) -> may they download it? No: 403 for one who sees the object.
    may_download: Callable[[object, object], bool] = _everyone
    title: Callable[[object], str] | None = None  # its line on a page; default: the label
    page: Callable[[object], str] | None = None  # its page: register links, after Cấp số
    listed_on: type[Model] | None = None  # the model whose page lists it (None: no list)
    of: Callable[[object], Iterable] = _itself  # that page's object -> objects of this kind
    centre: Callable[[object], Any] = _own_centre  # whose register numbers it
    numbered_later: bool = False  # left a draft when the decider may not number; Cấp số
    # called on the locked object in the transaction that numbers it, before it is saved:
    # keeps what the numbered document says when it is read from live data (figures)
    on_numbered: Callable[[object], None] | None = None
    related: tuple[str, ...] = ()  # select_related when fetched to be built
    # the command's look-up, (identifier, **options) -> object or NotFound; default: by id
    find: Callable[..., object] | None = None
    file_name: Callable[[Document], str] = _file_stem  # without extension
    # the applicant's record a document of this kind is of (it names the person): each
    # download is written in the read log against it; None for documents naming no
    # applicant (a plan)
    read_record: Callable[[object], Model] | None = None

    def __post_init__(self):
        if self.number_kind not in KINDS:
            raise ValueError(f"{self.name}: unknown register type code {self.number_kind!r}")
        if self.listed_on is not None and self.page is None:
            raise ValueError(f"{self.name}: a listed kind needs the page it returns to")
        if self.on_numbered is not None and not self.numbered_later:
            raise ValueError(f"{self.name}: on_numbered runs at Cấp số: declare numbered_later")

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label

    # --- reads -------------------------------------------------------------------------

    def fetch(self, user, pk: int):
        """The object whose document `user` asks for: missing and not-yours give the same
        404; one who sees the object but may not download its documents gets 403."""
        obj = self.visible_to(user).select_related(*self.related).filter(pk=pk).first()
        if obj is None:
            raise Http404(f"Không tìm thấy {self.model._meta.verbose_name}.")
        if not self.may_download(user, obj):
            raise PermissionDenied
        return obj

    def lookup(self, identifier: str, **options):
        """The object named on the command line (an id unless the kind says otherwise),
        or NotFound with the reason it has no such document."""
        find = self.find or self._by_id
        obj = find(identifier, **options)
        reason = self.absent(obj)
        if reason:
            raise NotFound(reason)
        return obj

    def _by_id(self, identifier: str, **_options):
        label = self.model._meta.verbose_name
        identifier = identifier.strip()
        if not identifier.isdigit():
            raise NotFound(f"Mã {label} phải là một số: “{identifier}”.")
        found = (
            self.model._default_manager.select_related(*self.related)
            .filter(pk=int(identifier))
            .first()
        )
        if found is None:
            raise NotFound(f"Không tìm thấy {label} mã {identifier}.")
        return found

    def document(self, obj) -> Document:
        """The document built, checked to carry the type code it is numbered under."""
        doc = self.build(obj)
        if doc.kind != self.number_kind:
            raise ValueError(f"{self.name} builds a {doc.kind}, declared {self.number_kind}")
        return doc

    def title_of(self, obj) -> str:
        return self.title(obj) if self.title else self.label[:1].upper() + self.label[1:]

    # --- addresses ---------------------------------------------------------------------

    def download_url(self, pk: int, fmt: str = "pdf") -> str:
        """`<app>:document`: the app includes `tgpl.documents.urls.document_urls`."""
        return reverse(f"{self.app_label}:document", args=[self.name, pk, fmt])

    def number_url(self, pk: int) -> str:
        return reverse(f"{self.app_label}:number_document", args=[self.name, pk])
