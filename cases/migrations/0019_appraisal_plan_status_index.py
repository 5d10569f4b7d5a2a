"""Issue 18: a plan's appraisals counted by state from an index (the plans list)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0018_searched_walk_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='appraisal',
            index=models.Index(fields=['plan', 'status'], name='appraisal_plan_status'),
        ),
    ]
