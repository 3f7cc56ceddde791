"""The reviews API: contracts, filters, permissions, bad input, query counts."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews.models import Pledge, PledgeUpdate, ReviewCycle, Submission
from tests.reviews.factories import OpenCycleFactory, PledgeFactory, SubmissionFactory

# --- cycles -------------------------------------------------------------------------------------


def test_cycles_are_public_and_filterable(cycles, api_client):
    response = api_client.get("/api/v1/reviews/?kind=imrf")
    assert response.status_code == 200
    codes = [c["code"] for c in response.json()["results"]]
    assert codes == ["imrf-2022", "imrf-2026", "imrf-2030"]
    detail = api_client.get("/api/v1/reviews/imrf-2022/").json()
    assert detail["co_facilitators"] == "Bangladesh\nLuxembourg"
    assert detail["commitments"]
    assert api_client.get("/api/v1/reviews/?region=ECE").json()["count"] == 3
    assert api_client.get("/api/v1/reviews/?region=XYZ").status_code == 400


def test_cycle_list_query_count_does_not_grow(cycles, api_client, django_assert_num_queries):
    with django_assert_num_queries(2):
        api_client.get("/api/v1/reviews/")
    OpenCycleFactory.create_batch(5)
    with django_assert_num_queries(2):
        api_client.get("/api/v1/reviews/")


def test_organiser_creates_and_updates_a_cycle_in_their_region(cycles, api_client, ece_organiser):
    api_client.force_authenticate(ece_organiser)
    payload = {
        "code": "ece-2032",
        "kind": "regional",
        "review_region": "ECE",
        "title": "ECE 2032",
        "year_start": 2032,
        "year_end": 2033,
    }
    assert api_client.post("/api/v1/reviews/", payload).status_code == 201
    response = api_client.patch(
        "/api/v1/reviews/ece-2032/",
        {"submissions_open_on": "2032-01-01", "submissions_close_on": "2032-02-01"},
    )
    assert response.status_code == 200
    assert response.json()["submissions_close_on"] == "2032-02-01"


def test_organiser_cannot_touch_another_regions_cycle(cycles, api_client, ece_organiser):
    api_client.force_authenticate(ece_organiser)
    assert api_client.patch("/api/v1/reviews/eca-2028/", {"venue": "x"}).status_code == 403
    response = api_client.post(
        "/api/v1/reviews/",
        {
            "code": "eca-2032",
            "kind": "regional",
            "review_region": "ECA",
            "title": "x",
            "year_start": 2032,
            "year_end": 2033,
        },
    )
    assert response.status_code == 403
    assert not ReviewCycle.objects.filter(code="eca-2032").exists()


def test_anonymous_and_plain_users_cannot_create_cycles(cycles, api_client, coordinator):
    # A complete request, so that the refusal is the service's permission rule, not the input.
    payload = {
        "code": "ece-2032",
        "kind": "regional",
        "review_region": "ECE",
        "title": "x",
        "year_start": 2032,
        "year_end": 2033,
    }
    assert api_client.post("/api/v1/reviews/", payload).status_code in (401, 403)
    api_client.force_authenticate(coordinator)
    response = api_client.post("/api/v1/reviews/", payload)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not ReviewCycle.objects.filter(code="ece-2032").exists()


def test_bad_cycle_window_is_a_400_with_the_field(cycles, api_client, admin):
    api_client.force_authenticate(admin)
    response = api_client.patch(
        "/api/v1/reviews/ece-2028/",
        {"submissions_open_on": "2028-05-01", "submissions_close_on": "2028-04-01"},
    )
    assert response.status_code == 400
    assert "submissions_close_on" in response.json()["errors"]
    assert ReviewCycle.objects.get(code="ece-2028").submissions_open_on is None


# --- submissions --------------------------------------------------------------------------------


def test_coordinator_creates_edits_attaches_and_submits_through_the_api(api_client, coordinator):
    cycle = OpenCycleFactory()
    api_client.force_authenticate(coordinator)
    response = api_client.post(
        "/api/v1/submissions/",
        {
            "cycle": cycle.code,
            "country": "PRT",
            "title": "Review",
            "summary": "S",
            "objectives": [1, 2],
        },
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["status"] == "draft"
    assert api_client.patch(f"/api/v1/submissions/{pk}/", {"title": "New"}).json()["title"] == (
        "New"
    )
    upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    response = api_client.post(
        f"/api/v1/submissions/{pk}/attachments/", {"file": upload}, format="multipart"
    )
    assert response.status_code == 201
    response = api_client.post(f"/api/v1/submissions/{pk}/submit/")
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"
    assert len(response.json()["attachments"]) == 1


def test_submission_outside_the_window_is_a_400_and_creates_nothing(api_client, coordinator):
    cycle = OpenCycleFactory(submissions_open_on=None, submissions_close_on=None)
    api_client.force_authenticate(coordinator)
    response = api_client.post(
        "/api/v1/submissions/",
        {"cycle": cycle.code, "country": "PRT", "title": "Review", "summary": "S"},
    )
    assert response.status_code == 400
    assert "no submission window" in response.json()["detail"]
    assert not Submission.objects.exists()


def test_drafts_are_hidden_from_other_countries_and_the_public(
    api_client, coordinator, focal_point, other_coordinator
):
    draft = SubmissionFactory()
    assert api_client.get(f"/api/v1/submissions/{draft.pk}/").status_code == 404
    assert api_client.get("/api/v1/submissions/").json()["count"] == 0
    api_client.force_authenticate(other_coordinator)
    assert api_client.get(f"/api/v1/submissions/{draft.pk}/").status_code == 404
    assert api_client.patch(f"/api/v1/submissions/{draft.pk}/", {"title": "x"}).status_code == 404
    api_client.force_authenticate(focal_point)
    assert api_client.get(f"/api/v1/submissions/{draft.pk}/").status_code == 200
    assert api_client.patch(f"/api/v1/submissions/{draft.pk}/", {"title": "x"}).status_code == 403
    assert api_client.post(f"/api/v1/submissions/{draft.pk}/submit/").status_code == 403
    assert Submission.objects.get(pk=draft.pk).title != "x"


def test_stakeholder_input_of_another_organisation_cannot_be_edited(
    api_client, member, other_member, organisation
):
    draft = SubmissionFactory(kind="stakeholder_input", country=None, organisation=organisation)
    api_client.force_authenticate(other_member)
    assert api_client.patch(f"/api/v1/submissions/{draft.pk}/", {"title": "x"}).status_code == 404
    api_client.force_authenticate(member)
    assert api_client.patch(f"/api/v1/submissions/{draft.pk}/", {"title": "x"}).status_code == 200


def test_submission_list_query_count_does_not_grow(
    api_client, organisation, django_assert_num_queries
):
    SubmissionFactory(status="submitted")
    with django_assert_num_queries(3):
        api_client.get("/api/v1/submissions/")
    SubmissionFactory.create_batch(
        5,
        status="submitted",
        country=None,
        kind="stakeholder_input",
        organisation=organisation,
    )
    with django_assert_num_queries(3):
        response = api_client.get("/api/v1/submissions/")
    assert response.json()["count"] == 6


# --- pledges ------------------------------------------------------------------------------------


def test_pledge_list_is_public_with_a_fixed_query_count(db, api_client, django_assert_num_queries):
    PledgeFactory()
    with django_assert_num_queries(4):
        api_client.get("/api/v1/pledges/")
    PledgeFactory.create_batch(6, objectives=[1, 2, 3])
    with django_assert_num_queries(4):
        response = api_client.get("/api/v1/pledges/")
    assert response.json()["count"] == 7


def test_pledge_filters(db, api_client, organisation, make_organisation):
    kenyan = make_organisation("Kenyan org", country="KEN")
    PledgeFactory(title="A", pledge_type="financial", amount=5, currency="USD", objectives=[5])
    PledgeFactory(title="B", objectives=[6], status="fulfilled")
    PledgeFactory(title="C", country=None, organisation=organisation, objectives=[5])
    PledgeFactory(title="D", country=None, organisation=kenyan, objectives=[7])

    def titles(query):
        response = api_client.get(f"/api/v1/pledges/?{query}")
        assert response.status_code == 200, response.json()
        return sorted(p["title"] for p in response.json()["results"])

    assert titles("type=financial") == ["A"]
    assert titles("objective=5") == ["A", "C"]
    assert titles("status=fulfilled") == ["B"]
    assert titles("entity=organisation") == ["C", "D"]
    assert titles("entity=country") == ["A", "B"]
    assert titles("country=PRT") == ["A", "B"]
    assert titles(f"organisation={organisation.pk}") == ["C"]
    assert titles("region=ECE") == ["A", "B", "C"]
    assert titles("region=ECA") == ["D"]
    assert api_client.get("/api/v1/pledges/?type=bogus").status_code == 400
    assert api_client.get("/api/v1/pledges/?region=XYZ").status_code == 400


def test_member_records_a_matching_pledge_through_the_api(api_client, member, organisation):
    original = PledgeFactory()
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/pledges/",
        {
            "title": "Match",
            "description": "d",
            "pledge_type": "human_resource",
            "form": "matching",
            "matches": original.pk,
            "organisation": organisation.pk,
            "objectives": [7],
            "principles": ["f"],
            "target": "t",
            "deadline": "2027-01-01",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["matches"] == original.pk
    assert api_client.get(f"/api/v1/pledges/{original.pk}/").json()["matched_by"] == [
        response.json()["id"]
    ]


def test_matching_a_missing_pledge_is_a_400_and_creates_nothing(api_client, member, organisation):
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/pledges/",
        {
            "title": "Match",
            "description": "d",
            "pledge_type": "policy_oriented",
            "form": "matching",
            "matches": 424242,
            "organisation": organisation.pk,
            "objectives": [7],
            "target": "t",
            "deadline": "2027-01-01",
        },
    )
    assert response.status_code == 400
    assert "424242" in response.json()["errors"]["matches"][0]
    assert not Pledge.objects.exists()


def test_amount_without_currency_is_a_400_and_creates_nothing(api_client, coordinator):
    api_client.force_authenticate(coordinator)
    response = api_client.post(
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
        },
    )
    assert response.status_code == 400
    assert "currency" in response.json()["errors"]
    assert not Pledge.objects.exists()


def test_pledging_for_someone_else_is_forbidden(api_client, member, organisation, other_member):
    api_client.force_authenticate(member)
    payload = {
        "title": "x",
        "description": "d",
        "pledge_type": "policy_oriented",
        "country": "PRT",
        "objectives": [1],
        "target": "t",
        "deadline": "2027-01-01",
    }
    assert api_client.post("/api/v1/pledges/", payload).status_code == 403
    api_client.force_authenticate(other_member)
    payload.pop("country")
    payload["organisation"] = organisation.pk
    assert api_client.post("/api/v1/pledges/", payload).status_code == 403
    assert not Pledge.objects.exists()
    api_client.force_authenticate(None)
    assert api_client.post("/api/v1/pledges/", payload).status_code in (401, 403)


def test_pledge_entity_patches_and_posts_status_updates(api_client, focal_point, member):
    pledge = PledgeFactory()
    api_client.force_authenticate(member)
    assert api_client.patch(f"/api/v1/pledges/{pledge.pk}/", {"target": "x"}).status_code == 403
    assert (
        api_client.post(
            f"/api/v1/pledges/{pledge.pk}/updates/", {"status": "fulfilled", "note": "n"}
        ).status_code
        == 403
    )
    api_client.force_authenticate(focal_point)
    response = api_client.patch(f"/api/v1/pledges/{pledge.pk}/", {"target": "New target"})
    assert response.status_code == 200
    assert response.json()["target"] == "New target"
    response = api_client.post(
        f"/api/v1/pledges/{pledge.pk}/updates/", {"status": "in_progress", "note": "Started"}
    )
    assert response.status_code == 201
    detail = api_client.get(f"/api/v1/pledges/{pledge.pk}/").json()
    assert detail["status"] == "in_progress"
    assert detail["updates"][0]["note"] == "Started"
    assert PledgeUpdate.objects.count() == 1


@pytest.mark.parametrize("path", ["/api/v1/reviews/", "/api/v1/pledges/", "/api/v1/submissions/"])
def test_public_lists_answer_anonymous_users(db, api_client, path):
    assert api_client.get(path).status_code == 200


def test_patching_a_matching_pledge_keeps_its_form_and_match(api_client, member, organisation):
    original = PledgeFactory()
    matching = PledgeFactory(
        country=None, organisation=organisation, form="matching", matches=original
    )
    api_client.force_authenticate(member)
    response = api_client.patch(f"/api/v1/pledges/{matching.pk}/", {"target": "New"})
    assert response.status_code == 200, response.json()
    assert response.json()["form"] == "matching"
    assert response.json()["matches"] == original.pk
    response = api_client.patch(f"/api/v1/pledges/{matching.pk}/", {"matches": 987654})
    assert response.status_code == 400
    assert Pledge.objects.get(pk=matching.pk).matches == original
