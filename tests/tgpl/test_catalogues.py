"""The catalogues every page shows are kept in the cache until one of their rows
changes (tgpl/catalogues.py, issue 18.5)."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import LegalField
from tests.factories import DepartmentFactory, UserFactory
from tgpl import catalogues, roles
from tgpl.models import Department
from tgpl.roles import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogues_kept")]


class Builder:
    """A catalogue's reader that counts how often it is read."""

    def __init__(self):
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return list(Department.objects.order_by("name").values_list("pk", "name"))


def test_a_catalogue_is_read_once_then_served_from_the_cache(
    professional_office, django_assert_num_queries
):
    build = Builder()
    with django_assert_num_queries(1):
        first = catalogues.remembered({"departments": build})
    with django_assert_num_queries(0):
        again = catalogues.remembered({"departments": build})
    assert first == again == {"departments": [(professional_office.pk, "Phòng Nghiệp vụ")]}
    assert build.reads == 1


def test_another_process_finds_it_in_the_shared_cache(professional_office, monkeypatch):
    build = Builder()
    catalogues.remembered({"departments": build})
    monkeypatch.setattr(catalogues, "_local", {})  # what another web node holds: nothing
    assert catalogues.remembered({"departments": build})["departments"] == [
        (professional_office.pk, "Phòng Nghiệp vụ")
    ]
    assert build.reads == 1


def test_a_saved_department_is_shown_on_the_next_read(professional_office):
    build = Builder()
    catalogues.remembered({"departments": build})
    professional_office.name = "Phòng Nghiệp vụ 1"
    professional_office.save()
    assert catalogues.remembered({"departments": build})["departments"] == [
        (professional_office.pk, "Phòng Nghiệp vụ 1")
    ]
    added = DepartmentFactory(centre=professional_office.centre, name="Chi nhánh số 1")
    assert (added.pk, "Chi nhánh số 1") in catalogues.remembered({"departments": build})[
        "departments"
    ]
    added.delete()
    assert len(catalogues.remembered({"departments": build})["departments"]) == 1
    assert build.reads == 4


def test_the_token_changes_again_when_the_change_commits(
    professional_office, django_capture_on_commit_callbacks
):
    before = catalogues._generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        professional_office.save()
        at_save = catalogues._generation()
    assert len(callbacks) == 1
    assert before != at_save != catalogues._generation()


def test_signing_in_renews_nothing(client, officer, password, django_capture_on_commit_callbacks):
    before = catalogues._generation()
    officer.set_password(password)
    officer.save(update_fields=["password"])
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(officer)  # writes last_login
    assert catalogues._generation() == before


def test_a_change_of_a_user_name_renews(officer):
    before = catalogues._generation()
    officer.full_name = "Lê Văn Tám"
    officer.save()
    assert catalogues._generation() != before


def test_migrate_renews_what_a_data_migration_may_have_changed_with_update():
    build = Builder()
    catalogues.remembered({"departments": build})
    before = catalogues._generation()
    call_command("migrate", verbosity=0)
    assert catalogues._generation() != before
    catalogues.remembered({"departments": build})
    assert build.reads == 2


def test_a_process_keeps_its_copy_no_longer_than_catalogue_seconds(
    professional_office, monkeypatch
):
    """A write the application does not see (a COPY, a raw UPDATE) sends no signal: it
    shows once the copies expire, the process's as the shared cache's."""
    build = Builder()
    clock = [1000.0]
    monkeypatch.setattr(catalogues.time, "monotonic", lambda: clock[0])
    catalogues.remembered({"departments": build})
    Department.objects.filter(pk=professional_office.pk).update(name="Phòng Nghiệp vụ mới")
    cache.delete(f"tgpl:catalogue:{catalogues._generation()}:departments")  # expired there
    clock[0] += 599
    assert catalogues.remembered({"departments": build})["departments"][0][1] == "Phòng Nghiệp vụ"
    clock[0] += 2
    assert catalogues.remembered({"departments": build})["departments"][0][1] == (
        "Phòng Nghiệp vụ mới"
    )
    assert build.reads == 2


def test_a_lost_token_starts_a_new_generation(professional_office):
    build = Builder()
    catalogues.remembered({"departments": build})
    cache.delete(catalogues.GENERATION_KEY)  # Redis restarted, an entry evicted
    catalogues.remembered({"departments": build})
    assert build.reads == 2


# --- the pages ----------------------------------------------------------------------


def test_a_department_added_after_a_page_is_offered_by_the_next_page(
    login, director, professional_office
):
    client = login(director)
    url = reverse("cases:case_list")
    assert "Chi nhánh Lộc Bình" not in client.get(url).content.decode()
    DepartmentFactory(centre=professional_office.centre, name="Chi nhánh Lộc Bình")
    assert "Chi nhánh Lộc Bình" in client.get(url).content.decode()


def test_a_renamed_legal_field_is_shown_by_the_next_page(login, director, professional_office):
    field = LegalField.objects.order_by("pk").first()
    client = login(director)
    url = reverse("cases:case_list")
    client.get(url)
    field.name = "Pháp luật hình sự (đã đổi tên)"
    field.save()
    assert "Pháp luật hình sự (đã đổi tên)" in client.get(url).content.decode()


def test_a_page_with_its_catalogues_kept_reads_none_of_them(login, director, professional_office):
    client = login(director)
    url = reverse("cases:case_list")
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    read = (
        'FROM "cases_legalfield"',
        'FROM "cases_eligibilitycategory"',
        'FROM "tgpl_department"',
        'FROM "tgpl_user" INNER JOIN "cases_performer"',
        'FROM "tgpl_centre" INNER JOIN "tgpl_agency"',  # the band
    )

    def catalogue_reads(ctx):
        return [q["sql"] for q in ctx.captured_queries if any(r in q["sql"] for r in read)]

    assert len(catalogue_reads(cold)) == 5
    assert catalogue_reads(warm) == []
    assert len(warm.captured_queries) == len(cold.captured_queries) - 5


