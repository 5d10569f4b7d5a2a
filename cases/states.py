"""States, the one transitions table of each stateful model, and legal grounds.

A service names its action; `tgpl.kernel.check_transition` says whether the current
state allows it and returns the next state; views ask `allowed(...)` which actions
they may offer.
"""

from __future__ import annotations

from django.db import models

from tgpl.kernel import Transition, Transitions


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

T = Transition

REQUEST_TRANSITIONS = Transitions(
    RequestStatus,
    update=T(OPEN_REQUEST, None, "sửa yêu cầu"),
    request_missing_proof=T({RS.RECEIVED, RS.AWAITING_PROOF}, RS.AWAITING_PROOF,
                            "yêu cầu bổ sung giấy tờ"),
    record_proof=T(OPEN_REQUEST, RS.RECEIVED, "ghi nhận giấy tờ bổ sung"),
    accept=T(OPEN_REQUEST, RS.ACCEPTED, "thụ lý"),
    refuse=T(OPEN_REQUEST, RS.REFUSED, "từ chối thụ lý"),
    transfer=T(OPEN_REQUEST, RS.TRANSFERRED, "chuyển yêu cầu"),
)  # fmt: skip

CASE_TRANSITIONS = Transitions(
    CaseStatus,
    propose_assignment=T({CS.AWAITING_ASSIGNMENT}, CS.ASSIGNMENT_PROPOSED, "đề xuất cử người"),
    propose_replacement=T(WORKING, None, "đề xuất thay thế người thực hiện"),
    approve_assignment=T({CS.ASSIGNMENT_PROPOSED}, CS.ASSIGNED, "duyệt cử người"),
    approve_replacement=T(WORKING, None, "duyệt thay thế người thực hiện"),
    return_assignment=T({CS.ASSIGNMENT_PROPOSED}, CS.AWAITING_ASSIGNMENT, "trả lại đề xuất"),
    return_replacement=T(WORKING, None, "trả lại đề xuất"),
    start=T({CS.ASSIGNED}, CS.IN_PROGRESS, "bắt đầu thực hiện"),
    log_work=T(WORKING, None, "ghi nhật ký"),
    record_proof=T(OPEN_CASE, None, "ghi nhận giấy tờ bổ sung"),
    extend_advice=T(OPEN_CASE, None, "gia hạn trả lời tư vấn"),
    request_performer_change=T(WORKING, None, "ghi nhận đề nghị thay đổi người thực hiện"),
    close=T({CS.IN_PROGRESS}, CS.CLOSED, "kết thúc vụ việc"),
    discontinue=T(OPEN_CASE, CS.DISCONTINUED, "dừng thực hiện vụ việc"),
    update_file=T({*WORKING, CS.CLOSED, CS.DISCONTINUED}, None, "cập nhật hồ sơ"),
)  # fmt: skip

ASSIGNMENT_TRANSITIONS = Transitions(
    AssignmentStatus,
    {
        "approve": T({AS.PROPOSED}, AS.APPROVED, "duyệt"),
        "return": T({AS.PROPOSED}, AS.RETURNED, "trả lại"),
        "supersede": T({AS.APPROVED}, AS.SUPERSEDED, "thay thế"),
    },
)

CHANGE_REQUEST_TRANSITIONS = Transitions(
    ChangeRequestStatus,
    accept=T({XS.PENDING}, XS.ACCEPTED, "chấp nhận"),
    reject=T({XS.PENDING}, XS.REJECTED, "không chấp nhận"),
)


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


# --- quality appraisal, time appraisal and quotas (issue 14) ---------------------------


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    DRAWN = "drawn", "Đã chọn vụ việc"
    IN_APPRAISAL = "in_appraisal", "Đang thẩm định"
    CLOSED = "closed", "Đã kết thúc"


class AppraisalStatus(models.TextChoices):
    DRAWN = "drawn", "Chờ phân công"
    ASSIGNED = "assigned", "Đang thẩm định"
    SUBMITTED = "submitted", "Chờ Giám đốc duyệt"
    RETURNED = "returned", "Trả lại để chấm lại"
    APPROVED = "approved", "Đã duyệt kết luận"


class TimeAppraisalStatus(models.TextChoices):
    ASSIGNED = "assigned", "Đang thẩm định"
    CONFIRMED = "confirmed", "Đã xác nhận"


class QuotaDecisionStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"


