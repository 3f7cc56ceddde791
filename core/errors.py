"""The domain error vocabulary: services raise these; two mappers (API, pages) render them.

One base class, :class:`DomainError` (bad input, HTTP 400), and four refinements:
:class:`ForbiddenError` (403), :class:`NotFoundError` (404), :class:`ConflictError` (409) and
:class:`UnavailableError` (503). Views never translate one into another: the API exception handler
(``core.api.errors``) and the page mapper (``core.pages``) read ``http_status`` and ``code``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError

NON_FIELD = "non_field_errors"


class DomainError(Exception):
    """A rule of the domain was broken by the caller's input; never a server fault.

    ``errors`` maps a field name (or ``non_field_errors``) to messages. Subclasses say why the
    request was refused; the class decides the HTTP status, everywhere.
    """

    default_code: ClassVar[str] = "invalid"
    http_status: ClassVar[int] = 400

    def __init__(
        self,
        message: str | None = None,
        *,
        field: str | None = None,
        errors: Mapping[str, Sequence[str]] | None = None,
        code: str | None = None,
    ) -> None:
        collected: dict[str, list[str]] = {
            k: [str(m) for m in v] for k, v in (errors or {}).items()
        }
        if message is not None:
            collected.setdefault(field or NON_FIELD, []).append(str(message))
        self.errors = collected
        self.code = code or self.default_code
        first = next(iter(collected.values()), [""])
        super().__init__(str(message) if message is not None else (first[0] if first else ""))

    @property
    def message(self) -> str:
        return str(self)

    @property
    def refuses_request(self) -> bool:
        """True when the request as a whole is refused (no form field can fix it)."""
        return self.http_status in (403, 404, 503)

    def as_body(self, default_detail: str = "") -> dict[str, object]:
        """The one error body: ``{"detail", "code", "errors"}``, for pages and the API."""
        return {"detail": str(self) or default_detail, "code": self.code, "errors": self.errors}

    @classmethod
    def from_validation_error(cls, exc: DjangoValidationError) -> DomainError:
        """Wrap a Django ValidationError (from ``full_clean``) keeping its field messages."""
        if hasattr(exc, "error_dict"):
            errors = {
                (NON_FIELD if field == NON_FIELD_ERRORS else field): [str(m) for m in msgs]
                for field, msgs in exc.message_dict.items()
            }
            return cls(errors=errors)
        return cls(errors={NON_FIELD: [str(m) for m in exc.messages]})

    def add_to_form(self, form: object) -> None:
        """Attach the messages to a Django form, on the field when the form has it."""
        fields = getattr(form, "fields", {})
        for field, messages in self.errors.items():
            target = field if field in fields else None
            for message in messages:
                form.add_error(target, message)  # type: ignore[attr-defined]


class InvalidInputError(DomainError):
    """The input breaks a rule (400). The same as a bare DomainError, named for clarity."""


class ForbiddenError(DomainError):
    """The actor may see the record but not do this to it (403)."""

    default_code = "permission_denied"
    http_status = 403


class NotFoundError(DomainError):
    """The record does not exist, or the actor may not know that it does (404)."""

    default_code = "not_found"
    http_status = 404


class ConflictError(DomainError):
    """The record changed since the actor read it, or the state forbids the step now (409)."""

    default_code = "conflict"
    http_status = 409


class UnavailableError(DomainError):
    """A service the command needs (broker, worker) is down; nothing was written (503)."""

    default_code = "unavailable"
    http_status = 503


def full_clean_or_raise(instance: object, **kwargs: object) -> None:
    """Run ``full_clean`` and raise DomainError with the field messages on failure.

    Every editable date must also be plausible (1945-2100, ``core.validators``).
    """
    from core.validators import implausible_dates

    errors: dict[str, list[str]] = {}
    try:
        instance.full_clean(**kwargs)  # type: ignore[attr-defined]
    except DjangoValidationError as exc:
        errors = DomainError.from_validation_error(exc).errors
    exclude = kwargs.get("exclude") or ()
    for field, message in implausible_dates(instance, exclude=exclude).items():  # type: ignore[arg-type]
        errors.setdefault(field, []).append(message)
    if errors:
        raise DomainError(errors=errors)
