# ruff: noqa: E501 - demo data reads best one item per line
"""Demo data for the cases app: a year of requests and cases in every state.

`seed_demo_cases(centre, stdout)` is called by `manage.py seed_demo` after the
organisation exists. Idempotent: performers are updated, requests are only created
the first time. Everything goes through the services, as a user would do it.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from cases import services
from cases.models import (
    EligibilityCategory,
    LawyerContract,
    LegalAidRequest,
    LegalField,
    Performer,
    ProofDocument,
)
from cases.rules.catalogue import CATEGORY_AGES
from cases.states import Channel, DiscontinueGround, Form, Outcome, Sex, Stage
from tgpl import geography
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency, Department, User

FAMILY = ["Hoàng", "Nông", "Lương", "Vi", "Lăng", "Hà", "Chu", "Đinh", "Lý", "Triệu", "Mã",
          "Nguyễn", "Trần", "Lô", "Vy", "Dương", "La", "Hứa", "Bế", "Lộc"]  # fmt: skip
MALE = ["Văn Sáng", "Văn Thắng", "Đức Toàn", "Văn Páo", "Minh Tuấn", "Văn Lợi", "Quang Huy",
        "Văn Khánh", "Đình Phúc", "Văn Chiến"]  # fmt: skip
FEMALE = ["Thị Hoa", "Thị Lan", "Thị Mai", "Thị Thu", "Thị Nhung", "Thị Bích", "Thị Dung",
          "Thị Hằng", "Thị Yến", "Thị Phương"]  # fmt: skip
ETHNIC = ["Tày", "Nùng", "Kinh", "Dao", "Sán Chay", "H'Mông"]
SUMMARIES = {
    "hinh_su": ["Bào chữa cho bị can trong vụ án trộm cắp tài sản", "Bảo vệ quyền lợi bị hại vụ cố ý gây thương tích"],
    "dan_su": ["Tranh chấp hợp đồng vay tài sản", "Yêu cầu chia di sản thừa kế là đất ở"],
    "hon_nhan": ["Ly hôn và giành quyền nuôi con", "Yêu cầu cấp dưỡng nuôi con"],
    "hanh_chinh": ["Khiếu nại quyết định xử phạt vi phạm hành chính", "Khiếu nại về bồi thường khi thu hồi đất"],
    "dat_dai": ["Tranh chấp ranh giới quyền sử dụng đất với hộ liền kề", "Thủ tục cấp giấy chứng nhận quyền sử dụng đất"],
    "lao_dong": ["Đòi tiền lương bị nợ khi làm việc tại công ty", "Chế độ bảo hiểm xã hội một lần"],
    "uu_dai": ["Chế độ trợ cấp ưu đãi người có công", "Hưởng chế độ thân nhân liệt sĩ"],
    "khac": ["Hỏi về thủ tục đăng ký hộ tịch", "Tư vấn về quyền của người khuyết tật"],
}  # fmt: skip
# category code -> documents that prove it
PROOFS = {
    "1": ["ncc"], "2": ["ho_ngheo"], "3": ["giay_to_tuoi"], "4": ["dan_toc_cu_tru"],
    "5": ["vb_to_tung"], "6": ["ho_can_ngheo", "vb_to_tung"], "6a": ["mua_ban_nguoi"],
    "7c": ["tro_cap_xh", "giay_to_tuoi"], "7d": ["ho_can_ngheo", "khuyet_tat"],
    "7e": ["tro_cap_xh", "bao_luc_gia_dinh"], "7h": ["ho_can_ngheo", "hiv"],
}  # fmt: skip
PERFORMERS = {
    # username: (kind, appointed year)
    "giamdoc": (Performer.Kind.LEGAL_AID_OFFICER, 2012),
    "phogiamdoc": (Performer.Kind.LEGAL_AID_OFFICER, 2015),
    "truongphong.nv": (Performer.Kind.LEGAL_AID_OFFICER, 2016),
    "truongcn1": (Performer.Kind.LEGAL_AID_OFFICER, 2019),
    "tgv": (Performer.Kind.LEGAL_AID_OFFICER, 2022),
    "tgv2": (Performer.Kind.LEGAL_AID_OFFICER, 2024),
    "luatsu": (Performer.Kind.CONTRACTED_LAWYER, None),
    "ctv": (Performer.Kind.COLLABORATOR, None),
}
COUNT = 240


def _performers(centre) -> dict[str, User]:
    users = {}
    for username, (kind, year) in PERFORMERS.items():
        user = User.objects.filter(username=username, centre=centre).first()
        if user is None:
            continue
        performer, _ = Performer.objects.update_or_create(
            user=user,
            defaults={"centre": centre, "kind": kind,
                      "appointed_on": date(year, 3, 1) if year else None},
        )  # fmt: skip
        if kind != Performer.Kind.LEGAL_AID_OFFICER:
            LawyerContract.objects.get_or_create(
                performer=performer,
                number=f"{performer.pk:02d}/2025/HĐ-TGPL",
                defaults={"start": date(2025, 1, 2), "end": date(2027, 12, 31)},
            )
        users[username] = user
    return users


def _moment(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(
        datetime.combine(day, time(rng.randint(7, 16), rng.choice([0, 15, 30, 45])))
    )


class _Seeder:
    def __init__(self, centre, rng: random.Random):
        self.centre, self.rng = centre, rng
        self.now = timezone.now()
        self.staff = User.objects.get(username="vienchuc")
        self.director = User.objects.get(username="giamdoc")
        self.depts = {d.short_code: d for d in Department.objects.filter(centre=centre)}
        self.users = _performers(centre)
        self.fields = {f.code: f for f in LegalField.objects.all()}
        self.docs = {d.code: d for d in ProofDocument.objects.all()}
        self.communes = geography.commune_choices(centre.province_code)
        self.police = Agency.objects.filter(kind=Agency.Kind.POLICE).first()

    def at(self, start: datetime, days: float) -> datetime:
        return min(start + timedelta(days=days), self.now - timedelta(minutes=1))

    def category(self, code: str, on: date):
        return EligibilityCategory.objects.filter(code=code, valid_from__lte=on).latest(
            "valid_from"
        )

    def person(self):
        sex = self.rng.choice([Sex.MALE, Sex.FEMALE])
        given = self.rng.choice(MALE if sex == Sex.MALE else FEMALE)
        return sex, f"{self.rng.choice(FAMILY)} {given}"

    def receive(self, received: datetime, form: str, dept) -> LegalAidRequest:
        rng = self.rng
        sex, name = self.person()
        field = rng.choice(list(SUMMARIES))
        if form == Form.LITIGATION and rng.random() < 0.6:
            field = "hinh_su"
        code = rng.choice(list(PROOFS))
        # an age that fits the category on the request date (catalogue.CATEGORY_AGES)
        low, below = CATEGORY_AGES.get(code, (None, None))
        age = rng.randint(low or (1 if below else 18), below - 1 if below else 88)
        birth_year = received.year - age
        authority = form == Form.LITIGATION and self.police and rng.random() < 0.25
        commune_code, commune_name = rng.choice(self.communes)
        fields = {
            "received_at": received,
            "department": dept if dept.kind == Department.Kind.BRANCH else None,
            "channel": Channel.AUTHORITY_NOTICE if authority else rng.choice(
                [Channel.IN_PERSON, Channel.IN_PERSON, Channel.HOTLINE, Channel.POST, Channel.OUTREACH]),
            "notifying_agency": self.police if authority else None,
            "notified_at": received - timedelta(hours=2) if authority else None,
            "full_name": name,
            "sex": sex,
            "birth_year": birth_year,
            "ethnicity": rng.choice(ETHNIC),
            "identity_number": f"020{rng.randint(0, 999_999_999):09d}",
            "phone": f"09{rng.randint(10_000_000, 99_999_999)}",
            "commune_code": commune_code,
            "address": f"Thôn {rng.choice(['Nà Lừa', 'Bản Chu', 'Khòn Pổ', 'Pò Pheo', 'Nà Pàn'])}",
            "disadvantaged_area": rng.random() < 0.3,
            "detained": bool(authority) and rng.random() < 0.5,
            "legal_field": self.fields[field],
            "form": form,
            "summary": f"{rng.choice(SUMMARIES[field])} ({commune_name}).",
            "opposing_parties": f"{self.rng.choice(FAMILY)} Văn Bên Kia" if form != Form.ADVICE else "",
        }  # fmt: skip
        proofs = PROOFS[code] if rng.random() > 0.15 else PROOFS[code][:-1]
        return services.receive_request(
            actor=self.staff,
            fields=fields,
            categories=[self.category(code, received.date())],
            proofs=[self.docs[p] for p in proofs],
        )

    def approver(self, dept, performer: User | None = None) -> User:
        """Who decides (roles.can_approve_assignment): the department's head, the director
        when there is none or the head is the one appointed, a deputy for the director."""
        if dept.head is not None and dept.head != performer:
            return dept.head
        return self.director if performer != self.director else self.users["phogiamdoc"]

    def check_conflicts(self, case, performer, at) -> None:
        """The conflict-of-interest check before assignment (issue 17.5), decided as the
        receiver would: demo names repeat, so a match is the same person asking again."""
        from cases.models import ConflictCheck
        from cases.services import conflicts

        matches = conflicts.run_check(actor=self.staff, request=case.request)
        conflicts.record_conflict_check(
            actor=self.staff, request=case.request, stage=ConflictCheck.Stage.ASSIGNMENT,
            decision=ConflictCheck.Decision.PROCEED if matches else ConflictCheck.Decision.NO_CONFLICT,
            note="Trùng tên với yêu cầu khác, không phải bên đối lập." if matches else "",
            performer=performer, at=at,
        )  # fmt: skip

    def performer_for(self, form: str, dept) -> User:
        names = ["tgv", "truongphong.nv", "luatsu", "giamdoc"]
        if dept.short_code == "CN1":
            names = ["tgv2", "truongcn1"]
        elif dept.short_code == "CN2":
            names = ["phogiamdoc", "luatsu"] + (["ctv", "ctv"] if form == Form.ADVICE else [])
        return self.users[self.rng.choice([n for n in names if n in self.users])]

    def one(self, index: int) -> None:
        rng = self.rng
        received = _moment(self.now.date() - timedelta(days=rng.randint(1, 360)), rng)
        received = min(received, self.now - timedelta(hours=3))
        form = rng.choices([Form.LITIGATION, Form.ADVICE, Form.REPRESENTATION], [45, 45, 10])[0]
        dept = self.depts[rng.choices(["NV", "CN1", "CN2"], [55, 30, 15])[0]]
        req = self.receive(received, form, dept)
        fate = rng.random()
        if fate < 0.06:
            return  # still waiting for a decision
        if fate < 0.12:
            services.request_missing_proof(actor=self.staff, request=req, note="Giấy tờ chứng minh diện",
                                           at=self.at(received, 0.1))  # fmt: skip
            return
        if fate < 0.16:
            services.refuse_request(actor=self.staff, request=req, ground=rng.choice("abd"),
                                    notice_text="Thông báo từ chối thụ lý theo Mẫu 08-TP-TGPL.",
                                    at=self.at(received, 0.2))  # fmt: skip
            return
        if fate < 0.18:
            services.transfer_request(actor=self.staff, request=req,
                                      to_name="Trung tâm TGPL nhà nước tỉnh Cao Bằng",
                                      notice_text="Người yêu cầu cư trú tại tỉnh Cao Bằng (Điều 35).",
                                      at=self.at(received, 0.3))  # fmt: skip
            return
        ground = "c" if req.channel == Channel.AUTHORITY_NOTICE else ""
        actor = self.staff
        if not ground and not services.intake.assess_request(req).proven:
            ground, actor = "d", self.approver(dept)
        case = services.accept_request(actor=actor, request=req, department=dept,
                                       immediate_ground=ground, at=self.at(received, 0.05))  # fmt: skip
        start = case.accepted_at
        if rng.random() < 0.06:
            return  # waiting for a proposal
        performer = self.performer_for(form, dept)
        self.check_conflicts(case, performer, self.at(start, 0.08))
        assignment = services.propose_assignment(actor=self.staff, case=case, performer=performer,
                                                 reason="Phù hợp lĩnh vực, khối lượng công việc",
                                                 at=self.at(start, 0.1))  # fmt: skip
        if rng.random() < 0.08:
            return  # waiting in the head's inbox
        approver = self.approver(dept, performer)
        if rng.random() < 0.05:
            services.return_assignment(actor=approver, assignment=assignment, note="Người này đang quá tải",
                                       at=self.at(start, 0.3))  # fmt: skip
            return
        services.approve_assignment(actor=approver, assignment=assignment, at=self.at(start, 0.4))
        if rng.random() < 0.07:
            return  # assigned, not started
        services.start_case(actor=performer, case=case, at=self.at(start, 1))
        age = (self.now - start).days
        for step in range(rng.randint(1, 4)):
            on = (start + timedelta(days=min(age, 2 + step * 7))).date()
            if on > self.now.date():
                break
            stage = (
                Stage.ADVICE
                if form == Form.ADVICE
                else rng.choice(
                    [
                        Stage.INVESTIGATION,
                        Stage.PROSECUTION,
                        Stage.FIRST_INSTANCE,
                        Stage.NEGOTIATION,
                    ]
                )
            )
            services.add_log_entry(actor=performer, case=case, on=on, stage=stage,
                                   agency_name="Tòa án nhân dân khu vực 1 - Lạng Sơn" if form == Form.LITIGATION else "",
                                   note="Làm việc với người được TGPL, nghiên cứu hồ sơ")  # fmt: skip
        if rng.random() < 0.05 and age > 5:
            services.discontinue_case(actor=approver, case=case, ground=DiscontinueGround.WITHDRAWN,
                                      notice_text="Người được TGPL rút yêu cầu (Mẫu 05-TP-TGPL).",
                                      at=self.at(start, 5))  # fmt: skip
            return
        if age > 20 and rng.random() < 0.7:
            ended = self.at(start, rng.randint(8, min(age, 90)))
            services.close_case(actor=performer, case=case, outcome=Outcome.DONE,
                                outcome_note="Đã thực hiện xong yêu cầu.", at=ended)  # fmt: skip
            case.refresh_from_db()
            if (self.now - ended).days > 10:
                handed = (ended + timedelta(days=rng.randint(3, 35))).date()
                services.update_case_file(actor=performer, case=case,
                                          items=[c for c, _, _ in case.checklist()][:3],
                                          handed_in_on=min(handed, self.now.date()))  # fmt: skip
        elif rng.random() < 0.1:
            services.request_performer_change(actor=self.staff, case=case,
                                              reason="Người được TGPL đề nghị người thực hiện là nữ",
                                              at=self.at(start, 3))  # fmt: skip


def seed_demo_cases(centre, stdout) -> None:
    if not User.objects.filter(username="vienchuc", centre=centre).exists():
        stdout.write("Bỏ qua dữ liệu mẫu vụ việc: chưa có người dùng mẫu.")
        return
    rng = random.Random(2026)  # noqa: S311 - demo data, reproducible
    seeder = _Seeder(centre, rng)
    if LegalAidRequest.objects.filter(centre=centre).exists():
        stdout.write("Dữ liệu mẫu yêu cầu, vụ việc đã có; chỉ cập nhật người thực hiện.")
        return
    made = skipped = 0
    for index in range(COUNT):
        try:
            with transaction.atomic():
                seeder.one(index)
            made += 1
        except BusinessRuleError as exc:
            skipped += 1
            stdout.write(f"  (bỏ qua một yêu cầu mẫu: {exc.message})")
    stdout.write(f"Đã tạo {made} yêu cầu TGPL mẫu (bỏ qua {skipped}).")
