"""Spreadsheet helpers shared by every import/export (django-import-export, .xlsx).

Exports never carry a live formula: a text cell that starts with = + - @ or a
control character is prefixed with an apostrophe (OWASP "CSV injection").
"""

from django.http import HttpResponse
from import_export.formats.base_formats import XLSX

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """The value to write into a cell: strings that a spreadsheet would evaluate are defused."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeMixin:
    """For an import-export Resource: escape every exported cell."""

    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))


def xlsx_response(dataset, filename: str) -> HttpResponse:
    response = HttpResponse(XLSX().export_data(dataset), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def read_xlsx(upload):
    """A tablib Dataset from an uploaded .xlsx; raises ValueError with a Vietnamese message."""
    if not upload.name.lower().endswith(".xlsx"):
        raise ValueError("Chỉ nhận tệp Excel .xlsx.")
    try:
        return XLSX().create_dataset(upload.read())
    except Exception as exc:
        raise ValueError(
            "Không đọc được tệp Excel: tệp hỏng hoặc không đúng định dạng .xlsx."
        ) from exc
