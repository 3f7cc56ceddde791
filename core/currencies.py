"""The one list of currencies an amount may be in: ISO 4217 codes of currencies in use.

Taken from pycountry's ISO 4217 table, without the codes that are not money one pays in:
precious metals (XAU, XAG, XPD, XPT), units of account and bond-market units (XDR, XBA to XBD,
XSU, XUA, XAD), the testing and "no currency" codes (XTS, XXX), and the fund codes that sit
beside a country's real currency (USN, BOV, CLF, COU, MXV, UYI, UYW, CHE, CHW). Budget lines
of plans and pledges both check their currency here; their forms and serializers offer
:func:`currency_choices`.
"""

from __future__ import annotations

from functools import cache

import pycountry
from django.utils.translation import gettext as _

from core.errors import InvalidInputError

NOT_MONEY = frozenset(
    {
        # precious metals
        "XAU",
        "XAG",
        "XPD",
        "XPT",
        # units of account, bond-market units, special drawing rights
        "XDR",
        "XBA",
        "XBB",
        "XBC",
        "XBD",
        "XSU",
        "XUA",
        "XAD",
        # testing, and "no currency involved"
        "XTS",
        "XXX",
        # funds and indexed units kept beside the currency of the same country
        "USN",
        "BOV",
        "CLF",
        "COU",
        "MXV",
        "UYI",
        "UYW",
        "CHE",
        "CHW",
    }
)


@cache
def active_currencies() -> dict[str, str]:
    """Code -> English name of every ISO 4217 currency in use, sorted by code."""
    return {
        c.alpha_3: c.name
        for c in sorted(pycountry.currencies, key=lambda c: c.alpha_3)
        if c.alpha_3 not in NOT_MONEY
    }


def is_active_currency(code: str) -> bool:
    return (code or "").strip().upper() in active_currencies()


def currency_choices() -> list[tuple[str, str]]:
    """``(code, "code - name")`` pairs for a select list, by code."""
    return [(code, f"{code} - {name}") for code, name in active_currencies().items()]


def invalid_currency_message(code: object) -> str:
    """The one message for a code that is not a currency in use (forms, API, services)."""
    return _("“%(code)s” is not an ISO 4217 currency in use (e.g. EUR, KES, LKR).") % {"code": code}


def clean_currency(code: object, *, field: str = "currency") -> str:
    """The code in capitals if it names a currency in use; otherwise an InvalidInputError."""
    value = str(code or "").strip().upper()
    if value not in active_currencies():
        raise InvalidInputError(invalid_currency_message(code), field=field)
    return value
