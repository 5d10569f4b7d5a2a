from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import public, roles
from .links import reverse_kept

# (key, label, URL name, icon, who sees the link: None for everyone signed in; the same
# predicate the area's view checks, so no one is shown a page that would refuse them)
NAV = [
    ("plans", "Kế hoạch", "plans:index", "bi-journal-text", None),
    ("cases", "Yêu cầu & Vụ việc", "cases:index", "bi-briefcase", None),
    ("outreach", "Truyền thông", "outreach:index", "bi-megaphone", None),
    ("reports", "Báo cáo", "reports:index", "bi-bar-chart-line", roles.can_see_reports),
]


def shell(request):
    """What the page shell needs: navigation, the current area, the user's place."""
    user = getattr(request, "user", None)
    band = SimpleLazyObject(lambda: public.band_for(user))  # read by base.html only
    if user is None or not user.is_authenticated:
        return {"site_name": settings.SITE_NAME, "band": band}
    match = getattr(request, "resolver_match", None)
    current = match.app_name if match else ""
    return {
        "site_name": settings.SITE_NAME,
        "band": band,
        "nav_items": [
            {
                "key": key,
                "label": label,
                "url": reverse_kept(name),
                "icon": icon,
                "active": key == current,
            }
            for key, label, name, icon, may in NAV
            if may is None or may(user)
        ],
        "user_roles": roles.role_labels(user),
        "user_can_admin": roles.can_use_admin(user),
        "user_can_see_register": roles.can_see_document_register(user),
        "user_can_see_read_log": roles.can_see_read_log(user),
    }
