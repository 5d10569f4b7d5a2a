"""Named personas over factories, shared by every app's tests.

The Lạng Sơn centre has a professional office (Phòng Nghiệp vụ) and an
administration office; `other_centre_staff` works for a different centre of
the same province, `other_province_reviewer` for another province's Sở.
"""

import pytest
import time_machine
from django.test.utils import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tgpl import catalogues, paginate
from tgpl.celery import app as celery_app
from tgpl.roles import Role

from . import clock
from .factories import PASSWORD, AgencyFactory, CentreFactory, DepartmentFactory, UserFactory

# One hypothesis profile for the whole suite. No deadline and no "too slow" health
# check: how fast the machine is never fails a test. Derandomized (which also means no
# example database): every run tries the same examples, so a failure is repeatable.
# A test may still ask for more or fewer examples with @settings(max_examples=...).
hypothesis_settings.register_profile(
    "tgpl",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
hypothesis_settings.load_profile("tgpl")


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrated data and leaves the tables empty
    (serialized_rollback), so it starts the same whatever ran before it in this process.

    Mixing kinds made tests depend on the order xdist happened to hand them out: after
    a serialized test the content types are gone while Django's cache still holds their
    ids; after a plain one they are re-created under new ids a serialized test clashes with.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = marker.kwargs if marker else {}
        if kwargs.get("transaction") and not kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(autouse=True)
def _frozen_clock():
    """Every test runs at `clock.NOW`, with Python's and so Django's clocks frozen.

    Frozen, not ticking: every read of the clock in a test gives the same instant, so
    a time shown on a page, a timestamp in a row or a minute boundary never depends
    on how long the test took. Timeouts are unaffected (time.monotonic and
    time.perf_counter are not moved), and so are sleeps.
    """
    with time_machine.travel(clock.NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def travel_to(_frozen_clock):
    """Move the frozen clock to a named moment of tests/clock.py; returns that moment.

    `travel_to("new_year_vn")`; the clock stays frozen there until the test ends.
    """

    def _travel(name: str):
        when = clock.moment(name)
        _frozen_clock.move_to(when, tick=False)
        return when

    return _travel


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher():
    """Personas are created in nearly every test: a cheap hasher keeps the suite quick.

    Tests of the real password rules (length, common passwords) still run: those are
    validators, not the hasher.
    """
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path_factory):
    """Uploaded and generated files (attachments, the demo's PDF) go to a folder of the
    test run, never into the checkout; a test may still point MEDIA_ROOT elsewhere."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Every test starts with an empty cache in its own process's memory, even when
    REDIS_URL is set (CI): what a test kept there (the catalogues of tgpl/catalogues.py,
    a rate limit's count) never reaches another test, here or in another worker; nor
    does a list's estimated count kept by the process (tgpl/paginate.py).

    The catalogues are not kept (CATALOGUE_SECONDS=0): every page reads them, so a pinned
    query count does not depend on what an earlier page of the test left in the cache.
    tests/tgpl/test_catalogues.py and the list pages' pins keep them (`catalogues_kept`)."""
    from django.core.cache import cache

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
    }
    settings.CATALOGUE_SECONDS = 0
    cache.clear()
    paginate.forget_estimates()
    catalogues.forget_page_token()


@pytest.fixture
def catalogues_kept(settings):
    """The catalogues kept in the cache, as in production (tgpl/catalogues.py)."""
    settings.CATALOGUE_SECONDS = 600


