"""Fixtures for the activities tests: the seeds' activities loaded, and the roles."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import Role


@pytest.fixture(scope="session")
def _seeded(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """Load the seeds' activities once per session, committed, like the framework itself.

    Session fixtures are set up before a test's transaction begins; each test's changes are
    rolled back, so every test sees the rows as loaded.
    """
    from activities.reference import load_activities

    with django_db_blocker.unblock():
        return load_activities()


@pytest.fixture
def loaded(_seeded: Any, db: Any) -> Any:
    """The loaded activities (loaded again, inside the test, if a transactional test emptied
    the tables after the session fixture ran)."""
    from activities.models import NationalActivity
    from activities.reference import load_activities

    if not NationalActivity.objects.filter(key__startswith="mmc2019-").exists():
        return load_activities()
    return _seeded


@pytest.fixture
def moderator(make_user: Any) -> Any:
    return make_user(Role.UN_MODERATOR)


@pytest.fixture
def africa_moderator(make_user: Any) -> Any:
    return make_user(Role.UN_MODERATOR, review_region="ECA")


@pytest.fixture
def admin_user(make_user: Any) -> Any:
    return make_user(Role.ADMINISTRATOR)


@pytest.fixture
def member(make_user: Any, make_organisation: Any) -> Any:
    return make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=make_organisation("Some NGO"))


@pytest.fixture
def focal_point(make_user: Any) -> Any:
    return make_user(Role.GOVERNMENT_FOCAL_POINT, country="KEN")
