"""WeasyPrint fetches only the application's own static files; document text is escaped."""

import datetime

import pytest

from tgpl.documents import Document, Heading, Item, Line, Paragraph, Signer
from tgpl.documents.fetcher import RefusedURL, StaticOnlyFetcher, resolve, static_url
from tgpl.documents.pdf import document_html, render_pdf

from .conftest import pdf_text

HOSTILE = [
    "file:///etc/passwd",
    "http://example.com/x.png",
    '<img src="http://example.com/y.png">',
    '<img src="file:///etc/shadow">',
    '<link rel="stylesheet" href="https://example.com/evil.css">',
    "<style>@import url(http://example.com/z.css);</style>",
    '<svg><image href="file:///etc/hostname"/></svg>',
]


class RecordingFetcher(StaticOnlyFetcher):
    """The real fetcher, remembering every URL WeasyPrint asks it for."""

    def __init__(self):
        super().__init__()
        self.asked: list[str] = []

    def fetch(self, url, headers=None):
        self.asked.append(url)
        return super().fetch(url, headers)


def hostile_document() -> Document:
    joined = " ".join(HOSTILE)
    return Document(
        kind="TB",
        subject=f"Về việc {HOSTILE[2]}",
        parent_body="Sở Tư pháp tỉnh Lạng Sơn",
        issuer=f"Trung tâm {HOSTILE[1]}",
        number_text="03/TB-TGPL",
        place="Lạng Sơn",
        date=datetime.date(2026, 3, 2),
        addressees=(f"Ông {HOSTILE[0]}",),
        body=(
            Heading(text=HOSTILE[4], number="I."),
            Paragraph(text=joined, lead=HOSTILE[5]),
            Item(number="1.", title=HOSTILE[6], lines=(Line("Thực hiện", HOSTILE[3]),)),
        ),
        signer=Signer(name=HOSTILE[2], title="Giám đốc", authority=HOSTILE[0]),
        recipients=(HOSTILE[1], HOSTILE[3]),
        form_code=HOSTILE[5],
    )


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/x.css",
        "ftp://example.com/x",
        "data:text/css,body{}",
        "/etc/passwd",
        "documents/document.css",
        "tgpl-static:../tgpl/settings.py",
        "tgpl-static:fonts/../../tgpl/settings.py",
        "tgpl-static:/etc/passwd",
        "tgpl-static:fonts/%2e%2e/x",
        "tgpl-static:fonts/LiberationSerif-Regular.ttf?x=http://example.com",
        "tgpl-static:no-such-file.css",
        "TGPL-STATIC:documents/document.css",
    ],
)
def test_fetcher_refuses_everything_but_static_files(url):
    with pytest.raises(RefusedURL):
        resolve(url)
    with pytest.raises(RefusedURL):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_serves_the_stylesheet_and_the_fonts():
    fetcher = StaticOnlyFetcher()
    css = fetcher.fetch(static_url("documents/document.css"))
    assert css.content_type == "text/css"
    assert b"@font-face" in css.read()
    font = fetcher.fetch(static_url("fonts/LiberationSerif-Bold.ttf"))
    assert font.content_type == "font/ttf"
    assert font.read(4) == b"\x00\x01\x00\x00"


def test_hostile_text_is_escaped_in_the_html():
    html = document_html(hostile_document())
    for markup in HOSTILE[2:]:
        assert markup not in html
    assert "&lt;img src=&quot;http://example.com/y.png&quot;&gt;" in html
    assert "<img" not in html
    assert "<svg" not in html
    assert "<style" not in html
    assert html.count("<link ") == 1  # the document's own stylesheet


def test_hostile_document_fetches_nothing_outside_and_prints_the_text(caplog):
    fetcher = RecordingFetcher()
    pdf = render_pdf(hostile_document(), url_fetcher=fetcher)
    assert fetcher.asked, "the stylesheet and fonts go through the fetcher"
    assert all(url.startswith("tgpl-static:") for url in fetcher.asked), fetcher.asked
    assert sorted(set(fetcher.asked)) == [
        "tgpl-static:documents/document.css",
        "tgpl-static:fonts/LiberationSerif-Bold.ttf",
        "tgpl-static:fonts/LiberationSerif-BoldItalic.ttf",
        "tgpl-static:fonts/LiberationSerif-Italic.ttf",
        "tgpl-static:fonts/LiberationSerif-Regular.ttf",
    ]
    assert "refused" not in caplog.text
    text = pdf_text(pdf)
    for shown in ("file:///etc/passwd", "http://example.com/x.png", '<img src="http://'):
        assert shown in text


def test_default_renderer_uses_the_static_only_fetcher(monkeypatch):
    used = []
    original = StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        used.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", spy)
    render_pdf(hostile_document())
    assert used
    assert all(url.startswith("tgpl-static:") for url in used)
