"""A Redis cache that fails open: with Redis down, reads miss and writes are dropped, logged.

Throttling (DRF), the registration and password-reset limiter (``core.ratelimit``) and any other
cache user keep answering during a Redis outage instead of failing every request with a 500.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# The errors of an unreachable or unresponsive server; anything else is a bug and propagates.
OUTAGE_ERRORS: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError, OSError)

# One warning per this many seconds per process, so an outage does not flood the log.
_LOG_EVERY = 30.0
_last_logged = 0.0


def _log_outage(operation: str, exc: Exception) -> None:
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= _LOG_EVERY:
        _last_logged = now
        logger.warning("Cache unavailable (%s failed open): %s", operation, exc)


class FailOpenRedisCache(RedisCache):
    """Django's RedisCache, except that an outage makes it behave like an empty cache."""

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("get", exc)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("get_many", exc)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("has_key", exc)
            return False

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:
        try:
            super().set(key, value, timeout, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("set", exc)

    def set_many(self, data: Any, timeout: Any = None, version: int | None = None) -> list[Any]:
        try:
            return super().set_many(data, timeout, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("set_many", exc)
            return list(data)

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("add", exc)
            return False

    def touch(self, key: Any, timeout: Any = None, version: int | None = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("touch", exc)
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("incr", exc)
            # Django's contract for a missing key; callers treat it as "not counted".
            raise ValueError(f"Key {key!r} not found (cache unavailable).") from exc

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("delete", exc)
            return False

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except OUTAGE_ERRORS as exc:
            _log_outage("delete_many", exc)

    def clear(self) -> None:
        try:
            super().clear()
        except OUTAGE_ERRORS as exc:
            _log_outage("clear", exc)
