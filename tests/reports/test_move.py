"""Report jobs moved from reviews to reports: same tables, same rows, same task names."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reports.models import ReportFile, ReportJob
from reports.tasks import generate_report, regenerate_bulk_exports


def test_report_models_keep_the_tables_of_the_reviews_app():
    assert ReportJob._meta.db_table == "reviews_reportjob"
    assert ReportFile._meta.db_table == "reviews_reportfile"
    assert ReportJob.history.model._meta.db_table == "reviews_historicalreportjob"
    assert ReportFile.history.model._meta.db_table == "reviews_historicalreportfile"


def test_tasks_keep_the_names_that_queued_messages_carry():
    from gcm_tracker.celery import app

    assert generate_report.name == "reviews.generate_report"
    assert regenerate_bulk_exports.name == "reviews.regenerate_bulk_exports"
    assert app.tasks["reviews.generate_report"].name == generate_report.name
    assert app.tasks["reviews.regenerate_bulk_exports"].name == regenerate_bulk_exports.name


def _migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.mark.django_db(transaction=True)
def test_migrating_a_database_from_before_the_move_keeps_jobs_files_and_history(make_user):
    user = make_user("analyst")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    content_type = ContentType.objects.get_for_model(ReportJob)
    try:
        # Back to the schema where report jobs were models of the reviews app.
        executor = _migrate([("reports", None)])
        old = executor.loader.project_state([("reviews", "0001_initial")]).apps
        assert ContentType.objects.get(pk=content_type.pk).app_label == "reviews"
        old_job_model = old.get_model("reviews", "ReportJob")
        job = old_job_model.objects.create(
            kind="country_profile",
            parameters={"country": "PRT"},
            parameters_key='{"country":"PRT"}',
            requested_by_id=user.pk,
            status="succeeded",
        )
        old.get_model("reviews", "ReportFile").objects.create(
            job=job, name="profile.pdf", format="pdf", size=4, file="reports/2026/01/profile.pdf"
        )
        old.get_model("reviews", "HistoricalReportJob").objects.create(
            id=job.pk,
            created_at=job.created_at,
            updated_at=job.updated_at,
            kind=job.kind,
            parameters=job.parameters,
            parameters_key=job.parameters_key,
            status=job.status,
            history_date=job.updated_at,
            history_type="+",
            requested_by_id=user.pk,
        )
    finally:
        _migrate(latest)

    moved = ReportJob.objects.get(pk=job.pk)
    assert moved.requested_by == user
    assert moved.status == ReportJob.Status.SUCCEEDED
    assert [f.name for f in moved.files.all()] == ["profile.pdf"]
    assert moved.history.count() == 1
    # The content type followed the model, so permissions and admin log entries still match.
    assert ContentType.objects.get(pk=content_type.pk).app_label == "reports"
    assert ContentType.objects.get_for_model(ReportJob).pk == content_type.pk
