"""Report jobs run eagerly here: the files are opened and their content checked."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.errors import DomainError
from countries.models import Country
from reports import sections
from reports.models import ReportJob
from reports.services import (
    mark_report_failed,
    regenerate_bulk_exports,
    request_report,
    run_report_job,
)
from reviews.models import Pledge, ReviewCycle, Submission
from tests.reports.conftest import docx_text, job_file, pdf_fonts, pdf_text
from tests.reviews.factories import PledgeFactory, SubmissionFactory


@pytest.fixture
def portugal_data(cycles, organisation):
    """Pledges with names in Russian, Chinese and Arabic, and a submitted review."""
    ece = ReviewCycle.objects.get(code="ece-2024")
    imrf = ReviewCycle.objects.get(code="imrf-2022")
    PledgeFactory(title="Программа интеграции мигрантов", objectives=[15, 16], cycle=imrf)
    PledgeFactory(title="移民融合计划", objectives=[16], cycle=imrf)
    PledgeFactory(title="برنامج إدماج المهاجرين", objectives=[2], cycle=imrf)
    PledgeFactory(
        title="Language courses fund",
        pledge_type=Pledge.Type.FINANCIAL,
        amount=Decimal("1500000"),
        currency="EUR",
        objectives=[15],
        cycle=imrf,
    )
    PledgeFactory(
        title="Coalition legal clinics",
        country=None,
        organisation=organisation,
        objectives=[7],
        cycle=imrf,
    )
    SubmissionFactory(
        cycle=ece,
        title="Portugal voluntary review 2024",
        summary="Plan implemented.",
        good_practices="Quarterly inter-ministerial working group.",
        challenges="Fragmented data.",
        recommendations="Agree shared indicators.",
        status=Submission.Status.SUBMITTED,
    ).objectives.set([])
    submission = Submission.objects.get(title="Portugal voluntary review 2024")
    from objectives.models import Objective

    submission.objectives.set(Objective.objects.filter(number__in=[1, 15, 23]))
    SubmissionFactory(
        cycle=ece,
        kind=Submission.Kind.STAKEHOLDER_INPUT,
        country=None,
        organisation=organisation,
        title="Coalition input",
        good_practices="Community sponsorship.",
        status=Submission.Status.SUBMITTED,
    )
    return {"ece": ece, "imrf": imrf}


def _request(user, kind, **params):
    job, created = request_report(actor=user, kind=kind, parameters=params)
    assert created
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    assert job.progress == 100
    return job


def test_country_profile_pdf_shows_coverage_pledges_submissions_in_every_script(
    portugal_data, coordinator
):
    job = _request(coordinator, ReportJob.Kind.COUNTRY_PROFILE, country="prt")
    assert job.parameters == {"country": "PRT"}
    text = pdf_text(job_file(job, "pdf"))
    assert "Country profile: Portugal" in text
    assert "Coverage of the 23 objectives" in text
    # Objectives 2, 15, 16 by pledges and 1, 15, 23 by the review: 5 objectives covered.
    assert "5 of the 23 objectives have recorded activity" in text
    assert "Программа интеграции мигрантов" in text
    assert "移民融合计划" in text
    assert "المهاجرين" in text or "نيرجاهملا" in text  # pypdf may give visual order
    assert "Language courses fund" in text
    assert "1500000" in text.replace(",", "").replace(".00", "")
    assert "Portugal voluntary review 2024" in text
    # Real glyphs, not boxes: the Noto fonts of scripts/install-fonts.sh are embedded.
    fonts = " ".join(pdf_fonts(job_file(job, "pdf"))).replace("-", "")
    assert "NotoSansArabic" in fonts or "NotoNaskhArabic" in fonts
    assert "CJK" in fonts
    # The coalition's pledge is not Portugal's own.
    assert "Coalition legal clinics" not in text


def test_country_profile_includes_every_section(portugal_data, coordinator, monkeypatch):
    def plans_section(country):
        return {
            "title": "National implementation plan",
            "facts": [("Plan status", "Approved")],
            "table": {"columns": ["Measure", "Objective"], "rows": [["Measure A", 15]]},
            "objective_counts": {20: 3},
        }

    monkeypatch.setattr(sections, "COUNTRY_SECTIONS", (*sections.COUNTRY_SECTIONS, plans_section))
    job = _request(coordinator, ReportJob.Kind.COUNTRY_PROFILE, country="PRT")
    text = pdf_text(job_file(job, "pdf"))
    assert "National implementation plan" in text
    assert "Plan status" in text
    assert "Approved" in text
    assert "Measure A" in text
    assert "6 of the 23 objectives have recorded activity" in text


def test_draft_review_docx_is_an_editable_outline_from_live_data(portugal_data, coordinator):
    job = _request(coordinator, ReportJob.Kind.DRAFT_REVIEW, country="PRT")
    headings, text = docx_text(job_file(job, "docx"))
    assert headings[0] == "Voluntary GCM review of Portugal"
    for heading in (
        "1. Introduction",
        "2. Methodology and process of the review",
        "3. Policy and enabling environment",
        "4. Progress on the GCM objectives",
        "5. Pledges",
    ):
        assert heading in headings
    objective_headings = [h for h in headings if h.startswith("Objective ")]
    assert len(objective_headings) == 23
    assert "Pledge: Программа интеграции мигрантов (Pledged)" in text
    assert "Language courses fund | Financial" in text
    # With no plan and no initiative, the providers say so rather than leave a gap.
    assert "No implementation plan has been published." in text
    assert "No published initiative covers this country." in text


def test_draft_review_is_only_for_the_countrys_government_roles(portugal_data, member):
    with pytest.raises(DomainError) as exc:
        request_report(
            actor=member, kind=ReportJob.Kind.DRAFT_REVIEW, parameters={"country": "PRT"}
        )
    assert exc.value.code == "permission_denied"
    assert not ReportJob.objects.exists()


def test_regional_synthesis_pdf_and_docx_have_the_six_sections(portugal_data, member):
    job = _request(member, ReportJob.Kind.REGIONAL_SYNTHESIS, region="ece", cycle="ECE-2024")
    sections = [
        "Introduction",
        "Executive Summary",
        "Key Findings",
        "Good Practices and Lessons Learned",
        "Conclusions and Recommendations",
        "Annex: Organization of Work and List of Participants",
    ]
    text = pdf_text(job_file(job, "pdf"))
    positions = [text.index(f"{n}. {title}") for n, title in enumerate(sections, start=1)]
    assert positions == sorted(positions)
    assert "1 voluntary GCM reviews and 1 stakeholder inputs were submitted" in text
    assert "Quarterly inter-ministerial working group." in text
    assert "Community sponsorship." in text
    assert "Agree shared indicators." in text
    headings, docx = docx_text(job_file(job, "docx"))
    for n, title in enumerate(sections, start=1):
        assert f"{n}. {title}" in headings
    assert "Test Coalition" in docx  # annex of participants
    assert "Portugal" in docx


def test_regional_synthesis_for_a_region_that_does_not_exist_is_refused(cycles, member):
    with pytest.raises(DomainError) as exc:
        request_report(
            actor=member,
            kind=ReportJob.Kind.REGIONAL_SYNTHESIS,
            parameters={"region": "XYZ", "cycle": "ece-2024"},
        )
    assert "There is no review region “XYZ”" in exc.value.errors["region"][0]
    assert not ReportJob.objects.exists()


def test_regional_synthesis_for_a_cycle_of_another_region_is_refused(cycles, member):
    with pytest.raises(DomainError) as exc:
        request_report(
            actor=member,
            kind=ReportJob.Kind.REGIONAL_SYNTHESIS,
            parameters={"region": "ECA", "cycle": "ece-2024"},
        )
    assert "cycle" in exc.value.errors
    assert not ReportJob.objects.exists()


def test_imrf_synthesis_pdf_by_round_table_and_xlsx_annex_match_the_data(portugal_data, member):
    # IMRF 2026 draws on the 2024-2025 regional round and the pledges announced for it.
    Pledge.objects.update(cycle=ReviewCycle.objects.get(code="imrf-2026"))
    job = _request(member, ReportJob.Kind.IMRF_SYNTHESIS, cycle="imrf-2026")
    text = pdf_text(job_file(job, "pdf"))
    for code in ("RT1", "RT2", "RT3", "RT4"):
        assert code in text
    assert "By thematic area" in text
    workbook = load_workbook(io.BytesIO(job_file(job, "xlsx")))
    assert workbook.sheetnames == [
        "Objectives",
        "Round tables",
        "Thematic areas",
        "Regions",
        "Pledges",
    ]
    objectives = {
        row[0]: row for row in workbook["Objectives"].iter_rows(min_row=2, values_only=True)
    }
    assert len(objectives) == 23
    # Objective 16: two pledges; objective 15: two pledges + the Portuguese review.
    assert objectives[16][2:] == (2, 0, 0, 2)
    assert objectives[15][2:] == (2, 1, 0, 3)
    tables = {
        row[0]: row for row in workbook["Round tables"].iter_rows(min_row=2, values_only=True)
    }
    # RT1 = 2, 5, 6, 12, 18: the Arabic pledge on objective 2.
    assert tables["RT1"][2] == "2, 5, 6, 12, 18"
    assert tables["RT1"][3] == 1
    # RT3 = 14, 15, 16, 19, 20, 22: 2 + 2 pledge-objective links.
    assert tables["RT3"][3] == 4
    pledges = list(workbook["Pledges"].iter_rows(min_row=2, values_only=True))
    assert len(pledges) == 5
    regions = {row[0]: row[2] for row in workbook["Regions"].iter_rows(min_row=2, values_only=True)}
    assert regions["ECE"] == 2


def test_data_export_csv_lists_every_pledge(portugal_data, member):
    job = _request(member, ReportJob.Kind.DATA_EXPORT, dataset="pledges", format="csv")
    content = job_file(job, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:3] == ["id", "title", "type"]
    assert len(rows) == 1 + Pledge.objects.count()
    titles = {row[1] for row in rows[1:]}
    assert "移民融合计划" in titles
    financial = next(r for r in rows if r[1] == "Language courses fund")
    assert financial[11:13] == ["1500000.00", "EUR"]


def test_data_export_xlsx_and_unknown_dataset(portugal_data, member):
    job = _request(member, ReportJob.Kind.DATA_EXPORT, dataset="review_submissions", format="xlsx")
    sheet = load_workbook(io.BytesIO(job_file(job, "xlsx"))).active
    assert sheet.max_row == 1 + Submission.objects.filter(status="submitted").count()
    with pytest.raises(DomainError) as exc:
        request_report(
            actor=member, kind=ReportJob.Kind.DATA_EXPORT, parameters={"dataset": "nope"}
        )
    assert "dataset" in exc.value.errors


def test_data_export_cells_cannot_inject_formulas(cycles, member, make_user):
    focal = make_user("government_focal_point", country="PRT")
    PledgeFactory(title='=HYPERLINK("http://x")', created_by=focal)
    job = _request(member, ReportJob.Kind.DATA_EXPORT, dataset="pledges", format="csv")
    assert "'=HYPERLINK" in job_file(job, "csv").decode("utf-8-sig")


def test_asking_twice_while_queued_returns_the_same_job(cycles, member):
    active = ReportJob.objects.create(
        kind=ReportJob.Kind.COUNTRY_PROFILE,
        parameters={"country": "PRT"},
        parameters_key='{"country":"PRT"}',
        requested_by=member,
    )
    job, created = request_report(
        actor=member, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "prt"}
    )
    assert not created
    assert job.pk == active.pk
    assert ReportJob.objects.count() == 1


def test_another_user_asking_for_the_same_report_gets_their_own_job(cycles, member, coordinator):
    ReportJob.objects.create(
        kind=ReportJob.Kind.COUNTRY_PROFILE,
        parameters={"country": "PRT"},
        parameters_key='{"country":"PRT"}',
        requested_by=member,
    )
    job, created = request_report(
        actor=coordinator, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "PRT"}
    )
    assert created
    assert job.requested_by == coordinator


def test_run_report_job_twice_does_no_harm(cycles, member):
    job = _request(member, ReportJob.Kind.COUNTRY_PROFILE, country="PRT")
    files = list(job.files.values_list("pk", flat=True))
    run_report_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED
    assert list(job.files.values_list("pk", flat=True)) == files
    assert job.attempts == 1


def test_run_report_job_for_a_deleted_job_returns_quietly(db):
    assert run_report_job(job_id=123456) is None


def test_a_failing_section_fails_the_job_with_a_reason(cycles, member, monkeypatch):
    def broken(country):
        raise RuntimeError("boom")

    monkeypatch.setattr(sections, "COUNTRY_SECTIONS", (broken,))
    job, _created = request_report(
        actor=member, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "PRT"}
    )
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert "internal error (RuntimeError)" in job.error
    assert not job.files.exists()


def test_transient_error_requeues_the_job_then_fails_on_the_last_attempt(
    cycles, member, monkeypatch
):
    from django.db import OperationalError

    def flaky(country):
        raise OperationalError("connection lost")

    job = ReportJob.objects.create(
        kind=ReportJob.Kind.COUNTRY_PROFILE,
        parameters={"country": "PRT"},
        parameters_key='{"country":"PRT"}',
        requested_by=member,
    )
    monkeypatch.setattr(sections, "COUNTRY_SECTIONS", (flaky,))
    with pytest.raises(OperationalError):
        run_report_job(job_id=job.pk, final_attempt=False)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED
    run_report_job(job_id=job.pk, final_attempt=True)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert "unavailable" in job.error
    assert job.attempts == 2


def test_mark_report_failed_leaves_finished_jobs_alone(cycles, member):
    job = _request(member, ReportJob.Kind.COUNTRY_PROFILE, country="PRT")
    mark_report_failed(job_id=job.pk, message="late")
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED


def test_bulk_exports_are_public_files_at_stable_names(portugal_data, client):
    job = regenerate_bulk_exports()
    assert job.is_public
    assert job.requested_by is None
    names = set(job.files.values_list("name", flat=True))
    assert {"pledges.csv", "pledges.xlsx", "review_cycles.csv", "review_submissions.xlsx"} <= names
    response = client.get("/reviews/downloads/pledges.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Language courses fund" in body
    # The next night's run replaces the file behind the same URL.
    PledgeFactory(title="Added overnight")
    regenerate_bulk_exports()
    body = b"".join(client.get("/reviews/downloads/pledges.csv").streaming_content)
    assert "Added overnight" in body.decode("utf-8-sig")
    assert client.get("/reviews/downloads/nothing.csv").status_code == 404


def test_bulk_export_cannot_be_requested_by_a_user(cycles, member):
    with pytest.raises(DomainError):
        request_report(actor=member, kind=ReportJob.Kind.BULK_EXPORT, parameters={})
    assert not ReportJob.objects.exists()


def test_country_that_does_not_exist_is_refused(cycles, member):
    with pytest.raises(DomainError) as exc:
        request_report(
            actor=member, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "XXX"}
        )
    assert "country" in exc.value.errors
    assert not ReportJob.objects.exists()


def test_anonymous_users_cannot_request_reports(cycles):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(DomainError):
        request_report(
            actor=AnonymousUser(),
            kind=ReportJob.Kind.COUNTRY_PROFILE,
            parameters={"country": "PRT"},
        )


def test_broker_unreachable_gives_a_clear_message_and_leaves_nothing(cycles, member, settings):
    from gcm_tracker.celery import app

    old = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        with pytest.raises(DomainError) as exc:
            request_report(
                actor=member, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "PRT"}
            )
    finally:
        app.conf.task_always_eager, app.conf.broker_url = old
    assert "service is unavailable" in str(exc.value)
    assert not ReportJob.objects.exists()
    assert not ReportJob.history.exists()
    assert Country.objects.filter(alpha3="PRT").exists()


def test_nightly_beat_entry_runs_the_bulk_export_task(cycles, settings):
    from reports.tasks import regenerate_bulk_exports as task

    entry = settings.CELERY_BEAT_SCHEDULE["reviews-bulk-exports"]
    assert entry["task"] == task.name == "reviews.regenerate_bulk_exports"
    task.delay()
    job = ReportJob.objects.get(kind=ReportJob.Kind.BULK_EXPORT)
    assert job.status == ReportJob.Status.SUCCEEDED
    assert job.files.filter(name="pledges.csv").exists()
