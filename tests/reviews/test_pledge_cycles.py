"""Matching pledges never form a circle (A matches B matches A, or longer)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from core.errors import DomainError
from reviews.models import Pledge
from reviews.services import create_pledge, update_pledge

pytestmark = pytest.mark.django_db


def _data(**extra: Any) -> dict[str, Any]:
    data = {
        "title": "Open a regular pathway",
        "description": "A pledge",
        "pledge_type": Pledge.Type.POLICY,
        "target": "1,000 visas a year",
        "deadline": datetime.date(2027, 12, 31),
        "objectives": [5],
    }
    data.update(extra)
    return data


def _matching(member: Any, organisation: Any, matches: Pledge) -> Pledge:
    return create_pledge(
        actor=member,
        organisation=organisation,
        form=Pledge.Form.MATCHING,
        matches=matches.pk,
        **_data(),
    )


def test_a_pledge_cannot_match_the_pledge_that_matches_it(member: Any, organisation: Any) -> None:
    a = create_pledge(actor=member, organisation=organisation, **_data())
    b = _matching(member, organisation, a)
    with pytest.raises(DomainError) as exc:
        update_pledge(actor=member, pledge=a, form=Pledge.Form.MATCHING, matches=b.pk)
    assert "circle" in exc.value.errors["matches"][0]
    a.refresh_from_db()
    assert (a.form, a.matches_id) == (Pledge.Form.INDIVIDUAL, None)


def test_a_longer_circle_of_matching_pledges_is_refused(member: Any, organisation: Any) -> None:
    a = create_pledge(actor=member, organisation=organisation, **_data())
    b = _matching(member, organisation, a)
    c = _matching(member, organisation, b)
    d = _matching(member, organisation, c)
    with pytest.raises(DomainError) as exc:
        update_pledge(actor=member, pledge=a, form=Pledge.Form.MATCHING, matches=d.pk)
    assert "circle" in exc.value.errors["matches"][0]
    # A chain without a circle stays allowed: b may match d's sibling e (which matches a's
    # other match), as long as following the matches never comes back to b.
    e = create_pledge(actor=member, organisation=organisation, **_data())
    assert update_pledge(actor=member, pledge=b, matches=e.pk).matches_id == e.pk


def test_a_matching_cycle_through_the_api_is_a_400(
    api_client: Any, member: Any, organisation: Any
) -> None:
    a = create_pledge(actor=member, organisation=organisation, **_data())
    b = _matching(member, organisation, a)
    api_client.force_authenticate(member)
    response = api_client.patch(
        f"/api/v1/pledges/{a.pk}/", {"form": "matching", "matches": b.pk}, format="json"
    )
    assert response.status_code == 400
    assert "matches" in response.json()["errors"]
