"""In a real browser: the My reports progress bar updates itself while a job runs."""

from __future__ import annotations

import pytest

from reports.models import ReportJob

pytestmark = pytest.mark.browser


def test_report_row_updates_itself_until_the_job_succeeds(page, make_user):
    user = make_user(email="reporter@example.test", password="pass-word-123")
    job = ReportJob.objects.create(
        kind="country_profile",
        parameters={"country": "PRT"},
        parameters_key="p",
        requested_by=user,
        status="running",
        progress=30,
    )
    page.goto("/account/login/")
    page.get_by_label("E-mail address").fill("reporter@example.test")
    page.get_by_label("Password").fill("pass-word-123")
    page.locator("main form button[type=submit]").click()
    page.goto("/reviews/reports/")
    row = page.locator(f"#report-{job.pk}")
    assert row.locator("progress").get_attribute("value") == "30"
    ReportJob.objects.filter(pk=job.pk).update(progress=70)
    # A locator assertion, not wait_for_function: the page's CSP forbids evaluating strings.
    from playwright.sync_api import expect  # imported here: collected even without playwright

    expect(row.locator("progress")).to_have_attribute("value", "70", timeout=10_000)
    ReportJob.objects.filter(pk=job.pk).update(status="failed", error="Stopped for the test")
    row.get_by_text("Stopped for the test").wait_for(timeout=10_000)
    # Finished rows stop polling.
    assert page.locator(f"#report-{job.pk}[hx-trigger]").count() == 0
