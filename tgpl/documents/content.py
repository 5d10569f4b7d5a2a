"""What an official document says, independent of PDF or Word.

An app turns its object into a `Document` (plans/documents.py, cases/documents.py);
`render_pdf` and `render_docx` lay it out in the format of Nghị định 30/2020
(domain.md part 6). Every text here is plain text: the renderers escape it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from typing import ClassVar

# Phụ lục III of Nghị định 30/2020: the codes this application issues, and the type name.
KINDS: dict[str, str] = {
    "KH": "KẾ HOẠCH",
    "QĐ": "QUYẾT ĐỊNH",
    "TB": "THÔNG BÁO",
    "BC": "BÁO CÁO",
    "TTr": "TỜ TRÌNH",
}


@dataclass(frozen=True)
class Heading:
    """A section heading: "I. MỤC ĐÍCH, YÊU CẦU" (level 0) or "1. Mục đích" (level 1)."""

    kind: ClassVar[str] = "heading"
    text: str
    number: str = ""  # the label as printed, with its punctuation: "I.", "2.1.", "a)"
    level: int = 0
    centred: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body; `lead` is a bold run before the text ("Điều 1.")."""

    kind: ClassVar[str] = "paragraph"
    text: str
    lead: str = ""
    italic: bool = False
    bold: bool = False
    centred: bool = False
    indent: bool = True


@dataclass(frozen=True)
class Line:
    """A labelled line of an item: "- Thực hiện: Các Phòng, Chi nhánh"."""

    label: str
    value: str


@dataclass(frozen=True)
class Item:
    """A numbered item of a plan: its title, its paragraphs, then its labelled lines."""

    kind: ClassVar[str] = "item"
    number: str  # "2.1.", "a)"
    title: str
    level: int = 1
    paragraphs: tuple[str, ...] = ()
    lines: tuple[Line, ...] = ()
    bold: bool = False


@dataclass(frozen=True)
class Cell:
    """A cell of a table: plain text, spanning `colspan` columns and `rowspan` rows (header
    cells); `numeric` cells are set right-aligned, `level` indents a row's label."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    numeric: bool = False
    bold: bool = False
    level: int = 0


@dataclass(frozen=True)
class Table:
    """A ruled table: header rows (merged cells by colspan/rowspan, repeated on each page),
    then body rows of cells. `widths` are relative column widths (default: the first
    column three times the others); `unit` is printed above it at the right
    ("Đơn vị tính: Vụ việc"), `note` under it."""

    kind: ClassVar[str] = "table"
    head: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""
    unit: str = ""
    note: str = ""
    widths: tuple[float, ...] = ()

    @property
    def columns(self) -> int:
        return sum(c.colspan for c in self.head[0]) if self.head else len(self.rows[0])

    @property
    def column_widths(self) -> tuple[float, ...]:
        """Relative widths summing to 1."""
        raw = self.widths or (3.0, *([1.0] * (self.columns - 1)))
        total = sum(raw)
        return tuple(w / total for w in raw)

    @property
    def percents(self) -> tuple[str, ...]:
        """The widths as CSS percentages ("23.08%")."""
        return tuple(f"{w * 100:.2f}%" for w in self.column_widths)

    @property
    def wide(self) -> bool:
        """Many columns: set in a smaller type."""
        return self.columns > 8


Block = Heading | Paragraph | Item | Table


@dataclass(frozen=True)
class Annex:
    """A phụ lục after the signature, on its own pages: "Phụ lục I", its title, the line
    "(Kèm theo Báo cáo số .../BC-... ngày ...)", then its blocks; wide tables go on
    landscape pages."""

    label: str  # "Phụ lục I"
    title: str
    blocks: tuple[Block, ...]
    attached_to: str = ""  # "Kèm theo Báo cáo số 12/BC-TGPL ngày 20/01/2027"
    landscape: bool = False


@dataclass(frozen=True)
class Signer:
    """Who signs: authority line ("KT. GIÁM ĐỐC"), title ("PHÓ GIÁM ĐỐC"), name."""

    name: str
    title: str = ""
    authority: str = ""


@dataclass(frozen=True)
class Document:
    kind: str  # a key of KINDS
    subject: str  # trích yếu, lower case as written
    parent_body: str  # tên cơ quan chủ quản: "Sở Tư pháp tỉnh Lạng Sơn"
    issuer: str  # tên cơ quan ban hành: "Trung tâm Trợ giúp pháp lý nhà nước"
    number_text: str  # "19/KH-TGPL"; "/KH-TGPL" before it has a number
    place: str
    date: datetime.date | None
    body: tuple[Block, ...] = ()
    signer: Signer = field(default_factory=lambda: Signer(name=""))
    recipients: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()  # "Kính gửi:" (notices, reports to a superior)
    annexes: tuple[Annex, ...] = ()  # phụ lục after the signature, on their own pages
    year: int | None = None  # printed in the date line when `date` is still empty
    type_title: str = ""  # defaults to KINDS[kind]
    form_code: str = ""  # "Mẫu số 08-TP-TGPL", printed top right
    filename: str = ""  # without extension

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown document kind {self.kind!r}; expected one of {list(KINDS)}")

    @property
    def title_text(self) -> str:
        return self.type_title or KINDS[self.kind]

    @property
    def file_stem(self) -> str:
        from .formatting import file_stem

        return self.filename or file_stem(self)


END_MARK = "./."


def with_end_mark(body: list[Block] | tuple[Block, ...]) -> tuple[Block, ...]:
    """The body with "./." after its last words, as the content of a document ends."""
    blocks = list(body)
    if not blocks:
        return ()
    last = blocks[-1]

    def mark(text: str) -> str:
        text = text.rstrip()
        return text if text.endswith(END_MARK) else text.rstrip(".;,:") + END_MARK

    if isinstance(last, Table):
        return tuple(blocks)  # a table ends with its figures, not with words
    if isinstance(last, Item):
        if last.lines:
            final = last.lines[-1]
            lines = (*last.lines[:-1], Line(final.label, mark(final.value)))
            blocks[-1] = replace(last, lines=lines)
        elif last.paragraphs:
            blocks[-1] = replace(
                last, paragraphs=(*last.paragraphs[:-1], mark(last.paragraphs[-1]))
            )
        else:
            blocks[-1] = replace(last, title=mark(last.title))
    else:
        blocks[-1] = replace(last, text=mark(last.text))
    return tuple(blocks)
