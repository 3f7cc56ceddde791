"""Activity services: who may write, the rules, history, idempotent publication."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from activities import services
from activities.models import NationalActivity
from core.errors import ConflictError, ForbiddenError, InvalidInputError
from countries.models import Country

from .factories import make_activity

pytestmark = pytest.mark.django_db


def _data(**extra: Any) -> dict[str, Any]:
    return {
        "country": Country.objects.get(alpha3="KEN"),
        "kind": "meeting",
        "initiator_type": "government",
        "initiator": "Ministry of Foreign Affairs",
        "description": "National consultation on the GCM (3 May 2021)",
        "date_text": "3 May 2021",
        "date": dt.date(2021, 5, 3),
        "source_document": "other",
        "source_reference": "Voluntary GCM review of Kenya, 2021, p. 4",
        "objectives": [1, 23],
        **extra,
    }


def test_a_moderator_records_an_activity_with_objectives_and_history(moderator: Any) -> None:
    activity = services.create_activity(actor=moderator, data=_data())
    assert activity.key.startswith("activity-")
    assert activity.year == 2021
    assert activity.published is True
    assert sorted(o.number for o in activity.objectives.all()) == [1, 23]
    assert activity.history.first().history_user == moderator


def test_an_administrator_may_record_an_activity(admin_user: Any) -> None:
    assert services.create_activity(actor=admin_user, data=_data(key="kenya-2021")).key == (
        "kenya-2021"
    )


@pytest.mark.parametrize("who", ["member", "focal_point", "anonymous"])
def test_only_moderators_and_administrators_may_record_an_activity(who: str, request: Any) -> None:
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    with pytest.raises(ForbiddenError):
        services.create_activity(actor=actor, data=_data())
    assert not NationalActivity.objects.filter(source_document="other").exists()


def test_recording_needs_kind_description_and_source(moderator: Any) -> None:
    with pytest.raises(InvalidInputError) as exc:
        services.create_activity(
            actor=moderator, data=_data(kind="", description="", source_reference="")
        )
    assert set(exc.value.errors) == {"kind", "description", "source_reference"}


def test_a_duplicate_key_is_a_conflict(moderator: Any) -> None:
    services.create_activity(actor=moderator, data=_data(key="dup"))
    with pytest.raises(ConflictError) as exc:
        services.create_activity(actor=moderator, data=_data(key="dup"))
    assert "key" in exc.value.errors


def test_an_unknown_objective_is_a_clear_error(moderator: Any) -> None:
    with pytest.raises(InvalidInputError) as exc:
        services.create_activity(actor=moderator, data=_data(objectives=[24]))
    assert "There is no GCM objective 24" in exc.value.errors["objectives"][0]


def test_an_activity_needs_a_country_or_a_place(moderator: Any) -> None:
    with pytest.raises(InvalidInputError) as exc:
        services.create_activity(actor=moderator, data=_data(country=None, place=""))
    assert "country" in exc.value.errors
    regional = services.create_activity(
        actor=moderator, data=_data(country=None, place="West Africa*", regional_scope=True)
    )
    assert regional.where == "West Africa*"


def test_an_activity_after_the_gcm_cannot_predate_it(moderator: Any) -> None:
    with pytest.raises(InvalidInputError) as exc:
        services.create_activity(actor=moderator, data=_data(predates_gcm=True))
    assert "predates_gcm" in exc.value.errors


def test_a_year_that_contradicts_the_date_is_refused(moderator: Any) -> None:
    with pytest.raises(InvalidInputError) as exc:
        services.create_activity(actor=moderator, data=_data(year=2019))
    assert "year" in exc.value.errors


def test_unknown_fields_are_refused(moderator: Any) -> None:
    with pytest.raises(InvalidInputError):
        services.create_activity(actor=moderator, data=_data(colour="red"))


def test_a_moderator_corrects_an_activity(moderator: Any) -> None:
    activity = make_activity(objectives=[3])
    updated = services.update_activity(
        actor=moderator, activity=activity, data={"initiator": "IOM", "objectives": [7]}
    )
    assert updated.initiator == "IOM"
    assert [o.number for o in updated.objectives.all()] == [7]
    assert updated.history.count() == 2


def test_the_key_cannot_be_changed(moderator: Any) -> None:
    activity = make_activity()
    with pytest.raises(InvalidInputError):
        services.update_activity(actor=moderator, activity=activity, data={"key": "other"})


def test_a_member_cannot_correct_an_activity(member: Any) -> None:
    activity = make_activity()
    with pytest.raises(ForbiddenError):
        services.update_activity(actor=member, activity=activity, data={"initiator": "x"})


def test_withdrawing_and_publishing_twice_changes_nothing_more(moderator: Any) -> None:
    activity = make_activity()
    services.set_activity_published(actor=moderator, activity=activity, published=False)
    services.set_activity_published(actor=moderator, activity=activity, published=False)
    activity.refresh_from_db()
    assert activity.published is False
    assert activity.history.count() == 2
    services.set_activity_published(actor=moderator, activity=activity, published=True)
    activity.refresh_from_db()
    assert activity.published is True


def test_a_member_cannot_withdraw_an_activity(member: Any) -> None:
    with pytest.raises(ForbiddenError):
        services.set_activity_published(actor=member, activity=make_activity(), published=False)


def test_a_regional_moderator_changes_only_the_activities_of_its_region(
    africa_moderator: Any,
) -> None:
    kenya = services.create_activity(actor=africa_moderator, data=_data())
    assert kenya.country.alpha3 == "KEN"
    portugal = Country.objects.get(alpha3="PRT")
    with pytest.raises(ForbiddenError) as exc:
        services.create_activity(actor=africa_moderator, data=_data(country=portugal))
    assert "Portugal" in str(exc.value)
    with pytest.raises(ForbiddenError):
        services.update_activity(actor=africa_moderator, activity=kenya, data={"country": portugal})
    with pytest.raises(ForbiddenError):
        services.set_activity_published(
            actor=africa_moderator, activity=make_activity(country="PRT"), published=False
        )
    # A row that names no single country needs a moderator without a region limit.
    with pytest.raises(ForbiddenError):
        services.create_activity(
            actor=africa_moderator, data=_data(country=None, place="West Africa*")
        )


def test_a_regional_moderator_does_not_curate_a_non_regional_members_activities(
    make_user: Any,
) -> None:
    from accounts.models import Role
    from countries.models import CommissionMembership

    france = Country.objects.get(alpha3="FRA")
    assert CommissionMembership.objects.filter(
        country=france, review_region__code="ESCAP", is_regional=False
    ).exists()
    escap = make_user(Role.UN_MODERATOR, review_region="ESCAP")
    with pytest.raises(ForbiddenError):
        services.create_activity(actor=escap, data=_data(country=france))
    nepal = Country.objects.get(alpha3="NPL")
    assert services.create_activity(actor=escap, data=_data(country=nepal)).country == nepal
