"""Two-factor sign-in with a time-based code (TOTP, django-otp) for the roles that need it.

`roles.requires_two_factor(user)` says who (administrators and the director). After the
password, such a user enrols an authenticator app the first time (a QR code drawn here,
as SVG, with nothing fetched from outside) or types the app's 6-digit code; until then
`AccountGateMiddleware` lets them see nothing else. A lost phone is recovered by the
centre's administrator: `reset_two_factor` removes the device (recorded in the user's
history with who and why) and the user enrols again at the next sign-in.
"""

from __future__ import annotations

import base64
import io
import math
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import save

DEVICE_NAME = "Ứng dụng xác thực"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The device being enrolled: kept across reloads so a scanned code stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32 in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The enrolment QR code as an SVG data URI (the CSP allows data: images only)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _clean_code(code: str) -> str:
    return "".join((code or "").split())


def _check_code(device: TOTPDevice, code: str) -> TOTPDevice | None:
    """The device, locked for the check, when the code is right. A wrong code is counted
    (django-otp slows the next tries down) and that count is committed: the caller raises
    only after this transaction."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        return device if device.verify_token(_clean_code(code)) else None


def confirm_enrolment(*, request, code: str) -> None:
    """Confirm the pending device with a code from the app and sign this session in."""
    user = request.user
    if is_enrolled(user):
        raise BusinessRuleError("Tài khoản đã đăng ký xác thực hai lớp.")
    device = _check_code(pending_device(user), code)
    if device is None:
        raise BusinessRuleError(_refusal(pending_device(user)), field="code")
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        save(user, actor=user, reason="Đăng ký xác thực hai lớp")
    otp_login(request, device)


def verify(*, request, code: str) -> None:
    """Check a code from the enrolled app and mark this session verified."""
    enrolled = confirmed_device(request.user)
    if enrolled is None:
        raise BusinessRuleError("Tài khoản chưa đăng ký xác thực hai lớp.")
    device = _check_code(enrolled, code)
    if device is None:
        enrolled.refresh_from_db()
        raise BusinessRuleError(_refusal(enrolled), field="code")
    otp_login(request, device)


def _refusal(device: TOTPDevice) -> str:
    allowed, info = device.verify_is_allowed()
    if not allowed and info and info.get("locked_until"):
        wait = max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))
        return (
            f"Mã không đúng. Đã nhập sai {info['failure_count']} lần liền: chờ {wait} giây "
            "rồi nhập mã mới nhất trên ứng dụng."
        )
    return "Mã không đúng hoặc đã hết hạn. Nhập mã 6 chữ số đang hiện trên ứng dụng."


@transaction.atomic
def reset_two_factor(*, user, actor, reason: str) -> int:
    """Remove a user's authenticator (lost phone): they enrol again at the next sign-in.

    Only an administrator of the user's centre; recorded in the user's history.
    """
    if not roles.can_manage_organisation(actor, user.centre):
        raise BusinessRuleError("Bạn không có quyền đặt lại xác thực hai lớp của người này.")
    reason = " ".join((reason or "").split())
    if not reason:
        raise BusinessRuleError("Cần ghi lý do đặt lại xác thực hai lớp.", field="reason")
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    save(user, actor=actor, reason=f"Đặt lại xác thực hai lớp: {reason}")
    return removed
