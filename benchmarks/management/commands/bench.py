"""Measure the hot public reads on a generated data set, beside their floor queries.

For each scenario the app's median and p95 (Django's test client in-process: middleware,
selectors, serializers and templates included) are printed beside a "floor": one
hand-written SQL query returning the same rows, serialised with orjson. The ratio and the
app's query count follow. Results go to a file, never into assertions on time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from countries.models import Country
from initiatives.models import Initiative
from plans.models import Plan

from .generate_scale_data import PREFIX

LIST_COLUMNS = "i.id, i.title, i.summary, i.published_at, i.start_date, i.organisation_id"


@dataclass
class Scenario:
    name: str
    path: str
    floor_sql: str
    floor_params: tuple[Any, ...] = ()


def _timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    fn()  # warm caches and connections
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


class Command(BaseCommand):
    help = "Benchmark the hot public reads against their floor queries (make bench)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--initiatives", type=int, default=20000)
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--output", default="benchmarks/results/latest.md")

    def handle(self, *args: Any, **opts: Any) -> None:
        if connection.vendor != "postgresql":
            self.stderr.write("Benchmarks run on PostgreSQL: set DATABASE_URL (see README).")
        call_command("load_reference_data", verbosity=0)
        have = Initiative.objects.filter(external_id__startswith=PREFIX).count()
        if have != opts["initiatives"]:
            self.stdout.write(f"Generating {opts['initiatives']} initiatives (had {have})...")
            call_command(
                "generate_scale_data",
                initiatives=opts["initiatives"],
                replace=True,
                stdout=self.stdout,
            )
        rows = [self._measure(s, opts["repeat"]) for s in self._scenarios()]
        header = (
            f"# Benchmark run {timezone.now():%Y-%m-%d %H:%M} UTC, "
            f"{opts['initiatives']} generated initiatives, {connection.vendor}, "
            f"{opts['repeat']} repeats\n\n"
            "| scenario | app p50 ms | app p95 ms | floor p50 ms | floor p95 ms | ratio p50 "
            "| queries |\n|---|---|---|---|---|---|---|\n"
        )
        table = header + "".join(
            f"| {r['name']} | {r['app_p50']:.1f} | {r['app_p95']:.1f} | {r['floor_p50']:.1f} "
            f"| {r['floor_p95']:.1f} | {r['ratio']:.1f}x | {r['queries']} |\n"
            for r in rows
        )
        out = Path(opts["output"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(table, encoding="utf-8")
        self.stdout.write(table)
        self.stdout.write(f"Written to {out}")

    def _scenarios(self) -> list[Scenario]:
        busiest = (
            Country.objects.annotate(n=Count("initiatives"))
            .order_by("-n")
            .values_list("alpha3", "pk")[:1]
        )
        alpha3, country_id = busiest[0] if busiest else ("PRT", 0)
        plan = Plan.objects.filter(publish_plan=True).select_related("country").first()
        plan_alpha3 = plan.country.alpha3 if plan else "PRT"
        published = "i.state = 'published' AND i.revision_of_id IS NULL"
        total = Initiative.objects.published().count()
        last_page = max(1, (total + 49) // 50)
        return [
            Scenario(
                "API list, objective 5, page 1",
                "/api/v1/initiatives/?objective=5&page_size=50",
                f"SELECT {LIST_COLUMNS} FROM initiatives_initiative i WHERE {published} AND "
                "EXISTS (SELECT 1 FROM initiatives_initiativeobjective l JOIN "
                "objectives_objective o ON o.id = l.objective_id WHERE l.initiative_id = i.id "
                "AND o.number = 5) ORDER BY i.published_at DESC, i.id LIMIT 50",
            ),
            Scenario(
                "API list, unfiltered, last page",
                f"/api/v1/initiatives/?page_size=50&page={last_page}",
                f"SELECT {LIST_COLUMNS} FROM initiatives_initiative i WHERE {published} "
                f"ORDER BY i.published_at DESC, i.id LIMIT 50 OFFSET {(last_page - 1) * 50}",
            ),
            Scenario(
                "full-text search 'migrant domestic workers'",
                "/api/v1/initiatives/?q=migrant+domestic+workers&page_size=50",
                f"SELECT {LIST_COLUMNS} FROM initiatives_initiative i, "
                "websearch_to_tsquery('english', %s) q WHERE "
                f"{published} AND i.search_vector @@ q "
                "ORDER BY ts_rank(i.search_vector, q) DESC, i.published_at DESC, i.id LIMIT 50",
                ("migrant domestic workers",),
            ),
            Scenario(
                "mapping matrices (API, countries)",
                "/api/v1/initiatives/mapping/countries/",
                "SELECT c.country_id, l.objective_id, COUNT(*) FROM initiatives_initiative i "
                "JOIN initiatives_initiative_countries c ON c.initiative_id = i.id "
                "JOIN initiatives_initiativeobjective l ON l.initiative_id = i.id "
                f"WHERE {published} GROUP BY 1, 2",
            ),
            Scenario(
                f"busiest country page ({alpha3})",
                f"/countries/{alpha3}/",
                f"SELECT {LIST_COLUMNS} FROM initiatives_initiative i JOIN "
                "initiatives_initiative_countries c ON c.initiative_id = i.id "
                f"WHERE {published} AND c.country_id = %s "
                "ORDER BY i.published_at DESC LIMIT 50",
                (country_id,),
            ),
            Scenario(
                "objective page (13)",
                "/objectives/13/",
                "SELECT a.letter, a.text FROM objectives_objectiveaction a JOIN "
                "objectives_objective o ON o.id = a.objective_id WHERE o.number = 13",
            ),
            Scenario(
                f"plan dashboard ({plan_alpha3})",
                f"/plans/{plan_alpha3}/",
                "SELECT m.status, COUNT(*) FROM plans_measure m JOIN plans_plan p "
                "ON p.id = m.plan_id JOIN countries_country c ON c.id = p.country_id "
                "WHERE c.alpha3 = %s GROUP BY m.status",
                (plan_alpha3,),
            ),
            Scenario(
                "home page",
                "/",
                "SELECT (SELECT COUNT(*) FROM objectives_objective), "
                "(SELECT COUNT(*) FROM countries_country)",
            ),
        ]

    def _measure(self, s: Scenario, repeat: int) -> dict[str, Any]:
        client = Client(HTTP_HOST="127.0.0.1")

        def app() -> None:
            response = client.get(s.path)
            if response.status_code != 200:
                raise RuntimeError(f"{s.path} answered {response.status_code}")
            b"".join(response) if response.streaming else response.content

        def floor() -> None:
            with connection.cursor() as cursor:
                cursor.execute(s.floor_sql, s.floor_params)
                orjson.dumps(cursor.fetchall(), default=str)

        with CaptureQueriesContext(connection) as ctx:
            app()
        queries = len(ctx.captured_queries)  # read now: later requests reset the log
        app_times = _timed(app, repeat)
        floor_times = _timed(floor, repeat)
        app_p50 = statistics.median(app_times)
        floor_p50 = statistics.median(floor_times)
        self.stdout.write(f"  {s.name}: {app_p50:.1f} ms (floor {floor_p50:.1f} ms)")
        return {
            "name": s.name,
            "app_p50": app_p50,
            "app_p95": _p95(app_times),
            "floor_p50": floor_p50,
            "floor_p95": _p95(floor_times),
            "ratio": app_p50 / floor_p50 if floor_p50 else 0.0,
            "queries": queries,
        }
