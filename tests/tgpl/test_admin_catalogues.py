"""Shared catalogues belong to the system administrator above the centres (issue 11).

Any centre's administrator could change eligibility categories, holidays, reminder
settings, quota tiers and the Sở agencies: the rules of every centre. Now a centre's
administrator reads them, and only the system administrator changes them, with history.
"""

import datetime

import pytest
from django.urls import reverse

from cases.models import EligibilityCategory, LegalField, ProofDocument, QuotaTier
from tests.factories import AgencyFactory
from tgpl import roles, services
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency, HolidayOverride, ReminderSettings
from tgpl.roles import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def catalogue_rows(doj):
    return {
        "eligibility category": EligibilityCategory.objects.order_by("pk").first(),
        "proof document": ProofDocument.objects.order_by("pk").first(),
        "legal field": LegalField.objects.order_by("pk").first(),
        "holiday override": HolidayOverride.objects.order_by("pk").first(),
        "reminder settings": ReminderSettings.current(),
        "quota tier": QuotaTier.objects.order_by("pk").first(),
        "Sở agency": doj,
    }


CATALOGUES = [
    "eligibility category",
    "proof document",
    "legal field",
    "holiday override",
    "reminder settings",
    "quota tier",
    "Sở agency",
]


def url_of(obj, view):
    opts = obj._meta
    args = [] if view in ("changelist", "add") else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.mark.parametrize("name", CATALOGUES)
def test_centre_admin_reads_a_catalogue_but_cannot_change_it(client, administrator, doj, name):
    obj = catalogue_rows(doj)[name]
    assert obj is not None, name
    client.force_login(administrator)
    assert client.get(url_of(obj, "changelist")).status_code == 200
    page = client.get(url_of(obj, "change"))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()  # shown read-only
    before = type(obj).history.filter(**{obj._meta.pk.attname: obj.pk}).count()
    assert client.post(url_of(obj, "change"), {}).status_code == 403
    assert client.get(url_of(obj, "delete")).status_code == 403
    after = type(obj).history.filter(**{obj._meta.pk.attname: obj.pk}).count()
    assert after == before


@pytest.mark.parametrize(
    "name", ["eligibility category", "legal field", "holiday override", "quota tier"]
)
def test_centre_admin_cannot_add_to_a_catalogue(client, administrator, doj, name):
    obj = catalogue_rows(doj)[name]
    client.force_login(administrator)
    assert client.get(url_of(obj, "add")).status_code == 403


def test_centre_admin_cannot_add_a_holiday_by_post(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_holidayoverride_add"),
        {"date": "02/05/2031", "kind": "day_off", "note": "Nghỉ thêm"},
    )
    assert response.status_code == 403
    assert not HolidayOverride.objects.filter(date=datetime.date(2031, 5, 2)).exists()


