"""`manage.py render_document`: documents in batch, PDF or Word by the file name."""

import pytest
from django.core.management import CommandError, call_command
from docx import Document as read_docx
from pypdf import PdfReader

from tests.factories import UserFactory
from tests.plans.factories import PlanFactory
from tgpl.documents import registry
from tgpl.roles import Role

from .conftest import import_sample, lang_son_centre

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_plan(db):
    centre = lang_son_centre()
    return import_sample(centre, UserFactory(centre=centre, roles=[Role.STAFF]))


def test_plan_by_number_to_pdf(sample_plan, tmp_path, capsys):
    out = tmp_path / "kh.pdf"
    call_command("render_document", "plan", "19/KH-TGPL", str(out))
    assert "19/KH-TGPL" in PdfReader(out).pages[0].extract_text()
    assert "Đã in kế hoạch 19/KH-TGPL" in capsys.readouterr().out


def test_plan_by_id_to_word(sample_plan, tmp_path):
    out = tmp_path / "kh.DOCX"
    call_command("render_document", "plan", str(sample_plan.pk), str(out))
    assert read_docx(out).tables[0].rows[1].cells[0].text == "Số: 19/KH-TGPL"


def test_same_number_in_two_years_needs_the_year(sample_plan, tmp_path):
    PlanFactory(centre=sample_plan.centre, number=19, year=2022)
    with pytest.raises(CommandError, match="chỉ rõ năm"):
        call_command("render_document", "plan", "19/KH-TGPL", str(tmp_path / "a.pdf"))
    call_command("render_document", "plan", "19/KH-TGPL", str(tmp_path / "a.pdf"), year=2021)
    assert (tmp_path / "a.pdf").stat().st_size > 1000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "999", "x.pdf"], "Không tìm thấy kế hoạch"),
        (["plan", "abc", "x.pdf"], "không phải mã hay số"),
        (["plan", "1", "x.txt"], ".pdf hoặc .docx"),
        (["memo", "1", "x.pdf"], "Không có loại văn bản “memo”"),
    ],
)
def test_errors_are_plain_messages(tmp_path, args, message):
    args[2] = str(tmp_path / args[2])
    with pytest.raises(CommandError, match=message):
        call_command("render_document", *args)


def test_apps_register_their_documents():
    assert "plan" in registry.sources()
    assert registry.get("plan").label == "kế hoạch"
