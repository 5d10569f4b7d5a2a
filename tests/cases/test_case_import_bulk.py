"""The old Sổ thụ lý imported in bulk (issue 18.7): each record keeps its history (who,
why, its categories), the queries do not grow with the rows, all or nothing as before."""

import pytest
import tablib

from cases.models import Case, LegalAidRequest
from cases.resources import import_cases

from .test_case_import import HEADER, register_row

pytestmark = pytest.mark.django_db


def dataset(count: int, **overrides) -> tablib.Dataset:
    data = tablib.Dataset(headers=HEADER)
    for i in range(count):
        data.append(register_row(**{"Số thụ lý": 10 + i, "Mã vụ việc": f"TT.TV.{10 + i}.2024",
                                    "Số CCCD": "", "Họ và tên": f"Người Thứ {i}",
                                    "Diện": "2", **overrides}))  # fmt: skip
    return data


def test_every_imported_record_has_its_history(staff, professional_office):
    outcome = import_cases(actor=staff, dataset=dataset(3))
    assert (outcome.count, outcome.errors) == (3, [])
    for case in Case.objects.select_related("request"):
        [record] = case.history.all()
        assert record.history_type == "+"
        assert record.history_user == staff
        number = f"{case.register_number:02d}/2024"
        assert record.history_change_reason == (
            f"Nhập từ sổ thụ lý cũ: số {number}, mã {case.code}"
        )
        # the request: created, then linked to its categories, as set_related records it
        created, linked = case.request.history.order_by("history_id")
        assert (created.history_type, linked.history_type) == ("+", "~")
        assert linked.history_user == staff
        assert [c.eligibilitycategory.code for c in linked.categories.all()] == ["2"]
        assert [c.code for c in case.request.categories.all()] == ["2"]


def test_a_row_error_still_saves_nothing(staff, professional_office):
    data = dataset(3)
    data.append(register_row(**{"Số thụ lý": 99, "Mã vụ việc": "TT.TV.10.2024"}))  # code again
    outcome = import_cases(actor=staff, dataset=data)
    assert outcome.errors == [(5, "Mã vụ việc “TT.TV.10.2024” đã có.")]
    assert outcome.count == 0
    assert not LegalAidRequest.objects.exists()


@pytest.mark.parametrize("rows", [2, 8])
def test_the_import_makes_a_fixed_number_of_queries(
    staff, professional_office, rows, django_assert_num_queries
):
    data = dataset(rows)
    # roles, catalogues, departments, serials and codes taken, known people, the
    # requests, links, their history, cases, history, the book's counter, savepoints,
    # the performers' open-case counts and the cases' due moments
    with django_assert_num_queries(28):
        outcome = import_cases(actor=staff, dataset=data, confirmed=True)
    assert outcome.count == rows
