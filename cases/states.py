"""States, the one transitions table of each stateful model, and legal grounds.

A service names its action; `check_transition` says whether the current state
allows it and returns the next state (None: the state does not change).
"""

from __future__ import annotations

from django.db import models

from tgpl.errors import BusinessRuleError


class Form(models.TextChoices):
    LITIGATION = "litigation", "Tham gia tố tụng"
    ADVICE = "advice", "Tư vấn pháp luật"
    REPRESENTATION = "representation", "Đại diện ngoài tố tụng"


class RequestStatus(models.TextChoices):
    RECEIVED = "received", "Mới tiếp nhận"
    AWAITING_PROOF = "awaiting_proof", "Chờ bổ sung giấy tờ"
    ACCEPTED = "accepted", "Đã thụ lý"
    REFUSED = "refused", "Từ chối thụ lý"
    TRANSFERRED = "transferred", "Đã chuyển Trung tâm khác"


class CaseStatus(models.TextChoices):
    AWAITING_ASSIGNMENT = "awaiting_assignment", "Chờ cử người"
    ASSIGNMENT_PROPOSED = "assignment_proposed", "Chờ duyệt cử người"
    ASSIGNED = "assigned", "Đã cử người"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    CLOSED = "closed", "Đã kết thúc"
    DISCONTINUED = "discontinued", "Không tiếp tục thực hiện"


class AssignmentStatus(models.TextChoices):
    PROPOSED = "proposed", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    RETURNED = "returned", "Trả lại"
    SUPERSEDED = "superseded", "Đã được thay thế"


class ChangeRequestStatus(models.TextChoices):
    PENDING = "pending", "Chờ trả lời"
    ACCEPTED = "accepted", "Chấp nhận"
    REJECTED = "rejected", "Không chấp nhận"


RS, CS, AS, XS = RequestStatus, CaseStatus, AssignmentStatus, ChangeRequestStatus
OPEN_REQUEST = {RS.RECEIVED, RS.AWAITING_PROOF}
OPEN_CASE = {CS.AWAITING_ASSIGNMENT, CS.ASSIGNMENT_PROPOSED, CS.ASSIGNED, CS.IN_PROGRESS}
WORKING = {CS.ASSIGNED, CS.IN_PROGRESS}

# action: (states it may start from, state it leads to or None for "unchanged")
REQUEST_TRANSITIONS = {
    "update": (OPEN_REQUEST, None),
    "request_missing_proof": ({RS.RECEIVED, RS.AWAITING_PROOF}, RS.AWAITING_PROOF),
    "record_proof": (OPEN_REQUEST, RS.RECEIVED),
    "accept": (OPEN_REQUEST, RS.ACCEPTED),
    "refuse": (OPEN_REQUEST, RS.REFUSED),
    "transfer": (OPEN_REQUEST, RS.TRANSFERRED),
}

CASE_TRANSITIONS = {
    "propose_assignment": ({CS.AWAITING_ASSIGNMENT}, CS.ASSIGNMENT_PROPOSED),
    "propose_replacement": (WORKING, None),
    "approve_assignment": ({CS.ASSIGNMENT_PROPOSED}, CS.ASSIGNED),
    "approve_replacement": (WORKING, None),
    "return_assignment": ({CS.ASSIGNMENT_PROPOSED}, CS.AWAITING_ASSIGNMENT),
    "return_replacement": (WORKING, None),
    "start": ({CS.ASSIGNED}, CS.IN_PROGRESS),
    "log_work": (WORKING, None),
    "record_proof": (OPEN_CASE, None),
    "extend_advice": (OPEN_CASE, None),
    "request_performer_change": (WORKING, None),
    "close": ({CS.IN_PROGRESS}, CS.CLOSED),
    "discontinue": (OPEN_CASE, CS.DISCONTINUED),
    "update_file": ({*WORKING, CS.CLOSED, CS.DISCONTINUED}, None),
}

ASSIGNMENT_TRANSITIONS = {
    "approve": ({AS.PROPOSED}, AS.APPROVED),
    "return": ({AS.PROPOSED}, AS.RETURNED),
    "supersede": ({AS.APPROVED}, AS.SUPERSEDED),
}

CHANGE_REQUEST_TRANSITIONS = {
    "accept": ({XS.PENDING}, XS.ACCEPTED),
    "reject": ({XS.PENDING}, XS.REJECTED),
}