def test_the_filters_of_two_centres_are_kept_apart(login, director, other_centre):
    DepartmentFactory(centre=director.centre, name="Phòng của trung tâm 1")
    DepartmentFactory(centre=other_centre, name="Phòng của trung tâm 2")
    other_director = UserFactory(centre=other_centre, username="giamdoc2", roles=[Role.DIRECTOR])
    first = login(director).get(reverse("cases:case_list")).content.decode()
    assert "Phòng của trung tâm 1" in first
    assert "Phòng của trung tâm 2" not in first
    second = login(other_director).get(reverse("cases:case_list")).content.decode()
    assert "Phòng của trung tâm 2" in second
    assert "Phòng của trung tâm 1" not in second


def test_a_chosen_filter_is_still_checked_against_the_database(login, director, other_centre):
    """The options come from the cache; the value chosen is looked up in the centre's
    departments, so a department of another centre is refused, not used."""
    foreign = DepartmentFactory(centre=other_centre, name="Phòng của trung tâm khác")
    response = login(director).get(reverse("cases:case_list"), {"department": foreign.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Phòng, chi nhánh: Hãy chọn một lựa chọn hợp lệ." in page
    assert "Phòng của trung tâm khác" not in page


# --- the filter panel of a list opened with no filter -----------------------------------


@pytest.mark.parametrize("name", ["cases:case_list", "cases:request_list"])
def test_the_panel_of_an_unfiltered_list_is_kept_with_the_catalogues(
    name, login, director, professional_office
):
    client = login(director)
    first = client.get(reverse(name)).content.decode()
    with CaptureQueriesContext(connection) as warm:
        again = client.get(reverse(name), {"page": 2}).content.decode()
    assert not [q for q in warm.captured_queries if 'FROM "tgpl_department"' in q["sql"]]
    start = first.index('<form method="get"')
    panel = first[start : first.index("</form>", start)]
    assert panel in again
    assert 'name="performer"' in panel


def test_a_filtered_list_prints_its_own_values_not_the_kept_panel(
    login, director, professional_office
):
    client = login(director)
    client.get(reverse("cases:case_list"))
    filtered = client.get(reverse("cases:case_list"), {"department": professional_office.pk})
    page = filtered.content.decode()
    assert f'<option value="{professional_office.pk}" selected>' in page
    unfiltered = client.get(reverse("cases:case_list")).content.decode()
    assert f'<option value="{professional_office.pk}" selected>' not in unfiltered


def test_the_kept_panel_of_a_director_is_not_the_one_of_a_reviewer(login, director, reviewer):
    """The search box and the category filter ask "is this person an applicant?": the
    name of the kept panel says who may have them (roles.can_search_personal_data)."""
    client = login(director)
    assert 'name="q"' in client.get(reverse("cases:case_list")).content.decode()
    client = login(reviewer)
    seen = client.get(reverse("cases:case_list")).content.decode()
    assert 'name="q"' not in seen
    assert 'name="category"' not in seen
    assert 'name="code"' in seen


# --- the names of what a user sees -----------------------------------------------------


def test_users_who_see_the_same_centres_share_a_name_and_others_do_not(
    director, officer, reviewer, other_centre_staff, other_province_reviewer, administrator
):
    key = roles.visible_centres_key
    assert key(director) == key(officer)
    names = {key(u) for u in (director, reviewer, other_centre_staff, other_province_reviewer)}
    assert len(names) == 4
    for user in (director, officer, reviewer, other_centre_staff, other_province_reviewer):
        same = [u for u in (director, officer, reviewer, other_centre_staff) if key(u) == key(user)]
        seen = {frozenset(roles.visible_centres(u).values_list("pk", flat=True)) for u in same}
        assert len(seen) <= 1


def test_an_inactive_user_is_named_as_seeing_nothing(officer):
    officer.is_active = False
    assert roles.visible_centres_key(officer) == "none"
    assert not roles.visible_centres(officer).exists()


def test_catalogue_seconds_zero_keeps_nothing(professional_office, settings):
    settings.CATALOGUE_SECONDS = 0
    build = Builder()
    catalogues.remembered({"departments": build})
    catalogues.remembered({"departments": build})
    assert build.reads == 2


def test_a_page_reads_the_token_once(client, director, monkeypatch):
    """The band and a list's filters both ask for the catalogues: one read of the
    shared token per page. Outside a page (a task, a shell) every call reads it."""
    reads = []

    class Counting:
        """The shared cache, counting the reads of the token."""

        def __getattr__(self, name):
            return getattr(cache, name)

        def get(self, key, *args, **kwargs):
            if key == catalogues.GENERATION_KEY:
                reads.append(key)
            return cache.get(key, *args, **kwargs)

    client.force_login(director)
    client.get(reverse("cases:case_list"))
    monkeypatch.setattr(catalogues, "cache", Counting())
    assert client.get(reverse("cases:case_list")).status_code == 200
    assert len(reads) == 1
    reads.clear()
    catalogues.remembered({"x": lambda: 1})
    catalogues.remembered({"x": lambda: 1})
    assert len(reads) == 2


def test_a_renewal_during_a_page_is_seen_by_the_rest_of_the_page(settings):
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    try:
        first = catalogues.remembered({"n": lambda: "before"})["n"]
        catalogues.renew()
        again = catalogues.remembered({"n": lambda: "after"})["n"]
    finally:
        request_finished.send(sender=None)
    assert (first, again) == ("before", "after")
