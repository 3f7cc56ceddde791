"""Report jobs move from the reviews app to the reports app: a change of state, not of data.

The tables keep their names (``reviews_reportjob``, ``reviews_reportfile`` and their history
tables), so no row is copied. The content types follow the models, so admin permissions and
log entries stay attached to them.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ["reportjob", "reportfile", "historicalreportjob", "historicalreportfile"]


def _move_content_types(apps, schema_editor, source, target):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if content_type.objects.filter(app_label=target, model=model).exists():
            continue
        content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "reviews", "reports")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "reports", "reviews")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reviews", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReportJob',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('kind', models.CharField(choices=[('country_profile', 'Country profile (PDF)'), ('draft_review', 'Draft voluntary national review (DOCX)'), ('regional_synthesis', 'Regional review synthesis (PDF, DOCX)'), ('imrf_synthesis', 'IMRF global synthesis (PDF, XLSX)'), ('data_export', 'Data export (CSV, XLSX)'), ('bulk_export', 'Public bulk downloads')], max_length=20, verbose_name='kind')),
                        ('parameters', models.JSONField(blank=True, default=dict, verbose_name='parameters')),
                        ('parameters_key', models.CharField(editable=False, max_length=255)),
                        ('is_public', models.BooleanField(default=False, verbose_name='public')),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('succeeded', 'Succeeded'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='status')),
                        ('progress', models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(100)], verbose_name='progress (%)')),
                        ('error', models.TextField(blank=True, verbose_name='error')),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='report_jobs', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'reviews_reportjob',
                        'verbose_name': 'report job',
                        'verbose_name_plural': 'report jobs',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='ReportFile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('file', models.FileField(max_length=255, upload_to='reports/%Y/%m/')),
                        ('name', models.CharField(max_length=255, verbose_name='name')),
                        ('format', models.CharField(max_length=10, verbose_name='format')),
                        ('size', models.PositiveIntegerField(default=0, verbose_name='size')),
                        ('job', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='reports.reportjob')),
                    ],
                    options={
                        'db_table': 'reviews_reportfile',
                        'verbose_name': 'report file',
                        'verbose_name_plural': 'report files',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalReportJob',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                        ('kind', models.CharField(choices=[('country_profile', 'Country profile (PDF)'), ('draft_review', 'Draft voluntary national review (DOCX)'), ('regional_synthesis', 'Regional review synthesis (PDF, DOCX)'), ('imrf_synthesis', 'IMRF global synthesis (PDF, XLSX)'), ('data_export', 'Data export (CSV, XLSX)'), ('bulk_export', 'Public bulk downloads')], max_length=20, verbose_name='kind')),
                        ('parameters', models.JSONField(blank=True, default=dict, verbose_name='parameters')),
                        ('parameters_key', models.CharField(editable=False, max_length=255)),
                        ('is_public', models.BooleanField(default=False, verbose_name='public')),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('succeeded', 'Succeeded'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='status')),
                        ('error', models.TextField(blank=True, verbose_name='error')),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('requested_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'reviews_historicalreportjob',
                        'verbose_name': 'historical report job',
                        'verbose_name_plural': 'historical report jobs',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalReportFile',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                        ('file', models.TextField(max_length=255)),
                        ('name', models.CharField(max_length=255, verbose_name='name')),
                        ('format', models.CharField(max_length=10, verbose_name='format')),
                        ('size', models.PositiveIntegerField(default=0, verbose_name='size')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('job', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.reportjob')),
                    ],
                    options={
                        'db_table': 'reviews_historicalreportfile',
                        'verbose_name': 'historical report file',
                        'verbose_name_plural': 'historical report files',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='reportjob',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['queued', 'running'])), fields=('kind', 'parameters_key', 'requested_by'), name='one_active_report_per_request', nulls_distinct=False),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
