"""The statistical tables of TT 03/2019 for legal aid (Biểu 24 and 25) and the management
figures of requests and limits, each in a constant number of grouped queries.

Biểu số 24/BTP/TGPL "Số lượt người đã được trợ giúp pháp lý": the aided person of every
case accepted (thụ lý) in the period, counted once per case (a person with two cases is
two lượt người; a person of two categories is one in the total and one in each of the
category columns). Rows: forms × fields; columns: total, sex, each category of Điều 7
(the catalogue's codes, so a new category gets its column) and the combined column of
people both of a poor household (7.2) and ethnic minority in a disadvantaged area (7.4).

Biểu số 25/BTP/TGPL "Số vụ việc trợ giúp pháp lý": cases in the period, carried over
(accepted before it, not ended before it) and accepted in it, by the kind of performer,
ended in it by outcome, and open at its end.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q

from cases.models import (
    Case,
    EligibilityCategory,
    LegalAidRequest,
    LegalField,
    Performer,
    PerformerChangeRequest,
)
from cases.rules import limits as limit_rules
from cases.rules.limits import RULES
from cases.selectors import limit_facts
from cases.states import CaseStatus, Form, Outcome, RefusalGround, RequestStatus, Sex
from tgpl import days
from tgpl.calendar import work_calendar

from .base import Column, Grid, Row, Scope, Section, SectionSpec, parse_key, register

POOR, ETHNIC = "2", "4"  # Điều 7 khoản 2 (hộ nghèo), khoản 4 (DTTS vùng ĐBKK)
CATEGORY_GROUP = "Diện người được trợ giúp pháp lý"
NO_PERFORMER = "none"


def _cases(scope: Scope):
    return Case.objects.filter(centre_id__in=scope.centre_ids)


def accepted_in(scope: Scope):
    return _cases(scope).filter(days.on_days("accepted_at", scope.start, scope.end))


def in_play(scope: Scope):
    """Cases the period deals with: accepted by its end, not ended before its start."""
    return (
        _cases(scope)
        .filter(days.until("accepted_at", scope.end))
        .filter(Q(ended_at__isnull=True) | days.since("ended_at", scope.start))
    )


def _fields() -> list[tuple[int, str]]:
    return list(LegalField.objects.order_by("position", "name").values_list("pk", "name"))


def _form_field_rows(fields, columns, grid: Grid, present: set[tuple[str, int]]) -> list[Row]:
    """Total row, then per form its subtotal and the fields that have something (or every
    active field when the form has nothing, so the table keeps its shape)."""
    rows = [Row("total", "Tổng số", grid.line("total", columns), 0)]
    for form, label in Form.choices:
        key = f"form:{form}"
        rows.append(Row(key, str(label), grid.line(key, columns), 1))
        for field_id, name in fields:
            if (form, field_id) in present:
                fkey = f"{key}|field:{field_id}"
                rows.append(Row(fkey, name, grid.line(fkey, columns), 2))
    return rows


def _add_form_field(grid: Grid, form: str, field_id: int, column: str, n: int) -> None:
    grid.add("total", column, n)
    grid.add(f"form:{form}", column, n)
    grid.add(f"form:{form}|field:{field_id}", column, n)


def _filter_row(qs, row_key: str, field_path: str = "request__legal_field_id"):
    parts = parse_key(row_key)
    if "form" in parts:
        qs = qs.filter(form=parts["form"])
    if "field" in parts:
        qs = qs.filter(**{field_path: int(parts["field"])})
    return qs


# --- Biểu 24 -------------------------------------------------------------------------


def _category_codes() -> list[tuple[str, str]]:
    """Each code of the catalogue once, with the name of its latest version, in order."""
    seen: dict[str, str] = {}
    for code, name in EligibilityCategory.objects.order_by(
        "position", "code", "-valid_from"
    ).values_list("code", "name"):
        seen.setdefault(code, name)
    return list(seen.items())


def _has_category(code: str):
    through = LegalAidRequest.categories.through
    return Exists(
        through.objects.filter(
            legalaidrequest_id=OuterRef("request_id"), eligibilitycategory__code=code
        )
    )


def b24_columns(codes: list[tuple[str, str]]) -> list[Column]:
    columns = [
        Column("total", "Tổng số"),
        Column(f"sex:{Sex.MALE}", "Nam", "Giới tính"),
        Column(f"sex:{Sex.FEMALE}", "Nữ", "Giới tính"),
    ]
    for code, name in codes:
        columns.append(Column(f"cat:{code}", f"{code}. {name}", CATEGORY_GROUP))
        if code == ETHNIC:
            columns.append(
                Column(
                    "poor_ethnic",
                    "Người vừa thuộc hộ nghèo vừa là người dân tộc thiểu số",
                    CATEGORY_GROUP,
                )
            )
    return columns


def biểu_24(scope: Scope) -> Section:
    cases = accepted_in(scope)
    codes = _category_codes()
    columns = b24_columns(codes)
    grid = Grid()
    present: set[tuple[str, int]] = set()
    by_sex = (
        cases.order_by()
        .values_list("form", "request__legal_field_id", "request__sex")
        .annotate(n=Count("pk"))
    )
    for form, field_id, sex, n in by_sex:
        present.add((form, field_id))
        _add_form_field(grid, form, field_id, "total", n)
        _add_form_field(grid, form, field_id, f"sex:{sex}", n)
    through = LegalAidRequest.categories.through
    by_category = (
        through.objects.filter(legalaidrequest__case__in=cases)
        .order_by()
        .values_list(
            "legalaidrequest__case__form",
            "legalaidrequest__legal_field_id",
            "eligibilitycategory__code",
        )
        .annotate(n=Count("legalaidrequest_id", distinct=True))
    )
    for form, field_id, code, n in by_category:
        _add_form_field(grid, form, field_id, f"cat:{code}", n)
    both = (
        cases.filter(_has_category(POOR), _has_category(ETHNIC))
        .order_by()
        .values_list("form", "request__legal_field_id")
        .annotate(n=Count("pk"))
    )
    for form, field_id, n in both:
        _add_form_field(grid, form, field_id, "poor_ethnic", n)
    return Section(
        key="b24",
        title="Biểu số 24/BTP/TGPL: Số lượt người đã được trợ giúp pháp lý",
        unit="Lượt người",
        columns=columns,
        rows=_form_field_rows(_fields(), columns, grid, present),
        note="Mỗi người được tính một lượt cho mỗi vụ việc được thụ lý trong kỳ.",
    )


def biểu_24_records(scope: Scope, row_key: str, column_key: str):
    qs = _filter_row(accepted_in(scope), row_key)
    column = parse_key(column_key)
    if "sex" in column:
        qs = qs.filter(request__sex=column["sex"])
    elif "cat" in column:
        qs = qs.filter(_has_category(column["cat"]))
    elif "poor_ethnic" in column:
        qs = qs.filter(_has_category(POOR), _has_category(ETHNIC))
    return qs


# --- Biểu 25 -------------------------------------------------------------------------

B25_COLUMNS = [
    Column("all", "Tổng số vụ việc trong kỳ"),
    Column("carried", "Kỳ trước chuyển qua", "Chia ra"),
    Column("new", "Thụ lý trong kỳ", "Chia ra"),
    *[
        Column(f"performer:{kind}", str(label), "Theo người thực hiện")
        for kind, label in Performer.Kind.choices
    ],
    Column(f"performer:{NO_PERFORMER}", "Chưa cử người thực hiện", "Theo người thực hiện"),
    Column("ended", "Tổng số đã kết thúc trong kỳ", "Vụ việc kết thúc"),
    Column(f"ended:{Outcome.DONE}", "Đã thực hiện xong", "Vụ việc kết thúc"),
    Column(f"ended:{Outcome.SUSPENDED}", "Bị đình chỉ", "Vụ việc kết thúc"),
    Column("ended:discontinued", "Không tiếp tục thực hiện", "Vụ việc kết thúc"),
    Column("open_end", "Chuyển kỳ sau"),
]


def biểu_25(scope: Scope) -> Section:
    ended = days.on_days("ended_at", scope.start, scope.end)
    grouped = (
        in_play(scope)
        .order_by()
        .values_list(
            "form", "request__legal_field_id", "performer__performer__kind", "status", "outcome"
        )
        .annotate(
            carried=Count("pk", filter=days.before("accepted_at", scope.start)),
            all=Count("pk"),
            ended=Count("pk", filter=ended),
        )
    )
    grid = Grid()
    present: set[tuple[str, int]] = set()
    for form, field_id, kind, status, outcome, carried, total, n_ended in grouped:
        present.add((form, field_id))
        counts = {
            "all": total,
            "carried": carried,
            "new": total - carried,
            f"performer:{kind or NO_PERFORMER}": total,
            "ended": n_ended,
            "open_end": total - n_ended,
        }
        if status == CaseStatus.DISCONTINUED:
            counts["ended:discontinued"] = n_ended
        elif outcome:
            counts[f"ended:{outcome}"] = n_ended
        for column, n in counts.items():
            _add_form_field(grid, form, field_id, column, n)
    return Section(
        key="b25",
        title="Biểu số 25/BTP/TGPL: Số vụ việc trợ giúp pháp lý",
        unit="Vụ việc",
        columns=B25_COLUMNS,
        rows=_form_field_rows(_fields(), B25_COLUMNS, grid, present),
    )


def biểu_25_records(scope: Scope, row_key: str, column_key: str):
    qs = _filter_row(in_play(scope), row_key)
    ended = days.on_days("ended_at", scope.start, scope.end)
    column = parse_key(column_key)
    if "carried" in column:
        return qs.filter(days.before("accepted_at", scope.start))
    if "new" in column:
        return qs.filter(days.since("accepted_at", scope.start))
    if "performer" in column:
        kind = column["performer"]
        if kind == NO_PERFORMER:
            return qs.filter(Q(performer__isnull=True) | Q(performer__performer__isnull=True))
        return qs.filter(performer__performer__kind=kind)
    if "ended" in column:
        qs = qs.filter(ended)
        if column["ended"] == "discontinued":
            return qs.filter(status=CaseStatus.DISCONTINUED)
        if column["ended"]:
            return qs.filter(outcome=column["ended"]).exclude(status=CaseStatus.DISCONTINUED)
        return qs
    if "open_end" in column:
        return qs.exclude(ended)
    return qs


# --- requests refused and transferred, with their reasons ---------------------------------

DECIDED_COLUMNS = [
    Column("total", "Tổng số"),
    *[Column(f"form:{f}", str(label), "Theo hình thức yêu cầu") for f, label in Form.choices],
]


def _decided(scope: Scope):
    return LegalAidRequest.objects.filter(
        days.on_days("decided_at", scope.start, scope.end),
        centre_id__in=scope.centre_ids,
        status__in=[RequestStatus.REFUSED, RequestStatus.TRANSFERRED],
    )


def refused_and_transferred(scope: Scope) -> Section:
    grouped = (
        _decided(scope)
        .order_by()
        .values_list("status", "refusal_ground", "form")
        .annotate(n=Count("pk"))
    )
    grid = Grid()
    for status, ground, form, n in grouped:
        row = f"ground:{ground}" if status == RequestStatus.REFUSED else "transferred"
        for key in (row, "refused" if status == RequestStatus.REFUSED else "", "total"):
            if key:
                grid.add(key, "total", n)
                grid.add(key, f"form:{form}", n)
    rows = [
        Row("total", "Tổng số yêu cầu từ chối, chuyển", grid.line("total", DECIDED_COLUMNS), 0),
        Row("refused", "Từ chối thụ lý", grid.line("refused", DECIDED_COLUMNS), 1),
        *[
            Row(f"ground:{g}", str(label), grid.line(f"ground:{g}", DECIDED_COLUMNS), 2)
            for g, label in RefusalGround.choices
        ],
        Row(
            "transferred",
            "Chuyển Trung tâm, tổ chức khác",
            grid.line("transferred", DECIDED_COLUMNS),
            1,
        ),
    ]
    return Section(
        key="refused",
        title="Yêu cầu từ chối thụ lý và chuyển đi, theo lý do",
        unit="Yêu cầu",
        columns=DECIDED_COLUMNS,
        rows=rows,
    )


def refused_records(scope: Scope, row_key: str, column_key: str):
    qs = _decided(scope)
    row = parse_key(row_key)
    if "ground" in row:
        qs = qs.filter(status=RequestStatus.REFUSED, refusal_ground=row["ground"])
    elif "refused" in row:
        qs = qs.filter(status=RequestStatus.REFUSED)
    elif "transferred" in row:
        qs = qs.filter(status=RequestStatus.TRANSFERRED)
    column = parse_key(column_key)
    if "form" in column:
        qs = qs.filter(form=column["form"])
    return qs


# --- time limits met and missed -------------------------------------------------------------

LIMIT_COLUMNS = [
    Column("all", "Tổng số"),
    Column("done", "Đúng hạn", "Đã thực hiện"),
    Column("late", "Quá hạn", "Đã thực hiện"),
    Column("running", "Trong hạn", "Đang chạy"),
    Column("overdue", "Đã quá hạn", "Đang chạy"),
]


# limit_facts' arguments and the columns of a case they are read from.
FACT_COLUMNS = {
    "form": "form", "accepted_at": "accepted_at", "proof_due_at": "proof_due_at",
    "proof_supplied_at": "proof_supplied_at", "appointed_at": "appointed_at",
    "advice_days": "advice_days", "ended_at": "ended_at",
    "file_handed_in_on": "file_handed_in_on", "detained": "request__detained",
    "disadvantaged": "request__disadvantaged_area",
}  # fmt: skip


def _limit_states(scope: Scope):
    """(case pk, rule key, state) of every limit falling due in the period, judged at its
    end: a limit done after the end is still running then. Three queries: the cases,
    their change requests, the calendar."""
    from datetime import datetime, time

    from django.utils import timezone

    # Plain rows, not model instances: a quarter holds some 30,000 cases at 1,000,000,
    # and building each case and its request cost more than their limits (issue 18).
    cases = list(in_play(scope).values_list("pk", *FACT_COLUMNS.values()))
    # Their change requests in one query joined to the same filter (a prefetch would send
    # 30,000 ids in an IN list).
    changes: dict[int, list[tuple[datetime, datetime | None, str]]] = defaultdict(list)
    for case_id, requested, answered, status in PerformerChangeRequest.objects.filter(
        case__in=in_play(scope).values("pk")
    ).values_list("case_id", "requested_at", "answered_at", "status"):
        changes[case_id].append((requested, answered, status))
    calendar = work_calendar()
    at_end = timezone.make_aware(datetime.combine(scope.end, time(23, 59, 59)))
    out = []
    for pk, *values in cases:
        facts = limit_facts(**dict(zip(FACT_COLUMNS, values, strict=True)), changes=changes[pk])
        for limit in limit_rules.case_limits(facts, calendar, at_end):
            if not scope.start <= timezone.localdate(limit.due) <= scope.end:
                continue
            done = limit.done_at if limit.done_at and limit.done_at <= at_end else None
            if done is not None:
                state = "late" if done > limit.due else "done"
            else:
                state = "overdue" if at_end > limit.due else "running"
            out.append((pk, limit.rule.key, state))
    return out


def limits_met(scope: Scope) -> Section:
    grid = Grid()
    for _pk, rule, state in _limit_states(scope):
        for row in (rule, "total"):
            grid.add(row, "all", 1)
            grid.add(row, state, 1)
    rows = [Row("total", "Tổng số thời hạn đến hạn trong kỳ", grid.line("total", LIMIT_COLUMNS))]
    rows += [
        Row(key, f"{r.label} ({r.article})", grid.line(key, LIMIT_COLUMNS), 2)
        for key, r in RULES.items()
    ]
    return Section(
        key="limits",
        title="Thời hạn thực hiện: đúng hạn và quá hạn",
        unit="Thời hạn",
        columns=LIMIT_COLUMNS,
        rows=rows,
        note="Các thời hạn đến hạn trong kỳ, xét tại ngày cuối kỳ.",
    )


def limits_records(scope: Scope, row_key: str, column_key: str):
    pks = {
        pk
        for pk, rule, state in _limit_states(scope)
        if (row_key == "total" or rule == row_key) and column_key in ("all", state)
    }
    return Case.objects.filter(pk__in=pks)


register(SectionSpec("b24", "Biểu số 24/BTP/TGPL", 10, biểu_24, biểu_24_records, estimated=True))
register(SectionSpec("b25", "Biểu số 25/BTP/TGPL", 20, biểu_25, biểu_25_records, estimated=True,
                     stock=frozenset({"carried", "open_end"})))  # fmt: skip
register(
    SectionSpec("refused", "Từ chối, chuyển", 30, refused_and_transferred, refused_records,
                record_kind="request", estimated=True)
)  # fmt: skip
register(SectionSpec("limits", "Thời hạn", 40, limits_met, limits_records, estimated=True,
                     stock=frozenset({"all", "running", "overdue"})))  # fmt: skip