@pytest.fixture(autouse=True)
def _celery_eager():
    """Unit tests run tasks in-process even when REDIS_URL is set (CI)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _two_factor_where_tested(request, settings):
    """force_login stands for the whole sign-in; tests marked two_factor keep the gate."""
    if "two_factor" not in request.keywords:
        settings.TWO_FACTOR_REQUIRED = False


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def doj(db):
    return AgencyFactory(name="Sở Tư pháp tỉnh Lạng Sơn", province_code=20)


@pytest.fixture
def centre(doj):
    return CentreFactory(
        name="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn", parent_agency=doj
    )


@pytest.fixture
def other_centre(doj):
    """A second centre run by the same Sở (a province may have several)."""
    return CentreFactory(
        name="Trung tâm Trợ giúp pháp lý nhà nước số 2 tỉnh Lạng Sơn", parent_agency=doj
    )


@pytest.fixture
def professional_office(centre):
    return DepartmentFactory(centre=centre, name="Phòng Nghiệp vụ", short_code="NV")


@pytest.fixture
def admin_office(centre):
    return DepartmentFactory(centre=centre, name="Phòng Hành chính – Tổng hợp", short_code="HC-TH")


@pytest.fixture
def director(centre):
    return UserFactory(
        username="giamdoc", full_name="Hoàng Thị Bích", centre=centre, roles=[Role.DIRECTOR]
    )


@pytest.fixture
def head(professional_office):
    user = UserFactory(
        username="truongphong",
        full_name="Nông Thị Hạnh",
        centre=professional_office.centre,
        department=professional_office,
        roles=[Role.DEPARTMENT_HEAD, Role.LEGAL_AID_OFFICER],
    )
    professional_office.head = user
    professional_office.save()
    return user


@pytest.fixture
def admin_head(admin_office):
    user = UserFactory(
        username="truongphonghc",
        full_name="Vi Văn Toàn",
        centre=admin_office.centre,
        department=admin_office,
        roles=[Role.DEPARTMENT_HEAD],
    )
    admin_office.head = user
    admin_office.save()
    return user


@pytest.fixture
def officer(professional_office):
    return UserFactory(
        username="tgv",
        full_name="Lăng Thị Mai",
        centre=professional_office.centre,
        department=professional_office,
        roles=[Role.LEGAL_AID_OFFICER],
    )


@pytest.fixture
def lawyer(professional_office):
    return UserFactory(
        username="luatsu",
        full_name="Trần Đức Long",
        centre=professional_office.centre,
        department=professional_office,
        roles=[Role.CONTRACTED_LAWYER],
    )


@pytest.fixture
def collaborator(centre):
    return UserFactory(
        username="ctv", full_name="Đinh Văn Hùng", centre=centre, roles=[Role.COLLABORATOR]
    )


@pytest.fixture
def staff(admin_office):
    return UserFactory(
        username="vienchuc",
        full_name="Hoàng Văn Nam",
        centre=admin_office.centre,
        department=admin_office,
        roles=[Role.STAFF],
    )


@pytest.fixture
def administrator(centre):
    return UserFactory(
        username="quantri", full_name="Nguyễn Văn Quản", centre=centre, roles=[Role.ADMINISTRATOR]
    )


@pytest.fixture
def reviewer(doj):
    return UserFactory(
        username="sotuphap",
        full_name="Phạm Thu Trang",
        centre=None,
        agency=doj,
        roles=[Role.DOJ_REVIEWER],
    )


@pytest.fixture
def other_centre_staff(other_centre):
    return UserFactory(
        username="khac", full_name="Người Trung Tâm Khác", centre=other_centre, roles=[Role.STAFF]
    )


@pytest.fixture
def other_province_reviewer(db):
    other_doj = AgencyFactory(name="Sở Tư pháp tỉnh Hà Tĩnh", province_code=42)
    return UserFactory(
        username="sotuphaphatinh",
        full_name="Lê Văn Tĩnh",
        centre=None,
        agency=other_doj,
        roles=[Role.DOJ_REVIEWER],
    )


@pytest.fixture
def login(client):
    """Log a persona in (bypassing axes' request requirement with force_login)."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def export_through_job(django_capture_on_commit_callbacks):
    """Start an export as its list's button does (a POST, the job run after commit) and
    download its file: the download's response (issue 18.3)."""
    from urllib.parse import urlencode

    from django.urls import reverse

    def run(client, name: str, params: dict | None = None, **extra):
        url = reverse(name) + (f"?{urlencode(params)}" if params else "")
        with django_capture_on_commit_callbacks(execute=True):
            started = client.post(url, **extra)
        assert started.status_code == 302, started
        return client.get(started["Location"] + "download/", **extra)

    return run


def xlsx_rows(response) -> list[list]:
    """The cells of the first sheet of a downloaded .xlsx."""
    import io

    from openpyxl import load_workbook

    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    return [[c.value for c in row] for row in sheet.iter_rows()]
