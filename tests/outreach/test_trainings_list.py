"""The yearly list of Điều 4.5 on a hand-built set: its rows, the .xlsx, the PDF and Word
of the report and of the decision sending staff, the pages that show them."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document as read_docx
from openpyxl import load_workbook
from pypdf import PdfReader

from outreach import selectors_trainings as selectors
from outreach.models import ComplianceReport, Nomination, TrainingSession
from outreach.services import trainings as services

from .factories_trainings import attend, reason, session

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_set(staff, head, officer, officer2):
    """Three officers of 2026: Nông Thị Hạnh (head) 4 + 4 = 8 giờ, Chu Văn Đức 6 giờ,
    Lăng Thị Mai on maternity leave (2 giờ)."""
    online = session(
        staff, on=dt.date(2026, 3, 17), hours="4", title="Tập huấn kỹ năng tố tụng",
        content="Kỹ năng bào chữa", form=TrainingSession.Form.ONLINE,
        organiser="Cục PBGDPL và TGPL",
    )  # fmt: skip
    seminar = session(
        staff, on=dt.date(2026, 6, 12), hours="4", title="Tọa đàm Quy tắc nghề nghiệp",
        content="Quy tắc nghề nghiệp TGPL", form=TrainingSession.Form.SEMINAR,
        organiser="Sở Tư pháp tỉnh Lạng Sơn",
    )  # fmt: skip
    attend(staff, online, head, 4)
    attend(staff, seminar, head, 4)
    attend(staff, online, officer2, 4)
    attend(staff, seminar, officer2, 2)
    attend(staff, seminar, officer, 2)
    services.record_exemption(
        actor=staff, person=officer, reason=reason("4c-thai-san"),
        starts_on=dt.date(2026, 2, 2), ends_on=dt.date(2026, 8, 1),
    )  # fmt: skip
    return {"online": online, "seminar": seminar}


def _rows(centre_id):
    return [
        (r.number, r.name, r.form, r.duration, r.organiser, r.total, r.standing, r.exemption)
        for r in selectors.list_rows(selectors.officer_years(centre_id, 2026))
    ]


def test_the_list_rows_of_a_hand_built_year(year_set, centre):
    assert _rows(centre.pk) == [
        (1, "Chu Văn Đức", "Tập huấn trực tuyến", "4 giờ", "Cục PBGDPL và TGPL", "6 giờ",
         "Chưa đủ số giờ", ""),
        ("", "Chu Văn Đức", "Tọa đàm, trao đổi kinh nghiệm", "2 giờ", "Sở Tư pháp tỉnh Lạng Sơn",
         "6 giờ", "Chưa đủ số giờ", ""),
        (2, "Lăng Thị Mai", "Tọa đàm, trao đổi kinh nghiệm", "2 giờ", "Sở Tư pháp tỉnh Lạng Sơn",
         "2 giờ", "Được miễn", "Nghỉ chế độ thai sản (02/02/2026 – 01/08/2026)"),
        (3, "Nông Thị Hạnh", "Tập huấn trực tuyến", "4 giờ", "Cục PBGDPL và TGPL", "8 giờ",
         "Đạt", ""),
        ("", "Nông Thị Hạnh", "Tọa đàm, trao đổi kinh nghiệm", "4 giờ",
         "Sở Tư pháp tỉnh Lạng Sơn", "8 giờ", "Đạt", ""),
    ]  # fmt: skip


def test_an_officer_with_no_training_has_one_empty_line(centre, officer):
    assert _rows(centre.pk) == [(1, "Lăng Thị Mai", "", "", "", "0 giờ", "Chưa đủ số giờ", "")]


def test_the_xlsx_export_carries_the_rows(year_set, staff, login):
    response = login(staff).get(reverse("outreach:training_compliance_export") + "?year=2026")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [
        "STT", "Họ và tên", "Hình thức bồi dưỡng", "Nội dung", "Thời lượng", "Đơn vị tổ chức",
        "Tổng số giờ trong năm", "Kết quả", "Lý do miễn",
    ]  # fmt: skip
    assert len(rows) == 6
    assert rows[3][1] == "Lăng Thị Mai"
    assert rows[3][8] == "Nghỉ chế độ thai sản (02/02/2026 – 01/08/2026)"
    assert rows[1][3] == "Tập huấn kỹ năng tố tụng: Kỹ năng bào chữa"


def test_the_compliance_page_shows_who_is_short(year_set, director, login):
    response = login(director).get(reverse("outreach:training_compliance") + "?year=2026")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Thiếu 2 giờ" in text
    assert "Được miễn" in text
    assert "Nghỉ chế độ thai sản" in text


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_report_renders_with_the_names_in_pdf_and_word(year_set, staff, login):
    report = services.prepare_compliance_report(actor=staff, centre=staff.centre, year=2026)
    client = login(staff)
    pdf = client.get(reverse("outreach:document", args=["training-report", report.pk, "pdf"]))
    assert pdf.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(_body(pdf))).pages)
    text = " ".join(text.split())
    for name in ("Chu Văn Đức", "Lăng Thị Mai", "Nông Thị Hạnh"):
        assert name in text
    assert "01/BC-TGPL" in text
    assert "Nghỉ chế độ thai sản" in text
    docx = client.get(reverse("outreach:document", args=["training-report", report.pk, "docx"]))
    words = "\n".join(p.text for p in read_docx(io.BytesIO(_body(docx))).paragraphs)
    assert "Chu Văn Đức" in words
    assert "Tập huấn kỹ năng tố tụng" in words


def test_the_nomination_renders_with_the_names(year_set, staff, officer, officer2, login):
    nomination = services.nominate(
        actor=staff, session=year_set["online"], people=[officer, officer2],
        purpose="Công văn số 15/CTGPL-NV của Cục",
    )  # fmt: skip
    response = login(staff).get(
        reverse("outreach:document", args=["training-nomination", nomination.pk, "pdf"])
    )
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(_body(response))).pages).split()
    )
    assert "Lăng Thị Mai" in text
    assert "Chu Văn Đức" in text
    assert "01/QĐ-TGPL" in text
    assert "Tập huấn kỹ năng tố tụng" in text


def test_the_session_page_lists_its_decision(year_set, staff, officer, login):
    services.nominate(actor=staff, session=year_set["online"], people=[officer])
    nomination = Nomination.objects.get()
    page = login(staff).get(reverse("outreach:training_detail", args=[year_set["online"].pk]))
    assert "Số 01/QĐ-TGPL" in page.content.decode()
    assert reverse("outreach:document", args=["training-nomination", nomination.pk, "pdf"]) in (
        page.content.decode()
    )


def test_the_compliance_page_lists_the_report_once_prepared(year_set, staff, login):
    client = login(staff)
    response = client.post(reverse("outreach:training_compliance_prepare") + "?year=2026")
    assert response.status_code == 302
    report = ComplianceReport.objects.get()
    page = client.get(reverse("outreach:training_compliance") + "?year=2026")
    assert "Số 01/BC-TGPL" in page.content.decode()
    assert report.year == 2026


def test_an_officer_sees_their_own_hours(year_set, officer2, login):
    page = login(officer2).get(reverse("outreach:training_mine") + "?year=2026")
    text = page.content.decode()
    assert "Đã tham dự <strong>6</strong> / 8 giờ" in text
    assert "Còn thiếu 2 giờ" in text


def test_the_director_home_shows_who_is_behind(year_set, director, login):
    page = login(director).get(reverse("dashboard"))
    text = page.content.decode()
    assert "Trợ giúp viên chưa đủ giờ bồi dưỡng năm 2026" in text
    assert "Chu Văn Đức" in text
    assert "còn thiếu 2 giờ" in text
    assert "Lăng Thị Mai" not in text  # exempt


def test_an_officer_home_shows_their_hours(year_set, officer2, login):
    text = login(officer2).get(reverse("dashboard")).content.decode()
    assert "Số giờ đã tham dự: 6/8 giờ" in text


def test_the_reviewer_exports_the_list_of_every_centre_of_the_province(
    year_set, reviewer, other_centre, login
):
    from tests.factories import UserFactory
    from tgpl.roles import Role

    UserFactory(
        username="tgv-khac", full_name="An Văn Bình", centre=other_centre,
        roles=[Role.LEGAL_AID_OFFICER],
    )  # fmt: skip
    url = reverse("outreach:training_compliance_export") + "?year=2026&centre=all"
    response = login(reviewer).get(url)
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Trung tâm", "STT", "Họ và tên")
    people = [(r[0], r[2]) for r in rows[1:] if r[1]]
    assert people == [
        ("Trung tâm Trợ giúp pháp lý nhà nước số 2 tỉnh Lạng Sơn", "An Văn Bình"),
        ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn", "Chu Văn Đức"),
        ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn", "Lăng Thị Mai"),
        ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn", "Nông Thị Hạnh"),
    ]


def test_a_centre_cannot_export_the_province_list(year_set, director, login):
    url = reverse("outreach:training_compliance_export") + "?year=2026&centre=all"
    assert login(director).get(url).status_code == 403
