"""The vocabulary of the access table: one ``Check`` is one request sent as every role.

``Check(key, expect, ...)``: ``key`` names the route (see ``tests/access/routes.py``),
``args`` fill its URL arguments from the world (``{"pk": "draft_a"}``: the id of A's draft;
an ``int`` or ``Lit(...)`` is used as it is), ``expect`` gives the expected status for every
role. Build ``expect`` with ``by(default, role=status, ...)``; ``LOGIN`` is a redirect to a
login page.

Unsafe methods send ``data`` (``Ref(...)`` values come from the world, and a field name may
name one in braces: ``"r{update_x}-reason"``). Without ``data`` a page
gets a form with one unknown field (so forms are bound and invalid) and the API an empty JSON
object. Where a view validates the body before it checks permission, the entry sends a valid
body, so that the table tests the permission: each request runs in a savepoint that is rolled
back, so an allowed write (a 2xx, or a page's 302) leaves nothing behind.

A permission hole that is not fixed yet is listed in ``holes`` (role: reason): that role's
expectation is the *correct* status, and the test for it is a strict xfail, so it turns red
the day the hole is closed and the entry must be updated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .world import ROLES

LOGIN = "login"  # a 302 to a login page


@dataclass(frozen=True)
class Lit:
    """A URL argument used as written (not looked up in the world)."""

    value: str


@dataclass(frozen=True)
class Ref:
    """A body value taken from the world: ``{"organisation": Ref("org_a")}``."""

    name: str


@dataclass(frozen=True)
class Fmt:
    """A body value with world ids in braces: ``Fmt("organisation:{org_a}")``."""

    template: str


@dataclass(frozen=True)
class Upload:
    """A file in a body (a fresh one for each request): ``{"file": Upload("a.pdf", PDF)}``."""

    name: str
    content: bytes


@dataclass(frozen=True)
class Check:
    key: str
    expect: dict[str, int | str]
    method: str = "GET"
    args: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] | None = None
    query: str = ""
    label: str = ""
    multipart: bool = False  # send the body as multipart (file uploads) rather than JSON
    route: str = ""  # the URL name to reverse when the key names a group ("admin:*")
    holes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key.startswith("/") or " /" in self.key:
            object.__setattr__(self, "method", self.key.split(" ", 1)[0])
        unknown = set(self.holes) - set(ROLES)
        if unknown:
            raise ValueError(f"{self.key}: unknown roles in holes: {sorted(unknown)}")

    @property
    def id(self) -> str:
        method = "" if self.key.startswith(self.method) else f"{self.method} "
        return f"{method}{self.key}" + (f" [{self.label}]" if self.label else "")


def by(default: int | str, **roles: int | str) -> dict[str, int | str]:
    """The expected status of every role: ``default`` unless named."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return {role: roles.get(role, default) for role in ROLES}


# Groups of roles, for readable tables.
GOVERNMENT_X = ("focal_x", "coordinator_x")
MODERATORS = ("moderator", "regional_moderator")
SIGNED_IN_ROLES = tuple(role for role in ROLES if role != "anonymous")


def each(roles: tuple[str, ...], status: int | str) -> dict[str, int | str]:
    """``by(..., **each(GOVERNMENT_X, 200))``: the same status for a group of roles."""
    return dict.fromkeys(roles, status)


def api(method: str, path: str) -> str:
    """The key of an API operation: ``api("GET", "initiatives/{pk}/")``."""
    return f"{method} /api/v1/{path}"
