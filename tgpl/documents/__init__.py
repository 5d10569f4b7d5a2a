"""Official documents: layout in the format of Nghị định 30/2020 (PDF and Word), numbering.

    from tgpl.documents import Document, render_pdf, render_docx

Apps build a `Document` from their objects (plans/documents.py); numbers come from
`tgpl.documents.services.issue_document`.
"""

import logging

from .content import KINDS, Block, Document, Heading, Item, Line, Paragraph, Signer

# WeasyPrint logs each step of each document at INFO (and its own stylesheets when it
# is imported); only its warnings are worth a line in the server log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(doc: Document, **kwargs) -> bytes:
    from .pdf import render_pdf as _render

    return _render(doc, **kwargs)


def render_docx(doc: Document) -> bytes:
    from .word import render_docx as _render

    return _render(doc)


__all__ = [
    "KINDS",
    "Block",
    "Document",
    "Heading",
    "Item",
    "Line",
    "Paragraph",
    "Signer",
    "render_docx",
    "render_pdf",
]
