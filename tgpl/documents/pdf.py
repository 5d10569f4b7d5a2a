"""A Document laid out in HTML and printed to PDF by WeasyPrint, fetching only static files."""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML

from . import formatting
from .content import Document
from .fetcher import StaticOnlyFetcher, static_url

TEMPLATE = "documents/base.html"
STYLESHEET = "documents/document.css"


def layout_context(doc: Document) -> dict:
    """The texts of the header and the closing, as both renderers print them."""
    return {
        "doc": doc,
        "parent_body": formatting.upper(doc.parent_body),
        "issuer": formatting.upper(formatting.issuer_name(doc.issuer, doc.parent_body)),
        "number_line": formatting.number_line(doc.number_text),
        "date_line": formatting.date_line(doc.place, doc.date, doc.year),
        "recipients": formatting.recipient_lines(doc.recipients),
        "signer_authority": formatting.upper(doc.signer.authority),
        "signer_title": formatting.upper(doc.signer.title),
    }


def document_html(doc: Document, *, template: str = TEMPLATE) -> str:
    """The document's HTML; every text of `doc` is escaped by the template engine."""
    context = layout_context(doc) | {"stylesheet": static_url(STYLESHEET)}
    return render_to_string(template, context)


def html_to_pdf(html: str, *, url_fetcher=None) -> bytes:
    """Print HTML with WeasyPrint; no base URL, so nothing relative resolves to a file."""
    fetcher = url_fetcher or StaticOnlyFetcher()
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()


def render_pdf(doc: Document, *, url_fetcher=None) -> bytes:
    return html_to_pdf(document_html(doc), url_fetcher=url_fetcher)
