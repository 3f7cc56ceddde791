"""Regional commission membership: regional and non-regional members, each with its source."""

from __future__ import annotations

import pytest

from accounts.models import Role
from countries.models import CommissionMembership, Country, ReviewRegion
from reviews.models import Submission
from reviews.services import create_submission
from tests.initiatives.factories import make_initiative
from tests.reviews.factories import OpenCycleFactory

pytestmark = pytest.mark.django_db

ESCAP_REGIONAL_ADDED = {"ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "TUR"}
ECLAC_NON_REGIONAL = {
    "CAN", "FRA", "DEU", "ITA", "JPN", "NLD", "NOR", "PRT", "KOR", "ESP", "TUR", "GBR", "USA",
}  # fmt: skip


def _members(code: str, *, regional: bool) -> set[str]:
    return set(
        CommissionMembership.objects.filter(
            review_region__code=code, is_regional=regional
        ).values_list("country__alpha3", flat=True)
    )


def test_member_counts_per_commission():
    counts = {
        r.code: (len(_members(r.code, regional=True)), len(_members(r.code, regional=False)))
        for r in ReviewRegion.objects.all()
    }
    assert counts == {
        "ECA": (54, 0),
        "ECE": (56, 0),
        "ECLAC": (33, 13),
        "ESCAP": (49, 4),
        "ESCWA": (21, 0),
    }


def test_escap_includes_central_asia_the_caucasus_russia_and_turkiye_as_regional_members():
    assert _members("ESCAP", regional=True) >= ESCAP_REGIONAL_ADDED
    assert _members("ESCAP", regional=False) == {"FRA", "NLD", "GBR", "USA"}


def test_eclac_has_its_13_non_regional_members():
    assert _members("ECLAC", regional=False) == ECLAC_NON_REGIONAL


def test_the_holy_see_is_not_a_member_of_ece():
    holy_see = Country.objects.get(alpha3="VAT")
    assert not holy_see.review_regions.exists()


def test_every_membership_has_a_source_and_date():
    assert not CommissionMembership.objects.filter(source="").exists()
    assert not CommissionMembership.objects.filter(as_of__isnull=True).exists()


def test_reloading_the_reference_data_keeps_memberships_unchanged():
    from objectives.reference import load_reference_data

    before = CommissionMembership.objects.count()
    report = load_reference_data()
    assert report["Commission memberships"]["created"] == 0
    assert report["Commission memberships"]["updated"] == 0
    assert CommissionMembership.objects.count() == before


def _escap_cycle():
    return OpenCycleFactory(review_region=ReviewRegion.objects.get(code="ESCAP"))


def test_a_voluntary_review_by_kazakhstan_for_the_escap_cycle_is_accepted(make_user):
    coordinator = make_user("national_coordinator", country="KAZ")
    submission = create_submission(
        actor=coordinator,
        cycle=_escap_cycle(),
        country=Country.objects.get(alpha3="KAZ"),
        title="Voluntary GCM review of Kazakhstan",
        summary="Summary",
    )
    assert submission.kind == Submission.Kind.VOLUNTARY_REVIEW


def test_a_non_regional_member_may_submit_to_that_commissions_review(make_user):
    coordinator = make_user("national_coordinator", country="FRA")
    submission = create_submission(
        actor=coordinator,
        cycle=_escap_cycle(),
        country=Country.objects.get(alpha3="FRA"),
        title="Voluntary GCM review of France",
        summary="Summary",
    )
    assert submission.cycle.review_region.code == "ESCAP"


def test_initiative_coverage_counts_regional_memberships_only(make_user, make_organisation):
    organisation = make_organisation("Coverage Network")
    member = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=organisation)
    initiative = make_initiative(
        member,
        organisation,
        countries=list(Country.objects.filter(alpha3__in=["FRA", "KAZ"])),
        host_country=Country.objects.get(alpha3="FRA"),
    )
    codes = {r.code for r in initiative.coverage_review_regions.all()}
    assert codes == {"ECE", "ESCAP"}  # Kazakhstan's two; not France's ESCAP or ECLAC seat


def test_country_page_shows_regional_and_non_regional_memberships(client):
    response = client.get("/countries/FRA/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Economic Commission for Latin America and the Caribbean" in body
    assert "non-regional member" in body
    body = client.get("/countries/VAT/").content.decode()
    assert "Member of no UN regional commission" in body


def test_country_api_shows_memberships_with_source(api_client):
    body = api_client.get("/api/v1/countries/KAZ/").json()
    assert set(body["review_regions"]) == {"ECE", "ESCAP"}
    escap = next(m for m in body["commission_memberships"] if m["review_region"] == "ESCAP")
    assert escap["is_regional"] is True
    assert escap["source"].startswith("ESCAP member States")
    body = api_client.get("/api/v1/countries/USA/").json()
    flags = {m["review_region"]: m["is_regional"] for m in body["commission_memberships"]}
    assert flags == {"ECE": True, "ECLAC": False, "ESCAP": False}
