"""The kernel's write path records who changed what and why."""

import pytest

from cases.models import EligibilityCategory, ProofDocument
from tests.factories import DepartmentFactory
from tgpl import services
from tgpl.history import timeline_for
from tgpl.kernel import bulk_create, create, save, set_related
from tgpl.kernel.writes import REASON_MAX, fit_reason
from tgpl.models import Department
from tgpl.roles import Role

pytestmark = pytest.mark.django_db


def test_save_records_the_actor_and_the_reason(head, centre):
    dept = DepartmentFactory(centre=centre, name="Phòng thử")
    dept.name = "Phòng thử nghiệm"
    save(dept, actor=head, reason="Đổi tên phòng")
    record = dept.history.latest()
    assert (record.history_user, record.history_change_reason) == (head, "Đổi tên phòng")


def test_create_writes_the_first_record_with_its_reason(head, centre):
    dept = create(
        Department, actor=head, reason="Thành lập", centre=centre, name="Phòng mới", short_code="M"
    )
    record = dept.history.get()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        head,
        "Thành lập",
    )


def test_a_long_reason_is_cut_to_fit_the_history_column():
    reason = fit_reason("Lý do " * 40)
    assert len(reason) == REASON_MAX
    assert reason.endswith("…")


def test_bulk_create_records_history_for_every_row(head, centre):
    rows = [Department(centre=centre, name=f"Tổ {n}", short_code=f"B{n}") for n in range(3)]
    bulk_create(Department, rows, actor=head, reason="Nhập danh sách phòng")
    records = Department.history.filter(name__startswith="Tổ ")
    assert records.count() == 3
    assert {r.history_user_id for r in records} == {head.pk}
    assert {r.history_change_reason for r in records} == {"Nhập danh sách phòng"}


def test_role_changes_are_recorded_with_old_and_new_values(administrator, officer):
    services.set_user_roles(
        user=officer, new_roles=[Role.LEGAL_AID_OFFICER, Role.DEPARTMENT_HEAD], actor=administrator
    )
    latest = timeline_for(officer)[0]
    assert latest.who == administrator.full_name
    assert latest.reason.startswith("Phân vai trò")
    roles_change = next(c for c in latest.changes if c.field == "vai trò")
    assert roles_change.old == "Trợ giúp viên pháp lý"
    assert roles_change.new == "Trưởng phòng / Trưởng Chi nhánh; Trợ giúp viên pháp lý"


def test_many_to_many_changes_show_the_names_added_and_removed(head):
    category = EligibilityCategory.objects.order_by("pk").first()
    kept, dropped, added = ProofDocument.objects.order_by("pk")[:3]
    set_related(category, "documents", [kept, dropped], actor=head, reason="Sửa giấy tờ")
    set_related(category, "documents", [kept, added], actor=head, reason="Thay giấy tờ")
    latest = timeline_for(category)[0]
    change = next(c for c in latest.changes if c.field == "giấy tờ chứng minh")
    assert dropped.name in change.old
    assert added.name not in change.old
    assert added.name in change.new
    assert dropped.name not in change.new
    assert kept.name in change.old
    assert kept.name in change.new
