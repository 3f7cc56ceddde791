"""Fixtures for the initiatives tests: one organisation, its member, and the other roles."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import Role

from .factories import make_initiative


@pytest.fixture
def org(make_organisation: Any) -> Any:
    return make_organisation("Migrant Rights Network")


@pytest.fixture
def other_org(make_organisation: Any) -> Any:
    return make_organisation("Another Network")


@pytest.fixture
def member(make_user: Any, org: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)


@pytest.fixture
def other_member(make_user: Any, other_org: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=other_org)


@pytest.fixture
def moderator(make_user: Any) -> Any:
    return make_user(Role.UN_MODERATOR)


@pytest.fixture
def africa_moderator(make_user: Any) -> Any:
    return make_user(Role.UN_MODERATOR, review_region="ECA")


@pytest.fixture
def official(make_user: Any) -> Any:
    return make_user(Role.GOVERNMENT_FOCAL_POINT, country="PRT")


@pytest.fixture
def published(member: Any, org: Any, moderator: Any) -> Any:
    return make_initiative(member, org, "published", moderator)


@pytest.fixture
def draft(member: Any, org: Any) -> Any:
    return make_initiative(member, org, title="Unpublished draft")


@pytest.fixture
def submitted(member: Any, org: Any) -> Any:
    return make_initiative(member, org, "submitted")


@pytest.fixture
def _keep_aggregates(settings: Any) -> None:
    """Keep public aggregates as production does (the test settings turn it off)."""
    settings.PUBLIC_AGGREGATES_TIMEOUT = 600
