"""Activities API: public reads with filters, writes for moderators only, one view per command."""

from __future__ import annotations

from typing import Any

import pytest

from activities.models import NationalActivity

from .factories import make_activity

pytestmark = pytest.mark.django_db

LIST = "/api/v1/activities/"


def test_anyone_reads_the_list_with_its_source(api_client: Any, loaded: Any) -> None:
    response = api_client.get(LIST, {"page_size": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 200
    first = body["results"][0]
    assert set(first) >= {
        "id",
        "key",
        "country",
        "kind",
        "kind_label",
        "initiator_type",
        "initiator",
        "objectives",
        "date_text",
        "date",
        "year",
        "predates_gcm",
        "description",
        "source_document",
        "source_reference",
    }


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"country": "MAR"}, 7),
        ({"source_document": "mmc_2019_annex"}, 105),
        ({"source_document": "sg_report_2020", "objective": 13}, 3),
        ({"kind": "implementation_plan", "initiator_type": "government"}, 4),
        ({"region": "002", "kind": "funding"}, 0),
        ({"predates_gcm": "true", "source_document": "sg_report_2020"}, 4),
    ],
)
def test_the_list_filters(api_client: Any, loaded: Any, params: dict[str, Any], count: int) -> None:
    response = api_client.get(LIST, params)
    assert response.status_code == 200
    assert response.json()["count"] == count


def test_a_bad_filter_is_a_400_with_the_field(api_client: Any, loaded: Any) -> None:
    response = api_client.get(LIST, {"kind": "picnic", "country": "XXX", "predates_gcm": "null"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"kind", "country", "predates_gcm"}


def test_the_list_costs_the_same_queries_whatever_the_page_size(
    api_client: Any, loaded: Any, django_assert_max_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (5, 100):
        with CaptureQueriesContext(connection) as ctx:
            assert api_client.get(LIST, {"page_size": size}).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] <= 4


def test_anyone_reads_a_published_activity(api_client: Any, loaded: Any) -> None:
    activity = NationalActivity.objects.get(key="sg2020-para12-prt-1")
    body = api_client.get(f"{LIST}{activity.pk}/").json()
    assert body["country"] == {"alpha3": "PRT", "name": "Portugal"}
    assert len(body["objectives"]) == 23
    assert body["source_reference"].startswith("para. 12 (III.")


def test_a_withdrawn_activity_is_a_404_except_for_moderators(
    api_client: Any, moderator: Any, member: Any
) -> None:
    hidden = make_activity(published=False)
    assert api_client.get(f"{LIST}{hidden.pk}/").status_code == 404
    api_client.force_authenticate(member)
    assert api_client.get(f"{LIST}{hidden.pk}/").status_code == 404
    api_client.force_authenticate(moderator)
    assert api_client.get(f"{LIST}{hidden.pk}/").status_code == 200


NEW = {
    "country": "KEN",
    "kind": "meeting",
    "initiator_type": "government",
    "description": "National consultation on the GCM",
    "source_document": "other",
    "source_reference": "Voluntary GCM review of Kenya, 2021, p. 4",
    "objectives": [1, 23],
    "year": 2021,
}


def test_anonymous_cannot_write(api_client: Any) -> None:
    response = api_client.post(f"{LIST}create/", NEW, format="json")
    assert response.status_code in (401, 403)
    assert not NationalActivity.objects.filter(source_document="other").exists()


def test_a_member_cannot_write(api_client: Any, member: Any) -> None:
    api_client.force_authenticate(member)
    response = api_client.post(f"{LIST}create/", NEW, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    activity = make_activity()
    assert api_client.patch(f"{LIST}{activity.pk}/update/", {"initiator": "x"}).status_code == 403
    assert (
        api_client.post(f"{LIST}{activity.pk}/publication/", {"published": False}).status_code
        == 403
    )


def test_a_moderator_records_corrects_and_withdraws(api_client: Any, moderator: Any) -> None:
    api_client.force_authenticate(moderator)
    response = api_client.post(f"{LIST}create/", NEW, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["country"]["alpha3"] == "KEN"
    assert body["objectives"] == [1, 23]
    pk = body["id"]
    response = api_client.patch(
        f"{LIST}{pk}/update/", {"initiator": "Ministry of Interior"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["initiator"] == "Ministry of Interior"
    response = api_client.post(f"{LIST}{pk}/publication/", {"published": False}, format="json")
    assert response.status_code == 200
    assert response.json()["published"] is False


def test_bad_input_is_a_400_with_field_messages(api_client: Any, moderator: Any) -> None:
    api_client.force_authenticate(moderator)
    response = api_client.post(
        f"{LIST}create/", {**NEW, "objectives": [24], "country": "ZZZ"}, format="json"
    )
    assert response.status_code == 400
    assert "country" in response.json()["errors"]
    response = api_client.post(f"{LIST}create/", {**NEW, "objectives": [24]}, format="json")
    assert response.status_code == 400
    assert "objectives" in response.json()["errors"]
    response = api_client.post(
        f"{LIST}create/", {**NEW, "year": 2019, "date": "2021-05-03"}, format="json"
    )
    assert response.status_code == 400
    assert "year" in response.json()["errors"]


def test_a_regional_moderator_gets_a_403_outside_its_region(
    api_client: Any, africa_moderator: Any
) -> None:
    api_client.force_authenticate(africa_moderator)
    assert api_client.post(f"{LIST}create/", NEW, format="json").status_code == 201
    response = api_client.post(f"{LIST}create/", {**NEW, "country": "PRT"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
