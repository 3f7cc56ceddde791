"""Form fields shared by the apps' forms and filters, so a page checks input as the API does."""

from __future__ import annotations

from typing import Any

import django_filters
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


class AnyYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter whose empty choice reads "Any" (not Django's "Unknown").

    It passes the raw value on, so that ``YesNoField`` refuses what is neither yes nor no.
    """

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("unknown", _("Any")), ("true", _("Yes")), ("false", _("No"))]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name)


class YesNoField(forms.NullBooleanField):
    """true / false (or empty, "unknown": any); any other value is an error, not "any"."""

    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]  # None: any
        if value in (None, "", "unknown"):
            return None
        if value in (True, "True", "true", "1"):
            return True
        if value in (False, "False", "false", "0"):
            return False
        raise forms.ValidationError(_("Enter true or false."), code="invalid")

    def validate(self, value: Any) -> None:
        return


class YesNoFilter(django_filters.BooleanFilter):
    field_class = YesNoField
