"""Generate a large, deterministic data set for benchmarks: initiatives, plans, pledges.

Every generated record is marked (external ids and titles start with "SCALE"), never presented
as a real organisation's or government's fact; the organisations are named "Scale test
organisation N". Bulk inserts keep 200,000 initiatives within minutes on PostgreSQL; the
history tables are not filled (benchmarks read the current state only).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Organisation
from countries.models import Country
from initiatives.models import (
    DatePrecision,
    Initiative,
    InitiativeObjective,
    ModerationState,
    Source,
)
from objectives.models import GuidingPrinciple, Objective, OrganisationType
from plans.models import Indicator, IndicatorValue, Measure, MeasureObjective, Plan
from reviews.models import Pledge

PREFIX = "SCALE"
BATCH = 5000

# Words that people search for, combined into realistic titles and descriptions.
SUBJECTS = [
    "migrant domestic workers",
    "migrant workers",
    "children on the move",
    "women migrant workers",
    "returning migrants",
    "diaspora communities",
    "seasonal agricultural workers",
    "refugees and migrants",
    "migrants in vulnerable situations",
    "students abroad",
]
ACTIONS = [
    "Alternatives to immigration detention for",
    "Fair and ethical recruitment of",
    "Access to basic services for",
    "Cheaper remittance transfers for",
    "Consular protection of",
    "Skills recognition for",
    "Counter-trafficking support to",
    "Search and rescue coordination for",
    "Legal identity documents for",
    "Labour rights training for",
    "Data collection on",
    "Social protection portability for",
]
PLACES = ["border areas", "capital cities", "rural districts", "transit hubs", "coastal towns"]
SENTENCES = [
    "The initiative works with local authorities and civil society partners.",
    "It collects disaggregated data and publishes a yearly review of progress.",
    "Community workshops explain rights, complaint mechanisms and referral pathways.",
    "Trade unions and employers agreed a code of conduct on recruitment fees.",
    "A helpline in several languages answers questions on visas and work permits.",
    "Municipal services were trained to serve migrants regardless of status.",
    "The project monitors detention conditions and promotes community-based alternatives.",
    "Remittance costs fell after a price comparison tool was launched.",
]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(n))


class Command(BaseCommand):
    help = "Generate a deterministic scale data set (initiatives, plans, measures, pledges)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--initiatives", type=int, default=20000)
        parser.add_argument("--organisations", type=int, default=2000)
        parser.add_argument("--plans", type=int, default=60)
        parser.add_argument("--measures", type=int, default=20000)
        parser.add_argument("--indicator-values", type=int, default=100000)
        parser.add_argument("--pledges", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--replace", action="store_true", help="Delete earlier generated data first."
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        if not Objective.objects.exists():
            raise CommandError("Load the reference data first: manage.py load_reference_data")
        if opts["replace"]:
            self._delete()
        elif Initiative.objects.filter(external_id__startswith=PREFIX).exists():
            raise CommandError("Generated data exists already; pass --replace to rebuild it.")
        rng = random.Random(opts["seed"])
        started = timezone.now()
        orgs = self._organisations(rng, opts["organisations"])
        self._initiatives(rng, orgs, opts["initiatives"])
        self._plans(rng, opts["plans"], opts["measures"], opts["indicator_values"])
        self._pledges(rng, orgs, opts["pledges"])
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"Generated in {seconds:.0f} s."))

    # --- pieces ------------------------------------------------------------------------------

    def _delete(self) -> None:
        with transaction.atomic():
            Pledge.objects.filter(title__startswith=PREFIX).delete()
            Plan.objects.filter(title__startswith=PREFIX).delete()
            Initiative.objects.filter(external_id__startswith=PREFIX).delete()
            Organisation.objects.filter(name__startswith="Scale test organisation").delete()

    def _organisations(self, rng: random.Random, n: int) -> list[Organisation]:
        types = list(OrganisationType.objects.all())
        countries = list(Country.objects.all())
        Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Scale test organisation {i}",
                    type=rng.choice(types),
                    country=rng.choice(countries),
                    status=Organisation.Status.APPROVED,
                )
                for i in range(n)
            ],
            batch_size=BATCH,
        )
        self.stdout.write(f"{n} organisations")
        return list(Organisation.objects.filter(name__startswith="Scale test organisation"))

    def _initiatives(self, rng: random.Random, orgs: list[Organisation], n: int) -> None:
        countries = list(Country.objects.prefetch_related("review_regions"))
        # A skewed distribution: some countries carry far more initiatives than others.
        weights = [1.0 / (rank + 1) for rank in range(len(countries))]
        objectives = list(Objective.objects.values_list("pk", flat=True))
        principles = list(GuidingPrinciple.objects.values_list("pk", flat=True))
        through = {
            "countries": Initiative.countries.through,
            "cov_regions": Initiative.coverage_regions.through,
            "cov_review": Initiative.coverage_review_regions.through,
            "principles": Initiative.principles.through,
        }
        now = timezone.now()
        for start in range(0, n, BATCH):
            rows = []
            for i in range(start, min(n, start + BATCH)):
                subject = rng.choice(SUBJECTS)
                state = ModerationState.PUBLISHED if rng.random() < 0.9 else ModerationState.DRAFT
                begin = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 4000))
                rows.append(
                    Initiative(
                        organisation=rng.choice(orgs),
                        state=state,
                        published_at=now - timedelta(minutes=i)
                        if state == ModerationState.PUBLISHED
                        else None,
                        title=f"{PREFIX} {rng.choice(ACTIONS)} {subject} in {rng.choice(PLACES)}",
                        summary=f"Support to {subject}. {rng.choice(SENTENCES)}"[:300],
                        description=_text(rng, 6),
                        expected_outcomes=_text(rng, 2),
                        is_thematic=rng.random() < 0.5,
                        is_national_regional=rng.random() < 0.6,
                        start_date=begin,
                        start_precision=DatePrecision.DAY,
                        source=Source.IMPORT,
                        external_id=f"{PREFIX}-{i}",
                        reporting_year=begin.year,
                    )
                )
            created = Initiative.objects.bulk_create(rows, batch_size=BATCH)
            links, cs, crs, rrs, prs = [], [], [], [], []
            for ini in created:
                picked = rng.choices(countries, weights=weights, k=rng.randint(1, 3))
                seen: set[int] = set()
                for c in picked:
                    if c.pk in seen:
                        continue
                    seen.add(c.pk)
                    cs.append(through["countries"](initiative_id=ini.pk, country_id=c.pk))
                regions = {c.m49_region_id for c in picked}
                crs += [
                    through["cov_regions"](initiative_id=ini.pk, m49region_id=r) for r in regions
                ]
                reviews = {r.pk for c in picked for r in c.review_regions.all()}
                rrs += [
                    through["cov_review"](initiative_id=ini.pk, reviewregion_id=r) for r in reviews
                ]
                objs = rng.sample(objectives, rng.randint(1, 4))
                links += [
                    InitiativeObjective(initiative_id=ini.pk, objective_id=o, is_primary=k == 0)
                    for k, o in enumerate(objs)
                ]
                prs += [
                    through["principles"](initiative_id=ini.pk, guidingprinciple_id=p)
                    for p in rng.sample(principles, rng.randint(0, 3))
                ]
            through["countries"].objects.bulk_create(cs, batch_size=BATCH)
            through["cov_regions"].objects.bulk_create(crs, batch_size=BATCH)
            through["cov_review"].objects.bulk_create(rrs, batch_size=BATCH)
            through["principles"].objects.bulk_create(prs, batch_size=BATCH)
            InitiativeObjective.objects.bulk_create(links, batch_size=BATCH)
            self.stdout.write(f"{min(n, start + BATCH)} initiatives")
        self._search_vectors()

    def _search_vectors(self) -> None:
        """Fill the stored search vectors the way the services do, in one statement."""
        if connection.vendor != "postgresql":
            return
        from initiatives.services import search_vector_expression

        Initiative.objects.filter(external_id__startswith=PREFIX).update(
            search_vector=search_vector_expression()
        )

    def _plans(self, rng: random.Random, n: int, n_measures: int, n_values: int) -> None:
        countries = list(Country.objects.filter(plan__isnull=True).order_by("alpha3")[:n])
        objectives = list(Objective.objects.values_list("pk", flat=True))
        gov_type = OrganisationType.objects.order_by("pk").first()
        plans = Plan.objects.bulk_create(
            [
                Plan(
                    country=c,
                    title=f"{PREFIX} plan {c.alpha3} (generated for benchmarks)",
                    form=Plan.Form.STANDALONE,
                    publish_plan=True,
                    publish_measures=True,
                    publish_indicators=True,
                    publish_budget=True,
                )
                for c in countries
            ]
        )
        if not plans:
            return
        entities = Organisation.objects.bulk_create(
            [
                Organisation(name=f"Scale test organisation (entity {p.country_id})", type=gov_type)
                for p in plans
            ]
        )
        per_plan = max(1, n_measures // len(plans))
        measures: list[Measure] = []
        for plan, entity in zip(plans, entities, strict=True):
            for k in range(per_plan):
                measures.append(
                    Measure(
                        plan=plan,
                        number=k + 1,
                        title=f"{PREFIX} measure {k + 1}: {rng.choice(ACTIONS)} "
                        f"{rng.choice(SUBJECTS)}",
                        description=_text(rng, 3),
                        level=rng.choice(list(Measure.Level.values)),
                        responsible_entity=entity,
                        deadline_kind=Measure.DeadlineKind.CONTINUOUS,
                        status=rng.choice(list(Measure.Status.values)),
                    )
                )
        measures = Measure.objects.bulk_create(measures, batch_size=BATCH)
        MeasureObjective.objects.bulk_create(
            [
                MeasureObjective(measure=m, objective_id=rng.choice(objectives), is_primary=True)
                for m in measures
            ],
            batch_size=BATCH,
        )
        indicators = Indicator.objects.bulk_create(
            [
                Indicator(
                    plan=p,
                    code=f"I{k + 1}",
                    name=f"{PREFIX} indicator {k + 1}",
                    indicator_type=rng.choice(list(Indicator.Type.values)),
                    unit="persons",
                    periodicity=rng.choice(list(Indicator.Periodicity.values)),
                )
                for p in plans
                for k in range(20)
            ],
            batch_size=BATCH,
        )
        values: list[IndicatorValue] = []
        per_indicator = max(1, n_values // len(indicators))
        for ind in indicators:
            for k in range(per_indicator):
                values.append(
                    IndicatorValue(
                        indicator=ind,
                        period=f"{2000 + k // 12:04d}-{k % 12 + 1:02d}",
                        value=Decimal(rng.randint(0, 100000)),
                        disaggregation_key=f"k{k}",
                    )
                )
        IndicatorValue.objects.bulk_create(values, batch_size=BATCH)
        self.stdout.write(
            f"{len(plans)} plans, {len(measures)} measures, {len(values)} indicator values"
        )

    def _pledges(self, rng: random.Random, orgs: list[Organisation], n: int) -> None:
        objectives = list(Objective.objects.values_list("pk", flat=True))
        pledges = Pledge.objects.bulk_create(
            [
                Pledge(
                    title=f"{PREFIX} pledge {i}: {rng.choice(ACTIONS)} {rng.choice(SUBJECTS)}",
                    description=_text(rng, 2),
                    pledge_type=rng.choice(list(Pledge.Type.values)),
                    organisation=rng.choice(orgs),
                    target=_text(rng, 1),
                    deadline=date(2026, 1, 1) + timedelta(days=rng.randrange(0, 1500)),
                    status=rng.choice(list(Pledge.Status.values)),
                )
                for i in range(n)
            ],
            batch_size=BATCH,
        )
        through = Pledge.objectives.through
        through.objects.bulk_create(
            [
                through(pledge_id=p.pk, objective_id=o)
                for p in pledges
                for o in rng.sample(objectives, rng.randint(1, 3))
            ],
            batch_size=BATCH,
        )
        self.stdout.write(f"{n} pledges")
