"""Fixtures for official documents: the 2021 sample plan imported once per module,
its Document and its PDF, and helpers to read PDFs back."""

import functools
import io

import pdfplumber
import pytest

from plans import services
from plans.documents import plan_document
from plans.models import Plan
from plans.reader import parse_plan
from plans.samples import samples_dir
from tests.factories import AgencyFactory, CentreFactory, DepartmentFactory, UserFactory
from tgpl.documents import render_pdf
from tgpl.models import Department
from tgpl.roles import Role

SAMPLES = samples_dir()
SAMPLE_2021 = SAMPLES / "ke-hoach-2021-trien-khai-cong-tac-tgpl.txt"
MM = 72 / 25.4  # points per millimetre


def import_sample(centre, actor, path=SAMPLE_2021, kind=Plan.Kind.ANNUAL) -> Plan:
    text = path.read_text(encoding="utf-8")
    return services.create_plan_from_parsed(
        centre=centre, plan=parse_plan(text), kind=kind, actor=actor
    )


def lang_son_centre():
    doj = AgencyFactory(name="Sở Tư pháp tỉnh Lạng Sơn", province_code=20)
    centre = CentreFactory(
        name="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn", parent_agency=doj
    )
    DepartmentFactory(centre=centre, name="Phòng Nghiệp vụ", short_code="NV")
    DepartmentFactory(centre=centre, name="Phòng Hành chính – Tổng hợp", short_code="HC-TH")
    DepartmentFactory(
        centre=centre, name="Chi nhánh số 1", short_code="CN1", kind=Department.Kind.BRANCH
    )
    return centre


@pytest.fixture
def sample_2021(db):
    """(Document, task titles) of the 2021 sample plan imported into a fresh centre."""
    centre = lang_son_centre()
    staff = UserFactory(username="soanthao", centre=centre, roles=[Role.STAFF])
    plan = import_sample(centre, staff)
    tasks = list(plan.items.tasks().order_by("position").values_list("title", flat=True))
    return plan_document(plan), tasks


@functools.cache
def _pdf(doc) -> bytes:
    return render_pdf(doc)


@pytest.fixture
def sample_2021_pdf(sample_2021):
    """The PDF of the sample, rendered once per test session (a Document is a value)."""
    return _pdf(sample_2021[0])


def pdf_pages(data: bytes) -> list[dict]:
    """Per page: its size, all words with positions, the text under the top margin."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=True)
            # The text below the top margin, so that a page number never splits a sentence.
            body = page.crop((0, 20 * MM, page.width, page.height))
            text = " ".join((body.extract_text() or "").split())
            pages.append({"width": page.width, "height": page.height, "words": words, "text": text})
    return pages


def pdf_text(data: bytes) -> str:
    return " ".join(page["text"] for page in pdf_pages(data))


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def declare():
    """Declare document kinds for one test (`declare(DocumentKind(...))`) and forget
    them after it, so that a test's own kind never leaks into another test."""
    from tgpl.documents import registry

    names = []

    def _declare(kind):
        names.append(kind.name)
        return registry.register(kind)

    yield _declare
    for name in names:
        registry.unregister(name)
