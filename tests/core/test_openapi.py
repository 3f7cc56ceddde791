"""The OpenAPI schema generates cleanly and documents the whole /api/v1/ surface."""

from collections.abc import Iterator
from typing import Any

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import _load_enum_name_overrides

KEY_ENDPOINTS = [
    "/api/v1/initiatives/",
    "/api/v1/plans/",
    "/api/v1/pledges/",
    "/api/v1/reports/",
    "/api/v1/objectives/",
    "/api/v1/activities/",
]


@pytest.fixture
def schema() -> Iterator[dict[str, Any]]:
    # Start from nothing: earlier schema generations (and the cached ENUM_NAME_OVERRIDES,
    # which reports its own duplication errors only when first loaded) must not hide anything.
    GENERATOR_STATS.reset()
    _load_enum_name_overrides.cache_clear()
    with GENERATOR_STATS.silence():
        yield SchemaGenerator().get_schema(request=None, public=True)
    GENERATOR_STATS.reset()


@pytest.mark.django_db
def test_schema_generation_emits_no_warnings_or_errors(schema: dict[str, Any]) -> None:
    assert list(GENERATOR_STATS._warn_cache) == []
    assert list(GENERATOR_STATS._error_cache) == []


@pytest.mark.django_db
def test_every_path_is_under_api_v1(schema: dict[str, Any]) -> None:
    outside = [path for path in schema["paths"] if not path.startswith("/api/v1/")]
    assert outside == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", KEY_ENDPOINTS)
def test_key_endpoints_are_documented(schema: dict[str, Any], path: str) -> None:
    assert path in schema["paths"]
    assert "get" in schema["paths"][path]


@pytest.mark.django_db
def test_one_choice_set_has_one_enum_name(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]
    measure_status = {"$ref": "#/components/schemas/MeasureStatusEnum"}
    # A measure's status and the status a progress update reports are the same choice set.
    assert measure_status in components["MeasureList"]["properties"]["status"]["allOf"]
    assert measure_status in components["ProgressUpdate"]["properties"]["reported_status"]["allOf"]
    # Fields named alike in different apps get names saying whose they are.
    for name in ["PlanStatusEnum", "PledgeStatusEnum", "ReportJobStatusEnum", "PledgeFormEnum"]:
        assert name in components


@pytest.mark.django_db
def test_command_responses_document_their_shape(schema: dict[str, Any]) -> None:
    paths = schema["paths"]
    budget = paths["/api/v1/plans/{alpha3}/budget/"]["get"]["responses"]["200"]
    assert budget["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/BudgetSummary"
    }
    publication = paths["/api/v1/plans/{alpha3}/publication/"]["post"]["responses"]["200"]
    assert publication["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Publication"
    }
    assessment = paths["/api/v1/plans/{alpha3}/assessments/"]["post"]["responses"]["200"]
    assert assessment["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/AssessmentResult"
    }
