"""Issue 18: the index of cases by centre, state and end also holds the department, so
the home page's departments table counts the open and the year's closed cases from the
index alone."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0019_appraisal_plan_status_index'),
        ('tgpl', '0015_release_heads_who_cannot_decide'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='case',
            name='case_centre_closed',
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['centre', 'status', 'ended_at', 'department'], name='case_centre_closed'),
        ),
    ]
