"""Forms and materials the Centre supplies to procedural bodies and detention facilities,
with a record of what was handed to which agency (TTLT 10/2018 Điều 3.2; issue 17)."""

from datetime import date

import pytest
from django.urls import reverse

from cases.models import FormHandover
from cases.services import rosters as svc
from tests.factories import AgencyFactory
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency


@pytest.fixture
def detention(db):
    return AgencyFactory(kind=Agency.Kind.DETENTION, name="Nhà tạm giữ Công an huyện Hà Quảng")


def test_a_handover_is_recorded_for_a_procedural_body(staff, detention):
    h = svc.record_handover(
        actor=staff, agency=detention, item="ttlt_03", quantity=20,
        handed_on=date(2026, 11, 18), received_by="Thượng úy Nông Văn Tám",
    )  # fmt: skip
    assert h.get_item_display() == "Thông báo về TGPL (Mẫu 03 TTLT 10/2018)"
    assert h.history.count() == 1


def test_a_handover_to_another_kind_of_body_or_of_nothing_is_refused(staff, detention):
    doj = AgencyFactory(kind=Agency.Kind.DOJ)
    with pytest.raises(BusinessRuleError, match="cơ sở giam giữ"):
        svc.record_handover(actor=staff, agency=doj, item="leaflet", quantity=1,
                            handed_on=date(2026, 11, 18))  # fmt: skip
    with pytest.raises(BusinessRuleError, match="ít nhất"):
        svc.record_handover(actor=staff, agency=detention, item="leaflet", quantity=0,
                            handed_on=date(2026, 11, 18))  # fmt: skip


def test_a_lawyer_cannot_record_a_handover(lawyer, detention):
    with pytest.raises(BusinessRuleError):
        svc.record_handover(actor=lawyer, agency=detention, item="leaflet", quantity=1,
                            handed_on=date(2026, 11, 18))  # fmt: skip


def test_handover_page(client, login, staff, lawyer, reviewer, detention):
    url = reverse("cases:handovers")
    assert client.get(url).status_code == 302
    assert login(reviewer).get(url).status_code == 403
    assert login(lawyer).get(url).status_code == 200
    assert login(lawyer).post(url, {}).status_code == 403
    response = login(staff).post(
        url,
        {"agency": detention.pk, "item": "form_02", "quantity": 50, "handed_on": "18/11/2026",
         "received_by": ""},
    )  # fmt: skip
    assert response.status_code == 302
    assert FormHandover.objects.get().quantity == 50


@pytest.mark.parametrize("rows", [1, 5])
def test_handover_page_query_count_is_pinned(
    login, staff, detention, rows, django_assert_num_queries
):
    for _ in range(rows):
        svc.record_handover(actor=staff, agency=detention, item="leaflet", quantity=1,
                            handed_on=date(2026, 11, 18))  # fmt: skip
    client = login(staff)
    with django_assert_num_queries(6):
        assert client.get(reverse("cases:handovers")).status_code == 200
