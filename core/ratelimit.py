"""A small fixed-window rate limiter on Django's cache, for pages that send e-mail.

``allow("password-reset", ["ip:1.2.3.4", "email:a@b.c"], limit=5, window=3600)`` counts one hit
against each key and answers False once any key has passed its limit in the current window. It
fails open: with the cache down (see ``core.cache``) every request is allowed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.core.cache import cache


def _cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(key.lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def allow(scope: str, keys: Iterable[str], *, limit: int, window: int) -> bool:
    """Count one hit for every key; True while each key is within ``limit`` per ``window`` s."""
    allowed = True
    for key in keys:
        name = _cache_key(scope, key)
        if cache.add(name, 1, timeout=window):
            count = 1
        else:
            try:
                count = cache.incr(name)
            except ValueError:
                # The key expired between add and incr, or the cache is down: not counted.
                count = 1
        if count > limit:
            allowed = False
    return allowed
