"""The old Sổ thụ lý imported from .xlsx (issue 18.7): rows per second at 5,000 and
20,000 rows, through the import the page runs (cases.resources.import_cases: every row
checked, then written in bulk with its history), and, for comparison, the row-by-row
service (services.import_accepted_case in one transaction) on 1,000 rows.

Each run is rolled back, so the sizes do not disturb each other. Prints figures only.
"""

import io
import time

import tablib
from django.db import transaction

ROW_BY_ROW = 1_000
SIZES = (5_000, 20_000)


class _Rollback(Exception):
    pass


def _dataset(count: int, year: int) -> tablib.Dataset:
    from openpyxl import Workbook

    from cases.resources import CASE_IMPORT_COLUMNS
    from tgpl.spreadsheets import read_xlsx

    header = [name for name, _ in CASE_IMPORT_COLUMNS]
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for i in range(count):
        values = {
            "Năm thụ lý": year, "Số thụ lý": 10_000 + i, "Mã vụ việc": f"DO.TV.{i}.{year}",
            "Hình thức": "Tư vấn pháp luật", "Lĩnh vực": "dan_su", "Phòng, chi nhánh": "NV",
            "Họ và tên": f"Người Đo Thứ {i}", "Giới tính": "Nam" if i % 2 else "Nữ",
            "Năm sinh": 1950 + i % 50, "Số CCCD": f"0201{i:08d}",
            "Ngày tiếp nhận": f"{1 + i % 28:02d}/{1 + i % 12:02d}/{year}",
            "Ngày thụ lý": f"{1 + i % 28:02d}/{1 + i % 12:02d}/{year}",
            "Người thực hiện": "", "Trạng thái": "Chờ cử người", "Diện": "2",
            "Nội dung": "Hỏi về thừa kế quyền sử dụng đất",
        }  # fmt: skip
        sheet.append([values[name] for name in header])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "so-thu-ly.xlsx"
    return read_xlsx(out)


def _timed(label: str, count: int, run) -> None:
    from cases.models import Case

    started = time.perf_counter()
    try:
        with transaction.atomic():
            saved, history = run()
            elapsed = time.perf_counter() - started
            raise _Rollback
    except _Rollback:
        pass
    print(
        f"{label}: {count:>6} dòng trong {elapsed:6.2f} s = {count / elapsed:7.0f} dòng/s "
        f"(lưu {saved} vụ việc, {history} bản ghi lịch sử vụ việc)"
    )
    assert not Case.objects.filter(code__startswith="DO.TV.").exists()


def bench_import_rows_per_second():
    from cases import services
    from cases.models import Case
    from cases.resources import _case_row, _Lookups, import_cases
    from tgpl.models import User

    actor = User.objects.get(username="vienchuc")
    history = Case.history.model.objects

    def row_by_row(data):
        lookups = _Lookups(actor)
        for row in data.dict:
            services.import_accepted_case(actor=actor, **_case_row(row, lookups))
        return Case.objects.filter(code__startswith="DO.TV.").count(), history.filter(
            code__startswith="DO.TV."
        ).count()

    data = _dataset(ROW_BY_ROW, 2023)
    _timed("từng dòng (trước 18.7)", ROW_BY_ROW, lambda: row_by_row(data))
    for size, year in zip(SIZES, (2024, 2025), strict=True):
        data = _dataset(size, year)

        def bulk(data=data):
            outcome = import_cases(actor=actor, dataset=data, confirmed=True)
            assert not outcome.errors, outcome.errors[:3]
            return outcome.count, history.filter(code__startswith="DO.TV.").count()

        _timed("hàng loạt (import_cases)", size, bulk)
