"""The OpenAPI schema tells the truth: public reads are public, every error is documented.

``AutoSchema`` marks the safe methods of ``PublicReadOnly`` views as usable without
credentials. ``document_errors`` (a drf-spectacular post-processing hook) adds the one error
body of ``core.api.errors`` to every operation, for the statuses it can answer: 400, 401,
403, 404 and 429 everywhere, and 409 and 503 on writes (a stale version; the broker down).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular import openapi
from rest_framework.permissions import SAFE_METHODS

from core.api.permissions import PublicReadOnly

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail", "code", "errors"],
}
ALWAYS = {
    "400": "Invalid input: `errors` names each field with its messages.",
    "401": "Missing or invalid credentials.",
    "403": "Authenticated, but not allowed to do this.",
    "404": "No such record, or not visible to you.",
    "429": "Too many requests: try again later.",
}
WRITES = {
    "409": "The record changed since you read it, or its state forbids this now.",
    "503": "A service this command needs is down; nothing was written.",
}


class AutoSchema(openapi.AutoSchema):
    def get_auth(self) -> list[dict[str, Any]]:
        auths = super().get_auth()
        public = any(isinstance(p, PublicReadOnly) for p in self.view.get_permissions())
        if public and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths


def document_errors(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Add the error responses to every operation that does not describe them itself."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR_SCHEMA)
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            codes = dict(ALWAYS)
            if method.upper() not in SAFE_METHODS:
                codes.update(WRITES)
            for code, description in codes.items():
                operation["responses"].setdefault(
                    code, {"description": description, "content": body}
                )
    return result
