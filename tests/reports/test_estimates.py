"""Estimates of every figure of a report's estimated part (issue 16.3, TT 03/2019): the
shape and the arithmetic on hand-built tables, the proposals on a hand-built data set,
overwriting, proposing again, and the estimate marked wherever the figures are shown."""

import importlib
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports import selectors, services
from reports.documents import report_document
from reports.figures import Column, Row, Section
from reports.figures.base import SectionSpec
from reports.figures.estimates import Estimate, add_up, children, merged_rows, propose
from reports.models import Report
from reports.rules.periods import Kind
from reports.states import ReportStatus
from tgpl.errors import BusinessRuleError

from .factories import bulk_cases, make_case

ADVICE_CIVIL = "form:advice|field:{}"
COLUMNS = [Column("total", "Tổng số"), Column("carried", "Kỳ trước chuyển qua")]


def table(rows, columns=COLUMNS, key="t"):
    """A section from (key, label, level, cells) rows."""
    rows = [Row(k, label, list(cells), level) for k, label, level, cells in rows]
    return Section(key, "Bảng thử", "Vụ việc", list(columns), rows)


# --- the shape: sums, merged rows, proposals (no database) --------------------------------


def test_a_row_sums_the_rows_directly_under_it():
    rows = [Row("total", "", [0], 0), Row("a", "", [0], 1), Row("a1", "", [2], 2),
            Row("a2", "", [3], 2), Row("b", "", [4], 1), Row("c", "", [0], 1)]  # fmt: skip
    assert children(rows) == {0: [1, 4, 5], 1: [2, 3]}
    add_up(rows)
    assert [r.cells[0] for r in rows] == [9, 5, 2, 3, 4, 0]


def test_a_total_over_deeper_rows_skips_no_level():
    rows = [Row("total", "", [0], 0), Row("k1", "", [1], 2), Row("k2", "", [6], 2)]
    add_up(rows)
    assert rows[0].cells == [7]


def test_rows_only_last_year_had_are_placed_after_the_row_they_followed():
    now = table([("total", "Tổng", 0, [1, 0]), ("f1", "Một", 1, [1, 0])])
    last = table([("total", "Tổng", 0, [3, 0]), ("f1", "Một", 1, [1, 0]),
                  ("f0", "Không", 1, [1, 0]), ("f2", "Hai", 1, [1, 0])])  # fmt: skip
    assert [k for k, _, _ in merged_rows(now, last)] == ["total", "f1", "f0", "f2"]


def test_each_entered_cell_is_proposed_pro_rata_and_the_total_is_their_sum():
    spec = SectionSpec("t", "Bảng thử", 1, build=lambda s: None, stock=frozenset({"carried"}))
    now = table([("total", "", 0, [4, 9]), ("a", "", 1, [4, 9]), ("b", "", 1, [0, 0])])
    part = table([("total", "", 0, [2, 5]), ("a", "", 1, [2, 5]), ("b", "", 1, [0, 0])])
    full = table([("total", "", 0, [5, 5]), ("a", "", 1, [3, 5]), ("b", "", 1, [2, 0])])
    estimate = propose(spec, now, part, full, start=date(2026, 6, 1), end=date(2026, 6, 30))
    section = estimate.section
    assert [c.key for c in section.columns] == ["total"]  # a stock column is not estimated
    # a: last year's June 1, this year twice last year's span -> 2; b: none last year to
    # 31/05, so last year's June as it was -> 2; the total is their sum, not 3 x 4/2 = 6
    assert [(r.key, r.cells) for r in section.rows] == [("total", [4]), ("a", [2]), ("b", [2])]
    assert section.title == "Bảng thử: ước tính từ 01/06/2026 đến 30/06/2026"
    assert not section.drill
    assert estimate.leaves == {1, 2}


def test_overwriting_sets_entered_cells_and_adds_up_and_refuses_a_sum():
    estimate = Estimate(
        table([("total", "", 0, [4, 0]), ("a", "", 1, [2, 0]), ("b", "", 1, [2, 0])]),
        [[4, 0], [2, 0], [2, 0]],
    )
    assert estimate.overwrite({("total", "total"): 10}) == [("total", "total")]
    assert estimate.cell("total", "total") == 4  # nothing changed
    assert estimate.overwrite({("a", "total"): 7, ("x", "total"): 1}) == [("x", "total")]
    assert estimate.overwrite({("a", "total"): 7}) == []
    assert (estimate.cell("a", "total"), estimate.cell("total", "total")) == (7, 9)
    assert estimate.is_overwritten(1, 0)
    assert not estimate.is_overwritten(2, 0)


