"""The reports pages: the round of a quarter through the browser's requests, drill-down
scoped as the user may see, the .xlsx in the forms' layout, dashboards, pinned queries."""

import re
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports import services
from reports.models import Report
from reports.rules.periods import Kind
from reports.states import ReportStatus

from .factories import bulk_cases, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(staff, centre):
    return services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                number=3)  # fmt: skip


@pytest.fixture
def sent_report(report, staff, director):
    services.sign_off_report(actor=director, report=report)
    return services.send_report(actor=staff, report=report)


def test_a_quarter_is_opened_sent_returned_corrected_and_accepted(
    client, staff, director, reviewer, professional_office
):
    make_case(staff, professional_office, accepted=date(2026, 7, 1))
    client.force_login(staff)
    response = client.post(reverse("reports:open"), {"kind": "quarterly", "year": 2026,
                                                    "number": 3})  # fmt: skip
    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("reports:detail", args=[report.pk])
    page = client.get(response.url).content.decode()
    assert "Trong kỳ, Trung tâm đã thực hiện trợ giúp pháp lý cho 1 lượt người" in page
    client.force_login(director)
    client.post(reverse("reports:sign_off", args=[report.pk]))
    client.force_login(staff)
    client.post(reverse("reports:send", args=[report.pk]))
    client.force_login(reviewer)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Trả lại để chỉnh sửa" in page
    client.post(reverse("reports:comment", args=[report.pk]),
                {"target": "narrative:results", "text": "Bổ sung số liệu tháng 9."})  # fmt: skip
    client.post(reverse("reports:return", args=[report.pk]), {"text": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    client.force_login(staff)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Bổ sung số liệu tháng 9." in page
    assert "II. KẾT QUẢ THỰC HIỆN TRỢ GIÚP PHÁP LÝ" in page  # the comment's target named
    form = client.get(reverse("reports:edit", args=[report.pk])).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["results"] += " Đã bổ sung."
    assert client.post(reverse("reports:edit", args=[report.pk]), data).status_code == 302
    client.force_login(director)
    client.post(reverse("reports:sign_off", args=[report.pk]))
    client.post(reverse("reports:send", args=[report.pk]))
    client.force_login(reviewer)
    page = client.get(reverse("reports:version", args=[report.pk, 2])).content.decode()
    assert "Đã bổ sung." in page
    client.post(reverse("reports:accept", args=[report.pk]), {"text": "Đạt yêu cầu."})
    report.refresh_from_db()
    assert (report.status, report.version) == (ReportStatus.ACCEPTED, 2)


def test_drill_down_lists_the_cases_of_a_figure_for_the_centre(
    client, director, staff, professional_office, report
):
    case = make_case(staff, professional_office, accepted=date(2026, 7, 1))
    client.force_login(director)
    url = reverse("reports:drill", args=[report.pk, "b24"])
    page = client.get(url, {"row": "total", "column": "total"}).content.decode()
    assert case.code in page
    assert reverse("cases:case_detail", args=[case.pk]) in page
    assert case.request.full_name not in page


def test_reviewer_sees_no_list_behind_a_small_figure(client, reviewer, staff, director,
                                                     professional_office, report):  # fmt: skip
    case = make_case(staff, professional_office, accepted=date(2026, 7, 1))
    services.sign_off_report(actor=director, report=report)
    services.send_report(actor=staff, report=report)
    client.force_login(reviewer)
    url = reverse("reports:drill", args=[report.pk, "b24"])
    page = client.get(url, {"row": "total", "column": "total"}).content.decode()
    assert "danh sách không hiển thị" in page
    assert case.code not in page


def test_reviewer_sees_codes_but_no_names_behind_a_large_figure(
    client, reviewer, staff, director, professional_office, report
):
    bulk_cases(staff, professional_office, 6, date(2026, 7, 1))
    services.sign_off_report(actor=director, report=report)
    services.send_report(actor=staff, report=report)
    client.force_login(reviewer)
    url = reverse("reports:drill", args=[report.pk, "b24"])
    response = client.get(url, {"row": "total", "column": "total"})
    page = response.content.decode()
    assert len(response.context["page"].object_list) == 6
    assert "Người " not in page  # the bulk names are "Người <n>"
    assert not re.search(r'href="/cases/\d+/"', page)  # no link to a case's page


def test_drill_down_of_an_unknown_figure_is_not_found(client, director, report):
    client.force_login(director)
    url = reverse("reports:drill", args=[report.pk, "b24"])
    assert client.get(url, {"row": "nowhere", "column": "total"}).status_code == 404
    assert client.get(reverse("reports:drill", args=[report.pk, "x"])).status_code == 404


def test_xlsx_has_the_forms_layout(client, director, staff, professional_office, report):
    make_case(staff, professional_office, accepted=date(2026, 7, 1))
    client.force_login(director)
    response = client.get(reverse("reports:export", args=[report.pk]))
    book = load_workbook(BytesIO(response.content))
    ws = book["B24"]
    assert ws["A1"].value.startswith("Đơn vị báo cáo: Trung tâm Trợ giúp pháp lý")
    assert ws["A4"].value.startswith("BIỂU SỐ 24/BTP/TGPL")
    assert ws.page_setup.orientation == "landscape"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A7:A8" in merged  # "Nội dung" over both header rows
    assert any(r.startswith("C7:") or r.startswith("D7:") for r in merged)  # a group header
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "NGƯỜI LẬP BIỂU" in values
    assert "GIÁM ĐỐC" in values
    assert ws["B10"].value == 1  # the total of lượt người


def test_director_dashboard_draws_charts_with_their_tables(client, director):
    client.force_login(director)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "<svg" in page
    assert "<script" not in page.split("</nav>", 1)[-1].split("<footer", 1)[0]
    assert "So sánh với kỳ trước và cùng kỳ năm trước" in page
    assert "Số liệu của biểu đồ" in page
    charts = "".join(re.findall(r"<svg viewBox.*?</svg>", page, re.S))
    # lengths with a decimal point: the Vietnamese "38,0" is no SVG length
    assert re.search(r'<rect x="[0-9.]+" y="[0-9.]+" width="[0-9.]+" height="[0-9.]+"', charts)
    assert not re.search(r'(?:x|y|width|height)="[0-9]+,[0-9]', charts)


def test_doj_dashboard_shows_the_centres_side_by_side(client, reviewer, centre, other_centre):
    client.force_login(reviewer)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert centre.name in page
    assert other_centre.name in page


def test_province_table_sums_the_accepted_reports(client, reviewer, sent_report):
    services.accept_report(actor=reviewer, report=sent_report)
    client.force_login(reviewer)
    response = client.get(reverse("reports:province"),
                          {"kind": "quarterly", "year": 2026, "number": 3})  # fmt: skip
    assert response.status_code == 200
    assert [r.pk for r in response.context["reports"]] == [sent_report.pk]


@pytest.mark.parametrize("size", [100, 1000])
def test_report_page_queries_do_not_grow_with_cases(
    client, director, staff, professional_office, report, size, django_assert_num_queries
):
    bulk_cases(staff, professional_office, size, date(2026, 7, 1))
    client.force_login(director)
    with django_assert_num_queries(28):
        assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 200


@pytest.mark.parametrize("size", [100, 1000])
def test_dashboard_queries_do_not_grow_with_cases(
    client, director, staff, professional_office, size, django_assert_num_queries
):
    bulk_cases(staff, professional_office, size, date(2026, 10, 1))
    client.force_login(director)
    with django_assert_num_queries(19):
        assert client.get(reverse("reports:dashboard")).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_report_list_queries_do_not_grow_with_reports(
    client, staff, centre, size, django_assert_num_queries
):
    for month in range(1, 13)[: min(size, 12)]:
        services.open_report(actor=staff, centre=centre, kind=Kind.MONTHLY, year=2026,
                             number=month)  # fmt: skip
    for year in range(2000, 2000 + max(0, size - 12)):
        Report.objects.create(centre=centre, kind=Kind.OFFICIAL_ANNUAL, year=year,
                              start=date(year, 1, 1), end=date(year, 12, 31),
                              covers_to=date(year, 12, 31), due=date(year + 1, 1, 20),
                              title=f"Năm {year}", prepared_by=staff,
                              created_at="2026-01-01T00:00:00+07:00")  # fmt: skip
    client.force_login(staff)
    with django_assert_num_queries(5):
        response = client.get(reverse("reports:index"))
    assert len(response.context["reports"]) == size