_ACTION_LABELS = {
    "update": "sửa yêu cầu",
    "request_missing_proof": "yêu cầu bổ sung giấy tờ",
    "record_proof": "ghi nhận giấy tờ bổ sung",
    "accept": "thụ lý / chấp nhận",
    "refuse": "từ chối",
    "transfer": "chuyển yêu cầu",
    "propose_assignment": "đề xuất cử người",
    "propose_replacement": "đề xuất thay thế người thực hiện",
    "approve_assignment": "duyệt cử người",
    "approve_replacement": "duyệt thay thế người thực hiện",
    "return_assignment": "trả lại đề xuất",
    "return_replacement": "trả lại đề xuất",
    "start": "bắt đầu thực hiện",
    "log_work": "ghi nhật ký",
    "extend_advice": "gia hạn trả lời tư vấn",
    "request_performer_change": "ghi nhận đề nghị thay đổi người thực hiện",
    "close": "kết thúc vụ việc",
    "discontinue": "dừng thực hiện vụ việc",
    "update_file": "cập nhật hồ sơ",
    "approve": "duyệt",
    "return": "trả lại",
    "supersede": "thay thế",
    "reject": "không chấp nhận",
}


def check_transition(table: dict, action: str, current: str, labels) -> str:
    """The state after `action` from `current`, or a BusinessRuleError in Vietnamese."""
    sources, target = table[action]
    if current not in sources:
        label = dict(labels.choices).get(current, current)
        raise BusinessRuleError(
            f"Không thể {_ACTION_LABELS.get(action, action)} khi đang ở trạng thái “{label}”."
        )
    return current if target is None else target


# --- legal grounds ----------------------------------------------------------------------


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "Trực tiếp tại trụ sở / chi nhánh"
    OUTREACH = "outreach", "Trực tiếp tại điểm tiếp nhận khác"
    HOTLINE = "hotline", "Điện thoại, đường dây nóng"
    POST = "post", "Bưu chính"
    ONLINE = "online", "Trực tuyến, thư điện tử, fax"
    AUTHORITY_NOTICE = (
        "authority_notice",
        "Thông báo của cơ quan tiến hành tố tụng (Mẫu 03 TTLT 10/2018)",
    )
    AUTHORITY_INFO = (
        "authority_info",
        "Thông tin của cơ quan tiến hành tố tụng (Mẫu 04 TTLT 10/2018)",
    )


AUTHORITY_CHANNELS = {Channel.AUTHORITY_NOTICE, Channel.AUTHORITY_INFO}


class Sex(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class ImmediateGround(models.TextChoices):
    LIMITATION = "a", "a) Thời hiệu khởi kiện còn dưới 05 ngày làm việc"
    TRIAL = "b", "b) Còn dưới 05 ngày làm việc đến ngày xét xử"
    AUTHORITY = "c", "c) Chỉ định bào chữa / cơ quan tiến hành tố tụng thông báo (Điều 31.3)"
    AVOID_HARM = "d", "d) Trường hợp khác do người đứng đầu quyết định để tránh thiệt hại"


class RefusalGround(models.TextChoices):
    NOT_ELIGIBLE = "a", "a) Không đủ điều kiện thụ lý theo khoản 1 Điều 30"
    UNLAWFUL = "b", "b) Nội dung yêu cầu trái pháp luật"
    DECEASED = "c", "c) Người được trợ giúp pháp lý đã chết"
    HANDLED_ELSEWHERE = "d", "d) Vụ việc đang do tổ chức thực hiện TGPL khác thực hiện"


class DiscontinueGround(models.TextChoices):
    REFUSAL_GROUND = "a", "a) Thuộc trường hợp từ chối thụ lý (Điều 37.1.a)"
    PROHIBITED_ACT = "b", "b) Người được TGPL vi phạm Điều 6.2 (Điều 37.1.b)"
    WITHDRAWN = "c", "c) Người được TGPL rút yêu cầu (Điều 37.1.c)"
    NO_PROOF = "proof", "Không bổ sung giấy tờ chứng minh đúng hạn (TT 12/2018 Điều 6.2)"


class Outcome(models.TextChoices):
    DONE = "done", "Đã thực hiện xong yêu cầu (TT 12/2018 Điều 10.1)"
    SUSPENDED = "suspended", "Vụ việc bị đình chỉ theo quy định (TT 12/2018 Điều 10.3)"


class Stage(models.TextChoices):
    INVESTIGATION = "investigation", "Điều tra"
    PROSECUTION = "prosecution", "Truy tố"
    FIRST_INSTANCE = "first_instance", "Xét xử sơ thẩm"
    APPEAL = "appeal", "Xét xử phúc thẩm"
    ENFORCEMENT = "enforcement", "Thi hành án"
    NEGOTIATION = "negotiation", "Làm việc với cơ quan, tổ chức"
    ADVICE = "advice", "Tư vấn"
    OTHER = "other", "Khác"
