"""Pages of the reviews app: status, permissions, forms and query counts."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from reviews.models import Pledge, ReviewCycle, Submission
from tests.reviews.factories import OpenCycleFactory, PledgeFactory, SubmissionFactory


def test_cycle_list_and_detail_are_public(cycles, client):
    response = client.get("/reviews/")
    assert response.status_code == 200
    assert "International Migration Review Forum 2022" in response.text
    detail = client.get("/reviews/cycles/imrf-2022/")
    assert detail.status_code == 200
    assert "A/RES/76/266" in detail.text
    assert client.get("/reviews/cycles/nope/").status_code == 404
    assert client.get("/reviews/?region=XYZ").status_code == 400


def test_cycle_list_query_count_does_not_grow(cycles, client, django_assert_num_queries):
    client.get("/reviews/")
    with django_assert_num_queries(2):
        client.get("/reviews/")
    OpenCycleFactory.create_batch(4)
    with django_assert_num_queries(2):
        client.get("/reviews/")


def test_organiser_edits_their_cycle_through_the_form(cycles, client, ece_organiser):
    client.force_login(ece_organiser)
    cycle = ReviewCycle.objects.get(code="ece-2028")
    page = client.get(f"/reviews/cycles/{cycle.code}/edit/")
    assert page.status_code == 200
    data = {
        "kind": "regional",
        "review_region": cycle.review_region_id,
        "title": cycle.title,
        "year_start": 2028,
        "year_end": 2029,
        "submissions_open_on": "2028-03-01",
        "submissions_close_on": "2028-02-01",
    }
    response = client.post(f"/reviews/cycles/{cycle.code}/edit/", data)
    assert response.status_code == 400  # as the API answers the same request
    assert "The submission window cannot close before it opens." in response.text
    assert ReviewCycle.objects.get(pk=cycle.pk).submissions_open_on is None
    data["submissions_close_on"] = "2028-04-01"
    response = client.post(f"/reviews/cycles/{cycle.code}/edit/", data)
    assert response.status_code == 302
    assert ReviewCycle.objects.get(pk=cycle.pk).submissions_close_on == datetime.date(2028, 4, 1)


def test_cycle_edit_is_forbidden_outside_the_organisers_region(cycles, client, ece_organiser):
    client.force_login(ece_organiser)
    assert client.get("/reviews/cycles/eca-2028/edit/").status_code == 403
    cycle = ReviewCycle.objects.get(code="eca-2028")
    # A complete, valid form is refused by the service, as the API refuses the same change.
    response = client.post(
        "/reviews/cycles/eca-2028/edit/",
        {
            "kind": "regional",
            "review_region": cycle.review_region_id,
            "title": cycle.title,
            "year_start": cycle.year_start,
            "year_end": cycle.year_end,
            "venue": "Hijacked",
        },
    )
    assert response.status_code == 403
    assert "You may only manage review cycles of your own review region." in response.text
    assert ReviewCycle.objects.get(pk=cycle.pk).venue != "Hijacked"
    assert client.get("/reviews/cycles/new/").status_code == 200


def test_cycle_pages_need_login_to_change(cycles, client, coordinator):
    assert client.get("/reviews/cycles/new/").status_code == 302
    client.force_login(coordinator)
    assert client.get("/reviews/cycles/new/").status_code == 403


def test_coordinator_prepares_and_submits_a_review_through_the_pages(client, coordinator):
    cycle = OpenCycleFactory()
    client.force_login(coordinator)
    page = client.get(f"/reviews/cycles/{cycle.code}/submit/")
    assert page.status_code == 200
    response = client.post(
        f"/reviews/cycles/{cycle.code}/submit/",
        {
            "author": f"country:{coordinator.memberships.first().country_id}",
            "title": "Our review",
            "summary": "Summary",
            "objectives": [],
        },
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == "draft"
    detail = client.get(submission.get_absolute_url())
    assert "Attach a file" in detail.text
    client.post(f"/reviews/submissions/{submission.pk}/submit/")
    submission.refresh_from_db()
    assert submission.status == "submitted"


def test_submission_form_outside_the_window_shows_the_error_and_saves_nothing(client, coordinator):
    today = timezone.localdate()
    cycle = OpenCycleFactory(
        submissions_open_on=today - datetime.timedelta(days=20),
        submissions_close_on=today - datetime.timedelta(days=2),
    )
    client.force_login(coordinator)
    response = client.post(
        f"/reviews/cycles/{cycle.code}/submit/",
        {
            "author": f"country:{coordinator.memberships.first().country_id}",
            "title": "Late",
            "summary": "S",
        },
    )
    assert response.status_code == 400
    assert "the window is closed" in response.text
    assert 'class="error-summary"' in response.text
    assert not Submission.objects.exists()


def test_users_without_an_author_role_cannot_open_the_submission_form(client, make_user):
    cycle = OpenCycleFactory()
    client.force_login(make_user("analyst"))
    assert client.get(f"/reviews/cycles/{cycle.code}/submit/").status_code == 403


def test_draft_page_is_hidden_from_others(client, other_coordinator, focal_point):
    draft = SubmissionFactory()
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(other_coordinator)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(focal_point)
    page = client.get(draft.get_absolute_url())
    assert page.status_code == 200
    assert "Edit draft" not in page.text
    assert client.get(f"/reviews/submissions/{draft.pk}/edit/").status_code == 403


def test_pledge_dashboard_counts_in_sql_with_a_fixed_query_count(
    db, client, django_assert_num_queries
):
    PledgeFactory(pledge_type="financial", amount=100, currency="EUR")
    client.get("/reviews/pledges/")
    with django_assert_num_queries(14):
        first = client.get("/reviews/pledges/")
    PledgeFactory.create_batch(5, objectives=[2, 3])
    with django_assert_num_queries(14):
        response = client.get("/reviews/pledges/")
    assert first.status_code == 200
    stats = response.context["stats"]
    assert stats["total"] == 6
    assert {r["code"]: r["n"] for r in stats["by_type"]}["financial"] == 1
    assert {r["number"]: r["n"] for r in stats["by_objective"]}[2] == 5
    assert {r["code"]: r["n"] for r in stats["by_region"]}["ECE"] == 6
    assert stats["financial"][0]["currency"] == "EUR"


def test_pledge_dashboard_filters(db, client):
    PledgeFactory(title="Kept", status="fulfilled")
    PledgeFactory(title="Hidden")
    response = client.get("/reviews/pledges/?status=fulfilled")
    assert "Kept" in response.text
    assert "Hidden" not in response.text
    assert response.context["stats"]["total"] == 1
    assert client.get("/reviews/pledges/?objective=99").status_code == 400


def test_member_makes_a_pledge_and_posts_an_update(client, member, organisation):
    client.force_login(member)
    assert client.get("/reviews/pledges/new/").status_code == 200
    response = client.post(
        "/reviews/pledges/new/",
        {
            "entity": f"organisation:{organisation.pk}",
            "title": "Clinics",
            "description": "d",
            "pledge_type": "human_resource",
            "form": "individual",
            "objectives": [],
            "principles": [],
            "target": "12 clinics",
            "deadline": "2027-06-30",
        },
    )
    assert response.status_code == 400
    assert "Choose at least one objective or guiding principle" in response.text
    assert not Pledge.objects.exists()
    from objectives.models import Objective

    response = client.post(
        "/reviews/pledges/new/",
        {
            "entity": f"organisation:{organisation.pk}",
            "title": "Clinics",
            "description": "d",
            "pledge_type": "human_resource",
            "form": "individual",
            "objectives": [Objective.objects.get(number=7).pk],
            "target": "12 clinics",
            "deadline": "2027-06-30",
        },
    )
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    response = client.post(
        f"/reviews/pledges/{pledge.pk}/status/", {"status": "in_progress", "note": "Begun"}
    )
    assert response.status_code == 302
    assert Pledge.objects.get().status == "in_progress"


def test_pledge_form_reports_amount_without_currency(client, coordinator):
    from objectives.models import Objective

    client.force_login(coordinator)
    response = client.post(
        "/reviews/pledges/new/",
        {
            "entity": f"country:{coordinator.memberships.first().country_id}",
            "title": "Money",
            "description": "d",
            "pledge_type": "financial",
            "form": "individual",
            "objectives": [Objective.objects.get(number=1).pk],
            "target": "t",
            "deadline": "2027-06-30",
            "amount": "1000",
        },
    )
    assert response.status_code == 400
    assert "ISO 4217" in response.text
    assert not Pledge.objects.exists()


def test_pledge_pages_permissions(client, member, focal_point):
    pledge = PledgeFactory()
    assert client.get(pledge.get_absolute_url()).status_code == 200
    assert client.get(f"/reviews/pledges/{pledge.pk}/edit/").status_code == 302
    client.force_login(member)
    assert client.get(f"/reviews/pledges/{pledge.pk}/edit/").status_code == 403
    assert (
        client.post(f"/reviews/pledges/{pledge.pk}/status/", {"status": "fulfilled", "note": "x"})
    ).status_code == 403
    client.force_login(focal_point)
    assert client.get(f"/reviews/pledges/{pledge.pk}/edit/").status_code == 200


def test_country_profile_shows_pledges_and_submitted_reviews(cycles, client, focal_point):
    PledgeFactory(title="Visible pledge")
    SubmissionFactory(title="Submitted review", status="submitted")
    SubmissionFactory(title="Draft review", cycle=ReviewCycle.objects.get(code="ece-2024"))
    page = client.get("/countries/PRT/")
    assert page.status_code == 200
    assert "Visible pledge" in page.text
    assert "Submitted review" in page.text
    assert "Draft review" not in page.text
    assert "Country profile (PDF)" not in page.text
    client.force_login(focal_point)
    page = client.get("/countries/PRT/")
    assert "Draft review" in page.text
    assert "Draft voluntary GCM review (DOCX)" in page.text


@pytest.mark.parametrize("path", ["/reviews/", "/reviews/pledges/", "/countries/PRT/"])
def test_pages_answer_anonymous_users(cycles, client, path):
    assert client.get(path).status_code == 200


def test_draft_attachments_are_served_only_to_who_may_see_the_draft(
    client, coordinator, other_coordinator
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reviews.services import add_submission_attachment

    draft = SubmissionFactory()
    attachment = add_submission_attachment(
        actor=coordinator,
        submission=draft,
        upload=SimpleUploadedFile("evidence.pdf", b"%PDF-1.4 secret"),
    )
    url = attachment.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(other_coordinator)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"


def test_a_pledge_in_currency_xxx_gets_the_same_400_and_message_from_page_and_api(
    client, api_client, coordinator
):
    from objectives.models import Objective

    message = "“XXX” is not an ISO 4217 currency in use (e.g. EUR, KES, LKR)."
    api_client.force_authenticate(coordinator)
    api = api_client.post(
        "/api/v1/pledges/",
        {
            "title": "Money",
            "description": "d",
            "pledge_type": "financial",
            "country": "PRT",
            "objectives": [1],
            "target": "t",
            "deadline": "2027-01-01",
            "amount": "100.00",
            "currency": "XXX",
        },
    )
    assert api.status_code == 400
    assert api.json()["errors"] == {"currency": [message]}

    client.force_login(coordinator)
    page = client.post(
        "/reviews/pledges/new/",
        {
            "entity": f"country:{coordinator.memberships.first().country_id}",
            "title": "Money",
            "description": "d",
            "pledge_type": "financial",
            "form": "individual",
            "objectives": [Objective.objects.get(number=1).pk],
            "target": "t",
            "deadline": "2027-06-30",
            "amount": "100",
            "currency": "XXX",
        },
    )
    assert page.status_code == 400
    assert page.context["form"].errors["currency"] == [message]
    assert not Pledge.objects.exists()


def test_submitting_a_draft_without_summary_is_the_same_400_from_page_and_api(
    client, api_client, coordinator
):
    draft = SubmissionFactory(summary="")
    api_client.force_authenticate(coordinator)
    api = api_client.post(f"/api/v1/submissions/{draft.pk}/submit/")
    assert api.status_code == 400
    assert api.json()["errors"] == {"summary": ["Write a summary before submitting."]}

    client.force_login(coordinator)
    page = client.post(f"/reviews/submissions/{draft.pk}/submit/")
    assert page.status_code == 400
    assert [str(m) for m in page.context["messages"]] == ["Write a summary before submitting."]
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT


def test_submitting_someone_elses_draft_is_the_same_403_from_page_and_api(
    client, api_client, focal_point
):
    draft = SubmissionFactory()
    api_client.force_authenticate(focal_point)
    api = api_client.post(f"/api/v1/submissions/{draft.pk}/submit/")
    assert api.status_code == 403
    assert api.json()["detail"] == "You may not change this submission."
    client.force_login(focal_point)
    page = client.post(f"/reviews/submissions/{draft.pk}/submit/")
    assert page.status_code == 403
    assert "You may not change this submission." in page.text
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT
