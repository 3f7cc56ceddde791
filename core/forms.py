"""Form fields shared by the apps' forms, so a page checks input exactly as the API does."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.currencies import currency_choices, invalid_currency_message, is_active_currency


class CurrencyField(forms.ChoiceField):
    """A currency in use (ISO 4217, :mod:`core.currencies`), chosen from the list."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Currency"))
        super().__init__(choices=self._choices_for, **kwargs)

    def _choices_for(self) -> list[tuple[str, str]]:
        blank = [] if self.required else [("", "—")]
        return [*blank, *currency_choices()]

    def to_python(self, value: Any) -> str:
        return str(value or "").strip().upper()

    def validate(self, value: Any) -> None:
        if value in self.empty_values:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return
        if not is_active_currency(value):
            raise ValidationError(invalid_currency_message(value), code="invalid_choice")
