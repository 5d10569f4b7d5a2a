"""Quality appraisal results (TT 12/2018 Điều 17) and successful litigation cases
(QĐ 1179/QĐ-BTP), each in a constant number of grouped queries.

"appraisal": the cases whose appraisal the director approved in the period, by the
case's form, in total and by grade (tốt / khá / đạt / không đạt). A case counts once per
cell (two plans appraising it count it once in the total).

"successful": litigation cases ended in the period by legal field, and among them those
the checklists mark as successful (thành công) or complex, typical (phức tạp, điển hình).
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from cases.models import Appraisal, Case, CaseCriterion, CaseCriterionMark
from cases.rules.appraisal import GRADE_LABELS
from cases.states import AppraisalStatus, CaseStatus, Form
from tgpl import days

from .base import Column, Grid, Row, Scope, Section, SectionSpec, parse_key, register

GRADES = "Xếp loại chất lượng"

APPRAISAL_COLUMNS = [
    Column("all", "Số vụ việc được thẩm định"),
    *[Column(f"grade:{g}", label, GRADES) for g, label in GRADE_LABELS.items()],
]


def _approved(scope: Scope):
    return Appraisal.objects.filter(
        days.on_days("approved_at", scope.start, scope.end),
        plan__centre_id__in=scope.centre_ids,
        status=AppraisalStatus.APPROVED,
    )


def appraisal_results(scope: Scope) -> Section:
    """Two queries: distinct cases by form and grade, then by form (a case of two approved
    appraisals with different grades counts in each grade, once in "all")."""
    grid = Grid()
    for form, grade, n in (
        _approved(scope)
        .order_by()
        .values_list("case__form", "grade")
        .annotate(n=Count("case_id", distinct=True))
    ):
        for row in ("total", f"form:{form}"):
            grid.add(row, f"grade:{grade}", n)
    for form, n in (
        _approved(scope)
        .order_by()
        .values_list("case__form")
        .annotate(n=Count("case_id", distinct=True))
    ):
        grid.add(f"form:{form}", "all", n)
        grid.add("total", "all", n)
    rows = [Row("total", "Tổng số", grid.line("total", APPRAISAL_COLUMNS), 0)]
    rows += [
        Row(f"form:{f}", str(label), grid.line(f"form:{f}", APPRAISAL_COLUMNS), 1)
        for f, label in Form.choices
    ]
    return Section(
        key="appraisal",
        title="Kết quả thẩm định chất lượng vụ việc trợ giúp pháp lý",
        unit="Vụ việc",
        columns=APPRAISAL_COLUMNS,
        rows=rows,
        note="Các vụ việc có kết luận thẩm định được Giám đốc duyệt trong kỳ.",
    )


def appraisal_records(scope: Scope, row_key: str, column_key: str):
    appraisals = _approved(scope)
    row, column = parse_key(row_key), parse_key(column_key)
    if "form" in row:
        appraisals = appraisals.filter(case__form=row["form"])
    if "grade" in column:
        appraisals = appraisals.filter(grade=column["grade"])
    return Case.objects.filter(pk__in=appraisals.values("case_id"))


# --- successful, complex litigation cases -------------------------------------------------

SUCCESSFUL_COLUMNS = [
    Column("ended", "Số vụ việc tham gia tố tụng kết thúc trong kỳ"),
    Column("successful", "Thành công", "Trong đó"),
    Column("complex", "Phức tạp, điển hình", "Trong đó"),
]


def _ended_litigation(scope: Scope):
    return Case.objects.filter(
        days.on_days("ended_at", scope.start, scope.end),
        centre_id__in=scope.centre_ids,
        form=Form.LITIGATION,
        status=CaseStatus.CLOSED,
    )


def _marked(catalogue: str):
    return Exists(
        CaseCriterionMark.objects.filter(case_id=OuterRef("pk"), criterion__catalogue=catalogue)
    )


SUCCESSFUL, COMPLEX = CaseCriterion.Catalogue.SUCCESSFUL, CaseCriterion.Catalogue.COMPLEX


def successful_cases(scope: Scope) -> Section:
    """Two queries: the counts by legal field, the names of the fields present."""
    from cases.models import LegalField

    grouped = (
        _ended_litigation(scope)
        .annotate(is_successful=_marked(SUCCESSFUL), is_complex=_marked(COMPLEX))
        .order_by()
        .values_list("request__legal_field_id")
        .annotate(
            ended=Count("pk"),
            successful=Count("pk", filter=Q(is_successful=True)),
            complex=Count("pk", filter=Q(is_complex=True)),
        )
    )
    grid = Grid()
    present = []
    for field_id, ended, successful, complex_ in grouped:
        present.append(field_id)
        for row in ("total", f"field:{field_id}"):
            grid.add(row, "ended", ended)
            grid.add(row, "successful", successful)
            grid.add(row, "complex", complex_)
    rows = [Row("total", "Tổng số", grid.line("total", SUCCESSFUL_COLUMNS), 0)]
    for pk, name in (
        LegalField.objects.filter(pk__in=present)
        .order_by("position", "name")
        .values_list("pk", "name")
    ):
        rows.append(Row(f"field:{pk}", name, grid.line(f"field:{pk}", SUCCESSFUL_COLUMNS), 2))
    return Section(
        key="successful",
        title="Vụ việc tham gia tố tụng thành công, phức tạp, điển hình",
        unit="Vụ việc",
        columns=SUCCESSFUL_COLUMNS,
        rows=rows,
        note="Theo tiêu chí ghi nhận trên vụ việc (QĐ 1179/QĐ-BTP, TT 09/2018/TT-BTP).",
    )


def successful_records(scope: Scope, row_key: str, column_key: str):
    qs = _ended_litigation(scope)
    row = parse_key(row_key)
    if "field" in row:
        qs = qs.filter(request__legal_field_id=int(row["field"]))
    if column_key == "successful":
        qs = qs.filter(_marked(SUCCESSFUL))
    elif column_key == "complex":
        qs = qs.filter(_marked(COMPLEX))
    return qs


register(SectionSpec("appraisal", "Thẩm định chất lượng", 45, appraisal_results, appraisal_records,
                     estimated=True))  # fmt: skip
register(SectionSpec("successful", "Vụ việc thành công", 47, successful_cases, successful_records,
                     estimated=True))  # fmt: skip
