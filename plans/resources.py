"""A plan's tasks as a spreadsheet (django-import-export), with Vietnamese headers.

Import writes through `services.save_item`, the same service as the forms, so
the same rules apply; the whole file is rolled back when any row fails.
"""

from import_export import fields, resources
from import_export.widgets import CharWidget, Widget

from tgpl.errors import BusinessRuleError
from tgpl.spreadsheets import FormulaSafeMixin

from . import services
from .models import Plan, PlanItem, PlanItemUnit
from .services.units import split_names


class ChoiceLabelWidget(Widget):
    """Shows a choice's Vietnamese label; reads either the label or the code back."""

    def __init__(self, choices, default):
        self.choices = dict(choices)
        self.by_label = {str(label).casefold(): value for value, label in choices}
        self.default = default

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return self.default
        text = str(value).strip()
        if text in self.choices:
            return text
        if text.casefold() in self.by_label:
            return self.by_label[text.casefold()]
        raise ValueError(
            f"Giá trị “{text}” không hợp lệ; chọn một trong: "
            + ", ".join(map(str, self.choices.values()))
        )

    def render(self, value, obj=None, **kwargs):
        return str(self.choices.get(value, value or ""))


class MoneyWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, int | float):
            return int(value)
        digits = (
            str(value)
            .replace(".", "")
            .replace(",", "")
            .replace("đ", "")
            .replace("đồng", "")
            .strip()
        )
        if not digits.isdigit():
            raise ValueError(f"Kinh phí “{value}” không phải số tiền (ví dụ 177.400.000).")
        return int(digits)

    def render(self, value, obj=None, **kwargs):
        return value


def _names(item: PlanItem, role: str) -> str:
    return "; ".join(u.name for u in item.units.all() if u.role == role)


class PlanItemResource(FormulaSafeMixin, resources.ModelResource):
    path = fields.Field(attribute="path", column_name="Mục")
    kind = fields.Field(
        attribute="kind",
        column_name="Loại",
        widget=ChoiceLabelWidget(PlanItem.Kind.choices, PlanItem.Kind.TASK),
    )
    title = fields.Field(attribute="title", column_name="Nội dung", widget=CharWidget())
    lead = fields.Field(column_name="Chủ trì, thực hiện")
    partners = fields.Field(column_name="Phối hợp")
    timeframe_text = fields.Field(
        attribute="timeframe_text", column_name="Thời gian thực hiện", widget=CharWidget()
    )
    start = fields.Field(attribute="start", column_name="Bắt đầu", readonly=True)
    due = fields.Field(attribute="due", column_name="Hạn hoàn thành", readonly=True)
    expected_result = fields.Field(
        attribute="expected_result", column_name="Kết quả", widget=CharWidget()
    )
    budget_vnd = fields.Field(
        attribute="budget_vnd", column_name="Kinh phí (đồng)", widget=MoneyWidget()
    )
    status = fields.Field(
        attribute="status",
        column_name="Trạng thái",
        readonly=True,
        widget=ChoiceLabelWidget(PlanItem.Status.choices, PlanItem.Status.NOT_STARTED),
    )
    percent = fields.Field(attribute="percent", column_name="Tiến độ (%)", readonly=True)

    class Meta:
        model = PlanItem
        import_id_fields = ["path"]
        fields = [
            "path",
            "kind",
            "title",
            "lead",
            "partners",
            "timeframe_text",
            "start",
            "due",
            "expected_result",
            "budget_vnd",
            "status",
            "percent",
        ]
        export_order = fields
        skip_unchanged = False
        use_transactions = True

    def __init__(self, *, plan: Plan, actor=None):
        super().__init__()
        self.plan = plan
        self.actor = actor

    def get_queryset(self):
        return self.plan.items.order_by("position").prefetch_related("units")

    def init_instance(self, row=None):
        return PlanItem(plan=self.plan)

    def dehydrate_lead(self, item):
        return _names(item, PlanItemUnit.Role.LEAD)

    def dehydrate_partners(self, item):
        return _names(item, PlanItemUnit.Role.PARTNER)

    def dehydrate_start(self, item):
        return item.start.strftime("%d/%m/%Y") if item.start else ""

    def dehydrate_due(self, item):
        return item.due.strftime("%d/%m/%Y") if item.due else ""

    def before_import_row(self, row, **kwargs):
        for key in ("Mục", "Nội dung"):
            if not str(row.get(key) or "").strip():
                raise ValueError(f"Thiếu cột “{key}”.")
        row["Mục"] = str(row["Mục"]).strip().strip(".")

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            services.save_item(
                item=instance,
                actor=self.actor,
                lead=split_names(str(row.get("Chủ trì, thực hiện") or "")),
                partners=split_names(str(row.get("Phối hợp") or "")),
            )
        except BusinessRuleError as exc:
            raise ValueError(exc.message) from exc