def test_proposing_again_keeps_what_was_overwritten():
    old = Estimate(table([("total", "", 0, [9, 0]), ("a", "", 1, [7, 0]), ("b", "", 1, [2, 0])]),
                   [[4, 0], [2, 0], [2, 0]])  # fmt: skip
    fresh = Estimate(table([("total", "", 0, [8, 1]), ("a", "", 1, [3, 1]), ("b", "", 1, [5, 0])]),
                     [[8, 1], [3, 1], [5, 0]])  # fmt: skip
    merged = old.proposed_again(fresh)
    assert [r.cells for r in merged.section.rows] == [[12, 1], [7, 1], [5, 0]]
    assert merged.proposed == fresh.proposed


# --- proposals on a hand-built data set ---------------------------------------------------


@pytest.fixture
def six_month(db, staff, centre, professional_office):
    """2025: two civil advice cases to 31/05, one more in June; two criminal litigation
    cases of men in June only. 2026: four civil advice cases to 31/05."""
    for day in (date(2025, 3, 1), date(2025, 4, 1), date(2025, 6, 10)):
        make_case(staff, professional_office, accepted=day)
    for day in (date(2025, 6, 11), date(2025, 6, 12)):
        make_case(staff, professional_office, accepted=day, form="litigation", field="hinh_su",
                  sex="male")  # fmt: skip
    for month in (1, 2, 3, 4):
        make_case(staff, professional_office, accepted=date(2026, month, 5))
    return services.open_report(actor=staff, centre=centre, kind=Kind.SIX_MONTH, year=2026)


def _field_row(code: str) -> str:
    from tests.cases.factories import legal_field

    return f"form:{'litigation' if code == 'hinh_su' else 'advice'}|field:{legal_field(code).pk}"


def test_every_figure_of_the_estimated_part_is_proposed(six_month):
    estimates = selectors.report_estimates(six_month)
    assert set(estimates) == {
        "b24", "b25", "refused", "limits", "appraisal", "successful",
        "outreach", "outreach_communes", "materials", "trainings",
    }  # fmt: skip
    b24 = estimates["b24"]
    civil, criminal = _field_row("dan_su"), _field_row("hinh_su")
    assert b24.cell(civil, "total") == 2  # last June's 1, twice as many cases this year
    assert b24.cell(civil, "sex:female") == 2
    assert b24.cell(criminal, "total") == 2  # only last year had the row: kept as it was
    assert b24.cell(criminal, "sex:male") == 2
    assert b24.cell("form:advice", "total") == 2
    assert b24.cell("form:litigation", "total") == 2
    assert b24.cell("total", "total") == 4
    b25 = estimates["b25"]
    assert [c.key for c in b25.section.columns if c.key in ("carried", "open_end")] == []
    assert b25.cell(civil, "new") == 2
    assert b25.section.title.endswith("ước tính từ 01/06/2026 đến 30/06/2026")


def test_a_quarter_has_no_estimates(staff, centre):
    report = services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                  number=3)  # fmt: skip
    assert report.estimates == {}
    with pytest.raises(BusinessRuleError, match="không có phần số liệu ước tính"):
        services.save_estimates(actor=staff, report=report, section="b24", values={})


def test_the_centre_overwrites_a_figure_and_the_sums_follow(six_month, staff, director):
    services.sign_off_report(actor=director, report=six_month)
    civil = _field_row("dan_su")
    report = services.save_estimates(actor=staff, report=six_month, section="b24",
                                     values={(civil, "total"): 5})  # fmt: skip
    b24 = selectors.report_estimates(report)["b24"]
    assert (b24.cell(civil, "total"), b24.cell("form:advice", "total")) == (5, 5)
    assert b24.cell("total", "total") == 7
    assert report.signed_off_by is None  # the director signed the figures as they were


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({("total", "total"): 3}, "chỉ sửa các dòng chi tiết"),
        ({("form:advice", "nope"): 3}, "Không sửa được"),
    ],
)
def test_a_sum_or_an_unknown_cell_is_not_entered(six_month, staff, values, message):
    with pytest.raises(BusinessRuleError, match=message):
        services.save_estimates(actor=staff, report=six_month, section="b24", values=values)
    six_month.refresh_from_db()
    assert selectors.report_estimates(six_month)["b24"].cell("total", "total") == 4


def test_a_negative_estimate_is_refused(six_month, staff):
    with pytest.raises(BusinessRuleError, match="không âm"):
        services.save_estimates(actor=staff, report=six_month, section="b24",
                                values={(_field_row("dan_su"), "total"): -1})  # fmt: skip


