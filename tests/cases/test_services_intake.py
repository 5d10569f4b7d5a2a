"""Reception and decision on a request: every transition and every refusal path."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cases import services
from cases.models import Case, LegalAidRequest
from cases.states import CaseStatus, Channel, Form, ImmediateGround, RefusalGround, RequestStatus
from tests.factories import AgencyFactory
from tgpl.errors import BusinessRuleError

from .factories import category, proof, receive

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_receiving_records_who_when_and_history(staff):
    req = receive(staff)
    assert req.status == RequestStatus.RECEIVED
    assert req.received_by == staff
    assert req.centre == staff.centre
    record = req.history.latest()
    assert record.history_user == staff
    assert record.history_change_reason == "Tiếp nhận yêu cầu"
    assert "hoang thi bich ngoc" in req.search_key


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "reviewer", "administrator"])
def test_only_reception_roles_receive_requests(persona, request):
    user = request.getfixturevalue(persona)
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        receive(user)


def test_receiving_requires_a_category(staff):
    with pytest.raises(BusinessRuleError, match="ít nhất một diện") as exc:
        receive(staff, categories=())
    assert exc.value.field == "categories"


def test_identity_number_must_have_twelve_digits(staff):
    with pytest.raises(BusinessRuleError, match="12 chữ số") as exc:
        receive(staff, identity_number="12345")
    assert exc.value.field == "identity_number"


def test_authority_notice_needs_agency_and_time(staff):
    with pytest.raises(BusinessRuleError, match="cơ quan và thời điểm"):
        receive(staff, channel=Channel.AUTHORITY_NOTICE)
    police = AgencyFactory(kind="police", name="Công an tỉnh Lạng Sơn")
    req = receive(
        staff, channel=Channel.AUTHORITY_NOTICE, notifying_agency=police, notified_at=timezone.now()
    )
    assert req.notifying_agency == police


def test_requester_other_than_aided_person_needs_a_name(staff):
    with pytest.raises(BusinessRuleError, match="người yêu cầu"):
        receive(staff, requester_is_aided=False)
    req = receive(
        staff, requester_is_aided=False, requester_name="Hoàng Văn A", requester_relation="Con"
    )
    assert req.requester_relation == "Con"


def test_received_time_cannot_be_in_the_future(staff):
    with pytest.raises(BusinessRuleError, match="tương lai"):
        receive(staff, received_at=timezone.now() + timedelta(days=1))


def test_missing_proof_is_due_in_five_working_days(staff, travel_to):
    travel_to("before_culture_day_2026")  # Friday 20/11; 24/11 is Ngày Văn hóa Việt Nam
    req = receive(staff, proofs=())
    services.request_missing_proof(actor=staff, request=req, note="Giấy chứng nhận hộ nghèo")
    req.refresh_from_db()
    assert req.status == RequestStatus.AWAITING_PROOF
    assert timezone.localtime(req.proof_due_at).date() == date(2026, 11, 30)


def test_missing_proof_in_a_disadvantaged_area_is_due_in_ten_working_days(staff, travel_to):
    travel_to("before_culture_day_2026")
    req = receive(staff, proofs=(), disadvantaged_area=True)
    services.request_missing_proof(actor=staff, request=req, note="Giấy chứng nhận hộ nghèo")
    req.refresh_from_db()
    assert timezone.localtime(req.proof_due_at).date() == date(2026, 12, 7)


def test_missing_proof_request_names_the_documents(staff):
    req = receive(staff, proofs=())
    with pytest.raises(BusinessRuleError, match="Ghi rõ giấy tờ"):
        services.request_missing_proof(actor=staff, request=req, note=" ")


def test_recording_the_proof_brings_the_request_back_for_decision(staff):
    req = receive(staff, proofs=())
    services.request_missing_proof(actor=staff, request=req, note="Hộ nghèo")
    services.record_proof(actor=staff, request=req, proofs=[proof("ho_ngheo")])
    req.refresh_from_db()
    assert req.status == RequestStatus.RECEIVED
    assert list(req.proofs.values_list("code", flat=True)) == ["ho_ngheo"]


def test_acceptance_enters_the_register_with_the_case_code(staff, professional_office):
    year = timezone.localdate().year
    first = services.accept_request(
        actor=staff, request=receive(staff), department=professional_office
    )
    second = services.accept_request(
        actor=staff, request=receive(staff, form=Form.LITIGATION), department=professional_office
    )
    assert (first.register_number, first.code) == (1, f"TT.TV.01.{year}")
    assert (second.register_number, second.code) == (2, f"TT.TGTT.02.{year}")
    assert first.status == CaseStatus.AWAITING_ASSIGNMENT
    req = LegalAidRequest.objects.get(pk=first.request_id)
    assert req.status == RequestStatus.ACCEPTED
    assert req.decided_by == staff
    assert f"tt.tv.01.{year}" in req.search_key


def test_a_branch_keeps_its_own_register(staff, professional_office, branch):
    year = timezone.localdate().year
    services.accept_request(actor=staff, request=receive(staff), department=professional_office)
    at_branch = services.accept_request(
        actor=staff, request=receive(staff, form=Form.LITIGATION), department=branch
    )
    assert at_branch.code == f"CN1.TGTT.01.{year}"
    assert at_branch.register_book == "CN1"


def test_acceptance_is_refused_while_proof_is_missing(staff, professional_office):
    req = receive(staff, categories=("7d",), proofs=("khuyet_tat",))
    with pytest.raises(BusinessRuleError, match=r"Chưa đủ giấy tờ chứng minh: 7d: .*hộ cận nghèo"):
        services.accept_request(actor=staff, request=req, department=professional_office)
    assert not Case.objects.exists()


def test_a_category_retired_before_the_request_date_is_not_eligible(staff, professional_office):
    req = receive(
        staff,
        categories=("7g",),
        proofs=("ho_can_ngheo", "mua_ban_nguoi"),
        received_at=datetime(2025, 7, 2, 9, tzinfo=VN),
    )
    with pytest.raises(BusinessRuleError, match="không thuộc diện"):
        services.accept_request(actor=staff, request=req, department=professional_office)


def test_a_retired_category_still_counts_for_requests_received_before(staff, professional_office):
    req = receive(
        staff,
        categories=("7g",),
        proofs=("ho_can_ngheo", "mua_ban_nguoi"),
        received_at=datetime(2025, 6, 30, 9, tzinfo=VN),
    )
    case = services.accept_request(actor=staff, request=req, department=professional_office)
    assert case.status == CaseStatus.AWAITING_ASSIGNMENT


def test_trafficking_victims_qualify_without_hardship_since_july_2025(staff, professional_office):
    req = receive(staff, categories=("6a",), proofs=("mua_ban_nguoi",))
    assert services.accept_request(actor=staff, request=req, department=professional_office)


def test_immediate_acceptance_for_an_authority_notice_runs_the_proof_limit(
    staff, professional_office
):
    police = AgencyFactory(kind="police", name="Công an tỉnh Lạng Sơn")
    req = receive(
        staff,
        proofs=(),
        form=Form.LITIGATION,
        detained=True,
        channel=Channel.AUTHORITY_NOTICE,
        notifying_agency=police,
        notified_at=timezone.now(),
    )
    case = services.accept_request(
        actor=staff,
        request=req,
        department=professional_office,
        immediate_ground=ImmediateGround.AUTHORITY,
    )
    assert case.immediate_ground == "c"
    assert case.proof_due_at is not None


def test_immediate_acceptance_ground_c_needs_an_authority_notice(staff, professional_office):
    req = receive(staff, proofs=())
    with pytest.raises(BusinessRuleError, match="điểm c"):
        services.accept_request(
            actor=staff, request=req, department=professional_office, immediate_ground="c"
        )


def test_immediate_acceptance_ground_b_needs_a_trial_within_five_working_days(
    staff, professional_office
):
    far = receive(staff, proofs=(), trial_on=timezone.localdate() + timedelta(days=30))
    with pytest.raises(BusinessRuleError, match="điểm b"):
        services.accept_request(
            actor=staff, request=far, department=professional_office, immediate_ground="b"
        )
    near = receive(staff, proofs=(), trial_on=timezone.localdate() + timedelta(days=2))
    case = services.accept_request(
        actor=staff, request=near, department=professional_office, immediate_ground="b"
    )
    assert case.immediate_ground == "b"


def test_immediate_acceptance_ground_a_needs_the_limitation_date(staff, professional_office):
    req = receive(staff, proofs=())
    with pytest.raises(BusinessRuleError, match="điểm a"):
        services.accept_request(
            actor=staff, request=req, department=professional_office, immediate_ground="a"
        )


def test_immediate_acceptance_to_avoid_harm_is_decided_by_a_head(staff, head, professional_office):
    req = receive(staff, proofs=())
    with pytest.raises(BusinessRuleError, match="điểm d"):
        services.accept_request(
            actor=staff, request=req, department=professional_office, immediate_ground="d"
        )
    case = services.accept_request(
        actor=head, request=req, department=professional_office, immediate_ground="d"
    )
    assert case.accepted_by == head


def test_a_request_is_accepted_only_once(staff, professional_office):
    req = receive(staff)
    services.accept_request(actor=staff, request=req, department=professional_office)
    with pytest.raises(BusinessRuleError, match="Đã thụ lý"):
        services.accept_request(actor=staff, request=req, department=professional_office)


@pytest.mark.parametrize("persona", ["lawyer", "collaborator", "reviewer", "other_centre_staff"])
def test_only_the_centres_reception_decides(persona, request, staff, professional_office):
    req = receive(staff)
    user = request.getfixturevalue(persona)
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.accept_request(actor=user, request=req, department=professional_office)
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.refuse_request(actor=user, request=req, ground="b", notice_text="x")


def test_acceptance_into_another_centres_department_is_refused(staff, other_centre):
    from tests.factories import DepartmentFactory

    foreign = DepartmentFactory(centre=other_centre)
    with pytest.raises(BusinessRuleError, match="không thuộc Trung tâm"):
        services.accept_request(actor=staff, request=receive(staff), department=foreign)


def test_refusal_on_a_legal_ground_with_written_notice(staff):
    req = receive(staff)
    services.refuse_request(
        actor=staff,
        request=req,
        ground=RefusalGround.DECEASED,
        notice_text="Người được TGPL đã chết.",
    )
    req.refresh_from_db()
    assert req.status == RequestStatus.REFUSED
    assert req.refusal_ground == "c"
    assert "Từ chối thụ lý: c)" in req.history.latest().history_change_reason


def test_refusal_requires_a_legal_ground(staff):
    with pytest.raises(BusinessRuleError, match=r"Điều 30.3"):
        services.refuse_request(actor=staff, request=receive(staff), ground="z", notice_text="x")


def test_refusal_requires_the_written_notice(staff):
    with pytest.raises(BusinessRuleError, match="bằng văn bản"):
        services.refuse_request(actor=staff, request=receive(staff), ground="b", notice_text="")


def test_an_accepted_request_cannot_be_refused(staff, professional_office):
    req = receive(staff)
    services.accept_request(actor=staff, request=req, department=professional_office)
    with pytest.raises(BusinessRuleError, match="Không thể từ chối"):
        services.refuse_request(actor=staff, request=req, ground="b", notice_text="x")


def test_transfer_to_the_competent_centre(staff, other_centre):
    req = receive(staff)
    services.transfer_request(
        actor=staff, request=req, to_centre=other_centre, notice_text="Chuyển theo Điều 35."
    )
    req.refresh_from_db()
    assert req.status == RequestStatus.TRANSFERRED
    assert req.transferred_to == other_centre


def test_transfer_needs_another_centre(staff, centre):
    with pytest.raises(BusinessRuleError, match="chính Trung tâm"):
        services.transfer_request(
            actor=staff, request=receive(staff), to_centre=centre, notice_text="x"
        )
    with pytest.raises(BusinessRuleError, match="Chọn hoặc ghi tên"):
        services.transfer_request(actor=staff, request=receive(staff), notice_text="x")


def test_editing_is_possible_only_before_the_decision(staff, professional_office):
    req = receive(staff)
    services.update_request(
        actor=staff,
        request=req,
        fields={"full_name": "Hoàng Thị Bích"},
        categories=[category("2")],
        proofs=[proof("ho_ngheo")],
    )
    req.refresh_from_db()
    assert req.full_name == "Hoàng Thị Bích"
    services.accept_request(actor=staff, request=req, department=professional_office)
    with pytest.raises(BusinessRuleError, match="Không thể sửa"):
        services.update_request(
            actor=staff, request=req, fields={}, categories=[category("2")], proofs=[]
        )
