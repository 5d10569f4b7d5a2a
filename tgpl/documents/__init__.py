"""Official documents: layout in the format of Nghị định 30/2020 (PDF and Word), numbering.

    from tgpl.documents import Document, render_pdf, render_docx

Apps build a `Document` from their objects and declare each kind of document once
(`kinds.DocumentKind`, registered from the app's documents.py); numbers come from
`tgpl.documents.services.issue_for` (or `issue_document`).
"""

from .content import (
    KINDS,
    Annex,
    Block,
    Cell,
    Document,
    Heading,
    Item,
    Line,
    Paragraph,
    Signer,
    Table,
)


def render_pdf(doc: Document, **kwargs) -> bytes:
    from .pdf import render_pdf as _render

    return _render(doc, **kwargs)


def render_docx(doc: Document) -> bytes:
    from .word import render_docx as _render

    return _render(doc)


__all__ = [
    "KINDS",
    "Annex",
    "Block",
    "Cell",
    "Document",
    "Heading",
    "Item",
    "Line",
    "Paragraph",
    "Signer",
    "Table",
    "render_docx",
    "render_pdf",
]