@pytest.mark.parametrize("persona", ["officer", "reviewer", "other_centre_staff"])
def test_only_the_centres_preparers_change_estimates(request, six_month, persona):
    with pytest.raises(BusinessRuleError):
        services.save_estimates(actor=request.getfixturevalue(persona), report=six_month,
                                section="b24", values={})  # fmt: skip


def test_proposing_again_takes_late_data_and_keeps_overwrites(
    six_month, staff, professional_office
):
    civil = _field_row("dan_su")
    services.save_estimates(actor=staff, report=six_month, section="b24",
                            values={(civil, "sex:female"): 9})  # fmt: skip
    make_case(staff, professional_office, accepted=date(2026, 5, 20))  # entered late
    report = services.propose_estimates_again(actor=staff, report=six_month)
    b24 = selectors.report_estimates(report)["b24"]
    assert b24.cell(civil, "total") == 3  # 1 x 5/2, rounded half up
    assert b24.cell(civil, "sex:female") == 9


def test_estimates_are_frozen_when_sent_and_their_changes_shown(
    six_month, staff, director, reviewer
):
    services.sign_off_report(actor=director, report=six_month)
    services.send_report(actor=staff, report=six_month)
    services.return_report(actor=reviewer, report=six_month, text="Xem lại ước tính.")
    civil = _field_row("dan_su")
    services.save_estimates(actor=staff, report=six_month, section="b24",
                            values={(civil, "total"): 6})  # fmt: skip
    services.sign_off_report(actor=director, report=six_month)
    report = services.send_report(actor=staff, report=six_month)
    _, _, changes, _ = selectors.version_changes(report, 2)
    changed = [(c.section, c.row, c.column, c.before, c.after) for c in changes]
    assert ("Biểu số 24/BTP/TGPL: Số lượt người đã được trợ giúp pháp lý: ước tính từ "
            "01/06/2026 đến 30/06/2026", "Tổng số", "Tổng số", 4, 8) in changed  # fmt: skip
    assert report.versions.get(number=1).estimates["b24"]["section"]["rows"][0][3][0] == 4


def test_the_province_sums_the_centres_estimates(
    six_month, staff, director, reviewer, other_centre
):
    from tests.factories import DepartmentFactory, UserFactory
    from tgpl.roles import Role

    other_director = UserFactory(centre=other_centre, roles=[Role.DIRECTOR])
    other_dept = DepartmentFactory(centre=other_centre)
    for day in (date(2025, 2, 1), date(2025, 6, 2), date(2026, 2, 1)):
        make_case(other_director, other_dept, accepted=day)
    other = services.open_report(actor=other_director, centre=other_centre,
                                 kind=Kind.SIX_MONTH, year=2026)  # fmt: skip
    for report, by in ((six_month, staff), (other, other_director)):
        services.sign_off_report(actor=director if by == staff else other_director, report=report)
        services.accept_report(actor=reviewer, report=services.send_report(actor=by, report=report))
    _, _, estimates = selectors.consolidated(reviewer, Kind.SIX_MONTH, 2026, 1)
    assert estimates["b24"].cell("total", "total") == 4 + 1


# --- marked wherever shown ----------------------------------------------------------------


def test_the_report_page_shows_each_estimate_marked(client, six_month, staff):
    services.save_report(actor=staff, report=six_month, narrative={
        "next": "Cả kỳ ước đạt {b24.total.total.with_estimate} lượt người; "
                "riêng tháng 6 ước {b24.total.total.estimate}.",
    })  # fmt: skip
    client.force_login(staff)
    page = client.get(reverse("reports:detail", args=[six_month.pk])).content.decode()
    assert 'id="estimate-b24"' in page
    assert "ước tính từ 01/06/2026 đến 30/06/2026" in page
    assert ">4*</td>" in page  # the estimated total, marked
    assert "Cả kỳ ước đạt 8 (gồm 4 ước tính) lượt người; riêng tháng 6 ước 4 (ước tính)." in page


def test_the_workbook_and_the_document_carry_the_estimates(client, six_month, director):
    client.force_login(director)
    book = load_workbook(BytesIO(client.get(reverse("reports:export",
                                                    args=[six_month.pk])).content))  # fmt: skip
    ws = book["B24"]
    values = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
    title = "BIỂU SỐ 24/BTP/TGPL: SỐ LƯỢT NGƯỜI ĐÃ ĐƯỢC TRỢ GIÚP PHÁP LÝ: ƯỚC TÍNH"
    heading = next(k for k, v in values.items() if str(v).startswith(title))
    total_row = ws[heading].row + 4  # two header rows and the column numbers, then the total
    assert ws.cell(row=total_row, column=2).value == 4
    assert ws.cell(row=total_row, column=2).number_format == '#,##0"*"'
    document = report_document(six_month)
    b24_annex = document.annexes[0]
    estimate_table = b24_annex.blocks[1]
    assert estimate_table.title.endswith("ước tính từ 01/06/2026 đến 30/06/2026")
    assert estimate_table.rows[0][1].text == "4*"
    assert estimate_table.note.startswith("(*) Số liệu ước tính")


