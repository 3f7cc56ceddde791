"""Activity reads: the visibility scope, the country section, the mapping counts, the annex."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from activities import selectors
from activities.models import NationalActivity
from activities.profile import profile_context
from countries.models import Country

from .factories import make_activity

pytestmark = pytest.mark.django_db


def test_a_withdrawn_activity_is_seen_only_by_moderators(moderator: Any, member: Any) -> None:
    hidden = make_activity(published=False)
    shown = make_activity()
    for user, sees_hidden in ((AnonymousUser(), False), (member, False), (moderator, True)):
        ids = set(selectors.activity_list(user).values_list("pk", flat=True))
        assert shown.pk in ids
        assert (hidden.pk in ids) is sees_hidden


def test_the_list_costs_the_same_queries_for_ten_or_two_hundred_rows(
    loaded: Any, django_assert_num_queries: Any
) -> None:
    for size in (10, 200):
        with django_assert_num_queries(2):
            rows = list(selectors.activity_list(AnonymousUser())[:size])
            for a in rows:
                _ = (a.country and a.country.m49_region.name, a.thematic_area, a.objectives.all())
        assert len(rows) == size


def test_the_country_section_lists_the_countrys_activities_in_three_queries(
    loaded: Any, django_assert_num_queries: Any
) -> None:
    kenya = Country.objects.get(alpha3="KEN")
    make_activity(country="KEN", published=False)
    with django_assert_num_queries(3):
        section = profile_context(kenya, AnonymousUser())
        objectives = [[o.number for o in a.objectives.all()] for a in section["activities"]]
    keys = [a.key for a in section["activities"]]
    assert section["total"] == len(keys) == 8  # 1 from the 2019 annex, 7 from the 2020 report
    assert "mmc2019-annex2-africa-23" in keys
    assert [14] in objectives


def test_the_country_section_shows_the_latest_activities_and_the_total(loaded: Any) -> None:
    kenya = Country.objects.get(alpha3="KEN")
    for year in range(2001, 2031):
        make_activity(country="KEN", year=year)
    section = profile_context(kenya, AnonymousUser())
    assert section["total"] == 38
    assert len(section["activities"]) == 20
    assert [a.year for a in section["activities"][:2]] == [2030, 2029]


def test_the_mapping_counts_activities_per_country_and_kind(loaded: Any) -> None:
    qs = selectors.activity_list(AnonymousUser())
    per_country = selectors.counts_by_country(qs)
    assert per_country["MAR"] == 7
    assert sum(per_country.values()) == qs.filter(country__isnull=False).count()
    by_kind = selectors.kind_matrix(qs)
    assert by_kind[("MAR", "coordination")] == 1
    assert selectors.objective_matrix(qs)[("PRT", 4)] == 2  # para. 12 (all 23) and para. 69


def test_the_annex_rows_come_in_the_annex_order(loaded: Any) -> None:
    rows = selectors.annex_rows()
    assert len(rows) == 105
    assert [r.annex_region for r in rows[:1]] == ["Global"]
    assert rows[17].key == "mmc2019-annex2-asia-01"
    assert rows[-1].key == "mmc2019-annex2-mena-14"
    # Withdrawn rows are left out of the public rebuild.
    NationalActivity.objects.filter(key="mmc2019-annex2-mena-14").update(published=False)
    assert len(selectors.annex_rows()) == 104
