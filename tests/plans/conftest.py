import pytest

from plans.samples import samples_dir
from tests.factories import DepartmentFactory
from tgpl.models import Department

SAMPLES = samples_dir()


@pytest.fixture
def branch(centre):
    return DepartmentFactory(
        centre=centre, name="Chi nhánh số 1", short_code="CN1", kind=Department.Kind.BRANCH
    )


@pytest.fixture
def sample_2021():
    return (SAMPLES / "ke-hoach-2021-trien-khai-cong-tac-tgpl.txt").read_text(encoding="utf-8")


@pytest.fixture
def sample_2025():
    return (SAMPLES / "ke-hoach-2025-chuyen-de-tgpl.txt").read_text(encoding="utf-8")


@pytest.fixture
def offices(professional_office, admin_office, branch):
    return {"NV": professional_office, "HC-TH": admin_office, "CN1": branch}
