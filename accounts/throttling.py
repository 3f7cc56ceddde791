"""Limits on the account pages that send e-mail (registration, password reset).

Per client IP address (behind NUM_PROXIES trusted proxies) and per e-mail address, so neither
one address flooded from many IPs nor many addresses tried from one IP gets through. The same
limit applies whether or not the address has an account: the answer reveals nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.clients import client_ip
from core.ratelimit import allow


def account_email_allowed(request: HttpRequest, scope: str, email: str) -> bool:
    """Count one attempt for the client and the address; False once either is over the limit."""
    return allow(
        f"account-{scope}",
        [f"ip:{client_ip(request)}", f"email:{email.strip().lower()}"],
        limit=settings.ACCOUNT_EMAIL_RATE_LIMIT,
        window=settings.ACCOUNT_EMAIL_RATE_WINDOW,
    )


def too_many_attempts_message() -> str:
    return _("Too many attempts. Please wait an hour and try again.")
