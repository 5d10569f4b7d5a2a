from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tgpl.paginate import paginate
from tgpl.security.middleware import passive

from .ics import calendar_for
from .models import Notification, NotificationPreference, new_token


def notification_list(request):
    notes = Notification.objects.filter(recipient=request.user)
    page, query = paginate(request, notes, per_page=30)
    pref = NotificationPreference.for_user(request.user)
    # The address people open (SITE_URL), not the host this request came through: behind
    # a proxy that is an internal name, and the link is copied into calendar apps.
    feed_url = f"{settings.SITE_URL.rstrip('/')}/calendar/{pref.ics_token}.ics"
    return render(
        request,
        "notifications/list.html",
        {"title": "Thông báo", "page": page, "query": query, "pref": pref, "feed_url": feed_url},
    )


@passive
def bell(request):
    """The unread count in the navigation bar (loaded by htmx after the page, then polled
    every two minutes: not user activity, so it does not keep an idle session alive)."""
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True).count()
    return render(request, "notifications/_bell.html", {"unread": unread})


@require_POST
def mark_read(request, pk):
    note = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    if request.POST.get("go") and note.url.startswith("/"):
        return redirect(note.url)
    return redirect("notifications")


@require_POST
def mark_all_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    messages.success(request, "Đã đánh dấu tất cả là đã đọc.")
    return redirect("notifications")


@require_POST
def preferences(request):
    pref = NotificationPreference.for_user(request.user)
    pref.email_enabled = request.POST.get("email_enabled") == "on"
    pref.save(update_fields=["email_enabled"])
    messages.success(
        request,
        "Sẽ gửi nhắc hạn qua thư điện tử." if pref.email_enabled else "Đã tắt nhắc hạn qua thư.",
    )
    return redirect("notifications")


@require_POST
def reset_feed(request):
    pref = NotificationPreference.for_user(request.user)
    pref.ics_token = new_token()
    pref.save(update_fields=["ics_token"])
    messages.success(request, "Đã tạo địa chỉ lịch mới; địa chỉ cũ không dùng được nữa.")
    return redirect("notifications")


@login_not_required
@require_GET
def ics_feed(request, token):
    """Public by design (calendar apps cannot sign in), protected by a secret token."""
    pref = NotificationPreference.objects.select_related("user").filter(ics_token=token).first()
    if pref is None or not pref.user.is_active:
        raise Http404
    response = HttpResponse(calendar_for(pref.user), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
