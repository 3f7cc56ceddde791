"""Benchmarks reuse the test fixtures (reference data, users); run them with `make bench`."""

from tests.conftest import *  # noqa: F403
