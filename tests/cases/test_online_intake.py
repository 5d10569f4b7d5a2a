"""The online intake (issue 12.8): a public page where a person asks for legal aid, with
a server-side challenge and a limit per address; the submission waits in reception as a
request to verify; the person checks its state with a reference and a code."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases.forms_online import challenge_answer
from cases.models import LegalAidRequest, OnlineSubmission
from cases.services import online
from cases.states import Channel, OnlineStatus, RequestStatus
from tgpl.errors import BusinessRuleError
from tgpl.models import Notification

from .factories import category, legal_field

pytestmark = pytest.mark.django_db

PAGE = reverse("online:request")
STATUS = reverse("online:status")
QUEUE = reverse("cases:online_queue")


@pytest.fixture(autouse=True)
def _empty_counters():
    cache.clear()
    yield
    cache.clear()


def _token(html: str) -> str:
    return re.search(r'name="challenge" value="([^"]+)"', html).group(1)


def fill(client, **overrides):
    """The page's form, filled in by a person, with the right answer unless told."""
    html = client.get(PAGE).content.decode()
    token = _token(html)
    data = {
        "full_name": "Hoàng Văn Thào",
        "birth_year": "1961",
        "sex": "male",
        "phone": "0912345678",
        "address": "Thôn Khòn Quắc, xã Hữu Lũng",
        "categories": [str(category("2").pk)],
        "legal_field": str(legal_field().pk),
        "summary": "Bị hàng xóm lấn chiếm đất, cần được tư vấn cách khởi kiện.",
        "consent": "on",
        "challenge": token,
        "answer": str(challenge_answer(token)),
        "website": "",
    }
    data.update(overrides)
    return data


def send(client=None, remote="203.0.113.7", **overrides):
    client = client or Client()
    return client, client.post(PAGE, fill(client, **overrides), REMOTE_ADDR=remote)


def test_the_page_is_public_and_explains_the_categories_of_article_7(centre):
    html = Client().get(PAGE).content.decode()
    assert "Ai được trợ giúp pháp lý miễn phí? (Điều 7)" in html
    assert "Người thuộc hộ nghèo" in html
    assert "Điều 7 khoản 2" in html
    assert "Giấy chứng nhận hộ nghèo" in html or "hộ nghèo" in html.lower()
    assert "<script>" not in html  # no inline script (CSP)
    assert centre.name.upper() in html  # the band names the centre, not the host


