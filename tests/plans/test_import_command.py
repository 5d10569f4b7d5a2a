import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from plans.models import Plan
from plans.reader import parse_plan, plan_from_json
from tests.plans.conftest import SAMPLES
from tests.plans.reader.support import ITEM_KEYS, PLAN_KEYS
from tests.plans.reader.unseen import cao_bang_2023, lang_son_2017

pytestmark = pytest.mark.django_db
PLAN_2021 = str(SAMPLES / "ke-hoach-2021-trien-khai-cong-tac-tgpl.txt")
PLAN_2025 = str(SAMPLES / "ke-hoach-2025-chuyen-de-tgpl.txt")


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_plan", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_json_of_the_2021_plan():
    out, _ = run(PLAN_2021, "--dry-run", "--json")
    data = json.loads(out)
    assert set(data) == PLAN_KEYS
    assert plan_from_json(data) == parse_plan(Path(PLAN_2021).read_text(encoding="utf-8"))
    assert (data["number"], data["symbol"], data["date"]) == (19, "KH-TGPL", "2021-01-20")
    by_path = {item["path"]: item for item in data["items"]}
    item = by_path["II.4.2"]
    assert set(item) == ITEM_KEYS
    assert item["timeframe"] == "Quý II - III năm 2021"
    assert item["timeframe_parsed"] == {
        "text": "Quý II - III năm 2021",
        "start": "2021-04-01",
        "end": "2021-09-30",
        "recurrence": "none",
    }
    assert item["lead"] == ["Phòng Hành chính – Tổng hợp"]
    assert item["partners"] == ["Phòng Nghiệp vụ", "Các Chi nhánh"]
    assert by_path["II.3.1"]["budget_vnd"] == 460_400_000
    assert Plan.objects.count() == 0  # dry run saves nothing


def test_dry_run_json_of_the_2025_plan_has_nulls_where_the_document_is_blank():
    data = json.loads(run(PLAN_2025, "--dry-run", "--json")[0])
    assert data["number"] is None
    assert data["date"] is None
    assert data["year"] == 2025
    assert data["signer"] == {"name": "Hoàng Thị Bích", "title": "GIÁM ĐỐC", "on_behalf": None}


def test_saving_needs_a_centre_and_saves_a_draft(centre, staff, professional_office):
    run(PLAN_2025, "--centre", str(centre.pk), "--kind", "thematic")
    plan = Plan.objects.get()
    assert plan.kind == Plan.Kind.THEMATIC
    assert plan.status == Plan.Status.DRAFT
    assert plan.items.filter(path="II.3.4").exists()


def test_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        run("/no/such/plan.docx", "--dry-run")


def test_json_of_a_word_plan_has_kind_issuer_bases_milestones_and_targets(tmp_path):
    path = tmp_path / cao_bang_2023.FILENAME
    path.write_bytes(cao_bang_2023.document())
    data = json.loads(run(str(path), "--dry-run", "--json")[0])
    assert data["kind"] == "annual"
    assert data["issuing_body"] == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng"
    assert data["legal_bases"][0] == "Căn cứ Luật Trợ giúp pháp lý ngày 20 tháng 6 năm 2017;"
    by_path = {item["path"]: item for item in data["items"]}
    assert by_path["II.2.2"]["quantities"] == [
        {"quantity": 10, "unit": "huyện"},
        {"quantity": 120, "unit": "xã, thôn"},
    ]
    assert by_path["II.2.2"]["periods"] == [
        {"start": "2023-04-01", "end": "2023-06-30"},
        {"start": "2023-10-01", "end": "2023-12-31"},
    ]
    assert "milestones" in by_path["II.2.2"]


def test_json_of_a_thematic_plan_prints_its_milestones():
    data = json.loads(run(PLAN_2025, "--dry-run", "--json")[0])
    milestones = {item["path"]: item["milestones"] for item in data["items"]}["II.3.1"]
    assert [m["due"] for m in milestones] == ["2025-03-15", "2025-03-20", "2025-03-28"]
    assert data["kind"] == "thematic"


def test_saving_without_a_kind_takes_the_kind_the_text_gives(tmp_path, centre, staff):
    path = tmp_path / "luat.txt"
    path.write_text(lang_son_2017.TEXT, encoding="utf-8")
    run(str(path), "--centre", str(centre.pk))
    plan = Plan.objects.get()
    assert (plan.kind, plan.year) == (Plan.Kind.LAW, 2017)
    assert plan.issuing_body == "Ủy ban nhân dân tỉnh Lạng Sơn"
