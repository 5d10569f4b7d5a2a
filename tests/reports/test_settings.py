"""The centre's reporting settings as admin data: its administrator edits the due dates
and the narrative template in the admin (scoped to the centre, recorded in history), and
the reports opened afterwards take them; the law's values are the seeded defaults."""

import json
from datetime import date

import pytest
from django.urls import reverse

from reports import services
from reports.models import ReportSettings
from reports.narrative import default_narrative
from reports.rules.periods import Kind

pytestmark = pytest.mark.django_db


def form_data(settings: ReportSettings, **changes) -> dict:
    data = {
        "centre": settings.centre_id,
        "six_month_due_day": settings.six_month_due_day,
        "six_month_due_month": settings.six_month_due_month,
        "annual_due_day": settings.annual_due_day,
        "annual_due_month": settings.annual_due_month,
        "official_annual_due_day": settings.official_annual_due_day,
        "official_annual_due_month": settings.official_annual_due_month,
        "workdays_after_cutoff": settings.workdays_after_cutoff,
        "narrative": json.dumps(settings.narrative, ensure_ascii=False),
    }
    return data | changes


def test_the_defaults_are_the_laws_dates_and_mau_12(staff, centre):
    report = services.open_report(actor=staff, centre=centre, kind=Kind.SIX_MONTH, year=2026)
    assert report.due == date(2026, 6, 6)
    assert report.narrative == default_narrative()


def test_an_administrators_edit_in_the_admin_changes_the_due_dates_and_the_template(
    client, administrator, staff, centre
):
    settings = ReportSettings.objects.create(centre=centre)
    before = services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                  number=3)  # fmt: skip
    narrative = default_narrative() | {"outreach": "Tỉnh tự soạn: {outreach.total.activities}"}
    client.force_login(administrator)
    url = reverse("admin:reports_reportsettings_change", args=[settings.pk])
    response = client.post(url, form_data(settings, six_month_due_day=10,
                                          workdays_after_cutoff=3,
                                          narrative=json.dumps(narrative)))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    six = services.open_report(actor=staff, centre=centre, kind=Kind.SIX_MONTH, year=2026)
    assert six.due == date(2026, 6, 10)
    assert six.narrative["outreach"].startswith("Tỉnh tự soạn")
    after = services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                 number=4)  # fmt: skip
    assert (before.end, before.due) == (date(2026, 9, 14), date(2026, 9, 15))
    assert (after.end, after.due) == (date(2026, 12, 14), date(2026, 12, 17))  # 3 working days
    change = settings.history.order_by("-history_id").first()  # one frozen moment
    assert change.history_user == administrator
    assert change.six_month_due_day == 10


def test_a_day_that_does_not_exist_is_a_form_error(client, administrator, centre):
    settings = ReportSettings.objects.create(centre=centre)
    client.force_login(administrator)
    url = reverse("admin:reports_reportsettings_change", args=[settings.pk])
    response = client.post(url, form_data(settings, six_month_due_day=31,
                                          six_month_due_month=6))  # fmt: skip
    assert response.status_code == 200
    assert "Không có ngày 31/6." in response.content.decode()
    settings.refresh_from_db()
    assert settings.six_month_due_day == 6


def test_another_centres_settings_are_not_in_the_administrators_admin(
    client, administrator, other_centre
):
    theirs = ReportSettings.objects.create(centre=other_centre)
    client.force_login(administrator)
    url = reverse("admin:reports_reportsettings_change", args=[theirs.pk])
    assert client.get(url).status_code in (302, 404)
