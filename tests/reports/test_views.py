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


def test_report_request_with_a_bad_region_shows_the_message_with_the_apis_status(
    cycles, client, api_client, member
):
    bad = {"kind": "regional_synthesis", "region": "XYZ", "cycle": "ece-2024"}
    client.force_login(member)
    page = client.post("/reviews/reports/request/", bad)
    api_client.force_authenticate(member)
    api = api_client.post(
        "/api/v1/reports/",
        {"kind": bad["kind"], "parameters": {"region": "XYZ", "cycle": "ece-2024"}},
    )
    assert page.status_code == api.status_code == 400
    message = api.json()["errors"]["region"][0]
    assert "There is no review region “XYZ”" in message
    assert message in page.text
    assert 'href="#id_region"' in page.text  # the error summary links the field
    assert not ReportJob.objects.exists()


def test_unknown_report_kind_on_the_page_is_a_400(client, member):
    client.force_login(member)
    response = client.post("/reviews/reports/request/", {"kind": "bulk_export"})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert not ReportJob.objects.exists()


def test_draft_review_of_another_country_is_refused_alike_by_page_and_api(
    cycles, client, api_client, member
):
    client.force_login(member)
    page = client.post("/reviews/reports/request/", {"kind": "draft_review", "country": "PRT"})
    api_client.force_authenticate(member)
    api = api_client.post(
        "/api/v1/reports/", {"kind": "draft_review", "parameters": {"country": "PRT"}}
    )
    assert page.status_code == api.status_code == 403
    assert api.json()["code"] == "permission_denied"
    assert "Access denied" in page.text
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
        {"kind": "country_profile", "country": "PRT", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/reviews/reports/"


def test_broker_unreachable_is_a_503_page_with_the_message(cycles, client, member):
    from gcm_tracker.celery import app

    client.force_login(member)
    old = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.post(
            "/reviews/reports/request/", {"kind": "country_profile", "country": "PRT"}
        )
    finally:
        app.conf.task_always_eager, app.conf.broker_url = old
    assert response.status_code == 503
    assert "The report service is unavailable right now" in response.text
    assert not ReportJob.objects.exists()
