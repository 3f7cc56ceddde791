"""The client's IP address, read behind a configured number of trusted proxies.

``NUM_PROXIES`` (setting and environment variable) says how many reverse proxies in front of the
app append to ``X-Forwarded-For``. With 0 (the default) the header is ignored and REMOTE_ADDR is
the client, so a client cannot rotate a forged header to escape a throttle. DRF's throttles read
the same setting (``REST_FRAMEWORK["NUM_PROXIES"]``) and django-axes calls :func:`client_ip`.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of the client as seen by the outermost trusted proxy (or the socket)."""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    num_proxies = int(getattr(settings, "NUM_PROXIES", 0) or 0)
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    if num_proxies <= 0 or not forwarded:
        return remote
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    if not addresses:
        return remote
    # Each trusted proxy appends the address it received the request from: the client is the
    # entry the outermost trusted proxy wrote, counted from the right.
    return addresses[-min(num_proxies, len(addresses))]
