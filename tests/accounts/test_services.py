"""Writes of accounts: organisations proposed pending, never approved by naming them."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import Organisation
from accounts.services import propose_organisation
from core.errors import DomainError
from countries.models import Country
from objectives.models import OrganisationType

pytestmark = pytest.mark.django_db


def test_propose_organisation_creates_it_pending_with_the_actor_in_its_history(
    make_user: Any,
) -> None:
    actor = make_user()
    org = propose_organisation(
        actor=actor,
        name="  Harbour Migrant Aid ",
        type=OrganisationType.objects.get(code="ngo"),
        country=Country.objects.get(alpha3="PRT"),
    )
    org.refresh_from_db()
    assert (org.name, org.status) == ("Harbour Migrant Aid", Organisation.Status.PENDING)
    assert org.history.latest().history_user == actor


def test_propose_organisation_refuses_a_name_taken_in_that_country(
    make_user: Any, make_organisation: Any
) -> None:
    taken = make_organisation("Harbour Migrant Aid", country="PRT")
    with pytest.raises(DomainError) as exc:
        propose_organisation(
            actor=make_user(), name=taken.name, type=taken.type, country=taken.country
        )
    assert exc.value.http_status == 400
    assert Organisation.objects.filter(name="Harbour Migrant Aid").count() == 1


def test_nobody_grants_a_role_to_themselves(make_user: Any) -> None:
    from accounts.models import Role
    from accounts.services import grant_role
    from core.errors import ForbiddenError

    admin = make_user(Role.ADMINISTRATOR)
    with pytest.raises(ForbiddenError, match="grant a role to yourself"):
        grant_role(actor=admin, user=admin, role=Role.UN_MODERATOR)
    assert not admin.memberships.filter(role=Role.UN_MODERATOR).exists()
    other = make_user()
    grant_role(actor=admin, user=other, role=Role.UN_MODERATOR)
    assert other.memberships.filter(role=Role.UN_MODERATOR).exists()
