"""Pledges: types, forms, matching, money, entities, status updates."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from core.errors import DomainError
from countries.models import Country
from reviews.models import Pledge, PledgeUpdate
from reviews.services import create_pledge, post_pledge_update, update_pledge
from tests.reviews.factories import PledgeFactory


def _data(**extra):
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


def _portugal():
    return Country.objects.get(alpha3="PRT")


def test_government_role_records_a_policy_pledge_for_its_country(focal_point):
    pledge = create_pledge(actor=focal_point, country=_portugal(), principles=["a"], **_data())
    assert pledge.status == Pledge.Status.PLEDGED
    assert [o.number for o in pledge.objectives.all()] == [5]
    assert [p.letter for p in pledge.principles.all()] == ["a"]
    assert pledge.history.exists()


def test_financial_pledge_with_amount_and_iso_currency(coordinator):
    pledge = create_pledge(
        actor=coordinator,
        country=_portugal(),
        **_data(pledge_type=Pledge.Type.FINANCIAL, amount="250000", currency="eur"),
    )
    assert pledge.amount == Decimal("250000")
    assert pledge.currency == "EUR"


def test_amount_without_currency_is_refused_and_nothing_is_saved(coordinator):
    with pytest.raises(DomainError) as exc:
        create_pledge(
            actor=coordinator,
            country=_portugal(),
            **_data(pledge_type=Pledge.Type.FINANCIAL, amount="1000"),
        )
    assert "ISO 4217" in exc.value.errors["currency"][0]
    assert not Pledge.objects.exists()


@pytest.mark.parametrize("code", ["XXX", "XTS", "XAU", "XDR", "USN"])
def test_codes_that_are_not_a_currency_in_use_are_refused(coordinator, code):
    with pytest.raises(DomainError) as exc:
        create_pledge(
            actor=coordinator,
            country=_portugal(),
            **_data(pledge_type=Pledge.Type.FINANCIAL, amount="1000", currency=code),
        )
    assert exc.value.errors == {
        "currency": [f"“{code}” is not an ISO 4217 currency in use (e.g. EUR, KES, LKR)."]
    }
    assert not Pledge.objects.exists()


def test_unknown_currency_code_is_refused(coordinator):
    with pytest.raises(DomainError) as exc:
        create_pledge(
            actor=coordinator,
            country=_portugal(),
            **_data(pledge_type=Pledge.Type.FINANCIAL, amount="1000", currency="XYZ"),
        )
    assert "not an ISO 4217" in exc.value.errors["currency"][0]
    assert not Pledge.objects.exists()


def test_financial_pledge_needs_an_amount(coordinator):
    with pytest.raises(DomainError) as exc:
        create_pledge(
            actor=coordinator,
            country=_portugal(),
            **_data(pledge_type=Pledge.Type.FINANCIAL, currency="EUR"),
        )
    assert "amount" in exc.value.errors


def test_non_financial_pledge_states_no_amount(coordinator):
    with pytest.raises(DomainError) as exc:
        create_pledge(actor=coordinator, country=_portugal(), **_data(amount="10", currency="EUR"))
    assert "Only financial pledges" in exc.value.errors["amount"][0]


def test_matching_pledge_names_an_existing_pledge(coordinator, member, organisation):
    original = create_pledge(actor=coordinator, country=_portugal(), **_data())
    matching = create_pledge(
        actor=member,
        organisation=organisation,
        form=Pledge.Form.MATCHING,
        matches=original.pk,
        **_data(title="Matching"),
    )
    assert matching.matches == original
    assert list(original.matched_by.all()) == [matching]


def test_matching_a_pledge_that_does_not_exist_is_refused(member, organisation):
    with pytest.raises(DomainError) as exc:
        create_pledge(
            actor=member,
            organisation=organisation,
            form=Pledge.Form.MATCHING,
            matches=999999,
            **_data(),
        )
    assert "no pledge with the id “999999”" in exc.value.errors["matches"][0]
    assert not Pledge.objects.exists()


def test_matching_pledge_without_the_id_is_refused(member, organisation):
    with pytest.raises(DomainError) as exc:
        create_pledge(actor=member, organisation=organisation, form=Pledge.Form.MATCHING, **_data())
    assert "matches" in exc.value.errors


def test_only_matching_pledges_name_another_pledge(coordinator):
    original = PledgeFactory()
    with pytest.raises(DomainError) as exc:
        create_pledge(actor=coordinator, country=_portugal(), matches=original.pk, **_data())
    assert "matches" in exc.value.errors
    assert Pledge.objects.count() == 1


def test_pledge_in_partnership_names_its_partners(coordinator, organisation):
    with pytest.raises(DomainError) as exc:
        create_pledge(
            actor=coordinator, country=_portugal(), form=Pledge.Form.PARTNERSHIP, **_data()
        )
    assert "partner_organisations" in exc.value.errors
    pledge = create_pledge(
        actor=coordinator,
        country=_portugal(),
        form=Pledge.Form.PARTNERSHIP,
        partner_organisations=[organisation.pk],
        partner_countries=["ESP"],
        **_data(),
    )
    assert list(pledge.partner_organisations.all()) == [organisation]


def test_pledge_serves_at_least_one_objective_or_principle(coordinator):
    with pytest.raises(DomainError) as exc:
        create_pledge(actor=coordinator, country=_portugal(), **_data(objectives=[]))
    assert "objectives" in exc.value.errors
    pledge = create_pledge(
        actor=coordinator, country=_portugal(), principles=["f"], **_data(objectives=[])
    )
    assert pledge.principles.count() == 1


def test_civil_society_member_cannot_pledge_for_a_country(member):
    with pytest.raises(DomainError) as exc:
        create_pledge(actor=member, country=_portugal(), **_data())
    assert exc.value.code == "permission_denied"
    assert not Pledge.objects.exists()


def test_member_cannot_pledge_for_another_organisation(other_member, organisation):
    with pytest.raises(DomainError):
        create_pledge(actor=other_member, organisation=organisation, **_data())
    assert not Pledge.objects.exists()


def test_other_countrys_coordinator_cannot_pledge_for_portugal(other_coordinator):
    with pytest.raises(DomainError):
        create_pledge(actor=other_coordinator, country=_portugal(), **_data())


def test_pledge_has_exactly_one_entity(coordinator, organisation):
    with pytest.raises(DomainError):
        create_pledge(actor=coordinator, **_data())
    with pytest.raises(DomainError):
        create_pledge(actor=coordinator, country=_portugal(), organisation=organisation, **_data())


def test_update_pledge_by_its_entity_keeps_the_rules(coordinator):
    pledge = create_pledge(actor=coordinator, country=_portugal(), **_data())
    update_pledge(actor=coordinator, pledge=pledge, target="2,000 visas", objectives=[5, 6])
    pledge.refresh_from_db()
    assert pledge.target == "2,000 visas"
    assert pledge.objectives.count() == 2
    with pytest.raises(DomainError):
        update_pledge(actor=coordinator, pledge=pledge, pledge_type=Pledge.Type.FINANCIAL)
    assert Pledge.objects.get(pk=pledge.pk).pledge_type == Pledge.Type.POLICY


def test_update_pledge_by_someone_else_is_refused(coordinator, other_coordinator):
    pledge = create_pledge(actor=coordinator, country=_portugal(), **_data())
    with pytest.raises(DomainError):
        update_pledge(actor=other_coordinator, pledge=pledge, target="x")
    assert Pledge.objects.get(pk=pledge.pk).target == "1,000 visas a year"


def test_status_update_changes_the_pledges_status(coordinator):
    pledge = create_pledge(actor=coordinator, country=_portugal(), **_data())
    update = post_pledge_update(
        actor=coordinator, pledge=pledge, status=Pledge.Status.IN_PROGRESS, note="Law drafted"
    )
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.IN_PROGRESS
    assert update.note == "Law drafted"


def test_status_update_needs_a_note_and_a_known_status(coordinator):
    pledge = create_pledge(actor=coordinator, country=_portugal(), **_data())
    with pytest.raises(DomainError):
        post_pledge_update(actor=coordinator, pledge=pledge, status="in_progress", note=" ")
    with pytest.raises(DomainError):
        post_pledge_update(actor=coordinator, pledge=pledge, status="bogus", note="x")
    assert not PledgeUpdate.objects.exists()


def test_withdrawn_pledge_takes_no_more_updates(coordinator):
    pledge = create_pledge(actor=coordinator, country=_portugal(), **_data())
    post_pledge_update(actor=coordinator, pledge=pledge, status="withdrawn", note="Dropped")
    with pytest.raises(DomainError):
        post_pledge_update(actor=coordinator, pledge=pledge, status="fulfilled", note="x")
    assert PledgeUpdate.objects.count() == 1


def test_status_update_by_someone_else_is_refused(coordinator, member):
    pledge = create_pledge(actor=coordinator, country=_portugal(), **_data())
    with pytest.raises(DomainError):
        post_pledge_update(actor=member, pledge=pledge, status="fulfilled", note="x")
    assert Pledge.objects.get(pk=pledge.pk).status == Pledge.Status.PLEDGED
