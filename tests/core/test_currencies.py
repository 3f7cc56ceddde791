"""One list of currencies in use (core/currencies.py) for plan budgets and pledges."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from core.currencies import (
    active_currencies,
    clean_currency,
    currency_choices,
    invalid_currency_message,
    is_active_currency,
)
from core.errors import InvalidInputError

ROOT = Path(settings.BASE_DIR)


@pytest.mark.parametrize("code", ["EUR", "USD", "KES", "LKR", "XOF", "XAF", "XCD", "eur", " chf "])
def test_currencies_in_use_are_accepted(code: str) -> None:
    assert is_active_currency(code)
    assert clean_currency(code) == code.strip().upper()


@pytest.mark.parametrize(
    "code",
    [
        *("XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XDR", "XBA", "XBD", "XSU", "XUA"),
        *("USN", "BOV", "CLF", "COU", "MXV", "UYI", "UYW", "CHE", "CHW", "ABC", "", "EURO"),
    ],
)
def test_codes_that_are_not_money_in_use_are_refused_with_a_clear_message(code: str) -> None:
    assert not is_active_currency(code)
    with pytest.raises(InvalidInputError) as exc:
        clean_currency(code)
    assert exc.value.errors == {"currency": [invalid_currency_message(code)]}
    assert "ISO 4217" in exc.value.errors["currency"][0]


def test_the_choices_are_the_active_list() -> None:
    codes = [code for code, _label in currency_choices()]
    assert codes == sorted(active_currencies())
    assert "XXX" not in codes
    assert len(codes) > 150


def test_no_other_module_keeps_a_currency_list() -> None:
    """pycountry's currency table is read in core/currencies.py only."""
    offenders = [
        str(path.relative_to(ROOT))
        for app in ("accounts", "core", "initiatives", "plans", "reviews")
        for path in (ROOT / app).rglob("*.py")
        if "pycountry.currencies" in path.read_text(encoding="utf-8")
        and path != ROOT / "core" / "currencies.py"
    ]
    assert offenders == []
