"""Fixtures of the reviews tests."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import Role


@pytest.fixture
def coordinator(make_user: Any) -> Any:
    return make_user(Role.NATIONAL_COORDINATOR, country="PRT")


@pytest.fixture
def focal_point(make_user: Any) -> Any:
    return make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT")


@pytest.fixture
def other_coordinator(make_user: Any) -> Any:
    return make_user(Role.NATIONAL_COORDINATOR, country="KEN")


@pytest.fixture
def organisation(make_organisation: Any) -> Any:
    return make_organisation("Test Coalition")


@pytest.fixture
def member(make_user: Any, organisation: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=organisation)


@pytest.fixture
def other_member(make_user: Any, make_organisation: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=make_organisation("Other org"))


@pytest.fixture
def ece_organiser(make_user: Any) -> Any:
    return make_user(Role.REVIEW_ORGANISER, review_region="ECE")


@pytest.fixture
def admin(make_user: Any) -> Any:
    return make_user(Role.ADMINISTRATOR)


@pytest.fixture
def cycles(db: Any) -> None:
    from reviews.services import load_review_cycles

    load_review_cycles()
