"""Hostile input answers 400 with a message: deep or huge JSON, bad page numbers, unknown
ordering fields, and dates outside 1945-2100."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from core.api.parsers import json_depth
from core.validators import validate_plausible_date
from reports.models import ReportJob
from reviews.models import Pledge

pytestmark = pytest.mark.django_db

PAGINATED_LISTS = [
    "/api/v1/objectives/",
    "/api/v1/countries/",
    "/api/v1/initiatives/",
    "/api/v1/organisations/",
    "/api/v1/calls/",
    "/api/v1/plans/",
    "/api/v1/reviews/",
    "/api/v1/submissions/",
    "/api/v1/pledges/",
]


@pytest.fixture
def member_client(api_client: Any, make_user: Any) -> Any:
    api_client.force_authenticate(make_user())
    return api_client


# --- JSON bodies ------------------------------------------------------------------------------


def test_json_depth_counts_without_recursion_and_ignores_brackets_in_strings() -> None:
    assert json_depth('"[[["') == 0
    assert json_depth('{"a": [1, {"b": "]]]"}]}') == 3
    assert json_depth("[" * 100_000 + "]" * 100_000) == 100_000


def test_a_json_body_nested_1000_levels_is_a_400_not_a_500(member_client: Any) -> None:
    body = '{"kind": "country_profile", "parameters": ' + "[" * 1000 + "]" * 1000 + "}"
    response = member_client.post("/api/v1/reports/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]
    assert not ReportJob.objects.exists()


def test_a_json_body_at_the_depth_limit_is_parsed(member_client: Any) -> None:
    nested: Any = "x"
    for _ in range(30):  # with the body object and "parameters": 32 levels
        nested = [nested]
    body = json.dumps({"kind": "country_profile", "parameters": {"country": nested}})
    response = member_client.post("/api/v1/reports/", body, content_type="application/json")
    # Parsed, then refused by the service for what it says, not for its shape.
    assert response.status_code == 400
    assert "nested too deeply" not in response.json()["detail"]


def test_a_json_body_over_the_size_limit_is_a_400(member_client: Any, settings: Any) -> None:
    body = json.dumps({"title": "x" * (settings.API_MAX_JSON_BYTES + 10)})
    response = member_client.post("/api/v1/pledges/", body, content_type="application/json")
    assert response.status_code == 400
    assert "too large" in response.json()["detail"]
    assert not Pledge.objects.exists()


def test_nan_is_not_json(member_client: Any) -> None:
    response = member_client.post(
        "/api/v1/pledges/", '{"amount": NaN}', content_type="application/json"
    )
    assert response.status_code == 400


# --- pagination and ordering ------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGINATED_LISTS)
@pytest.mark.parametrize("page", ["-1", "0", "abc", "1.5", "٣"])
def test_a_bad_page_number_is_a_400_on_every_list(api_client: Any, url: str, page: str) -> None:
    response = api_client.get(url, {"page": page})
    assert response.status_code == 400, (url, response.status_code)
    assert "page" in response.json()["errors"]


@pytest.mark.parametrize("url", PAGINATED_LISTS)
def test_an_unknown_ordering_field_is_a_400_on_every_list(api_client: Any, url: str) -> None:
    response = api_client.get(url, {"ordering": "evil"})
    assert response.status_code == 400, (url, response.status_code)
    assert "evil" in response.json()["errors"]["ordering"][0]


def test_known_orderings_and_page_one_still_work(api_client: Any) -> None:
    response = api_client.get("/api/v1/objectives/", {"ordering": "-number", "page": "1"})
    assert response.status_code == 200
    assert response.json()["results"][0]["number"] == 23
    assert api_client.get("/api/v1/countries/", {"ordering": "name,-alpha3"}).status_code == 200
    assert api_client.get("/api/v1/objectives/", {"page": "last"}).status_code == 200


def test_a_page_past_the_end_is_still_a_404(api_client: Any) -> None:
    assert api_client.get("/api/v1/objectives/", {"page": "99"}).status_code == 404


# --- plausible dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (datetime.date(1, 1, 1), False),
        (datetime.date(1944, 12, 31), False),
        (datetime.date(1945, 1, 1), True),
        (datetime.date(2100, 12, 31), True),
        (datetime.date(2101, 1, 1), False),
        (datetime.date(9999, 12, 31), False),
    ],
)
def test_the_plausible_date_validator(value: datetime.date, ok: bool) -> None:
    if ok:
        validate_plausible_date(value)
    else:
        with pytest.raises(ValidationError, match="between 1945-01-01 and 2100-12-31"):
            validate_plausible_date(value)


def test_a_pledge_deadline_in_year_one_is_a_400_and_saves_nothing(
    api_client: Any, make_user: Any, make_organisation: Any
) -> None:
    from accounts.models import Role

    org = make_organisation()
    api_client.force_authenticate(make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org))
    response = api_client.post(
        "/api/v1/pledges/",
        {
            "organisation": org.pk,
            "title": "A pledge",
            "description": "d",
            "pledge_type": "policy_oriented",
            "form": "individual",
            "target": "t",
            "deadline": "0001-01-01",
            "objectives": [5],
        },
        format="json",
    )
    assert response.status_code == 400, response.json()
    assert "1945" in response.json()["errors"]["deadline"][0]
    assert not Pledge.objects.exists()


def test_an_initiative_starting_on_0001_01_01_is_refused(
    make_user: Any, make_organisation: Any
) -> None:
    from accounts.models import Role
    from core.errors import DomainError
    from initiatives import services
    from initiatives.models import Initiative

    org = make_organisation()
    member = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)
    initiative = services.create_initiative(
        actor=member, organisation=org, data={"title": "Safe pathways"}
    )
    with pytest.raises(DomainError) as exc:
        services.update_initiative(
            actor=member, initiative=initiative, data={"start_date": datetime.date(1, 1, 1)}
        )
    assert "1945" in exc.value.errors["start_date"][0]
    assert Initiative.objects.get(pk=initiative.pk).start_date is None


def test_a_review_cycle_meeting_in_2101_is_refused(make_user: Any) -> None:
    from accounts.models import Role
    from core.errors import DomainError
    from reviews.models import ReviewCycle
    from reviews.services import create_cycle

    with pytest.raises(DomainError) as exc:
        create_cycle(
            actor=make_user(Role.ADMINISTRATOR),
            code="imrf-2034",
            kind="imrf",
            title="IMRF 2034",
            year_start=2034,
            year_end=2034,
            starts_on=datetime.date(2101, 5, 1),
        )
    assert "1945" in exc.value.errors["starts_on"][0]
    assert not ReviewCycle.objects.filter(code="imrf-2034").exists()


def test_a_users_own_lists_refuse_bad_pages_and_orderings_too(member_client: Any) -> None:
    for query in ({"page": "-1"}, {"ordering": "evil"}):
        response = member_client.get("/api/v1/reports/", query)
        assert response.status_code == 400, query