# --- the estimate page --------------------------------------------------------------------


def test_the_estimate_page_enters_the_detail_rows_only(client, six_month, staff):
    client.force_login(staff)
    page = client.get(reverse("reports:estimate", args=[six_month.pk, "b24"])).content.decode()
    civil = _field_row("dan_su")
    assert f'name="c~{civil}~total"' in page
    assert 'name="c~total~total"' not in page  # a sum, shown but not entered


def test_a_wrong_figure_keeps_what_was_typed_and_changes_nothing(client, six_month, staff):
    client.force_login(staff)
    civil = _field_row("dan_su")
    url = reverse("reports:estimate", args=[six_month.pk, "b24"])
    response = client.post(url, {f"c~{civil}~total": "7", f"c~{civil}~sex:female": "-2"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="7"' in page
    assert 'value="-2"' in page
    six_month.refresh_from_db()
    assert selectors.report_estimates(six_month)["b24"].cell(civil, "total") == 2


def test_saving_the_estimate_page_stores_every_cell(client, six_month, staff):
    client.force_login(staff)
    url = reverse("reports:estimate", args=[six_month.pk, "b24"])
    form = client.get(url).context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    data[f"c~{_field_row('dan_su')}~total"] = 11
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].endswith("#estimate-b24")
    six_month.refresh_from_db()
    assert selectors.report_estimates(six_month)["b24"].cell("total", "total") == 13


@pytest.mark.parametrize("persona", ["officer", "reviewer"])
def test_the_estimate_page_is_for_the_centres_preparers(client, request, six_month, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("reports:estimate", args=[six_month.pk, "b24"]))
    assert response.status_code in (403, 404)


def test_proposing_again_is_a_post(client, six_month, staff):
    client.force_login(staff)
    url = reverse("reports:propose_estimates", args=[six_month.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302


@pytest.mark.parametrize("size", [100, 1000])
def test_the_estimate_page_and_the_report_page_do_not_grow_with_cases(
    client, six_month, staff, professional_office, size, django_assert_num_queries
):
    bulk_cases(staff, professional_office, size, date(2026, 3, 1))
    client.force_login(staff)
    page = reverse("reports:estimate", args=[six_month.pk, "b24"])
    with django_assert_num_queries(5):
        assert client.get(page).status_code == 200
    with django_assert_num_queries(28):
        assert client.get(reverse("reports:detail", args=[six_month.pk])).status_code == 200


# --- what was stored before every figure was estimated ------------------------------------


def test_the_totals_stored_before_become_a_one_row_estimate(six_month):
    migration = importlib.import_module("reports.migrations.0003_estimates_of_every_figure")
    Report.objects.filter(pk=six_month.pk).update(estimates={
        "b25": {"all": {"proposed": 2, "value": 3}, "carried": {"proposed": 0, "value": 0},
                "new": {"proposed": 2, "value": 3}},
    })  # fmt: skip
    from django.apps import apps

    migration.forwards(apps, None)
    six_month.refresh_from_db()
    b25 = selectors.report_estimates(six_month)["b25"]
    assert [c.key for c in b25.section.columns] == ["all", "new"]
    assert b25.cell("total", "new") == 3
    assert b25.proposed == [[2, 2]]
    assert b25.section.title.endswith("ước tính từ 01/06/2026 đến 30/06/2026")
    assert six_month.status == ReportStatus.DRAFT


def test_a_row_only_last_year_had_is_kept_only_when_something_is_expected():
    spec = SectionSpec("t", "Bảng thử", 1, build=lambda s: None)
    now = table([("total", "", 0, [1, 0]), ("a", "", 1, [1, 0])])
    part = table([("total", "", 0, [2, 0]), ("a", "", 1, [1, 0]), ("old", "", 1, [1, 0])])
    full = table([("total", "", 0, [4, 0]), ("a", "", 1, [2, 0]), ("old", "", 1, [1, 0]),
                  ("june", "", 1, [1, 0])])  # fmt: skip
    estimate = propose(spec, now, part, full, start=date(2026, 6, 1), end=date(2026, 6, 30))
    assert [r.key for r in estimate.section.rows] == ["total", "a", "june"]
