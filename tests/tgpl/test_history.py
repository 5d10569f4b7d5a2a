import pytest

from tests.factories import DepartmentFactory
from tgpl.history import timeline_for

pytestmark = pytest.mark.django_db


def test_timeline_lists_creation_and_field_changes_with_who(head, centre):
    dept = DepartmentFactory(centre=centre, name="Phòng thử")
    dept._history_user = head
    dept.name = "Phòng thử nghiệm"
    dept.kind = "branch"
    dept.save()
    entries = timeline_for(dept)
    assert [e.action for e in entries] == ["Cập nhật", "Tạo mới"]
    latest = entries[0]
    assert latest.who == "Nông Thị Hạnh"
    changed = {c.field: (c.old, c.new) for c in latest.changes}
    assert changed["tên phòng, chi nhánh"] == ("Phòng thử", "Phòng thử nghiệm")
    assert changed["loại"] == ("Phòng", "Chi nhánh")


def test_timeline_shows_dates_the_vietnamese_way(centre, head):
    import datetime

    from tests.plans.factories import PlanFactory

    plan = PlanFactory(centre=centre, created_by=head, date=None)
    plan._history_user = head
    plan.date = datetime.date(2021, 1, 20)
    plan.approved_at = datetime.datetime(2021, 1, 21, 1, 30, tzinfo=datetime.UTC)
    plan.save()
    changes = {c.field: c.new for c in timeline_for(plan)[0].changes}
    assert changes["ngày ban hành"] == "20/01/2021"
    assert changes["thời điểm phê duyệt"] == "08:30 21/01/2021"  # Asia/Ho_Chi_Minh
