"""The cells of a long list's rows: a row's link and a choice's label, written as
Django's `{% url %}` and get_<field>_display write them (issue 18.5)."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone

from cases import selectors, selectors_rows, services
from cases.models import Case, LegalAidRequest
from cases.states import CaseStatus, Form, RequestStatus
from tgpl.templatetags.tgpl import (
    _remembered,
    choice_label,
    label_of,
    list_rows,
    pk_url,
)


@pytest.mark.parametrize("name", ["cases:case_detail", "cases:request_detail", "plans:detail"])
@pytest.mark.parametrize("pk", [1, 42, 1234567])
def test_a_row_link_is_the_reversed_url(name, pk):
    assert pk_url(pk, name) == reverse(name, args=[pk])


def test_a_row_link_follows_the_script_prefix():
    from django.urls import set_script_prefix

    set_script_prefix("/tgpl/")
    try:
        assert pk_url(7, "cases:case_detail") == reverse("cases:case_detail", args=[7])
        assert pk_url(7, "cases:case_detail").startswith("/tgpl/")
    finally:
        set_script_prefix("/")
    assert pk_url(7, "cases:case_detail") == reverse("cases:case_detail", args=[7])


def test_a_url_without_one_integer_argument_is_refused():
    with pytest.raises(ImproperlyConfigured):
        pk_url(7, "cases:case_list")


def test_a_row_link_in_a_template_is_escaped_like_any_value():
    html = Template("<a href=\"{{ pk|pk_url:'cases:case_detail' }}\">").render(Context({"pk": 5}))
    assert html == f'<a href="{reverse("cases:case_detail", args=[5])}">'


@pytest.mark.parametrize("status", [value for value, _ in CaseStatus.choices])
def test_the_label_of_every_case_status_is_djangos(status):
    case = Case(status=status)
    assert choice_label(case, "status") == case.get_status_display()


@pytest.mark.parametrize("status", [value for value, _ in RequestStatus.choices])
def test_the_label_of_every_request_status_is_djangos(status):
    request = LegalAidRequest(status=status)
    assert choice_label(request, "status") == request.get_status_display()


def test_a_value_outside_the_choices_is_printed_as_it_is():
    case = Case(status="lost")
    assert choice_label(case, "status") == case.get_status_display() == "lost"


def test_the_label_of_a_form_in_a_template():
    case = Case(form=Case._meta.get_field("form").choices[0][0])
    html = Template("{{ c|choice_label:'form' }}").render(Context({"c": case}))
    assert html == case.get_form_display()


@pytest.mark.parametrize(
    ("model", "name"),
    [(Case, "status"), (Case, "form"), (LegalAidRequest, "status"), (LegalAidRequest, "form")],
)
def test_the_label_of_a_plain_value_is_the_label_of_the_instance(model, name):
    """A list's row of values() has no instance: label_of prints what choice_label prints."""
    path = f"{model._meta.label}.{name}"
    for value, _ in model._meta.get_field(name).choices:
        assert label_of(value, path) == choice_label(model(**{name: value}), name)
    assert label_of("lost", path) == "lost"


def test_the_label_of_a_plain_value_in_a_template():
    html = Template('{{ row.status|label_of:"cases.Case.status" }}').render(
        Context({"row": {"status": CaseStatus.CLOSED}})
    )
    assert html == Case(status=CaseStatus.CLOSED).get_status_display()


# --- a long list's rows, printed once for the same values -------------------------------

ROW = "cases/_case_row.html"


def _fresh(row: dict, **flags) -> str:
    """The row's partial printed by Django, without the memo."""
    return get_template(ROW).render({"row": row, **flags})


def _row(**changes):
    row = {
        "pk": 7,
        "code": "TT.TGTT.07.2026",
        "accepted_at": datetime(2026, 3, 31, 18, 30, tzinfo=UTC),  # 01/04 in Hà Nội
        "form": Form.LITIGATION,
        "status": CaseStatus.IN_PROGRESS,
        "department_name": "Phòng Nghiệp vụ",
        "performer_name": "Lăng Thị Mai",
        "legal_field_name": "Pháp luật hình sự",
        "full_name": "Lục Văn <Kín>",
        "identity_number": "020199000777",
    }
    return {**row, **changes}


def test_a_remembered_row_is_the_row_printed_afresh():
    for personal in (True, False):
        printed = _fresh(_row(), personal=personal)
        assert list_rows(ROW, [_row()], personal=personal) == printed
        assert list_rows(ROW, [_row()], personal=personal) == printed  # from the memo
    assert "Lục Văn &lt;Kín&gt;" in list_rows(ROW, [_row()], personal=True)
    assert "*********777" in list_rows(ROW, [_row()], personal=True)
    assert "Lục Văn" not in list_rows(ROW, [_row()], personal=False)
    assert 'href="/cases/7/"' in list_rows(ROW, [_row()], personal=False)


def test_the_rows_of_a_page_are_printed_in_their_order():
    first, second = _row(), _row(pk=8, code="TT.TGTT.08.2026")
    printed = list_rows(ROW, [first, second], personal=False)
    assert printed == (_fresh(first, personal=False) + _fresh(second, personal=False))
    assert printed.index("TT.TGTT.07.2026") < printed.index("TT.TGTT.08.2026")
    assert list_rows(ROW, [], personal=False) == ""


def test_a_changed_value_is_another_row():
    before = list_rows(ROW, [_row()], personal=True)
    after = list_rows(ROW, [_row(performer_name="Chu Văn Đức")], personal=True)
    assert "Lăng Thị Mai" in before
    assert "Chu Văn Đức" in after
    assert "Lăng Thị Mai" not in after


def test_a_remembered_row_follows_the_time_zone():
    assert "01/04/2026" in list_rows(ROW, [_row()], personal=False)
    with timezone.override("UTC"):
        assert "31/03/2026" in list_rows(ROW, [_row()], personal=False)
    assert "01/04/2026" in list_rows(ROW, [_row()], personal=False)


def test_debug_prints_every_row_afresh(settings):
    settings.DEBUG = True
    _remembered.cache_clear()
    list_rows(ROW, [_row()], personal=True)
    assert _remembered.cache_info().currsize == 0


@pytest.mark.django_db
def test_the_list_page_prints_its_rows_as_the_partial_does(
    login, director, staff, professional_office
):
    """The page's row is the partial's output for the row the selector reads."""
    from tests.cases.factories import receive

    req = receive(staff, full_name="Nông Thị Hàng")
    services.accept_request(actor=staff, request=req, department=professional_office)
    page = login(director).get(reverse("cases:case_list")).content.decode()
    f = selectors.Filters()
    (row,) = selectors_rows.case_rows(director, selectors.case_list(director, f))
    assert _fresh(row, personal=True) in page
    assert "Nông Thị Hàng" in page
