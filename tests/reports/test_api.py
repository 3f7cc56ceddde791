"""The reports API: request, poll and download jobs; the public bulk download list."""

from __future__ import annotations

from reports.models import ReportJob
from tests.reviews.factories import PledgeFactory


def test_request_poll_and_download_a_report(cycles, api_client, member, coordinator):
    PledgeFactory(title="Pledge in the export")
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/reports/",
        {"kind": "data_export", "parameters": {"dataset": "pledges", "format": "csv"}},
    )
    assert response.status_code == 202, response.json()
    job = response.json()
    assert job["status"] == "succeeded"  # eager here; see test_worker.py for the real worker
    detail = api_client.get(f"/api/v1/reports/{job['id']}/").json()
    assert detail["progress"] == 100
    url = detail["files"][0]["url"]
    download = api_client.get(url)
    assert download.status_code == 200
    assert "Pledge in the export" in b"".join(download.streaming_content).decode("utf-8-sig")
    assert [j["id"] for j in api_client.get("/api/v1/reports/").json()["results"]] == [job["id"]]
    # Nobody else sees or downloads it.
    api_client.force_authenticate(coordinator)
    assert api_client.get(f"/api/v1/reports/{job['id']}/").status_code == 404
    assert api_client.get(url).status_code == 404
    assert api_client.get("/api/v1/reports/").json()["count"] == 0
    api_client.force_authenticate(None)
    assert api_client.get(url).status_code == 404
    assert api_client.get("/api/v1/reports/").status_code in (401, 403)


def test_requesting_the_same_running_report_returns_it_with_200(cycles, api_client, member):
    active = ReportJob.objects.create(
        kind="country_profile",
        parameters={"country": "PRT"},
        parameters_key='{"country":"PRT"}',
        requested_by=member,
        status="running",
    )
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/reports/", {"kind": "country_profile", "parameters": {"country": "PRT"}}
    )
    assert response.status_code == 200
    assert response.json()["id"] == active.pk
    assert ReportJob.objects.count() == 1


def test_report_for_a_region_that_does_not_exist_is_a_400(cycles, api_client, member):
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/reports/",
        {"kind": "regional_synthesis", "parameters": {"region": "XYZ", "cycle": "ece-2024"}},
    )
    assert response.status_code == 400
    assert "XYZ" in response.json()["errors"]["region"][0]
    assert not ReportJob.objects.exists()


def test_unknown_report_kind_is_a_400(api_client, member):
    api_client.force_authenticate(member)
    assert api_client.post("/api/v1/reports/", {"kind": "bulk_export"}).status_code == 400
    assert api_client.post("/api/v1/reports/", {"kind": "nope"}).status_code == 400
    assert not ReportJob.objects.exists()


def test_broker_unreachable_is_a_503_with_a_clear_message(cycles, api_client, member):
    from gcm_tracker.celery import app

    api_client.force_authenticate(member)
    old = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = api_client.post(
            "/api/v1/reports/", {"kind": "country_profile", "parameters": {"country": "PRT"}}
        )
    finally:
        app.conf.task_always_eager, app.conf.broker_url = old
    assert response.status_code == 503
    assert "unavailable" in response.json()["detail"]
    assert not ReportJob.objects.exists()


def test_bulk_download_list_is_public(cycles, api_client):
    from reports.services import regenerate_bulk_exports

    assert api_client.get("/api/v1/reports/bulk/").json() == []
    regenerate_bulk_exports()
    files = api_client.get("/api/v1/reports/bulk/").json()
    urls = {f["name"]: f["url"] for f in files}
    assert urls["pledges.csv"].endswith("/reviews/downloads/pledges.csv")
    job = ReportJob.objects.get(kind="bulk_export")
    report_file = job.files.get(name="pledges.xlsx")
    assert api_client.get(f"/api/v1/reports/{job.pk}/files/{report_file.pk}/").status_code == 200
