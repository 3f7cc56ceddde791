"""Serializer fields shared by the apps' APIs, so the API checks input exactly as pages do."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from core.currencies import currency_choices, invalid_currency_message, is_active_currency


class CurrencyField(serializers.ChoiceField):
    """A currency in use (ISO 4217, :mod:`core.currencies`); lower case is accepted."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=currency_choices(), **kwargs)

    def to_internal_value(self, data: Any) -> str:
        if data == "" and self.allow_blank:
            return ""
        code = str(data).strip().upper()
        if not is_active_currency(code):
            raise serializers.ValidationError(invalid_currency_message(data), code="invalid_choice")
        return code
