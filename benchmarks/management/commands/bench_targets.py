"""Print shell assignments naming the load test's targets on the generated data set."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Count

from countries.models import Country
from initiatives.models import Initiative
from plans.models import Plan


class Command(BaseCommand):
    help = "BENCH_COUNTRY, BENCH_PLAN_COUNTRY and BENCH_DETAIL_IDS for benchmarks/locustfile.py"

    def handle(self, *args: Any, **opts: Any) -> None:
        busiest = Country.objects.annotate(n=Count("initiatives")).order_by("-n").first()
        plan = Plan.objects.filter(publish_plan=True).select_related("country").first()
        ids = list(
            Initiative.objects.published()
            .order_by("-published_at")
            .values_list("pk", flat=True)[:200]
        )
        self.stdout.write(f"BENCH_COUNTRY={busiest.alpha3 if busiest else 'PRT'}")
        self.stdout.write(f"BENCH_PLAN_COUNTRY={plan.country.alpha3 if plan else 'PRT'}")
        self.stdout.write(f"BENCH_DETAIL_IDS={','.join(map(str, ids)) or '1'}")
