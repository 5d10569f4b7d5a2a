"""A department's head is an active person with the head role (services.release_headships
keeps it so from now on). A head locked or stripped of the role before that kept the
department, and its proposals waited for her; such a department loses its head, with a
history record saying why, and the centre's leadership decides its proposals."""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

HEAD_ROLE = "department_head"
REASON = "Bỏ trưởng phòng {name}: tài khoản bị khóa hoặc không còn vai trò Trưởng phòng"


def release(apps, schema_editor):
    Department = apps.get_model("tgpl", "Department")
    HistoricalDepartment = apps.get_model("tgpl", "HistoricalDepartment")
    stale = Department.objects.filter(
        Q(head__is_active=False) | ~Q(head__groups__name=HEAD_ROLE), head__isnull=False
    ).select_related("head")
    now = timezone.now()
    for department in stale.distinct().order_by("pk"):
        head = department.head
        department.head = None
        department.save(update_fields=["head"])
        HistoricalDepartment.objects.create(
            **{
                f.attname: getattr(department, f.attname)
                for f in Department._meta.concrete_fields
            },
            history_date=now,
            history_type="~",
            history_change_reason=REASON.format(name=head.full_name or head.username)[:100],
            history_user=None,
        )


class Migration(migrations.Migration):
    dependencies = [("tgpl", "0014_export_jobs")]

    operations = [migrations.RunPython(release, migrations.RunPython.noop)]
