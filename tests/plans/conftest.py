"""Fixtures for the plans tests: a Portuguese plan, its officials, ministries and measures."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from accounts.models import Role
from countries.models import Country
from objectives.models import OrganisationType
from plans import services


@pytest.fixture
def ministry(make_organisation: Any) -> Any:
    def make(name: str, country: str = "PRT", acronym: str = "") -> Any:
        return make_organisation(
            name,
            country=country,
            acronym=acronym,
            type=OrganisationType.objects.get(code="government-ministry"),
        )

    return make


@pytest.fixture
def mne(ministry: Any) -> Any:
    return ministry("Ministry of Foreign Affairs", acronym="MNE")


@pytest.fixture
def mai(ministry: Any) -> Any:
    return ministry("Ministry of Home Affairs", acronym="MAI")


@pytest.fixture
def coordinator(make_user: Any) -> Any:
    return make_user(Role.NATIONAL_COORDINATOR, country="PRT")


@pytest.fixture
def focal_point(make_user: Any, mne: Any) -> Any:
    """A focal point of Portugal acting for the Ministry of Foreign Affairs."""
    return make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT", organisation=mne)


@pytest.fixture
def other_focal_point(make_user: Any, mai: Any) -> Any:
    return make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT", organisation=mai)


@pytest.fixture
def foreign_official(make_user: Any) -> Any:
    return make_user(Role.NATIONAL_COORDINATOR, country="KEN")


@pytest.fixture
def civil_society(make_user: Any, make_organisation: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=make_organisation("A CSO"))


@pytest.fixture
def plan(coordinator: Any) -> Any:
    return services.start_plan(
        actor=coordinator,
        country=Country.objects.get(alpha3="PRT"),
        title="National Implementation Plan of the GCM",
        form="standalone",
        axes=["Promotion of safe, orderly and regular migration", "Integrated border management"],
    )


@pytest.fixture
def make_measure(coordinator: Any, mne: Any, mai: Any) -> Any:
    def make(plan: Any, **extra: Any) -> Any:
        data: dict[str, Any] = {
            "title": "Participate in Euro-African dialogues on migration",
            "level": "policy",
            "objectives": [2],
            "responsible_entity": mne,
            "involved_entities": [mai],
            "deadline_kind": "continuous",
            "start_date": date(2019, 8, 20),
        }
        data.update(extra)
        return services.create_measure(actor=coordinator, plan=plan, **data)

    return make


@pytest.fixture
def measure(plan: Any, make_measure: Any) -> Any:
    return make_measure(plan)
