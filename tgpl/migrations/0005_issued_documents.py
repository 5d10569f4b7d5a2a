# The register of issued documents and its number counters (tgpl/documents/models.py).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

KINDS = [
    ("KH", "Kế hoạch"),
    ("QĐ", "Quyết định"),
    ("TB", "Thông báo"),
    ("BC", "Báo cáo"),
    ("TTr", "Tờ trình"),
]


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('tgpl', '0004_seed_makeup_days'),
    ]

    operations = [
        migrations.CreateModel(
            name='DocumentCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=KINDS, max_length=8, verbose_name='loại văn bản')),
                ('year', models.PositiveSmallIntegerField(verbose_name='năm')),
                ('last_serial', models.PositiveIntegerField(default=0, verbose_name='số đã cấp gần nhất')),
                ('centre', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tgpl.centre', verbose_name='Trung tâm')),
            ],
            options={
                'verbose_name': 'bộ đếm số văn bản',
                'verbose_name_plural': 'bộ đếm số văn bản',
                'constraints': [models.UniqueConstraint(fields=('centre', 'kind', 'year'), name='documentcounter_unique_series')],
            },
        ),
        migrations.CreateModel(
            name='IssuedDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=KINDS, max_length=8, verbose_name='loại văn bản')),
                ('year', models.PositiveSmallIntegerField(verbose_name='năm')),
                ('serial', models.PositiveIntegerField(verbose_name='số')),
                ('number_text', models.CharField(max_length=64, verbose_name='số, ký hiệu')),
                ('subject', models.CharField(max_length=500, verbose_name='trích yếu')),
                ('issued_on', models.DateField(verbose_name='ngày ban hành')),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='mã đối tượng')),
                ('issued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='thời điểm cấp số')),
                ('centre', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='issued_documents', to='tgpl.centre', verbose_name='Trung tâm')),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype', verbose_name='loại đối tượng')),
                ('issued_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người cấp số')),
            ],
            options={
                'verbose_name': 'văn bản đã cấp số',
                'verbose_name_plural': 'sổ đăng ký văn bản đi',
                'ordering': ['-year', 'kind', '-serial'],
                'indexes': [models.Index(fields=['content_type', 'object_id'], name='issueddocument_object')],
                'constraints': [models.UniqueConstraint(fields=('centre', 'kind', 'year', 'serial'), name='issueddocument_unique_number')],
            },
        ),
    ]
