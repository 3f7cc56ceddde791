"""Demo plans drawn from the sources: Portugal (seed 003, Annex 1), Kenya and Sri Lanka (seed 004).

Each plan is flagged ``is_demo`` with a note of what its source states and what is illustrative.

Idempotent: a country that already has a plan is left alone. No personal contact data; the
budget lines are marked as illustrative because the sources give no amounts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from accounts.demo import DEMO_PASSWORD, demo_email, ensure_organisation, ensure_user
from accounts.models import Organisation, Role
from accounts.services import grant_role
from countries.models import Country
from objectives.models import Constituency, StakeholderCategory

from . import services
from .models import Plan

PRT_MINISTRIES = [
    ("Ministry of the Presidency and Administrative Modernization", "MPMA"),
    ("Ministry of Labour, Solidarity and Social Security", "MTSSS"),
    ("Ministry of Culture", "MC"),
    ("Ministry of the Sea", "MM"),
    ("Ministry of Home Affairs", "MAI"),
    ("Ministry of the Economy", "MAEC"),
    ("Ministry of Justice", "MJ"),
    ("Ministry of Health", "MS"),
    ("Ministry of Education", "MEDU"),
    ("Ministry of Infrastructure and Housing", "MIH"),
    ("Ministry of Foreign Affairs", "MNE"),
    ("Ministry of Finance", "MF"),
    ("Ministry of Science, Technology and Higher Education", "MCTES"),
    ("Ministry of Planning", "MP"),
]

PRT_AXES = [
    "Promotion of safe, orderly and regular migration",
    "Improvement of migration flow organization and integrated border management processes",
    "Promotion and qualification of immigrant reception and integration mechanisms",
    "Supporting the connection of migrants to their country of origin and their return projects",
    "Increasing development partnerships with countries of origin and transit, addressing "
    "root causes of irregular migration",
]

# Seed 003, Annex 1, snapshot of Objective 2 (measures 6 to 8), verbatim.
PRT_MEASURES: list[dict[str, Any]] = [
    {
        "number": 6,
        "title": "To adopt, in a transversal manner, measures that promote Sustainable Development "
        "within the framework of the 2030 Agenda, namely through Strategic Cooperation Programs "
        "(PECs), Financing Lines for projects by Non-Governmental Development Organizations "
        "(NGDOs), South-South Cooperation Agreements, Triangular Cooperation Agreements, the "
        "Lusophone Compact and Financial Instruments (SOFID), among others.",
        "responsible": "MNE",
        "involved": ["MNE", "MF", "MAEC", "MTSSS", "MCTES", "MP"],
        "is_existing": True,
    },
    {
        "number": 7,
        "title": "To participate in both the implementation of the new Africa-Europe Alliance for "
        "Sustainable Investment and Jobs and its implementation policies, namely within the scope "
        "of the EU Multiannual Financial Framework, 2021-2027.",
        "responsible": "MNE",
        "involved": ["MAI", "MTSSS", "MAEC", "MP"],
        "is_existing": False,
    },
    {
        "number": 8,
        "title": "To continue Portugal's participation in the Euro-African dialogues on migration, "
        "namely in the Rabat Process and in the La Valetta Process, monitoring ongoing projects "
        "funded by the EU Emergency Trust Fund for Africa and encouraging applications for new "
        "funding.",
        "responsible": "MNE",
        "involved": ["MAI"],
        "is_existing": True,
    },
]


PRT_DEMO_NOTE = (
    "From the implementation guide (seed 003, Annex 1): the plan, its adoption by Council of "
    "Ministers Resolution 141/2019, the five axes, the 14 ministries and measures 6 to 8 with "
    "their responsible and involved ministries. Illustrative, not from a source: whether each "
    "measure is existing or new policy, the budget line, the progress updates, the stakeholder "
    "entries and the published parts."
)
KEN_DEMO_NOTE = (
    "From the Secretary-General's first report (seed 004): the plan of action being developed, "
    "the National Coordination Mechanism on Migration and the five measures. Illustrative: the "
    "demo coordinator account; no step statuses, assessment or validation are recorded because "
    "the source states none."
)
LKA_DEMO_NOTE = (
    "From the Secretary-General's first report (seed 004): the interministerial mechanism that "
    "will create an implementation strategy with the national network. The 2019 civil-society "
    "consultation on GCM implementation was held by Migrant Forum in Asia and its members "
    "(seed 000), not by the government, so it is not recorded as part of this plan."
)


def _mark_demo(plan: Plan, note: str) -> None:
    """Flag the plan as demo data (badge on pages, exports and the API) with what is sourced."""
    Plan.objects.filter(pk=plan.pk).update(is_demo=True, demo_note=note)


def _ministries(alpha3: str, rows: list[tuple[str, str]]) -> dict[str, Organisation]:
    return {
        acronym: ensure_organisation(
            name, type_code="government-ministry", country_alpha3=alpha3, acronym=acronym
        )
        for name, acronym in rows
    }


def _coordinator(local: str, name: str, country: Country) -> Any:
    user = ensure_user(local, name)
    grant_role(actor=None, user=user, role=Role.NATIONAL_COORDINATOR, country_id=country.pk)
    return user


def _portugal() -> None:
    portugal = Country.objects.get(alpha3="PRT")
    if Plan.objects.filter(country=portugal).exists():
        return
    coordinator = _coordinator("coordinator.prt", "Demo Coordinator Portugal", portugal)
    ministries = _ministries("PRT", PRT_MINISTRIES)
    focal = ensure_user("focalpoint.prt", "Demo Focal Point Portugal")
    grant_role(
        actor=None,
        user=focal,
        role=Role.GOVERNMENT_FOCAL_POINT,
        country_id=portugal.pk,
        organisation_id=ministries["MNE"].pk,
    )
    plan = services.start_plan(
        actor=coordinator,
        country=portugal,
        title="National Implementation Plan of the Global Compact for Migration",
        form="standalone",
        axes=PRT_AXES,
        summary="Portugal's plan sets out 97 implementation measures across the 23 GCM "
        "objectives, grouped in five axes, about half existing policy and half new policy. "
        "Each measure has one responsible ministry and several involved ministries.",
        period_start=2019,
    )
    services.adopt_plan(
        actor=coordinator,
        plan=plan,
        approving_body="Council of Ministers",
        approval_instrument="Resolution 141/2019",
        approval_date=date(2019, 8, 20),
    )
    services.update_plan(
        actor=coordinator, plan=plan, document_url="https://portaldiplomatico.mne.gov.pt/en"
    )
    services.save_coordination_body(
        actor=coordinator,
        plan=plan,
        name="Council of Migration",
        set_up="existing",
        body_role="consultative",
        other_members="Government actors, the association of municipalities, representatives "
        "of migrant communities, civil-society organisations and two citizens.",
        terms_of_reference="By law, takes part in migration policymaking; consulted on the plan.",
        established_on=date(2014, 1, 1),
    )
    committee = services.save_coordination_body(
        actor=coordinator,
        plan=plan,
        name="Inter-ministerial committee on the implementation of the plan",
        set_up="new",
        body_role="oversight",
        terms_of_reference="Oversees the implementation of the plan adopted by the Council of "
        "Ministers (Resolution 141/2019).",
    )
    _ = committee
    services.save_stakeholder(
        actor=coordinator,
        plan=plan,
        name="Municipalities (association of municipalities)",
        category=StakeholderCategory.objects.get(code="local-regional-authorities"),
        role_and_interest="Among the local deliverers of the plan.",
        engagement="advisory_board",
    )
    services.save_stakeholder(
        actor=coordinator,
        plan=plan,
        name="Migrant community associations",
        category=StakeholderCategory.objects.get(code="migrants-families"),
        role_and_interest="Represented in the Council of Migration.",
        engagement="advisory_board",
        under_represented_groups=list(Constituency.objects.filter(code__in=["women"])),
    )
    for row in PRT_MEASURES:
        services.create_measure(
            actor=coordinator,
            plan=plan,
            number=row["number"],
            axis=plan.axes.get(number=5),
            title=row["title"],
            level="policy",
            is_existing=row["is_existing"],
            objectives=[2],
            responsible_entity=ministries[row["responsible"]],
            involved_entities=[ministries[a] for a in row["involved"]],
            start_date=date(2019, 8, 20),
            deadline_kind="continuous",
            principles={"i": "All relevant ministries share responsibility for the measure."},
        )
    measure = plan.measures.get(number=8)
    services.save_budget_line(
        actor=coordinator,
        measure=measure,
        fiscal_year=2020,
        amount="50000",
        currency="EUR",
        source_type="national_budget",
        status="committed",
        notes="Illustrative demo figure; the source gives no amounts.",
    )
    update = services.submit_progress_update(
        actor=focal,
        measure=measure,
        reported_status="in_progress",
        progress="Participation in the Rabat Process continues (illustrative demo update).",
    )
    services.approve_progress_update(actor=coordinator, update=update)
    services.submit_progress_update(
        actor=focal,
        measure=plan.measures.get(number=7),
        reported_status="in_progress",
        progress="Preparatory work under the EU Multiannual Financial Framework "
        "(illustrative demo update, awaiting review).",
    )
    services.set_publication(
        actor=coordinator,
        plan=plan,
        parts={
            "publish_plan": True,
            "publish_process": True,
            "publish_stakeholders": True,
            "publish_measures": True,
            "publish_budget": True,
            "publish_indicators": True,
        },
    )
    _mark_demo(plan, PRT_DEMO_NOTE)


def _kenya() -> None:
    kenya = Country.objects.get(alpha3="KEN")
    if Plan.objects.filter(country=kenya).exists():
        return
    coordinator = _coordinator("coordinator.ken", "Demo Coordinator Kenya", kenya)
    entities = {
        "GOV": ensure_organisation(
            "Government of Kenya", type_code="government-agency", country_alpha3="KEN"
        ),
        "KNCHR": ensure_organisation(
            "Kenya National Commission on Human Rights",
            type_code="nhri",
            country_alpha3="KEN",
            acronym="KNCHR",
        ),
    }
    plan = services.start_plan(
        actor=coordinator,
        country=kenya,
        title="National plan of action for the implementation of the GCM",
        form="standalone",
        summary="Kenya is developing a national plan of action; it has created the National "
        "Coordination Mechanism on Migration, inclusive of non-governmental stakeholders "
        "(Secretary-General's report, 2020).",
    )
    services.save_coordination_body(
        actor=coordinator,
        plan=plan,
        name="National Coordination Mechanism on Migration",
        set_up="new",
        body_role="lead",
        other_members="Inclusive of non-governmental stakeholders.",
    )
    # Measures Kenya reported in the Secretary-General's first report (seed 004).
    for objective, title, entity in [
        (10, "Operationalize a shelter for victims of trafficking.", "GOV"),
        (14, "Increase the number of immigration attachés in embassies.", "GOV"),
        (
            4,
            "Digitize civil registries and expedite the issuance of civil registration documents.",
            "GOV",
        ),
        (
            19,
            "National diaspora council and a diaspora investment portfolio with local banks.",
            "GOV",
        ),
        (17, "Sensitization campaigns on migration and human rights.", "KNCHR"),
    ]:
        services.create_measure(
            actor=coordinator,
            plan=plan,
            title=title,
            level="programme",
            is_existing=True,
            objectives=[objective],
            responsible_entity=entities[entity],
            deadline_kind="continuous",
        )
    services.set_publication(
        actor=coordinator,
        plan=plan,
        parts={
            "publish_plan": True,
            "publish_measures": True,
            "publish_stakeholders": True,
        },
    )
    _mark_demo(plan, KEN_DEMO_NOTE)


def _sri_lanka() -> list[str]:
    sri_lanka = Country.objects.get(alpha3="LKA")
    if Plan.objects.filter(country=sri_lanka).exists():
        return []
    coordinator = _coordinator("coordinator.lka", "Demo Coordinator Sri Lanka", sri_lanka)
    plan = services.start_plan(
        actor=coordinator,
        country=sri_lanka,
        title="GCM implementation strategy",
        form="integrated",
        integrated_into="National strategy to be prepared by the interministerial mechanism",
        summary="An interministerial mechanism works with the national network and other "
        "stakeholders to create an implementation strategy (Secretary-General's report, 2020).",
    )
    services.save_coordination_body(
        actor=coordinator,
        plan=plan,
        name="Interministerial mechanism on the GCM",
        set_up="new",
        body_role="lead",
        other_members="Works with the national network and other stakeholders.",
    )
    services.set_publication(actor=coordinator, plan=plan, parts={"publish_plan": True})
    _mark_demo(plan, LKA_DEMO_NOTE)
    return [
        f"  {demo_email('coordinator.lka'):<45} National coordinator (password {DEMO_PASSWORD})"
    ]


@transaction.atomic
def load() -> list[str]:
    """Create the demo plans; returns lines to print."""
    _portugal()
    _kenya()
    lines = _sri_lanka()
    return ["", "Demo plans: Portugal (adopted), Kenya (design), Sri Lanka (kick-off).", *lines]
