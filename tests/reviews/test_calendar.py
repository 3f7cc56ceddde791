"""The shipped review calendar: cycles dated where a public source dates them, with sources."""

from __future__ import annotations

import datetime

import pytest

from reviews.models import ReviewCycle
from reviews.services import load_review_cycles

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def calendar():
    load_review_cycles()
    return {c.code: c for c in ReviewCycle.objects.all()}


@pytest.mark.parametrize(
    ("code", "starts", "ends", "venue"),
    [
        ("escwa-2020", D(2021, 2, 24), D(2021, 2, 25), "Online"),
        ("eca-2020", D(2021, 8, 31), D(2021, 9, 1), "Online"),
        ("escap-2020", D(2021, 3, 10), D(2021, 3, 12), "Bangkok"),
        ("eclac-2020", D(2021, 4, 26), D(2021, 4, 28), "Online"),
        ("ece-2024", D(2024, 3, 11), D(2024, 3, 11), "Geneva"),
        ("escwa-2024", D(2024, 7, 3), D(2024, 7, 4), "Cairo"),
        ("eca-2024", D(2024, 10, 9), D(2024, 10, 10), "Addis Ababa"),
        ("escap-2024", D(2025, 2, 4), D(2025, 2, 6), "Bangkok"),
        ("eclac-2024", D(2025, 3, 18), D(2025, 3, 20), "Santiago"),
    ],
)
def test_regional_review_dates_and_venues(calendar, code, starts, ends, venue):
    cycle = calendar[code]
    assert (cycle.starts_on, cycle.ends_on) == (starts, ends)
    assert venue in cycle.venue
    assert cycle.organisers


def test_every_held_cycle_is_dated_and_every_cycle_has_its_own_source(calendar):
    for cycle in calendar.values():
        assert cycle.source, cycle.code
        if cycle.year_end <= 2025 or cycle.code == "imrf-2022":
            assert cycle.starts_on is not None, cycle.code


def test_imrf_2022_has_its_hearing_and_the_general_assembly_endorsement(calendar):
    imrf = calendar["imrf-2022"]
    assert (imrf.starts_on, imrf.ends_on) == (D(2022, 5, 17), D(2022, 5, 20))
    assert "A/RES/76/266" in imrf.outcome_reference
    assert imrf.outcome_adopted_on == D(2022, 6, 7)
    assert "2022-05-16: informal interactive multi-stakeholder hearing" in imrf.related_events


def test_imrf_2026_says_what_is_not_known_instead_of_inventing_it(calendar):
    imrf = calendar["imrf-2026"]
    assert imrf.starts_on is None
    assert imrf.venue == ""
    assert "not in the sources consulted" in imrf.related_events


def test_cycle_page_and_api_show_source_and_related_events(calendar, client, api_client):
    body = client.get("/reviews/cycles/imrf-2022/").content.decode()
    assert "informal interactive multi-stakeholder hearing" in body
    assert "adopted 7 June 2022" in body
    data = api_client.get("/api/v1/reviews/imrf-2022/").json()
    assert data["outcome_adopted_on"] == "2022-06-07"
    assert data["source"].startswith("GA resolution 73/326")
