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
