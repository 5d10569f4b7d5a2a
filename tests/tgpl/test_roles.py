import pytest

from tests.factories import CentreFactory, UserFactory
from tgpl import roles, services
from tgpl.errors import BusinessRuleError
from tgpl.models import Centre
from tgpl.roles import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("held", "predicate", "expected"),
    [
        ([Role.DIRECTOR], roles.is_director, True),
        ([Role.DEPUTY_DIRECTOR], roles.is_director, False),
        ([Role.DEPUTY_DIRECTOR], roles.is_leadership, True),
        ([Role.DIRECTOR], roles.is_leadership, True),
        ([Role.STAFF], roles.is_leadership, False),
        ([Role.DEPARTMENT_HEAD], roles.is_department_head, True),
        ([Role.LEGAL_AID_OFFICER], roles.is_performer, True),
        ([Role.CONTRACTED_LAWYER], roles.is_performer, True),
        ([Role.COLLABORATOR], roles.is_performer, True),
        ([Role.STAFF], roles.is_performer, False),
        ([Role.ADMINISTRATOR], roles.is_administrator, True),
        ([Role.STAFF], roles.is_administrator, False),
        ([Role.STAFF, Role.ADMINISTRATOR], roles.can_use_admin, True),
        ([Role.DIRECTOR], roles.can_use_admin, False),
        ([Role.STAFF], roles.can_see_personal_data, True),
    ],
)
def test_role_predicates(centre, held, predicate, expected):
    user = UserFactory(centre=centre, roles=held)
    assert predicate(user) is expected


def test_a_user_may_hold_several_roles(centre):
    user = UserFactory(centre=centre, roles=[Role.DEPARTMENT_HEAD, Role.LEGAL_AID_OFFICER])
    assert roles.is_department_head(user)
    assert roles.is_performer(user)
    assert roles.role_labels(user) == ["Trưởng phòng / Trưởng Chi nhánh", "Trợ giúp viên pháp lý"]


def test_inactive_user_holds_no_role(centre):
    user = UserFactory(centre=centre, roles=[Role.DIRECTOR], is_active=False)
    assert roles.roles_of(user) == frozenset()
    assert not roles.is_director(user)


def test_reviewer_sees_no_personal_data(reviewer):
    assert not roles.can_see_personal_data(reviewer)


def test_heads_department_only_for_the_recorded_head(
    head, officer, professional_office, admin_office
):
    assert roles.heads_department(head, professional_office)
    assert not roles.heads_department(head, admin_office)
    assert not roles.heads_department(officer, professional_office)


def test_head_role_alone_does_not_make_a_head(professional_office):
    impostor = UserFactory(centre=professional_office.centre, roles=[Role.DEPARTMENT_HEAD])
    assert not roles.heads_department(impostor, professional_office)


def test_staff_see_only_their_own_centre(staff, centre, other_centre):
    assert list(roles.visible_centres(staff)) == [centre]


def test_reviewer_sees_every_centre_of_their_province(reviewer, centre, other_centre):
    unrelated = CentreFactory()  # run by another Sở
    visible = set(roles.visible_centres(reviewer))
    assert visible == {centre, other_centre}
    assert unrelated not in visible


def test_reviewer_of_another_province_sees_none_of_ours(other_province_reviewer, centre):
    assert centre not in set(roles.visible_centres(other_province_reviewer))


def test_scope_to_centres_filters_any_queryset(staff, centre, other_centre):
    scoped = roles.scope_to_centres(Centre.objects.all(), staff, field="pk")
    assert list(scoped) == [centre]


def test_anonymous_sees_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert list(roles.visible_centres(AnonymousUser())) == []
    assert roles.roles_of(AnonymousUser()) == frozenset()


def test_reviewer_role_requires_a_doj(centre):
    user = UserFactory(centre=None)
    with pytest.raises(BusinessRuleError, match="Sở Tư pháp"):
        services.set_user_roles(user=user, new_roles=[Role.DOJ_REVIEWER], actor=None)


def test_centre_role_requires_a_centre(db):
    user = UserFactory(centre=None)
    with pytest.raises(BusinessRuleError, match="Trung tâm"):
        services.set_user_roles(user=user, new_roles=[Role.STAFF], actor=None)


def test_only_an_administrator_assigns_roles(staff, officer):
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.set_user_roles(user=officer, new_roles=[Role.DIRECTOR], actor=staff)
    assert not roles.is_director(officer)


def test_administrator_of_another_centre_cannot_assign_roles(officer, other_centre):
    foreign_admin = UserFactory(centre=other_centre, roles=[Role.ADMINISTRATOR])
    with pytest.raises(BusinessRuleError):
        services.set_user_roles(user=officer, new_roles=[Role.DIRECTOR], actor=foreign_admin)


def test_administrator_role_opens_the_admin_and_can_be_removed(administrator, officer):
    services.set_user_roles(user=officer, new_roles=[Role.ADMINISTRATOR], actor=administrator)
    officer.refresh_from_db()
    assert officer.is_staff
    assert roles.can_use_admin(officer)
    services.set_user_roles(user=officer, new_roles=[Role.LEGAL_AID_OFFICER], actor=administrator)
    officer.refresh_from_db()
    assert not officer.is_staff
    assert not roles.can_use_admin(officer)


def test_unknown_role_is_refused(officer, administrator):
    with pytest.raises(BusinessRuleError, match="không hợp lệ"):
        services.set_user_roles(user=officer, new_roles=["pope"], actor=administrator)


def test_no_module_outside_roles_tests_group_names():
    """Role checks live in tgpl/roles (the package): nobody else reads group names."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for app in ["tgpl", "plans", "cases", "outreach", "reports"]:
        for path in (root / app).rglob("*.py"):
            if path.name == "roles.py" or "roles" in path.parts or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            if "groups__name" in text or "groups.filter(name" in text:
                offenders.append(str(path.relative_to(root)))
    assert offenders == []
