"""Role predicates: who holds which role in which scope. Other apps' predicates build on these.

``roles_of(user)`` loads the user's memberships once per user object (one query) and answers
every question from memory, so a page can ask many questions without extra queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import Role, RoleMembership

_CACHE_ATTR = "_gcm_roles"


@dataclass(frozen=True)
class _Scoped:
    role: str
    country_id: int | None
    organisation_id: int | None
    review_region_id: int | None


@dataclass
class UserRoles:
    """The roles one user holds, with their scopes."""

    is_authenticated: bool = False
    is_superuser: bool = False
    memberships: list[_Scoped] = field(default_factory=list)

    def has(self, role: str, **scope: int | None) -> bool:
        """True if the user holds ``role``, within ``scope`` when given (e.g. country_id=3)."""
        for m in self.memberships:
            if m.role != role:
                continue
            if all(getattr(m, key) == value for key, value in scope.items()):
                return True
        return False

    def country_ids(self, *roles: str) -> set[int]:
        return {
            m.country_id
            for m in self.memberships
            if m.country_id is not None and (not roles or m.role in roles)
        }

    def organisation_ids(self, *roles: str) -> set[int]:
        return {
            m.organisation_id
            for m in self.memberships
            if m.organisation_id is not None and (not roles or m.role in roles)
        }

    def review_region_ids(self, *roles: str) -> set[int]:
        return {
            m.review_region_id
            for m in self.memberships
            if m.review_region_id is not None and (not roles or m.role in roles)
        }

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.has(Role.ADMINISTRATOR)

    @property
    def is_moderator(self) -> bool:
        """A UN Network moderator (any region) or an administrator."""
        return self.is_admin or self.has(Role.UN_MODERATOR)

    def moderates_everywhere(self) -> bool:
        """A moderator with no region limit, or an administrator."""
        return self.is_admin or self.has(Role.UN_MODERATOR, review_region_id=None)

    @property
    def is_analyst(self) -> bool:
        return self.is_admin or self.has(Role.ANALYST) or self.is_moderator

    @property
    def is_civil_society(self) -> bool:
        return self.has(Role.CIVIL_SOCIETY_MEMBER)


def roles_of(user: Any) -> UserRoles:
    """The roles of ``user`` (anonymous users hold none); cached on the user object."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return UserRoles()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    rows = RoleMembership.objects.filter(user=user).values_list(
        "role", "country_id", "organisation_id", "review_region_id"
    )
    roles = UserRoles(
        is_authenticated=True,
        is_superuser=bool(user.is_superuser),
        memberships=[_Scoped(*row) for row in rows],
    )
    setattr(user, _CACHE_ATTR, roles)
    return roles


def forget_roles(user: Any) -> None:
    """Drop the cached roles (after memberships change)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def can_edit_country(user: Any, country_id: int) -> bool:
    """Government roles of that country (and administrators) may edit its data."""
    roles = roles_of(user)
    return roles.is_admin or country_id in roles.country_ids(
        Role.GOVERNMENT_FOCAL_POINT, Role.NATIONAL_COORDINATOR
    )


def can_coordinate_country(user: Any, country_id: int) -> bool:
    """The national coordinator of that country (and administrators)."""
    roles = roles_of(user)
    return roles.is_admin or roles.has(Role.NATIONAL_COORDINATOR, country_id=country_id)


def can_act_for_organisation(user: Any, organisation_id: int) -> bool:
    """A civil-society member of that organisation (and administrators)."""
    roles = roles_of(user)
    return roles.is_admin or roles.has(Role.CIVIL_SOCIETY_MEMBER, organisation_id=organisation_id)


def can_moderate_region(user: Any, review_region_ids: Iterable[int]) -> bool:
    """A moderator without region limit, or one whose region is among ``review_region_ids``."""
    roles = roles_of(user)
    if roles.moderates_everywhere():
        return True
    return bool(roles.review_region_ids(Role.UN_MODERATOR) & set(review_region_ids))


def can_organise_region(user: Any, review_region_id: int) -> bool:
    roles = roles_of(user)
    return roles.is_admin or roles.has(Role.REVIEW_ORGANISER, review_region_id=review_region_id)
