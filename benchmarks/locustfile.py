"""The public read mix for the bounded load test of `make bench` (Locust, headless).

Home, a filtered list, a search, a detail page, the mapping, a country page, an objective
page, a plan dashboard and the API list, weighted roughly as public readers use them. The
target host is the gunicorn that scripts/bench.sh starts on 127.0.0.1; nothing else is hit.
"""

from __future__ import annotations

import os
import random

from locust import HttpUser, between, task

COUNTRY = os.environ.get("BENCH_COUNTRY", "AFG")
PLAN_COUNTRY = os.environ.get("BENCH_PLAN_COUNTRY", "AFG")
DETAIL_IDS = [int(x) for x in os.environ.get("BENCH_DETAIL_IDS", "1").split(",")]


class PublicReader(HttpUser):
    wait_time = between(0, 0.05)

    @task(3)
    def home(self) -> None:
        self.client.get("/", name="home")

    @task(3)
    def filtered_list(self) -> None:
        self.client.get(f"/initiatives/?objective={random.randint(1, 23)}", name="list")

    @task(2)
    def search(self) -> None:
        self.client.get("/api/v1/initiatives/?q=migrant+domestic+workers", name="search")

    @task(2)
    def detail(self) -> None:
        self.client.get(f"/initiatives/{random.choice(DETAIL_IDS)}/", name="detail")

    @task(1)
    def mapping(self) -> None:
        self.client.get("/initiatives/mapping/", name="mapping")

    @task(1)
    def country(self) -> None:
        self.client.get(f"/countries/{COUNTRY}/", name="country")

    @task(2)
    def objective(self) -> None:
        self.client.get(f"/objectives/{random.randint(1, 23)}/", name="objective")

    @task(1)
    def plan(self) -> None:
        self.client.get(f"/plans/{PLAN_COUNTRY}/", name="plan dashboard")

    @task(3)
    def api_list(self) -> None:
        self.client.get("/api/v1/initiatives/?page_size=50", name="api list")
