"""Full-text search on PostgreSQL: the query uses the GIN index and ranks on the stored vector."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from initiatives.filters import search_initiatives
from initiatives.models import Initiative

from .factories import make_initiative

pytestmark = pytest.mark.postgres


def test_search_query_uses_the_gin_index(member: Any, org: Any, moderator: Any) -> None:
    call_command(
        "generate_scale_data",
        initiatives=2000,
        organisations=20,
        plans=0,
        measures=0,
        indicator_values=0,
        pledges=0,
        stdout=StringIO(),
    )
    make_initiative(member, org, "published", moderator, title="Quarantine shelters review")
    queryset = search_initiatives(Initiative.objects.published(), "quarantine")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # Fresh rows sit in the GIN pending list until (auto)vacuum merges them; merge now.
        cursor.execute("SELECT gin_clean_pending_list('initiative_search_gin'::regclass)")
        cursor.execute("ANALYZE initiatives_initiative")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "initiative_search_gin" in plan, plan
    assert "to_tsvector(COALESCE" not in sql  # ranks the stored vector, not a re-parse of it
    assert [i.title for i in queryset] == ["Quarantine shelters review"]


def test_organisation_names_are_found_through_the_stored_vector(
    api_client: Any, make_organisation: Any, make_user: Any, moderator: Any
) -> None:
    from accounts.models import Role

    org = make_organisation("Observatorio Andino de Movilidad")
    author = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)
    initiative = make_initiative(author, org, "published", moderator, title="Legal clinics")
    results = api_client.get("/api/v1/initiatives/?q=Observatorio").json()["results"]
    assert [r["id"] for r in results] == [initiative.pk]


def test_top_results_contain_the_searched_words(member: Any, org: Any, moderator: Any) -> None:
    wanted = [
        make_initiative(
            member, org, "published", moderator, title=f"Migrant domestic workers hub {n}"
        )
        for n in range(3)
    ]
    for n in range(6):
        make_initiative(
            member,
            org,
            "published",
            moderator,
            title=f"Remittance costs study {n}",
            description="Mentions workers once in passing.",
        )
    top = list(search_initiatives(Initiative.objects.published(), "migrant domestic workers")[:3])
    assert {i.pk for i in top} == {i.pk for i in wanted}
    assert all("domestic" in i.title.lower() for i in top)
