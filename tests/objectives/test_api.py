"""Public reference endpoints: contract, errors, query counts, read-only."""

import pytest

pytestmark = pytest.mark.django_db


def test_objectives_list_is_public_and_complete(api_client):
    response = api_client.get("/api/v1/objectives/", {"page_size": 50})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 23
    first = body["results"][0]
    assert first["number"] == 1
    assert first["paragraph"] == 17
    assert set(first) >= {"title", "short_label", "thematic_areas", "review_groupings"}


def test_objective_detail_has_actions_and_sdg_targets(api_client):
    body = api_client.get("/api/v1/objectives/13/").json()
    assert body["title"].startswith("Use migration detention")
    assert {"letter": "h", "reference": "13(h)", "paragraph_reference": "29(h)"}.items() <= next(
        a for a in body["actions"] if a["letter"] == "h"
    ).items()
    one = api_client.get("/api/v1/objectives/1/").json()
    assert any(t["code"] == "17.18" for t in one["sdg_targets"])


@pytest.mark.parametrize("number", ["24", "0", "abc"])
def test_unknown_objective_is_404(api_client, number):
    response = api_client.get(f"/api/v1/objectives/{number}/")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_unknown_filter_value_is_a_400_with_field_errors(api_client):
    response = api_client.get("/api/v1/objectives/", {"thematic_area": "TA9"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "thematic_area" in body["errors"]


def test_objectives_filter_by_thematic_area(api_client):
    body = api_client.get("/api/v1/objectives/", {"thematic_area": "TA5"}).json()
    assert sorted(o["number"] for o in body["results"]) == [4, 15, 16]


@pytest.mark.parametrize("size", ["1000", "0", "-1", "many"])
def test_bad_page_sizes_are_rejected(api_client, size):
    response = api_client.get("/api/v1/countries/", {"page_size": size})
    assert response.status_code == 400
    assert "page_size" in response.json()["errors"]


def test_page_past_the_end_is_404(api_client):
    assert api_client.get("/api/v1/countries/", {"page": 99}).status_code == 404


def test_reference_endpoints_are_read_only(api_client, make_user):
    response = api_client.post("/api/v1/objectives/", {"number": 24}, format="json")
    assert response.status_code == 401
    api_client.force_authenticate(make_user("analyst"))
    response = api_client.post("/api/v1/objectives/", {"number": 24}, format="json")
    assert response.status_code == 403
    response = api_client.delete("/api/v1/countries/PRT/")
    assert response.status_code == 403


def test_principles_thematic_areas_and_sdg_targets(api_client):
    principles = api_client.get("/api/v1/principles/").json()
    assert principles["count"] == 10
    assert principles["results"][0]["paragraph_reference"] == "15(a)"
    area = api_client.get("/api/v1/thematic-areas/TA1/").json()
    assert 1 in area["objectives"]
    target = api_client.get("/api/v1/sdg-targets/10.7/").json()
    assert target["goal"]["number"] == 10


def test_process_step_has_questions_checklist_and_tools(api_client):
    step = api_client.get("/api/v1/process-steps/1/").json()
    assert step["name"]
    assert len(step["actions"]) == 4
    assert len(step["guiding_questions"]) == 6
    assert [i["is_ongoing"] for i in step["checklist_items"]] == [False] * 4 + [True] * 2
    assert step["tools"][0]["number"] == 1
    assert len(step["tools"][0]["items"]) == 16


def test_countries_filter_by_region_and_review_region(api_client):
    body = api_client.get("/api/v1/countries/", {"review_region": "ESCWA", "page_size": 100}).json()
    assert body["count"] == len(body["results"])
    assert "MAR" in {c["alpha3"] for c in body["results"]}
    europe = api_client.get("/api/v1/countries/", {"region": "150", "page_size": 100}).json()
    assert all(c["region"] == "150" for c in europe["results"])
    bad = api_client.get("/api/v1/countries/", {"region": "999"})
    assert bad.status_code == 400
    assert "region" in bad.json()["errors"]


def test_country_detail_accepts_lowercase_and_lists_designations(api_client):
    body = api_client.get("/api/v1/countries/prt/").json()
    assert body["alpha3"] == "PRT"
    assert sorted(body["review_regions"]) == ["ECE", "ECLAC"]
    assert body["designations"][0]["designation"] == "champion"
    assert api_client.get("/api/v1/countries/XXX/").status_code == 404


def test_regions_and_review_regions(api_client):
    regions = api_client.get("/api/v1/regions/").json()
    assert regions["count"] == 5
    assert api_client.get("/api/v1/review-regions/ECA/").json()["code"] == "ECA"


@pytest.mark.parametrize("size", [5, 150])
def test_country_list_query_count_does_not_grow_with_page_size(
    api_client, django_assert_num_queries, size
):
    # count, page of countries, prefetch of review regions
    with django_assert_num_queries(3):
        response = api_client.get("/api/v1/countries/", {"page_size": size})
    assert len(response.json()["results"]) == size


@pytest.mark.parametrize("size", [3, 23])
def test_objective_list_query_count_is_fixed(api_client, django_assert_num_queries, size):
    with django_assert_num_queries(4):
        response = api_client.get("/api/v1/objectives/", {"page_size": size})
    assert len(response.json()["results"]) == size


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/objectives/" in schema.content
    assert client.get("/api/docs/").status_code == 200
