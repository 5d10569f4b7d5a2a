"""The hand-over spreadsheet to the national software: the period's new and ended cases,
columns as the administrator maps them, value lists translated, constant queries."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.states import CaseStatus, Form, Outcome
from reports import services
from reports.handover import FIELDS, handover_dataset
from reports.models import HANDOVER_FIELDS, HandoverColumn
from reports.rules.periods import Kind

from .factories import bulk_cases, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(staff, centre):
    return services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                number=3)  # fmt: skip


def test_every_field_an_administrator_may_choose_has_its_value():
    assert [k for k, _ in HANDOVER_FIELDS] == list(FIELDS)


def test_new_and_ended_cases_of_the_period_with_the_default_columns(
    report, staff, professional_office
):
    new = make_case(staff, professional_office, accepted=date(2026, 7, 1))
    ended = make_case(
        staff, professional_office, accepted=date(2026, 5, 1),
        status=CaseStatus.CLOSED, ended=date(2026, 7, 5), outcome=Outcome.DONE,
    )  # fmt: skip
    make_case(staff, professional_office, accepted=date(2026, 5, 2))  # carried, still open: no
    data = handover_dataset(report)
    assert data.headers[0] == "Mã vụ việc"
    assert [row[0] for row in data] == [ended.code, new.code]


def test_the_administrators_mapping_orders_titles_and_translates_values(
    report, staff, professional_office
):
    make_case(staff, professional_office, accepted=date(2026, 7, 1), form=Form.LITIGATION)
    HandoverColumn.objects.create(position=2, field="form", title="HinhThuc",
                                  values={"litigation": "1", "advice": "2"})  # fmt: skip
    HandoverColumn.objects.create(position=1, field="code", title="MaVuViec")
    HandoverColumn.objects.create(position=3, field="sex", title="GioiTinh", is_active=False)
    data = handover_dataset(report)
    assert data.headers == ["MaVuViec", "HinhThuc"]
    assert data[0][1] == "1"


def test_the_centre_downloads_it(client, report, director, staff, professional_office):
    make_case(staff, professional_office, accepted=date(2026, 7, 1))
    client.force_login(director)
    response = client.get(reverse("reports:handover", args=[report.pk]))
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2


@pytest.mark.parametrize(("persona", "status"), [("officer", 404), ("reviewer", 404),
                                                 ("head", 200)])  # fmt: skip
def test_only_the_centres_preparers_download_it(request, client, report, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("reports:handover", args=[report.pk])).status_code == status


@pytest.mark.parametrize("size", [100, 1000])
def test_constant_queries(report, staff, professional_office, size, django_assert_num_queries):
    bulk_cases(staff, professional_office, size, date(2026, 7, 1))
    with django_assert_num_queries(3):
        assert len(handover_dataset(report)) == size