def test_a_person_gets_a_reference_and_code_and_reception_gets_a_request_to_verify(
    centre, staff, login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox, as after a commit
        client, response = send()
    assert response.status_code == 302
    assert response.url == reverse("online:sent")
    submission = OnlineSubmission.objects.get()
    assert submission.centre == centre
    assert submission.status == OnlineStatus.NEW
    assert re.fullmatch(r"TT-2026-\d{6}", submission.reference)
    assert re.fullmatch(r"[A-Z2-9]{6}", submission.check_code)
    assert list(submission.categories.all()) == [category("2")]
    sent = client.get(response.url).content.decode()
    assert submission.reference in sent
    assert submission.check_code in sent
    assert not LegalAidRequest.objects.exists()  # not a request until verified
    notice = Notification.objects.get(recipient=staff)
    assert submission.reference in notice.title
    assert "Thào" not in notice.title + notice.body  # e-mails leave the intranet
    reception = login(staff)
    home = reception.get(reverse("dashboard")).content.decode()
    assert "Yêu cầu gửi trực tuyến" in home
    assert QUEUE in home
    queue = reception.get(QUEUE).content.decode()
    assert submission.reference in queue
    assert "Hoàng Văn Thào" in queue
    detail = reception.get(reverse("cases:online_detail", args=[submission.pk]))
    assert "Thôn Khòn Quắc" in detail.content.decode()
    from tgpl.audit.models import ReadLog

    read = ReadLog.objects.get(user=staff)
    assert read.label == f"Yêu cầu trực tuyến {submission.reference}"


def test_a_wrong_answer_keeps_what_was_typed_and_asks_a_new_question(centre):
    client = Client()
    data = fill(client)
    data["answer"] = str(int(data["answer"]) + 1)
    response = client.post(PAGE, data, REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Câu trả lời chưa đúng" in html
    assert 'value="Hoàng Văn Thào"' in html
    assert "Bị hàng xóm lấn chiếm đất" in html
    assert _token(html) != data["challenge"]
    assert not OnlineSubmission.objects.exists()


def test_a_forged_or_missing_challenge_is_refused(centre):
    _, response = send(challenge="gia-mao:1:2", answer="3")
    assert response.status_code == 400
    assert not OnlineSubmission.objects.exists()


@pytest.mark.parametrize("limit", [5, 0], ids=["within the limit", "over the limit"])
def test_an_empty_post_is_answered_with_errors_not_a_crash(centre, settings, client, limit):
    """An empty form (a robot, or a browser sending nothing) is a bound form with its
    errors, also when the address is over its limit (found by the permission matrix)."""
    settings.ONLINE_INTAKE_LIMIT = limit
    response = client.post(PAGE, {})
    assert response.status_code == (400 if limit else 429)
    assert response.context["form"].is_bound
    assert not OnlineSubmission.objects.exists()


def test_the_honeypot_catches_a_robot(centre):
    _, response = send(website="http://quang-cao.example")
    assert response.status_code == 400
    assert not OnlineSubmission.objects.exists()


def test_a_birth_year_in_the_future_is_refused(centre):
    _, response = send(birth_year="2030")
    assert response.status_code == 400
    assert "Năm sinh không được ở tương lai." in response.content.decode()


def test_submissions_are_limited_per_address(centre, settings):
    settings.ONLINE_INTAKE_LIMIT = 2
    for _ in range(2):
        assert send(remote="198.51.100.4")[1].status_code == 302
    _, refused = send(remote="198.51.100.4")
    assert refused.status_code == 429
    assert "quá nhiều lần" in refused.content.decode()
    assert 'value="Hoàng Văn Thào"' in refused.content.decode()
    assert OnlineSubmission.objects.count() == 2
    assert send(remote="198.51.100.5")[1].status_code == 302  # another address


def test_behind_a_proxy_the_limit_counts_the_client_address(centre, settings):
    settings.ONLINE_INTAKE_LIMIT = 1
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

    def via_proxy(client_ip):
        client = Client()
        return client.post(
            PAGE, fill(client), REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=client_ip
        )

    assert via_proxy("192.168.1.20").status_code == 302
    assert via_proxy("192.168.1.21").status_code == 302
    assert via_proxy("192.168.1.20").status_code == 429


def test_the_status_page_shows_the_state_and_no_personal_data(centre):
    _, _ = send()
    submission = OnlineSubmission.objects.get()
    response = Client().post(
        STATUS, {"reference": submission.reference.lower(), "code": submission.check_code}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chờ xác minh" in html
    for personal in ("Thào", "0912345678", "Khòn Quắc", "lấn chiếm"):
        assert personal not in html


def test_the_status_page_needs_the_right_code_and_is_limited(centre, settings):
    send()
    submission = OnlineSubmission.objects.get()
    wrong = Client().post(STATUS, {"reference": submission.reference, "code": "AAAAAA"})
    assert wrong.status_code == 404
    assert "Chờ xác minh" not in wrong.content.decode()
    settings.ONLINE_STATUS_LIMIT = 1
    cache.clear()
    guesser = Client()
    guesser.post(STATUS, {"reference": submission.reference, "code": "BBBBBB"})
    refused = guesser.post(
        STATUS, {"reference": submission.reference, "code": submission.check_code}
    )
    assert refused.status_code == 429


def test_reception_records_it_as_a_request_received_online(centre, staff, login):
    send()
    submission = OnlineSubmission.objects.get()
    client = login(staff)
    form = client.get(reverse("cases:online_record", args=[submission.pk]))
    assert form.status_code == 200
    assert 'value="Hoàng Văn Thào"' in form.content.decode()
    req = online.record_online_submission(
        actor=staff,
        submission=submission,
        fields={
            "channel": Channel.IN_PERSON,  # the channel is the online one, whatever is sent
            "full_name": "Hoàng Văn Thào",
            "sex": "male",
            "birth_year": 1961,
            "legal_field": legal_field(),
            "form": "advice",
            "summary": submission.summary,
        },
        categories=[category("2")],
    )
    submission.refresh_from_db()
    assert submission.status == OnlineStatus.RECORDED
    assert submission.request == req
    assert req.channel == Channel.ONLINE
    assert req.received_at == submission.submitted_at
    assert req.status == RequestStatus.RECEIVED
    with pytest.raises(BusinessRuleError, match="đã được xử lý"):
        online.decline_online_submission(actor=staff, submission=submission, note="Trùng")
    status = Client().post(
        STATUS, {"reference": submission.reference, "code": submission.check_code}
    )
    assert "Đã tiếp nhận thành yêu cầu" in status.content.decode()


def test_reception_records_it_through_the_intake_form(centre, staff, login, admin_office):
    send()
    submission = OnlineSubmission.objects.get()
    client = login(staff)
    response = client.post(
        reverse("cases:online_record", args=[submission.pk]),
        {
            "received_at": "18/11/2026 08:30",
            "channel": Channel.ONLINE,
            "full_name": "Hoàng Văn Thào",
            "sex": "male",
            "birth_year": "1961",
            "ethnicity": "Tày",
            "phone": "0912345678",
            "legal_field": str(legal_field().pk),
            "form": "advice",
            "summary": submission.summary,
            "categories": [str(category("2").pk)],
            "requester_is_aided": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    req = LegalAidRequest.objects.get()
    assert response.url == reverse("cases:request_detail", args=[req.pk])
    submission.refresh_from_db()
    assert submission.request == req
    assert req.channel == Channel.ONLINE


def test_reception_declines_with_a_reason(centre, staff, login):
    send()
    submission = OnlineSubmission.objects.get()
    client = login(staff)
    empty = client.post(reverse("cases:online_decline", args=[submission.pk]), {"note": ""})
    assert empty.status_code == 400
    done = client.post(
        reverse("cases:online_decline", args=[submission.pk]), {"note": "Gửi nhầm, đã gọi lại"}
    )
    assert done.status_code == 302
    submission.refresh_from_db()
    assert submission.status == OnlineStatus.DECLINED
    assert submission.handled_by == staff
    assert submission.history.first().history_user == staff


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("staff", 200),
        ("director", 200),
        ("officer", 200),
        ("lawyer", 403),
        ("collaborator", 403),
        ("reviewer", 403),
        ("administrator", 403),
    ],
)
def test_who_may_open_the_queue(persona, status, request, login, centre):
    assert login(request.getfixturevalue(persona)).get(QUEUE).status_code == status


def test_another_centre_does_not_see_the_submission(centre, other_centre_staff, login, settings):
    settings.CENTRE_NAME = centre.name  # two centres: the page is for this one
    send()
    submission = OnlineSubmission.objects.get()
    client = login(other_centre_staff)
    assert client.get(reverse("cases:online_detail", args=[submission.pk])).status_code == 404
    assert submission.reference not in client.get(QUEUE).content.decode()
    with pytest.raises(BusinessRuleError):
        online.decline_online_submission(
            actor=other_centre_staff, submission=submission, note="Không phải của tôi"
        )


def test_decline_is_post_only(centre, staff, login):
    send()
    submission = OnlineSubmission.objects.get()
    response = login(staff).get(reverse("cases:online_decline", args=[submission.pk]))
    assert response.status_code == 405


def test_the_queue_keeps_its_query_count(centre, staff, login, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(staff)
    send()
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as small:
        assert client.get(QUEUE).status_code == 200
    pinned = len(small.captured_queries)  # now: the query log is a bounded deque
    for n in range(4):
        send(remote=f"198.51.100.{20 + n}")
    handled = OnlineSubmission.objects.order_by("pk").first()
    online.decline_online_submission(actor=staff, submission=handled, note="Trùng")
    with django_assert_num_queries(pinned):
        page = client.get(QUEUE)
    assert page.content.decode().count("TT-2026-") >= 5


def _public_patterns(resolver=None, prefix=""):
    """Every URL pattern whose view is marked `login_not_required`."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _public_patterns(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            if not getattr(view, "login_required", True):
                yield prefix + str(pattern.pattern)


def test_nothing_else_is_reachable_without_login():
    public = {p for p in _public_patterns() if not p.startswith("admin/")}
    assert public == {
        "accounts/login/",
        "accounts/password/reset/",
        "accounts/password/reset/sent/",
        "accounts/password/reset/<uidb64>/<token>/",
        "accounts/password/reset/complete/",
        "online/",
        "online/sent/",
        "online/status/",
        "healthz/",
        "readyz/",
        "favicon.ico",
        "calendar/<str:token>.ics",
    }


@pytest.mark.parametrize(
    "url", [QUEUE, "/cases/", "/cases/requests/", "/plans/", "/organisation/", "/documents/"]
)
def test_anonymous_goes_to_login_from_every_other_page(url, centre):
    response = Client().get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_handled_submission_forgets_the_person_after_the_keeping_period(
    centre, staff, travel_to, settings
):
    from datetime import timedelta

    from django.utils import timezone

    from cases.retention_online import anonymise_handled_online_submissions

    send()
    send(remote="203.0.113.99")
    declined, waiting = OnlineSubmission.objects.order_by("pk")
    online.decline_online_submission(actor=staff, submission=declined, note="Gửi nhầm")
    soon = timezone.now() + timedelta(days=settings.ONLINE_SUBMISSION_KEEP_DAYS - 1)
    assert anonymise_handled_online_submissions(soon) == 0
    later = timezone.now() + timedelta(days=settings.ONLINE_SUBMISSION_KEEP_DAYS + 1)
    assert anonymise_handled_online_submissions(later) == 1
    declined.refresh_from_db()
    waiting.refresh_from_db()
    assert (declined.full_name, declined.phone, declined.summary) == ("[đã ẩn danh]", "", "")
    assert declined.reference.startswith("TT-")
    assert not declined.history.exclude(full_name="[đã ẩn danh]").exists()
    assert waiting.full_name == "Hoàng Văn Thào"  # still to verify: kept
    assert anonymise_handled_online_submissions(later) == 0
