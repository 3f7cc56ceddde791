"""Review cycles: the shipped calendar, and who may open and change cycles."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from core.errors import DomainError
from countries.models import ReviewRegion
from reviews.models import ReviewCycle
from reviews.services import create_cycle, load_review_cycles, update_cycle


def test_load_review_cycles_ships_three_regional_rounds_per_region_and_three_imrf_editions(db):
    counts = load_review_cycles()
    assert counts["created"] == 18
    assert ReviewCycle.objects.imrf().count() == 3
    for code in ("ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"):
        years = sorted(
            ReviewCycle.objects.filter(review_region__code=code).values_list(
                "year_start", "year_end"
            )
        )
        assert years == [(2020, 2021), (2024, 2025), (2028, 2029)]
    imrf = ReviewCycle.objects.get(code="imrf-2022")
    assert "76/266" in imrf.outcome_reference
    assert imrf.commitments
    assert imrf.co_facilitator_list == ["Bangladesh", "Luxembourg"]
    assert sorted(ReviewCycle.objects.imrf().values_list("year_start", flat=True)) == [
        2022,
        2026,
        2030,
    ]


def test_load_review_cycles_is_idempotent_and_keeps_organiser_edits(db):
    load_review_cycles()
    ReviewCycle.objects.filter(code="ece-2028").update(venue="Edited venue")
    counts = load_review_cycles()
    assert counts == {"created": 0, "updated": 0, "unchanged": 18}
    assert ReviewCycle.objects.get(code="ece-2028").venue == "Edited venue"
    assert ReviewCycle.objects.count() == 18


def test_load_review_cycles_command_with_update_restores_shipped_values(db, capsys):
    call_command("load_review_cycles")
    ReviewCycle.objects.filter(code="imrf-2022").update(venue="Somewhere else")
    call_command("load_review_cycles", "--update")
    assert ReviewCycle.objects.get(code="imrf-2022").venue.startswith("United Nations")
    assert "1 updated" in capsys.readouterr().out


def _regional(region: str = "ECE", **extra: object) -> dict[str, object]:
    return {
        "code": f"test-{region.lower()}",
        "kind": "regional",
        "review_region": ReviewRegion.objects.get(code=region),
        "title": f"Test {region} review",
        "year_start": 2032,
        "year_end": 2033,
        **extra,
    }


def test_review_organiser_opens_a_cycle_in_their_region(ece_organiser):
    cycle = create_cycle(actor=ece_organiser, **_regional("ECE"))
    assert cycle.review_region.code == "ECE"
    assert cycle.history.count() == 1


def test_review_organiser_cannot_open_a_cycle_in_another_region(ece_organiser):
    with pytest.raises(DomainError) as exc:
        create_cycle(actor=ece_organiser, **_regional("ECA"))
    assert exc.value.code == "permission_denied"
    assert not ReviewCycle.objects.filter(code="test-eca").exists()


def test_review_organiser_cannot_open_an_imrf_edition(ece_organiser):
    with pytest.raises(DomainError):
        create_cycle(
            actor=ece_organiser,
            code="imrf-2034",
            kind="imrf",
            title="IMRF 2034",
            year_start=2034,
            year_end=2034,
        )
    assert not ReviewCycle.objects.filter(code="imrf-2034").exists()


def test_administrator_opens_an_imrf_edition(admin):
    cycle = create_cycle(
        actor=admin,
        code="imrf-2034",
        kind="imrf",
        title="IMRF 2034",
        year_start=2034,
        year_end=2034,
    )
    assert cycle.review_region is None


def test_create_cycle_rejects_a_regional_cycle_without_region(admin):
    data = _regional()
    data["review_region"] = None
    with pytest.raises(DomainError) as exc:
        create_cycle(actor=admin, **data)
    assert "review_region" in exc.value.errors


def test_create_cycle_rejects_a_window_that_closes_before_it_opens(admin):
    with pytest.raises(DomainError) as exc:
        create_cycle(
            actor=admin,
            **_regional(
                submissions_open_on=datetime.date(2032, 5, 1),
                submissions_close_on=datetime.date(2032, 4, 1),
            ),
        )
    assert "submissions_close_on" in exc.value.errors
    assert not ReviewCycle.objects.filter(code="test-ece").exists()


def test_create_cycle_needs_both_window_dates(admin):
    with pytest.raises(DomainError) as exc:
        create_cycle(actor=admin, **_regional(submissions_open_on=datetime.date(2032, 5, 1)))
    assert "submissions_close_on" in exc.value.errors


def test_organiser_updates_the_window_and_outcome_of_their_regions_cycle(cycles, ece_organiser):
    cycle = ReviewCycle.objects.get(code="ece-2028")
    update_cycle(
        actor=ece_organiser,
        cycle=cycle,
        submissions_open_on=datetime.date(2028, 1, 1),
        submissions_close_on=datetime.date(2028, 3, 31),
        outcome_commitments="One\nTwo",
    )
    cycle.refresh_from_db()
    assert cycle.commitments == ["One", "Two"]
    assert cycle.history.count() == 2


def test_organiser_cannot_update_another_regions_cycle(cycles, ece_organiser):
    cycle = ReviewCycle.objects.get(code="eca-2028")
    with pytest.raises(DomainError):
        update_cycle(actor=ece_organiser, cycle=cycle, venue="Nope")
    assert ReviewCycle.objects.get(code="eca-2028").venue == ""


def test_organiser_cannot_move_their_cycle_to_another_region(cycles, ece_organiser):
    cycle = ReviewCycle.objects.get(code="ece-2028")
    with pytest.raises(DomainError):
        update_cycle(
            actor=ece_organiser, cycle=cycle, review_region=ReviewRegion.objects.get(code="ECA")
        )
    assert ReviewCycle.objects.get(code="ece-2028").review_region.code == "ECE"


def test_national_coordinator_cannot_manage_cycles(cycles, coordinator):
    cycle = ReviewCycle.objects.get(code="ece-2028")
    with pytest.raises(DomainError):
        update_cycle(actor=coordinator, cycle=cycle, venue="Nope")
