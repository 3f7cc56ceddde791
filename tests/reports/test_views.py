"""Report pages: My reports, the request form, the bulk downloads page."""

from __future__ import annotations

from reports.models import ReportJob


def test_my_reports_lists_only_my_jobs_and_polls_while_running(client, member, coordinator):
    mine = ReportJob.objects.create(
        kind="country_profile",
        parameters={"country": "PRT"},
        parameters_key="a",
        requested_by=member,
        status="running",
        progress=40,
    )
    theirs = ReportJob.objects.create(
        kind="country_profile",
        parameters={"country": "KEN"},
        parameters_key="b",
        requested_by=coordinator,
    )
    client.force_login(member)
    page = client.get("/reviews/reports/")
    assert page.status_code == 200
    assert 'hx-trigger="every 2s"' in page.text
    assert 'http-equiv="refresh"' in page.text  # without JavaScript, the page reloads
    assert 'value="40"' in page.text
    assert "KEN" not in page.text
    row = client.get(f"/reviews/reports/{mine.pk}/")
    assert row.status_code == 200
    assert row.text.lstrip().startswith("<tr")
    assert client.get(f"/reviews/reports/{theirs.pk}/").status_code == 404
    ReportJob.objects.filter(pk=mine.pk).update(status="succeeded", progress=100)
    assert "hx-trigger" not in client.get(f"/reviews/reports/{mine.pk}/").text


def test_report_request_button_creates_a_job_and_shows_it(cycles, client, member):
    client.force_login(member)
    response = client.post(
        "/reviews/reports/request/", {"kind": "country_profile", "country": "PRT"}, follow=True
    )
    assert response.status_code == 200
    job = ReportJob.objects.get()
    assert job.status == "succeeded"
    assert job.files.get().name in response.text


def test_report_request_with_a_bad_region_shows_the_message(cycles, client, member):
    client.force_login(member)
    response = client.post(
        "/reviews/reports/request/",
        {"kind": "regional_synthesis", "region": "XYZ", "cycle": "ece-2024"},
        follow=True,
    )
    assert "There is no review region “XYZ”" in response.text
    assert not ReportJob.objects.exists()


def test_report_pages_need_login(client):
    assert client.get("/reviews/reports/").status_code == 302
    assert client.post("/reviews/reports/request/", {"kind": "country_profile"}).status_code == 302


def test_bulk_downloads_page_is_public(cycles, client):
    assert "have not been generated yet" in client.get("/reviews/downloads/").text
    from reports.services import regenerate_bulk_exports

    regenerate_bulk_exports()
    page = client.get("/reviews/downloads/")
    assert "/reviews/downloads/pledges.csv" in page.text


def test_report_request_never_redirects_off_site(cycles, client, member):
    client.force_login(member)
    response = client.post(
        "/reviews/reports/request/",
        {"kind": "regional_synthesis", "region": "XYZ", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/reviews/reports/"
