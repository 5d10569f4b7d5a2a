"""The yearly list of officers' training (TT 12/2018 Điều 4.5) as .xlsx
(django-import-export, no live formulas): a row per officer and training."""

from __future__ import annotations

from import_export import fields, resources

from tgpl.spreadsheets import FormulaSafeMixin


def _f(attribute, header):
    return fields.Field(attribute=attribute, column_name=header)


class ComplianceListResource(FormulaSafeMixin, resources.Resource):
    """Rows are outreach.selectors_trainings.ListRow."""

    number = _f("number", "STT")
    name = _f("name", "Họ và tên")
    form = _f("form", "Hình thức bồi dưỡng")
    content = _f("content", "Nội dung")
    duration = _f("duration", "Thời lượng")
    organiser = _f("organiser", "Đơn vị tổ chức")
    total = _f("total", "Tổng số giờ trong năm")
    standing = _f("standing", "Kết quả")
    exemption = _f("exemption", "Lý do miễn")

    class Meta:
        fields = (
            "number",
            "name",
            "form",
            "content",
            "duration",
            "organiser",
            "total",
            "standing",
            "exemption",
        )


class ProvinceListResource(ComplianceListResource):
    """The same list for the centres of a province, each row naming its centre."""

    centre = _f("centre", "Trung tâm")

    class Meta:
        fields = ("centre", *ComplianceListResource.Meta.fields)
