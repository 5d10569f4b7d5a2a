"""Reads of trainings, scoped by user: sessions, their attendance, every officer's year
against the minimum (TT 12/2018 Điều 4), the yearly list (khoản 5) and one's own hours.

Each read keeps a fixed number of queries whatever the number of officers and sessions
(tests/outreach/test_trainings_queries.py pins them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404

from outreach.models import (
    Attendance,
    ComplianceReport,
    Exemption,
    ExemptionReason,
    TrainingMinimum,
    TrainingSession,
)
from outreach.rules import trainings as rules
from tgpl import roles
from tgpl.models import User

# --- sessions ---------------------------------------------------------------------------


def sessions_visible_to(user):
    return TrainingSession.objects.visible_to(user)


def session_list(user, *, year: int | None = None):
    sessions = sessions_visible_to(user).select_related("centre")
    if year:
        sessions = sessions.filter(ends_on__year=year)
    return sessions.annotate(
        attendee_count=Count("attendances", filter=Q(attendances__hours__isnull=False)),
        nominated_count=Count("attendances", filter=Q(attendances__hours__isnull=True)),
    ).order_by("-starts_on", "-pk")


def session_years(user) -> list[int]:
    return sorted(
        {d.year for d in sessions_visible_to(user).dates("ends_on", "year")}, reverse=True
    )


def get_session_for(user, pk: int, *, write: bool = False) -> TrainingSession:
    """The session: missing and not-yours give 404; yours but read-only 403 on a write."""
    session = sessions_visible_to(user).select_related("centre", "created_by").filter(pk=pk).first()
    if session is None:
        raise Http404("Không tìm thấy lớp tập huấn.")
    if write and not roles.can_manage_trainings(user, session.centre):
        raise PermissionDenied
    return session


def attendances_of(session: TrainingSession):
    return session.attendances.select_related("person__department").order_by(
        "person__full_name", "pk"
    )


def get_attendance_for(user, session_pk: int, pk: int, *, write: bool = False) -> Attendance:
    session = get_session_for(user, session_pk, write=write)
    attendance = Attendance.objects.filter(session=session, pk=pk).select_related("person").first()
    if attendance is None:
        raise Http404("Không tìm thấy người tham dự.")
    attendance.session = session
    return attendance


def candidates_for(session: TrainingSession):
    """Who may be recorded at or sent to a session: the centre's active people."""
    return (
        User.objects.filter(centre_id=session.centre_id, is_active=True)
        .select_related("department")
        .order_by("full_name")
    )


# --- the officers' year ----------------------------------------------------------------


@dataclass
class OfficerYear:
    """An officer's year: the sessions attended, the exemption, the account."""

    person: User
    account: rules.Account
    attendances: list[Attendance] = field(default_factory=list)
    exemptions: list[Exemption] = field(default_factory=list)

    @property
    def hours_text(self) -> str:
        return rules.hours_text(self.account.hours)

    @property
    def shortfall_text(self) -> str:
        return rules.hours_text(self.account.shortfall)

    @property
    def exemption(self) -> Exemption | None:
        applying = self.account.exemption
        if applying is None:
            return None
        return next(
            (e for e in self.exemptions if e.starts_on == applying.starts_on),
            None,
        )


def minimum_rules() -> list[rules.MinimumRule]:
    return [m.to_rule() for m in TrainingMinimum.objects.all()]


def minimum_of(year: int) -> Decimal | None:
    return rules.minimum_for(minimum_rules(), year)


def _year_bounds(year: int):
    return rules.first_day(year), rules.last_day(year)


def officer_years(centre_id: int, year: int, *, people=None) -> list[OfficerYear]:
    """Every officer of the centre (or `people`) with their hours of `year`: the sessions
    ending in that year only, recorded hours only (a nomination counts nothing). Four
    queries whatever the size."""
    start, end = _year_bounds(year)
    if people is None:
        people = roles.obliged_to_train(centre_id)
    attended = (
        Attendance.objects.filter(session__ends_on__year=year, hours__isnull=False)
        .select_related("session")
        .order_by("session__starts_on", "session__pk")
    )
    exempted = (
        Exemption.objects.filter(starts_on__lte=end, ends_on__gte=start)
        .select_related("reason")
        .order_by("starts_on")
    )
    persons = list(
        people.select_related("department", "centre")
        .prefetch_related(
            Prefetch("training_attendances", queryset=attended, to_attr="year_attendances"),
            Prefetch("training_exemptions", queryset=exempted, to_attr="year_exemptions"),
        )
        .order_by("full_name", "pk")
    )
    minimums = minimum_rules()
    found = []
    for person in persons:
        account = rules.account(
            year=year,
            hours=[a.hours for a in person.year_attendances],
            minimums=minimums,
            exemptions=[e.to_period() for e in person.year_exemptions],
        )
        found.append(
            OfficerYear(
                person=person,
                account=account,
                attendances=person.year_attendances,
                exemptions=person.year_exemptions,
            )
        )
    return found


