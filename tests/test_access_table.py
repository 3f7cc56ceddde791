"""The access table: every page route and API operation, sent as every role, has its status.

``test_every_route_has_an_entry`` fails when a URL pattern or an API operation has no entry
in ``tests/access/pages.py`` / ``tests/access/api.py`` (or an entry matches no route any more);
``test_access`` sends each entry's request as each role of ``tests/access/world.py`` and lists
every role whose status differs. See "Access table" in docs/architecture.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.access.activities import ACTIVITIES
from tests.access.api import API
from tests.access.pages import PAGES
from tests.access.plans import DOWNLOADS, PLAN_PAGES
from tests.access.routes import all_keys
from tests.access.table import LOGIN, Check, Fmt, Lit, Ref, Upload
from tests.access.world import ROLES, World, build_world

CHECKS: list[Check] = [*PAGES, *PLAN_PAGES, *DOWNLOADS, *API, *ACTIVITIES]


def test_every_route_has_an_entry() -> None:
    routes = all_keys()
    table = {check.key for check in CHECKS}
    problems = [f"  no entry for: {key}" for key in sorted(routes - table)]
    problems += [f"  stale entry (no such route): {key}" for key in sorted(table - routes)]
    assert not problems, (
        "The access table is out of date (see docs/architecture.md, 'Access table'):\n"
        + "\n".join(problems)
    )


def test_every_kind_of_stored_file_has_a_download_entry() -> None:
    from core.downloads import registered_kinds

    kinds = {check.args["kind"].value for check in CHECKS if check.key == "core:file-download"}
    missing = sorted(set(registered_kinds()) - kinds)
    assert not missing, f"no access-table entry downloads a file of kind: {missing}"


def test_entries_name_every_role_and_a_known_method() -> None:
    for check in CHECKS:
        assert list(check.expect) == list(ROLES), check.id
        assert check.method in {"GET", "POST", "PUT", "PATCH", "DELETE"}, check.id


# --- the world, built once for the module -------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """Build the world once, inside a transaction rolled back after the module's tests.

    Each test runs in a savepoint of it (pytest-django's ``db``), and each request in a
    savepoint of its own, so no request sees what another one wrote.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world()
            sessions: dict[str, str] = {}
            for role, user in built.users.items():
                if user is not None:
                    client = Client()
                    client.force_login(user)
                    sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
            built.ids["_sessions"] = sessions
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _arg(world: World, value: Any) -> Any:
    if isinstance(value, Lit):
        return value.value
    if isinstance(value, str):
        return world.ids[value]
    return value


def _body(check: Check, world: World, is_api: bool) -> dict[str, Any] | None:
    if check.method == "GET":
        return None
    if check.data is None:
        return {} if is_api else {"access_table": "1"}
    # A field name may hold a world id, as form prefixes do: "r{update_x}-reason".
    return {name.format_map(world.ids): _value(world, value) for name, value in check.data.items()}


def _value(world: World, value: Any) -> Any:
    if isinstance(value, Ref):
        return world.ids[value.name]
    if isinstance(value, Fmt):
        return value.template.format_map(world.ids)
    if isinstance(value, Upload):
        return SimpleUploadedFile(value.name, value.content)
    return value


def _url(check: Check, world: World) -> str:
    args = {name: _arg(world, value) for name, value in check.args.items()}
    if check.key.startswith(check.method + " /"):
        path = check.key.split(" ", 1)[1]
        url = re.sub(r"{(\w+)}", lambda m: str(args[m.group(1)]), path)
    else:
        url = reverse(check.route or check.key, kwargs=args or None)
    return url + (f"?{check.query}" if check.query else "")


def _send(check: Check, world: World, role: str, url: str) -> tuple[int | str, str]:
    is_api = url.startswith("/api/")
    client = (
        APIClient(raise_request_exception=False)
        if is_api
        else Client(raise_request_exception=False)
    )
    session = world.ids["_sessions"].get(role)
    if session:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    call = getattr(client, check.method.lower())
    data = _body(check, world, is_api)
    with transaction.atomic():
        if is_api and data is not None:
            response = call(url, data, format="multipart" if check.multipart else "json")
        else:
            response = call(url, data) if data is not None else call(url)
        transaction.set_rollback(True)
    status: int | str = response.status_code
    location = response.get("Location", "")
    if status == 302 and "/login/" in location:
        status = LOGIN
    detail = ""
    if response.status_code >= 500 and getattr(response, "exc_info", None):
        detail = repr(response.exc_info[1])
    elif is_api and response.get("Content-Type", "").startswith("application/json"):
        try:
            detail = json.dumps(response.json())[:160]
        except ValueError:
            detail = ""
    elif status == 302:
        detail = location
    return status, detail


def _params() -> Iterator[Any]:
    """One test per entry; the roles of a known hole apart, as a strict xfail per reason."""
    for check in CHECKS:
        plain = [role for role in ROLES if role not in check.holes]
        yield pytest.param(check, tuple(plain), id=check.id)
        reasons: dict[str, list[str]] = {}
        for role, reason in check.holes.items():
            reasons.setdefault(reason, []).append(role)
        for reason, roles in reasons.items():
            yield pytest.param(
                check,
                tuple(roles),
                id=f"{check.id} as {', '.join(roles)}",
                marks=pytest.mark.xfail(strict=True, reason=reason),
            )


@pytest.mark.parametrize(("check", "roles"), list(_params()))
def test_access(world: World, db: Any, check: Check, roles: tuple[str, ...]) -> None:
    url = _url(check, world)
    wrong = []
    for role in roles:
        status, detail = _send(check, world, role, url)
        if status != check.expect[role]:
            wrong.append(f"  {role}: expected {check.expect[role]}, got {status} {detail}")
    assert not wrong, f"{check.method} {url}\n" + "\n".join(wrong)
