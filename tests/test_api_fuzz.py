"""Schema-driven fuzzing of the API with schemathesis: no server error, responses as documented.

Every operation of the OpenAPI schema is called in-process (WSGI, no network) with a bounded,
derandomised number of generated requests, anonymously and with the API tokens of two roles
(a civil-society member and a national coordinator). Every check runs. One allowance: a
request that names a record which does not exist (``organisation=0``) is valid by the schema,
since OpenAPI cannot say which ids exist, and the API refuses it with a documented 400; so
for the "schema-valid request accepted" check a 400 counts as an answer, not a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config._checks import PositiveDataAcceptanceConfig

from accounts.models import Role
from accounts.services import create_api_token

APP = get_wsgi_application()
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", APP)
# See the module docstring: an unknown referenced record is a documented 400.
schema.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
    expected_statuses=["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The WSGI handler closes connections after each request; the test transaction must live
    (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["anonymous", "member", "coordinator"])
def headers(request: pytest.FixtureRequest, make_user: Any, make_organisation: Any) -> dict:
    if request.param == "anonymous":
        return {}
    if request.param == "member":
        user = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=make_organisation("Fuzz NGO"))
    else:
        user = make_user(Role.NATIONAL_COORDINATOR, country="PRT")
    _, key = create_api_token(actor=user, name="fuzz")
    return {"Authorization": f"Token {key}"}


@schema.parametrize()
@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_api_operation_conforms(case: Any, headers: dict) -> None:
    case.call_and_validate(headers=headers or None)
