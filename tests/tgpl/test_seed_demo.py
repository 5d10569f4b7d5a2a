import pytest
from django.core.management import call_command

from tgpl import roles
from tgpl.demo import DEMO_PASSWORD
from tgpl.models import Agency, Centre, Department, User
from tgpl.roles import Role

pytestmark = pytest.mark.django_db


def counts():
    return (
        Agency.objects.count(),
        Centre.objects.count(),
        Department.objects.count(),
        User.objects.count(),
    )


def test_seed_demo_is_idempotent_and_covers_every_role(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first

    centre = Centre.objects.get()
    assert centre.name == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn"
    names = set(centre.departments.values_list("name", flat=True))
    assert {"Phòng Hành chính – Tổng hợp", "Phòng Nghiệp vụ"} <= names
    assert centre.departments.filter(kind=Department.Kind.BRANCH).exists()
    assert Agency.objects.filter(name="Tòa án nhân dân tỉnh Lạng Sơn").exists()
    assert Agency.objects.filter(name="Đoàn Luật sư tỉnh Lạng Sơn").exists()

    held = set()
    for user in User.objects.all():
        held |= roles.roles_of(user)
    assert held == set(Role.values)


def test_every_demo_user_can_log_in(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for user in User.objects.all():
        response = client.post(
            "/accounts/login/", {"username": user.username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, user.username
        client.post("/accounts/logout/")


def test_app_seeders_run_after_those_they_build_on(monkeypatch):
    from tgpl import demo

    monkeypatch.setattr(demo, "_seeders", {})
    demo.register("reports", print, after=["cases", "plans"])
    demo.register("cases", print, after=["plans"])
    demo.register("plans", print)
    assert [s.name for s in demo.seeders()] == ["plans", "cases", "reports"]


def test_a_seeder_naming_a_missing_or_circular_dependency_is_refused(monkeypatch):
    from tgpl import demo

    monkeypatch.setattr(demo, "_seeders", {})
    demo.register("cases", print, after=["plans"])
    with pytest.raises(ValueError, match="not registered"):
        demo.seeders()
    demo.register("plans", print, after=["cases"])
    with pytest.raises(ValueError, match="circle"):
        demo.seeders()


def test_the_registered_demo_covers_every_domain_app():
    from tgpl import demo

    names = {s.name for s in demo.seeders()}
    assert {"plans", "cases"} <= names