PS, APS = PlanStatus, AppraisalStatus
SCORING = {APS.ASSIGNED, APS.RETURNED}

PLAN_TRANSITIONS = Transitions(
    PlanStatus,
    edit=T({PS.DRAFT}, None, "sửa kế hoạch"),
    draw=T({PS.DRAFT}, PS.DRAWN, "chọn vụ việc"),
    assign=T({PS.DRAWN}, None, "phân công người thẩm định"),
    decide=T({PS.DRAWN}, PS.IN_APPRAISAL, "ban hành quyết định phân công"),
    close=T({PS.IN_APPRAISAL}, PS.CLOSED, "kết thúc kế hoạch"),
)  # fmt: skip

APPRAISAL_TRANSITIONS = Transitions(
    AppraisalStatus,
    assign=T({APS.DRAWN}, None, "phân công người thẩm định"),
    start=T({APS.DRAWN}, APS.ASSIGNED, "bắt đầu thẩm định"),
    score=T(SCORING, None, "chấm điểm"),
    opinion=T({APS.ASSIGNED, APS.RETURNED, APS.SUBMITTED}, None, "gửi ý kiến"),
    submit=T(SCORING, APS.SUBMITTED, "gửi kết quả thẩm định"),
    approve=T({APS.SUBMITTED}, APS.APPROVED, "duyệt kết luận"),
    send_back=T({APS.SUBMITTED}, APS.RETURNED, "trả lại"),
)  # fmt: skip

TIME_APPRAISAL_TRANSITIONS = Transitions(
    TimeAppraisalStatus,
    confirm=T({TimeAppraisalStatus.ASSIGNED}, TimeAppraisalStatus.CONFIRMED, "xác nhận thời gian"),
)

QUOTA_TRANSITIONS = Transitions(
    QuotaDecisionStatus,
    edit=T({QuotaDecisionStatus.DRAFT}, None, "sửa chỉ tiêu"),
    issue=T({QuotaDecisionStatus.DRAFT}, QuotaDecisionStatus.ISSUED, "ban hành quyết định"),
)

# --- online submissions (issue 12.8) ----------------------------------------------------


class OnlineStatus(models.TextChoices):
    NEW = "new", "Chờ xác minh"
    RECORDED = "recorded", "Đã tiếp nhận thành yêu cầu"
    DECLINED = "declined", "Không tiếp nhận"


ONLINE_TRANSITIONS = Transitions(
    OnlineStatus,
    record=T({OnlineStatus.NEW}, OnlineStatus.RECORDED, "tiếp nhận thành yêu cầu",
             refusal="Yêu cầu trực tuyến này đã được xử lý."),
    decline=T({OnlineStatus.NEW}, OnlineStatus.DECLINED, "không tiếp nhận",
              refusal="Yêu cầu trực tuyến này đã được xử lý."),
)  # fmt: skip


# --- complaints (Luật TGPL Điều 45; issue 17) ---------------------------------------------


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", "Mới nhận đơn"
    ACCEPTED = "accepted", "Đã thụ lý"
    DECLINED = "declined", "Không thụ lý"
    DECIDED = "decided", "Đã giải quyết"
    APPEALED = "appealed", "Khiếu nại lên Sở Tư pháp"
    CLOSED = "closed", "Sở Tư pháp đã giải quyết"


class ComplaintGround(models.TextChoices):
    REFUSAL = "refusal", "Từ chối thụ lý yêu cầu TGPL"
    NON_PERFORMANCE = "non_performance", "Không thực hiện TGPL"
    UNLAWFUL = "unlawful", "Thực hiện TGPL không đúng pháp luật"
    CHANGE = "change", "Thay đổi người thực hiện TGPL trái pháp luật"


KS = ComplaintStatus
COMPLAINT_TRANSITIONS = Transitions(
    ComplaintStatus,
    accept=T({KS.RECEIVED}, KS.ACCEPTED, "thụ lý đơn khiếu nại"),
    decline=T({KS.RECEIVED}, KS.DECLINED, "không thụ lý đơn khiếu nại"),
    decide=T({KS.ACCEPTED}, KS.DECIDED, "giải quyết khiếu nại"),
    appeal=T({KS.DECIDED, KS.ACCEPTED, KS.DECLINED}, KS.APPEALED, "ghi nhận khiếu nại lên Sở"),
    close=T({KS.APPEALED}, KS.CLOSED, "ghi nhận quyết định của Sở Tư pháp"),
)  # fmt: skip