def officer_years_of_province(user, year: int) -> list[OfficerYear]:
    """Every officer of the centres the user oversees (a Sở reviewer: the province), by
    centre then name: the list the Sở sends to the Ministry (Điều 4.5)."""
    people = roles.obliged_to_train_in(roles.visible_centres(user))
    found = officer_years(0, year, people=people)
    return sorted(found, key=lambda o: (o.person.centre.name, o.person.full_name, o.person.pk))


def behind(centre_id: int, year: int) -> list[OfficerYear]:
    """Officers short of the minimum this year (not exempt)."""
    return [o for o in officer_years(centre_id, year) if o.account.standing == rules.Standing.SHORT]


def own_year(user, year: int) -> OfficerYear:
    """One's own hours of `year` (every person, officer or not, sees their own)."""
    found = officer_years(user.centre_id, year, people=User.objects.filter(pk=user.pk))
    return found[0]


def own_years(user) -> list[int]:
    years = {
        d.year
        for d in TrainingSession.objects.filter(
            attendances__person=user, attendances__hours__isnull=False
        ).dates("ends_on", "year")
    }
    return sorted(years, reverse=True)


# --- the yearly list (Điều 4.5) ---------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    """A line of the list: an officer and one training (or none, or their exemption)."""

    number: int | str  # the officer's number on the first of their lines, else ""
    name: str
    form: str
    content: str
    duration: str  # "8 giờ" (the hours the officer attended)
    organiser: str
    total: str
    standing: str
    exemption: str
    centre: str = ""


def list_rows(years: list[OfficerYear]) -> list[ListRow]:
    """Name, form, content, duration, organiser of each training; reason if exempt."""
    rows: list[ListRow] = []
    for number, officer in enumerate(years, start=1):
        account = officer.account
        exemption = officer.exemption
        reason = ""
        if exemption is not None:
            reason = f"{exemption.reason.name} ({exemption.dates_text})"
        total = f"{officer.hours_text} giờ"
        trainings = officer.attendances or [None]
        for index, attendance in enumerate(trainings):
            session = attendance.session if attendance else None
            rows.append(
                ListRow(
                    number=number if index == 0 else "",
                    name=officer.person.full_name,
                    form=session.get_form_display() if session else "",
                    content=f"{session.title}: {session.content}" if session else "",
                    duration=f"{rules.hours_text(attendance.hours)} giờ" if attendance else "",
                    organiser=session.organiser if session else "",
                    total=total,
                    standing=account.label,
                    exemption=reason,
                    centre=officer.person.centre.name if officer.person.centre_id else "",
                )
            )
    return rows


def exemptions_of(centre_id: int, year: int):
    start, end = _year_bounds(year)
    return (
        Exemption.objects.filter(centre_id=centre_id, starts_on__lte=end, ends_on__gte=start)
        .select_related("person", "reason")
        .order_by("person__full_name", "starts_on")
    )


def get_exemption_for(user, pk: int) -> Exemption:
    exemption = (
        Exemption.objects.visible_to(user).filter(pk=pk).select_related("centre", "reason").first()
    )
    if exemption is None or not roles.can_see_training_compliance(user, exemption.centre):
        raise Http404("Không tìm thấy trường hợp miễn bồi dưỡng.")
    return exemption


def reasons_in_force():
    return ExemptionReason.objects.order_by("position", "code", "valid_from")


def reports_visible_to(user):
    return ComplianceReport.objects.visible_to(user)


def report_of(centre_id: int, year: int) -> ComplianceReport | None:
    return ComplianceReport.objects.filter(centre_id=centre_id, year=year).first()
