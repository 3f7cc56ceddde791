"""The one domain error type; forms and the API turn it into a clear, field-level message."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError

NON_FIELD = "non_field_errors"


class DomainError(Exception):
    """A rule of the domain was broken by the caller's input; never a server fault.

    ``errors`` maps a field name (or ``non_field_errors``) to messages.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        field: str | None = None,
        errors: Mapping[str, Sequence[str]] | None = None,
        code: str = "invalid",
    ) -> None:
        collected: dict[str, list[str]] = {
            k: [str(m) for m in v] for k, v in (errors or {}).items()
        }
        if message is not None:
            collected.setdefault(field or NON_FIELD, []).append(str(message))
        self.errors = collected
        self.code = code
        first = next(iter(collected.values()), [""])
        super().__init__(str(message) if message is not None else (first[0] if first else ""))

    @property
    def message(self) -> str:
        return str(self)

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


def full_clean_or_raise(instance: object, **kwargs: object) -> None:
    """Run ``full_clean`` and raise DomainError with the field messages on failure."""
    try:
        instance.full_clean(**kwargs)  # type: ignore[attr-defined]
    except DjangoValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
