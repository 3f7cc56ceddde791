"""Public aggregates (mapping matrices, facet counts) kept between publications, not recounted.

The figures are computed once and cached under a *public version* that the services bump
after every commit that changes what the public sees (publishing, a revision replacing its
original, an import). A request then costs a cache read. The cache fails open: when it is
unreachable the figures are computed from the database and a warning is logged.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

log = logging.getLogger(__name__)
VERSION_KEY = "initiatives:public-version"

T = TypeVar("T")


def _version() -> int | None:
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, 1, timeout=None)
            version = cache.get(VERSION_KEY, 1)
        return int(version)
    except Exception:
        log.warning("cache unavailable: public aggregates are computed per request", exc_info=True)
        return None


def public_changed() -> None:
    """Mark every cached public aggregate stale (call after the commit that changed them)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: the first read starts one
        cache.add(VERSION_KEY, 1, timeout=None)
    except Exception:
        log.warning("cache unavailable: could not mark public aggregates stale", exc_info=True)


def public_changed_on_commit() -> None:
    """Queue :func:`public_changed` for after the current transaction commits."""
    transaction.on_commit(public_changed)


def cached(name: str, params: Mapping[str, Any], compute: Callable[[], T]) -> T:
    """``compute()`` once per public version, filter parameters and language.

    ``PUBLIC_AGGREGATES_TIMEOUT`` (seconds) bounds how long a figure is kept even if a version
    bump was lost to a cache outage; 0 turns keeping off (the test settings do).
    """
    timeout = settings.PUBLIC_AGGREGATES_TIMEOUT
    if not timeout:
        return compute()
    version = _version()
    if version is None:
        return compute()
    raw = "&".join(f"{k}={params[k]}" for k in sorted(params))
    digest = hashlib.sha256(raw.encode()).hexdigest()[:24]
    key = f"initiatives:{name}:{version}:{translation.get_language()}:{digest}"
    try:
        value = cache.get(key)
    except Exception:
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout=timeout)
        except Exception:
            log.warning("cache unavailable: aggregate not stored", exc_info=True)
    return value
