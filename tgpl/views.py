from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import home, roles
from .models import Department, User


def dashboard(request):
    """The home page: what this person must do now, panel by panel (tgpl/home.py)."""
    user = request.user
    today = timezone.localdate()
    centres = list(roles.visible_centres(user).select_related("parent_agency"))
    return render(
        request,
        "tgpl/dashboard.html",
        {
            "centres": centres,
            "department": user.department,
            "role_labels": roles.role_labels(user),
            "panels": home.panels_for(user, today),
            "today": today,
        },
    )


def organisation(request):
    """The centres the user may see: the Ban Giám đốc (director and deputies) above the
    departments, with their heads and staff."""
    centres = roles.visible_centres(request.user)
    members = User.objects.filter(is_active=True).order_by("full_name")
    departments = (
        Department.objects.filter(centre__in=centres, is_active=True)
        .select_related("centre", "head")
        .prefetch_related(Prefetch("members", queryset=members))
        .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
        .order_by("centre__name", "kind", "position", "name")
    )
    leaders = roles.leadership_of(centres)
    by_centre: dict[int, dict] = {
        c.pk: {"centre": c, "leaders": [], "departments": []} for c in centres.order_by("name")
    }
    for leader in leaders:
        leader.title = roles.leadership_title(leader)  # from its rank: no query
        by_centre[leader.centre_id]["leaders"].append(leader)
    for department in departments:
        by_centre[department.centre_id]["departments"].append(department)
    return render(request, "tgpl/organisation.html", {"centres": list(by_centre.values())})


@login_not_required
@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return redirect(static("img/logo.svg"), permanent=True)
