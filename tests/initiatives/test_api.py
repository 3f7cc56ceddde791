"""The initiatives API: public reads, filters, the private contact, write commands, mapping."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.models import Country
from initiatives.models import Initiative, ModerationState

from .factories import make_initiative

pytestmark = pytest.mark.django_db

PRIVATE = {"contact_name", "contact_email", "contact_affiliation", "transitions"}


def _payload(**extra: Any) -> dict[str, Any]:
    data = {
        "title": "Helpline for migrant domestic workers",
        "summary": "A multilingual helpline.",
        "categories": ["thematic", "constituent_based"],
        "activity_status": "ongoing",
        "geo_level": "national",
        "countries": ["PRT"],
        "host_country": "PRT",
        "objectives": [{"number": 6, "primary": True, "actions": ["a"]}, {"number": 7}],
        "principles": ["f", "g"],
        "constituencies": ["women", "workers"],
        "activity_types": ["direct-assistance"],
        "partners": [{"name": "Workers union", "role": "co_lead"}],
        "contact_name": "Focal Point",
        "contact_email": "focal@example.test",
    }
    data.update(extra)
    return data


# --- reads ------------------------------------------------------------------------------------


def test_the_public_list_shows_published_initiatives_only(
    api_client: Any, published: Any, draft: Any, submitted: Any
) -> None:
    response = api_client.get("/api/v1/initiatives/")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [published.pk]
    row = response.json()["results"][0]
    assert PRIVATE.isdisjoint(row)
    assert row["objectives"] == [
        {"number": 6, "primary": True, "actions": ["a"]},
        {"number": 15, "primary": False, "actions": []},
    ]
    assert row["countries"] == ["PRT"]
    assert "focal.point@example.test" not in response.content.decode()


def test_a_member_also_lists_their_own_drafts_but_not_others(
    api_client: Any, member: Any, other_member: Any, draft: Any
) -> None:
    api_client.force_authenticate(member)
    assert [r["id"] for r in api_client.get("/api/v1/initiatives/").json()["results"]] == [draft.pk]
    api_client.force_authenticate(other_member)
    assert api_client.get("/api/v1/initiatives/").json()["results"] == []


def test_a_moderator_lists_submitted_initiatives_but_not_drafts(
    api_client: Any, moderator: Any, draft: Any, submitted: Any
) -> None:
    api_client.force_authenticate(moderator)
    ids = [r["id"] for r in api_client.get("/api/v1/initiatives/").json()["results"]]
    assert ids == [submitted.pk]


def test_the_list_endpoint_runs_a_fixed_number_of_queries(
    api_client: Any, member: Any, org: Any, moderator: Any
) -> None:
    make_initiative(member, org, "published", moderator)
    with CaptureQueriesContext(connection) as one:
        assert api_client.get("/api/v1/initiatives/").status_code == 200
    for _ in range(4):
        make_initiative(member, org, "published", moderator)
    with CaptureQueriesContext(connection) as five:
        assert len(api_client.get("/api/v1/initiatives/").json()["results"]) == 5
    assert len(one) == len(five)


def test_the_detail_hides_the_private_contact_from_the_public(
    api_client: Any, published: Any
) -> None:
    body = api_client.get(f"/api/v1/initiatives/{published.pk}/").json()
    assert PRIVATE.isdisjoint(body)
    assert body["partners"] == []


@pytest.mark.parametrize("who", ["other_member", "official"])
def test_the_detail_hides_the_private_contact_from_other_users(
    api_client: Any, published: Any, who: str, request: Any
) -> None:
    api_client.force_authenticate(request.getfixturevalue(who))
    assert PRIVATE.isdisjoint(api_client.get(f"/api/v1/initiatives/{published.pk}/").json())


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_the_owner_and_moderators_see_the_contact_and_the_log(
    api_client: Any, published: Any, who: str, request: Any
) -> None:
    api_client.force_authenticate(request.getfixturevalue(who))
    body = api_client.get(f"/api/v1/initiatives/{published.pk}/").json()
    assert body["contact_email"] == "focal.point@example.test"
    assert [t["to_state"] for t in body["transitions"]] == ["draft", "submitted", "published"]


@pytest.mark.parametrize("who", [None, "other_member", "official", "moderator"])
def test_a_draft_is_not_found_for_anyone_but_its_organisation(
    api_client: Any, draft: Any, who: str | None, request: Any
) -> None:
    if who:
        api_client.force_authenticate(request.getfixturevalue(who))
    assert api_client.get(f"/api/v1/initiatives/{draft.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("objective=6", True),
        ("objective=9", False),
        ("country=PRT", True),
        ("country=KEN", False),
        ("region=150", True),
        ("region=002", False),
        ("review_region=ECE", True),
        ("review_region=ECA", False),
        ("category=thematic", True),
        ("category=constituent_based", False),
        ("status=ongoing", True),
        ("status=planned", False),
        ("engages_states=false", True),
        ("engages_states=true", False),
        ("q=legal", True),
        ("q=nonexistentword", False),
        ("principle=f", False),
        ("constituency=women", False),
        ("activity_type=conference", False),
        ("crisis=covid19", False),
        ("year=2024", False),
    ],
)
def test_the_list_filters_by_every_facet(
    api_client: Any, published: Any, query: str, expected: bool
) -> None:
    response = api_client.get(f"/api/v1/initiatives/?{query}")
    assert response.status_code == 200
    ids = [r["id"] for r in response.json()["results"]]
    assert ids == ([published.pk] if expected else [])


def test_an_unknown_country_code_in_a_filter_is_a_400(api_client: Any, published: Any) -> None:
    response = api_client.get("/api/v1/initiatives/?country=XXX")
    assert response.status_code == 400
    assert "country" in response.json()["errors"]


def test_the_list_orders_by_title(api_client: Any, member: Any, org: Any, moderator: Any) -> None:
    make_initiative(member, org, "published", moderator, title="Bravo")
    make_initiative(member, org, "published", moderator, title="Alpha")
    titles = [
        r["title"] for r in api_client.get("/api/v1/initiatives/?ordering=title").json()["results"]
    ]
    assert titles == ["Alpha", "Bravo"]


@pytest.mark.postgres
def test_full_text_search_ranks_title_matches_first(
    api_client: Any, member: Any, org: Any, moderator: Any
) -> None:
    make_initiative(
        member, org, "published", moderator, title="Data sharing", description="detention"
    )
    make_initiative(member, org, "published", moderator, title="Alternatives to detention")
    results = api_client.get("/api/v1/initiatives/?q=detention").json()["results"]
    assert [r["title"] for r in results] == ["Alternatives to detention", "Data sharing"]


def test_organisations_lists_approved_organisations_with_counts(
    api_client: Any, published: Any, org: Any
) -> None:
    body = api_client.get("/api/v1/organisations/").json()
    row = next(r for r in body["results"] if r["id"] == org.pk)
    assert row["published_initiatives"] == 1
    assert api_client.get(f"/api/v1/organisations/{org.pk}/").status_code == 200


# --- writes -----------------------------------------------------------------------------------


def test_a_member_creates_updates_and_submits_through_the_api(
    api_client: Any, member: Any, org: Any
) -> None:
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/initiatives/create/", {"organisation": org.pk, **_payload()}
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["state"] == "draft"
    assert body["contact_email"] == "focal@example.test"
    assert body["principles"] == ["f", "g"]
    assert Initiative.objects.get().source == "api"
    pk = body["id"]
    response = api_client.patch(f"/api/v1/initiatives/{pk}/update/", {"summary": "Updated."})
    assert response.status_code == 200
    assert response.json()["summary"] == "Updated."
    response = api_client.post(f"/api/v1/initiatives/{pk}/submit/")
    assert response.status_code == 200
    assert response.json()["state"] == "submitted"


def test_creating_needs_a_login(api_client: Any, org: Any) -> None:
    response = api_client.post(
        "/api/v1/initiatives/create/", {"organisation": org.pk, **_payload()}
    )
    assert response.status_code in (401, 403)
    assert Initiative.objects.count() == 0


def test_creating_for_another_organisation_is_forbidden(
    api_client: Any, other_member: Any, org: Any
) -> None:
    api_client.force_authenticate(other_member)
    response = api_client.post(
        "/api/v1/initiatives/create/", {"organisation": org.pk, **_payload()}
    )
    assert response.status_code == 403
    assert Initiative.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "x" * 10_000}, "title"),
        ({"countries": ["PRT", "XXX"]}, "countries"),
        (
            {
                "start_date": "2024-05-01",
                "start_precision": "day",
                "end_date": "2024-01-01",
                "end_precision": "day",
            },
            "end_date",
        ),
        ({"objectives": [{"number": 99}]}, "objectives.0.number"),
        ({"contact_email": "not-an-email"}, "contact_email"),
        (
            {"evidence_links": [{"title": "x", "url": "javascript:alert(1)"}]},
            "evidence_links.0.url",
        ),
    ],
)
def test_bad_input_is_a_400_with_the_field_and_changes_nothing(
    api_client: Any, member: Any, org: Any, change: dict[str, Any], field: str
) -> None:
    api_client.force_authenticate(member)
    response = api_client.post(
        "/api/v1/initiatives/create/", {"organisation": org.pk, **_payload(**change)}
    )
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert Initiative.objects.count() == 0


def test_submitting_without_an_objective_is_a_400(api_client: Any, member: Any, org: Any) -> None:
    api_client.force_authenticate(member)
    pk = api_client.post(
        "/api/v1/initiatives/create/", {"organisation": org.pk, **_payload(objectives=[])}
    ).json()["id"]
    response = api_client.post(f"/api/v1/initiatives/{pk}/submit/")
    assert response.status_code == 400
    assert response.json()["errors"]["objectives"] == ["Choose at least one GCM objective."]
    assert Initiative.objects.get().state == ModerationState.DRAFT


def test_another_member_cannot_update_a_published_initiative(
    api_client: Any, other_member: Any, published: Any
) -> None:
    api_client.force_authenticate(other_member)
    response = api_client.patch(f"/api/v1/initiatives/{published.pk}/update/", {"title": "Hijack"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title != "Hijack"


def test_updating_a_published_initiative_returns_its_revision(
    api_client: Any, member: Any, published: Any
) -> None:
    api_client.force_authenticate(member)
    body = api_client.patch(f"/api/v1/initiatives/{published.pk}/update/", {"title": "V2"}).json()
    assert body["revision_of"] == published.pk
    assert body["id"] != published.pk
    assert api_client.get(f"/api/v1/initiatives/{published.pk}/").json()["title"] != "V2"


@pytest.mark.parametrize("who", ["member", "other_member", "official"])
def test_only_moderators_publish_through_the_api(
    api_client: Any, submitted: Any, who: str, request: Any
) -> None:
    api_client.force_authenticate(request.getfixturevalue(who))
    response = api_client.post(f"/api/v1/initiatives/{submitted.pk}/publish/")
    assert response.status_code in (403, 404)
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_anonymous_users_cannot_moderate(api_client: Any, submitted: Any) -> None:
    for command in ("publish", "request-changes", "reject"):
        response = api_client.post(f"/api/v1/initiatives/{submitted.pk}/{command}/")
        assert response.status_code in (401, 403)


def test_a_moderator_publishes_through_the_api(
    api_client: Any, moderator: Any, submitted: Any
) -> None:
    api_client.force_authenticate(moderator)
    response = api_client.post(f"/api/v1/initiatives/{submitted.pk}/publish/", {"note": "Thanks"})
    assert response.status_code == 200
    assert response.json()["state"] == "published"


@pytest.mark.parametrize("command", ["request-changes", "reject"])
def test_returning_or_rejecting_needs_a_reason(
    api_client: Any, moderator: Any, submitted: Any, command: str
) -> None:
    api_client.force_authenticate(moderator)
    response = api_client.post(f"/api/v1/initiatives/{submitted.pk}/{command}/", {"reason": ""})
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]
    response = api_client.post(
        f"/api/v1/initiatives/{submitted.pk}/{command}/", {"reason": "Please add dates"}
    )
    assert response.status_code == 200
    assert response.json()["transitions"][-1]["reason"] == "Please add dates"


def test_a_region_limited_moderator_cannot_see_another_regions_submission(
    api_client: Any, africa_moderator: Any, submitted: Any
) -> None:
    api_client.force_authenticate(africa_moderator)
    assert api_client.post(f"/api/v1/initiatives/{submitted.pk}/publish/").status_code == 404


# --- mapping ----------------------------------------------------------------------------------


def test_the_mapping_endpoints_count_initiatives_by_country_and_region(
    api_client: Any, member: Any, org: Any, moderator: Any
) -> None:
    make_initiative(member, org, "published", moderator)
    make_initiative(
        member,
        org,
        "published",
        moderator,
        countries=list(Country.objects.filter(alpha3__in=["PRT", "KEN"])),
    )
    rows = api_client.get("/api/v1/initiatives/mapping/countries/").json()
    assert {r["code"]: r["counts"] for r in rows} == {
        "PRT": {"6": 2, "15": 2},
        "KEN": {"6": 1, "15": 1},
    }
    regions = {r["code"]: r for r in api_client.get("/api/v1/initiatives/mapping/regions/").json()}
    assert regions["150"]["counts"] == {"6": 2, "15": 2}
    assert 6 not in regions["150"]["objectives_without_initiative"]
    assert 1 in regions["150"]["objectives_without_initiative"]
    assert regions["009"]["counts"] == {}
    assert len(regions["009"]["objectives_without_initiative"]) == 23
    filtered = api_client.get("/api/v1/initiatives/mapping/countries/?country=KEN").json()
    assert {r["code"] for r in filtered} == {"PRT", "KEN"}


def test_the_mapping_endpoint_runs_a_fixed_number_of_queries(
    api_client: Any, member: Any, org: Any, moderator: Any
) -> None:
    make_initiative(member, org, "published", moderator)
    with CaptureQueriesContext(connection) as one:
        api_client.get("/api/v1/initiatives/mapping/regions/")
    for alpha3 in ("KEN", "BRA", "IND"):
        make_initiative(
            member, org, "published", moderator, countries=[Country.objects.get(alpha3=alpha3)]
        )
    with CaptureQueriesContext(connection) as four:
        api_client.get("/api/v1/initiatives/mapping/regions/")
    assert len(one) == len(four)


def test_calls_are_listed_publicly(api_client: Any) -> None:
    assert api_client.get("/api/v1/calls/").status_code == 200


@pytest.mark.usefixtures("_keep_aggregates")
def test_the_matrices_are_kept_between_publications_and_follow_a_new_one(
    api_client: Any,
    member: Any,
    org: Any,
    moderator: Any,
    django_assert_num_queries: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from initiatives import services

    make_initiative(member, org, "published", moderator)
    first = api_client.get("/api/v1/initiatives/mapping/countries/").json()
    assert first == [{"code": "PRT", "name": "Portugal", "counts": {"6": 1, "15": 1}}]
    # The second read counts nothing: objectives, countries and the regions list only.
    with django_assert_num_queries(3):
        assert api_client.get("/api/v1/initiatives/mapping/countries/").json() == first
    submitted = make_initiative(member, org, "submitted", title="Second")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_initiative(actor=moderator, initiative=submitted)
    again = api_client.get("/api/v1/initiatives/mapping/countries/").json()
    assert again[0]["counts"] == {"6": 2, "15": 2}
    regions = api_client.get("/api/v1/initiatives/mapping/regions/?country=PRT").json()
    europe = next(r for r in regions if r["code"] == "150")
    assert europe["counts"] == {"6": 2, "15": 2}
    assert 1 in europe["objectives_without_initiative"]


@pytest.mark.usefixtures("_keep_aggregates")
def test_anonymous_list_pages_do_not_recount_and_never_fetch_long_texts(
    api_client: Any, member: Any, org: Any, moderator: Any
) -> None:
    for n in range(3):
        make_initiative(member, org, "published", moderator, title=f"Item {n}")
    first = api_client.get("/api/v1/initiatives/?page_size=2")
    assert first.json()["count"] == 3
    with CaptureQueriesContext(connection) as ctx:
        second = api_client.get("/api/v1/initiatives/?page_size=2&page=2")
    assert second.json()["count"] == 3
    assert [r["title"] for r in second.json()["results"]] == ["Item 0"]
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "COUNT(" not in sql.upper()
    assert "search_vector" not in sql
    assert '"initiatives_initiative"."description"' not in sql
