"""ISO 4217 currency codes, from pycountry's list."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_currency(code: str) -> bool:
    return (code or "").upper() in currency_codes()
