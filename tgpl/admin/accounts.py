"""Login lockouts (django-axes) in the back office: a centre's administrator sees who of
their centre is locked out and lifts the lock; the person's history records who did."""

import axes.admin  # noqa: F401  (registers axes' own admins first, so they can be replaced)
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.db.models import Exists, OuterRef

from tgpl import lockouts, roles, services
from tgpl.errors import BusinessRuleError
from tgpl.models import User

from .scoping import ReadOnlyAccess

# axes' admins check Django permissions, which roles do not give (a 403 for the centre's
# administrator) and list every centre's attempts: replaced by the scoped one below.
for _model in (AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


def unlock_and_report(model_admin, request, users) -> None:
    """Unlock each chosen person through the service; say what happened, person by person."""
    unlocked = []
    for user in users:
        try:
            services.unlock_account(user=user, actor=request.user)
        except BusinessRuleError as exc:
            model_admin.message_user(request, exc.message, messages.WARNING)
        else:
            unlocked.append(user.username)
    if unlocked:
        model_admin.message_user(
            request, f"Đã mở khóa đăng nhập: {', '.join(unlocked)}.", messages.SUCCESS
        )


@admin.register(AccessAttempt)
class LockoutAdmin(ReadOnlyAccess, admin.ModelAdmin):
    """Failed logins of the centre's people; those locked out now can be unlocked."""

    centre_field = None  # rows name a username, scoped in get_queryset
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "locking"]
    search_fields = ["username", "ip_address"]
    readonly_fields = [
        "username",
        "ip_address",
        "user_agent",
        "path_info",
        "failures_since_start",
        "attempt_time",
    ]
    fields = readonly_fields
    actions = ["unlock_accounts"]

    def get_queryset(self, request):
        attempts = (
            super()
            .get_queryset(request)
            .annotate(is_locking=Exists(lockouts.locking_attempts().filter(pk=OuterRef("pk"))))
        )
        if request.user.is_superuser:
            return attempts
        people = roles.scope_to_centres(User.objects.all(), request.user)
        return attempts.filter(username__in=people.values("username"))

    @admin.display(boolean=True, description="Đang khóa")
    def locking(self, obj):
        return obj.is_locking

    @admin.action(description="Mở khóa đăng nhập cho người có lượt đã chọn")
    def unlock_accounts(self, request, queryset):
        names = set(queryset.values_list("username", flat=True))
        people = roles.scope_to_centres(User.objects.filter(username__in=names), request.user)
        unlock_and_report(self, request, people)
