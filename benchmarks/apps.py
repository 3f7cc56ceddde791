"""The benchmark tools: a scale data generator and the `bench` measurements (`make bench`)."""

from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    name = "benchmarks"
    verbose_name = "Benchmarks"
