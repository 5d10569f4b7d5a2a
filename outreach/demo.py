"""Demo outreach: the 2021 sample plan's outreach task (II.3.1: 128 boards, 128 boxes, 300
info sheets, 80.000 leaflets, loudspeaker programmes in 120 communes) and its weekly
articles (II.3.2) met by a year of recorded work across Lạng Sơn's communes; this year's
activities, the communes' designations reviewed for 2025 and 2026, boards due for
inspection at courts, police and detention facilities, a broadcast contract with a weekly
target that missed a week, and grassroots contacts. Links to the plans by task id through
tgpl.targets (outreach imports no plan). Idempotent: nothing is added twice."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from tgpl import geography, targets
from tgpl.models import Agency, Centre, User

from . import services
from .models import Activity, ActivityAttachment, CommuneYear, Language, Material

BASIS = "Quyết định 861/QĐ-TTg ngày 04/6/2021 của Thủ tướng Chính phủ"
RADIO = "Đài Phát thanh - Truyền hình tỉnh Lạng Sơn"
SITE = "Trang thông tin điện tử Sở Tư pháp tỉnh Lạng Sơn"


def _at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _task(actor, year: int, path: str) -> int | None:
    for ref in targets.linkable_tasks(actor, year):
        if f"— {path}. " in ref.label:
            return ref.id
    return None


def seed_demo_outreach(centre: Centre, stdout) -> None:
    staff = User.objects.get(username="vienchuc")
    if Activity.objects.filter(centre=centre).exists():
        _attachment(centre, staff)
        stdout.write("  Truyền thông: đã có dữ liệu mẫu.")
        return
    director = User.objects.get(username="giamdoc")
    communes = [code for code, _ in geography.commune_choices(centre.province_code)]
    languages = {lang.name: lang for lang in Language.objects.all()}
    _plan_2021(centre, staff, communes, languages)
    _this_year(centre, staff, director, communes, languages)
    _attachment(centre, staff)
    stdout.write(
        f"  Truyền thông: {Activity.objects.filter(centre=centre).count()} hoạt động, "
        f"{Material.objects.filter(centre=centre).count()} loại tài liệu, "
        f"{CommuneYear.objects.filter(centre=centre).count()} dòng thông tin xã."
    )


def _plan_2021(centre, staff, communes, languages) -> None:
    task = _task(staff, 2021, "II.3.1")
    articles_task = _task(staff, 2021, "II.3.2")
    produced = date(2021, 4, 15)
    made = {
        kind: services.record_material(
            actor=staff,
            fields={
                "kind": kind,
                "title": title,
                "quantity_produced": n,
                "produced_on": produced,
                "language": languages.get("Tiếng Việt"),
                "cost_vnd": cost,
            },
        )
        for kind, title, n, cost in [
            (Material.Kind.INFO_BOARD, "Bảng thông tin về trợ giúp pháp lý", 128, 88_700_000),
            (Material.Kind.INFO_BOX, "Hộp tin trợ giúp pháp lý", 128, 76_800_000),
            (Material.Kind.INFO_SHEET, "Tờ thông tin về trợ giúp pháp lý", 300, 11_900_000),
            (Material.Kind.LEAFLET, "Tờ gấp pháp luật về trợ giúp pháp lý", 80_000, 40_000_000),
        ]
    }
    # boards and boxes at 48 and 40 communes (two each), leaflets and sheets further
    plan = [
        (Material.Kind.INFO_BOARD, communes[:48], 2),
        (Material.Kind.INFO_BOX, communes[:40], 2),
        (Material.Kind.LEAFLET, communes[:60], 1000),
        (Material.Kind.INFO_SHEET, communes[5:55], 5),
    ]
    for kind, where, quantity in plan:
        for index, code in enumerate(where):
            services.place_material(
                actor=staff,
                material=made[kind],
                on=produced + timedelta(days=20 + index),
                quantity=quantity,
                commune_code=code,
                received_by="Công chức Tư pháp - Hộ tịch xã",
                place_text="Trụ sở UBND xã",
                plan_item_id=task,
            )
    tay = [languages[n] for n in ("Tiếng Việt", "Tày", "Nùng") if n in languages]
    for index, code in enumerate(communes[10:40]):
        services.record_activity(
            actor=staff,
            fields={
                "kind": Activity.Kind.LOUDSPEAKER,
                "title": "Chuyên mục TGPL trên loa truyền thanh xã",
                "starts_at": _at(date(2021, 5, 3) + timedelta(days=7 * index)),
                "commune_code": code,
                "channel": "Đài truyền thanh xã",
                "cost_vnd": 2_000_000,
            },
            languages=tay,
            task_ids=[task] if task else [],
        )
    for index, code in enumerate(communes[:12]):
        services.record_activity(
            actor=staff,
            fields={
                "kind": Activity.Kind.COMMUNE_SESSION,
                "title": "Truyền thông về TGPL cho người dân tộc thiểu số",
                "starts_at": _at(date(2021, 6, 7) + timedelta(days=14 * index)),
                "commune_code": code,
                "village": "Thôn Nà Lừa",
                "participants_male": 22 + index,
                "participants_female": 18 + index,
                "ethnic_minority": 35,
                "poor_households": 9,
                "cost_vnd": 3_500_000,
            },
            languages=tay,
            task_ids=[task] if task else [],
        )
    week = date(2021, 1, 11)
    for index in range(50):
        if index % 9 == 4:
            continue  # weeks with no article: the recurring target shows them
        services.record_activity(
            actor=staff,
            fields={
                "kind": Activity.Kind.WEB_ARTICLE,
                "title": f"Tin hoạt động TGPL tuần {index + 2}",
                "starts_at": _at(week + timedelta(days=7 * index + 2)),
                "channel": SITE,
            },
            task_ids=[articles_task] if articles_task else [],
        )
    services.record_recurring_target(
        actor=staff,
        fields={
            "title": "Một tin, bài mỗi tuần trên trang của Sở Tư pháp (KH 2021, II.3.2)",
            "kinds": [Activity.Kind.WEB_ARTICLE],
            "channel": SITE,
            "period": "week",
            "per_period": 1,
            "start": date(2021, 1, 11),
            "end": date(2021, 12, 26),
            "plan_item_id": articles_task,
        },
    )


def _this_year(centre, staff, director, communes, languages) -> None:
    today = timezone.localdate()
    year = today.year
    # the communes' designations, reviewed for last year and this year
    for code in communes[20:40]:
        services.save_commune_year(
            actor=director,
            commune_code=code,
            year=year - 1,
            fields={
                "disadvantaged": True,
                "disadvantaged_basis": BASIS,
                "border": code % 3 == 0,
                "ethnic_composition": "Tày, Nùng, Dao",
            },
        )
    services.review_year(actor=director, year=year)
    services.save_commune_year(
        actor=director,
        commune_code=communes[39],
        year=year,
        fields={"disadvantaged": False, "ethnic_composition": "Tày, Nùng, Kinh"},
    )
    # a year of activities across two thirds of the communes
    for index, code in enumerate(communes[:44]):
        day = date(year, 1, 8) + timedelta(days=7 * index)
        if day > today:
            break
        kind = Activity.Kind.COMMUNE_SESSION if index % 4 else Activity.Kind.COMMUNE_EVENT
        services.record_activity(
            actor=staff,
            fields={
                "kind": kind,
                "title": "Truyền thông pháp luật về TGPL tại xã",
                "starts_at": _at(day),
                "commune_code": code,
                "participants_male": 15 + index % 7,
                "participants_female": 20 + index % 5,
                "ethnic_minority": 28,
                "disabled": index % 3,
                "children": index % 4,
                "cost_vnd": 3_000_000,
            },
            languages=[languages[n] for n in ("Tiếng Việt", "Tày") if n in languages],
        )
    contract = services.record_contract(
        actor=staff,
        fields={
            "number": f"15/{year}/HĐ-TGPL",
            "partner_name": RADIO,
            "start": date(year, 1, 1),
            "end": date(year, 12, 31),
            "amount_vnd": 240_000_000,
            "communes_covered": communes[:30],
        },
    )
    monday = today - timedelta(days=today.weekday())
    for weeks_ago in range(1, 9):
        if weeks_ago == 3:
            continue  # a missed week
        services.record_activity(
            actor=staff,
            fields={
                "kind": Activity.Kind.RADIO_TV,
                "title": "Chuyên mục Trợ giúp pháp lý với đồng bào dân tộc",
                "starts_at": _at(monday - timedelta(days=7 * weeks_ago - 2), 19),
                "channel": RADIO,
                "contract": contract,
            },
            languages=[languages[n] for n in ("Tày", "Nùng") if n in languages],
        )
    services.record_recurring_target(
        actor=staff,
        fields={
            "title": "Một chương trình phát thanh mỗi tuần (hợp đồng Đài PT-TH)",
            "kinds": [Activity.Kind.RADIO_TV],
            "contract": contract,
            "period": "week",
            "per_period": 1,
            "start": monday - timedelta(days=56),
            "end": date(year, 12, 31),
        },
    )
    # boards at courts, police and detention facilities placed last year: due for inspection
    agencies = list(
        Agency.objects.filter(
            kind__in=[Agency.Kind.COURT, Agency.Kind.POLICE, Agency.Kind.DETENTION]
        )
    )
    boards = services.record_material(
        actor=staff,
        fields={
            "kind": Material.Kind.INFO_BOARD,
            "title": "Bảng thông tin TGPL trong tố tụng",
            "quantity_produced": 20,
            "produced_on": date(year - 1, 9, 1),
            "inspection_months": 12,
        },
    )
    for index, agency in enumerate(agencies):
        services.place_material(
            actor=staff,
            material=boards,
            on=date(year - 1, 9, 10) + timedelta(days=40 * index),
            quantity=2,
            agency=agency,
            received_by="Văn phòng cơ quan",
            place_text="Phòng tiếp dân",
        )
    for code in communes[20:26]:
        services.add_contact(
            actor=staff,
            commune_code=code,
            name="Nông Văn Dũng" if code % 2 else "Hoàng Thị Lan",
            role="Công chức Tư pháp - Hộ tịch xã",
            phone="0912345678",
            consent_on=date(year, 2, 3),
            consent_note="Đồng ý bằng văn bản",
        )


def _pdf(text: str) -> bytes:
    """A one-page PDF with its cross-reference table (it opens in any reader)."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _attachment(centre, staff) -> None:
    """The attendance list of the first commune session, attached as staff would."""
    if ActivityAttachment.objects.filter(activity__centre=centre).exists():
        return
    activity = (
        Activity.objects.filter(centre=centre, kind=Activity.Kind.COMMUNE_SESSION)
        .order_by("-starts_at", "-pk")
        .first()
    )
    if activity is None:
        return
    services.add_attachment(
        actor=staff,
        activity=activity,
        file=ContentFile(_pdf("Danh sach nguoi tham du"), name="danh-sach-tham-du.pdf"),
        kind=ActivityAttachment.Kind.DOCUMENT,
        caption="Danh sách người tham dự buổi truyền thông",
    )