def test_system_administrator_adds_a_holiday_recorded_with_their_name(client, system_administrator):
    client.force_login(system_administrator)
    response = client.post(
        reverse("admin:tgpl_holidayoverride_add"),
        {"date": "02/05/2031", "kind": "day_off", "note": "Nghỉ thêm theo Công văn"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    holiday = HolidayOverride.objects.get(date=datetime.date(2031, 5, 2))
    record = holiday.history.get()
    assert record.history_user == system_administrator
    assert "thêm" in record.history_change_reason


def test_system_administrator_changes_a_legal_field_with_history(client, system_administrator):
    field = LegalField.objects.order_by("pk").first()
    client.force_login(system_administrator)
    response = client.post(
        url_of(field, "change"),
        {"code": field.code, "name": "Dân sự (sửa)", "position": field.position, "is_active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    field.refresh_from_db()
    assert field.name == "Dân sự (sửa)"
    assert field.history.first().history_user == system_administrator


def test_system_administrator_changes_a_categorys_proofs_with_history(client, system_administrator):
    category = EligibilityCategory.objects.filter(category_proofs__isnull=False).first()
    link = category.category_proofs.first()
    other = ProofDocument.objects.exclude(category_links_for(category)).first()
    client.force_login(system_administrator)
    response = client.post(
        url_of(category, "change"),
        {
            "code": category.code,
            "article": category.article,
            "name": category.name,
            "valid_from": category.valid_from.strftime("%d/%m/%Y"),
            "valid_to": category.valid_to.strftime("%d/%m/%Y") if category.valid_to else "",
            "position": category.position,
            "category_proofs-TOTAL_FORMS": "1",
            "category_proofs-INITIAL_FORMS": "1",
            "category_proofs-0-id": link.pk,
            "category_proofs-0-category": category.pk,
            "category_proofs-0-document": other.pk,
            "category_proofs-0-group": link.group,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    link.refresh_from_db()
    assert link.document == other
    record = category.history.first()
    assert record.history_user == system_administrator
    assert other.pk in {row.document_id for row in record.documents.all()}


def category_links_for(category):
    from django.db.models import Q

    return Q(pk__in=category.category_proofs.values("document"))


def test_system_administrator_sees_no_centres_records(client, system_administrator, staff):
    client.force_login(system_administrator)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:tgpl_user_changelist")).status_code == 403
    assert client.get(reverse("admin:cases_legalaidrequest_changelist")).status_code == 403
    assert client.get(reverse("admin:tgpl_user_change", args=[staff.pk])).status_code == 403


def test_centre_admin_cannot_change_a_sở_agency(client, administrator, doj):
    client.force_login(administrator)
    response = client.post(
        url_of(doj, "change"),
        {"kind": "doj", "name": "Sở đã bị đổi tên", "province_code": 20, "is_active": "on"},
    )
    assert response.status_code == 403
    doj.refresh_from_db()
    assert doj.name == "Sở Tư pháp tỉnh Lạng Sơn"


def test_centre_admin_keeps_the_other_agencies_of_their_province(client, administrator, doj):
    court = AgencyFactory(kind=Agency.Kind.COURT, name="Tòa án nhân dân huyện Cũ", province_code=20)
    client.force_login(administrator)
    response = client.post(
        url_of(court, "change"),
        {
            "kind": "court",
            "name": "Tòa án nhân dân khu vực 1",
            "province_code": 20,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    court.refresh_from_db()
    assert court.name == "Tòa án nhân dân khu vực 1"
    assert court.history.first().history_user == administrator


def test_centre_admin_cannot_add_a_sở_agency(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:tgpl_agency_add"),
        {"kind": "doj", "name": "Sở Tư pháp giả", "province_code": 20, "is_active": "on"},
    )
    assert response.status_code == 200
    assert "Sở Tư pháp và cơ quan trung ương là danh mục dùng chung" in response.content.decode()
    assert not Agency.objects.filter(name="Sở Tư pháp giả").exists()


def test_centre_admin_cannot_reparent_or_close_their_centre(client, administrator, centre):
    other_doj = AgencyFactory(name="Sở Tư pháp tỉnh Cao Bằng", province_code=4)
    client.force_login(administrator)
    response = client.post(
        url_of(centre, "change"),
        {
            "name": centre.name,
            "short_name": "Trung tâm A",
            "parent_agency": other_doj.pk,
            "province_code": 4,
            "hotline": "",
            "email": "",
            "address": "",
            "document_symbol": "TGPL",
            "case_code_prefix": "TT",
            "personal_history_years": 5,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    centre.refresh_from_db()
    assert centre.short_name == "Trung tâm A"  # contact data is theirs to keep
    assert centre.parent_agency.name == "Sở Tư pháp tỉnh Lạng Sơn"
    assert centre.province_code == 20
    assert centre.is_active


def test_centre_structure_is_refused_by_the_service_too(administrator, centre):
    centre.province_code = 4
    with pytest.raises(BusinessRuleError):
        services.save_organisation_record(obj=centre, actor=administrator)


def test_catalogue_service_refuses_a_centre_admin(administrator):
    field = LegalField.objects.order_by("pk").first()
    field.name = "Sửa trái phép"
    with pytest.raises(BusinessRuleError, match="Quản trị hệ thống cấp tỉnh/quốc gia"):
        services.save_catalogue_entry(entry=field, actor=administrator)
    field.refresh_from_db()
    assert field.name != "Sửa trái phép"


def test_centre_admin_cannot_give_the_system_administrator_role(client, administrator, officer):
    client.force_login(administrator)
    page = client.get(reverse("admin:tgpl_user_change", args=[officer.pk])).content.decode()
    assert 'value="administrator"' in page
    assert 'value="system_administrator"' not in page
    with pytest.raises(BusinessRuleError):
        services.set_user_roles(
            user=officer, new_roles=[Role.SYSTEM_ADMINISTRATOR], actor=administrator
        )
    roles.forget_roles(officer)
    assert not roles.is_system_administrator(officer)


def test_system_administrator_role_is_above_the_centres(system_administrator):
    system_administrator.refresh_from_db()
    assert system_administrator.is_staff  # Django's admin login lets them in too
    assert roles.can_use_admin(system_administrator)
    assert roles.can_manage_catalogues(system_administrator)
    assert not roles.is_centre_member(system_administrator)
    assert not roles.can_see_personal_data(system_administrator)
    assert not roles.visible_centres(system_administrator).exists()
