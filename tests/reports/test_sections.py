"""Plans and initiatives data in the reports (sections) and in the data exports (datasets)."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command

from countries.models import Country, ReviewRegion
from initiatives.models import Initiative
from plans.models import Measure, Plan
from reports import datasets, sections
from reports.models import ReportJob
from reports.services import request_report
from reviews.models import ReviewCycle
from tests.reports.conftest import docx_text, job_file, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_data")


def _published_measures(alpha3: str) -> int:
    return Measure.objects.filter(
        plan__country__alpha3=alpha3, plan__publish_plan=True, plan__publish_measures=True
    ).count()


def test_the_exports_offer_the_datasets_of_reviews_plans_and_initiatives_in_order():
    assert [key for key, _title in datasets.datasets()] == [
        "pledges",
        "review_submissions",
        "review_cycles",
        "initiatives",
        "measures",
        "indicators",
    ]
    with pytest.raises(KeyError):
        datasets.dataset_rows("nope")


def test_country_plan_section_reads_the_published_plan(demo):
    portugal = Country.objects.get(alpha3="PRT")
    plan = Plan.objects.get(country=portugal)
    section = sections.plan_country_section(portugal)
    assert section["title"] == "National implementation plan"
    facts = dict(section["facts"])
    assert facts["Plan"] == plan.title
    assert "141/2019" in facts["Adopted by"]
    assert len(section["table"]["rows"]) == 6
    assert sum(section["objective_counts"].values()) >= _published_measures("PRT")


def test_country_plan_section_without_a_public_plan(db):
    section = sections.plan_country_section(Country.objects.get(alpha3="FRA"))
    assert section["paragraphs"] == ["No implementation plan has been published."]


def test_country_plan_section_hides_an_unpublished_plan(demo):
    Plan.objects.filter(country__alpha3="PRT").update(publish_plan=False)
    section = sections.plan_country_section(Country.objects.get(alpha3="PRT"))
    assert "No implementation plan has been published." in section["paragraphs"]


def test_country_initiatives_section_counts_published_initiatives_by_objective(demo):
    published = Initiative.objects.published()
    country = Country.objects.filter(initiatives__in=published).distinct().first()
    section = sections.initiatives_country_section(country)
    expected = published.filter(countries=country).count()
    assert dict(section["facts"])["Published initiatives"] >= expected
    assert section["objective_counts"]
    drafts = Initiative.objects.exclude(state="published").values_list("title", flat=True)
    rendered = " ".join(str(cell) for row in section["table"]["rows"] for cell in row)
    assert not [t for t in drafts if t and t in rendered]


def test_region_sections_list_plans_and_initiatives(demo):
    ece = ReviewRegion.objects.get(code="ECE")
    cycle = ReviewCycle.objects.filter(review_region=ece).first()
    plans = sections.plans_region_section(ece, cycle)
    assert "Portugal" in [row[0] for row in plans["table"]["rows"]]
    eca = ReviewRegion.objects.get(code="ECA")
    assert "Kenya" not in [row[0] for row in plans["table"]["rows"]]
    initiatives = sections.initiatives_region_section(eca, cycle)
    in_region = {
        *Initiative.objects.published()
        .filter(countries__review_regions=eca)
        .values_list("pk", flat=True),
        *Initiative.objects.published()
        .filter(coverage_review_regions=eca)
        .values_list("pk", flat=True),
    }
    assert in_region
    assert dict(initiatives["facts"])["Published initiatives"] == len(in_region)


def test_section_queries_do_not_grow_with_the_data(demo, django_assert_max_num_queries):
    portugal = Country.objects.get(alpha3="PRT")
    ece = ReviewRegion.objects.get(code="ECE")
    with django_assert_max_num_queries(12):
        sections.plan_country_section(portugal)
    with django_assert_max_num_queries(3):
        sections.initiatives_country_section(portugal)
    with django_assert_max_num_queries(6):
        sections.plans_region_section(ece, None)
        sections.initiatives_region_section(ece, None)


def test_measures_and_initiatives_datasets_stream_published_rows(demo):
    columns, rows = datasets.dataset_rows("measures")
    rows = list(rows)
    assert columns[:2] == ["country", "number"]
    assert sum(1 for r in rows if r[0] == "PRT") == _published_measures("PRT")
    columns, rows = datasets.dataset_rows("initiatives")
    assert len(list(rows)) == Initiative.objects.published().count()


def test_country_profile_pdf_and_draft_review_show_the_plan_and_initiatives(demo, make_user):
    user = make_user("national_coordinator", country="PRT")
    plan = Plan.objects.get(country__alpha3="PRT")
    job, _created = request_report(
        actor=user, kind=ReportJob.Kind.COUNTRY_PROFILE, parameters={"country": "PRT"}
    )
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    text = pdf_text(job_file(job, "pdf"))
    assert "National implementation plan" in text
    assert plan.title in text
    assert "Initiatives of civil society and other stakeholders" in text

    job, _created = request_report(
        actor=user, kind=ReportJob.Kind.DRAFT_REVIEW, parameters={"country": "PRT"}
    )
    job.refresh_from_db()
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    _headings, body = docx_text(job_file(job, "docx"))
    assert plan.title in body


def test_bulk_measures_download_is_csv_of_published_measures(demo, client):
    from reports.services import regenerate_bulk_exports

    job = regenerate_bulk_exports()
    assert job.status == ReportJob.Status.SUCCEEDED, job.error
    response = client.get("/reviews/downloads/measures.csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(content)))
    assert header[0] == "country"
    assert (
        len(rows)
        == Measure.objects.filter(plan__publish_plan=True, plan__publish_measures=True).count()
    )


def test_plan_sections_of_one_report_share_one_summary(demo, django_assert_num_queries):
    portugal = Country.objects.get(alpha3="PRT")
    sections.plan_country_section(portugal)
    with django_assert_num_queries(0):
        sections.plan_indicators_section(portugal)
        sections.plan_budget_section(portugal)
