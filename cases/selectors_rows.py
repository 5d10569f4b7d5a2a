"""The rows of the case and request list pages (templates/cases/_case_row.html,
_request_row.html): the columns a row prints, read as plain values from the list's
queryset (selectors.case_list, request_list), with the names of its department, legal
field and performer from a kept catalogue of names."""

from __future__ import annotations

from django.db.models import F

from cases.models import LegalField, Performer
from tgpl import catalogues, roles
from tgpl.models import Department, User

# The rows of the list pages (templates/cases/case_list.html, request_list.html): a
# page of fifty rows reads the columns it shows as plain values, one dict a row, under
# the names the templates print. Building a case, its request, field, department and
# performer for each row (250 instances a page) was an eighth of the case list's time
# (issue 18.5). The applicant's name, CCCD and phone are read only for those who may
# see them (roles.can_see_personal_data): the rows of a reviewer do not hold them.
#
# The names of the department, the legal field and the performer are not joined in:
# the rows read their ids and the names come from a kept catalogue of names
# (tgpl/catalogues.py, renewed when a department, field, performer or person is saved).
# Compiling and planning those three joins was a third of the rows' query (3.0 -> 1.9 ms
# a page at 100,000 cases).
CASE_ROW = ("pk", "code", "accepted_at", "form", "status")
CASE_ROW_NAMES = {
    "department_id": "department_id",
    "performer_id": "performer_id",
    "legal_field_id": "request__legal_field_id",
}
CASE_ROW_PERSONAL = {
    "full_name": "request__full_name",
    "identity_number": "request__identity_number",
}
REQUEST_ROW = ("pk", "received_at", "form", "status")
REQUEST_ROW_NAMES = {
    "department_id": "department_id",
    "legal_field_id": "legal_field_id",
    "case_pk": "case__pk",
    "case_code": "case__code",
}
REQUEST_ROW_PERSONAL = {
    "full_name": "full_name",
    "identity_number": "identity_number",
    "phone": "phone",
}
# A row's id column -> (the name it prints, the catalogue of names, where a name the
# catalogue lacks is read: a row written around the ORM, before the catalogue expires).
ROW_NAMES = {
    "department_id": ("department_name", "names:departments", Department, "name"),
    "legal_field_id": ("legal_field_name", "names:legal_fields", LegalField, "name"),
    "performer_id": ("performer_name", "names:performers", User, "full_name"),
}


def row_names() -> dict[str, dict[int, str]]:
    """The names the list rows print, by id: every department, legal field and performer
    (a few thousand at the scale of a country), kept with the catalogues."""
    return catalogues.remembered(
        {
            "names:departments": lambda: dict(Department.objects.values_list("pk", "name")),
            "names:legal_fields": lambda: dict(LegalField.objects.values_list("pk", "name")),
            "names:performers": lambda: dict(
                Performer.objects.values_list("user_id", "user__full_name")
            ),
        }
    )


class NamedRows:
    """A list's rows as values, each with the names its ids point to: sliced by the
    paginator (tgpl/paginate.py reads a page as rows[bottom:top]), or iterated.

    `ids`: a page reads its ids in the list's order first, then their rows. A text
    search walks the list's order testing each row, thousands of rows for a common name:
    its ids are read from the order index alone, which holds the search key and the
    scope's columns (Case.Meta, LegalAidRequest.Meta), and only the page's rows are read
    from the table (a head's "hoang thi" at 1,000,000 cases: 12.6 -> 4.5 ms)."""

    def __init__(self, rows, *, ids=None):
        self.rows = rows
        self.ids = ids  # the list's ids (its queryset's, which joins nothing), or None

    def __getitem__(self, page: slice) -> list[dict]:
        if self.ids is None:
            return _named(list(self.rows[page]))
        ids = list(self.ids[page])
        found = {row["pk"]: row for row in self.rows.order_by().filter(pk__in=ids)}
        # a row gone between the two reads is left out
        return _named([found[pk] for pk in ids if pk in found])

    def __iter__(self):
        return iter(_named(list(self.rows)))


def _named(rows: list[dict]) -> list[dict]:
    if not rows:
        return rows
    kept = row_names()
    for id_key, (name_key, catalogue, model, field) in ROW_NAMES.items():
        if id_key not in rows[0]:
            continue
        names = kept[catalogue]
        lacking = {r[id_key] for r in rows if r[id_key] is not None and r[id_key] not in names}
        if lacking:
            names = {**names, **dict(model.objects.filter(pk__in=lacking).values_list("pk", field))}
        for row in rows:
            ident = row.pop(id_key)
            row[name_key] = None if ident is None else names.get(ident)
    return rows


def _rows(qs, user, columns, names, personal, ids_first):
    if roles.can_see_personal_data(user):
        names = {**names, **personal}
    plain = [name for name, path in names.items() if name == path]
    joined = {name: F(path) for name, path in names.items() if name != path}
    ids = qs.values_list("pk", flat=True) if ids_first else None
    return NamedRows(qs.values(*columns, *plain, **joined), ids=ids)


def case_rows(user, cases, *, searched: bool = False):
    """The rows of the case list page: `cases` (case_list) as CASE_ROW and the names;
    `searched`: the list is narrowed by a text search (its ids first: NamedRows)."""
    return _rows(cases, user, CASE_ROW, CASE_ROW_NAMES, CASE_ROW_PERSONAL, searched)


def request_rows(user, requests, *, searched: bool = False):
    """The rows of the request list page: `requests` (request_list) as REQUEST_ROW and
    the names; `searched` as for case_rows."""
    return _rows(requests, user, REQUEST_ROW, REQUEST_ROW_NAMES, REQUEST_ROW_PERSONAL, searched)
