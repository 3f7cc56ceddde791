"""Demo users with one role each; fake role addresses, no personal contact data."""

from __future__ import annotations

from countries.models import Country, ReviewRegion
from objectives.models import OrganisationType

from .models import Organisation, Role, User
from .services import grant_role

DEMO_PASSWORD = "demo-gcm-2026"  # noqa: S105 - printed for the local demo only
DEMO_DOMAIN = "demo.gcm-tracker.test"


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def ensure_user(local: str, full_name: str, *, superuser: bool = False) -> User:
    email = demo_email(local)
    user = User.objects.filter(email=email).first()
    if user is None:
        if superuser:
            user = User.objects.create_superuser(email, DEMO_PASSWORD, full_name=full_name)
        else:
            user = User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name)
    return user


def ensure_organisation(
    name: str, *, type_code: str, country_alpha3: str | None, acronym: str = ""
) -> Organisation:
    country = Country.objects.get(alpha3=country_alpha3) if country_alpha3 else None
    org, _created = Organisation.objects.get_or_create(
        name=name,
        country=country,
        defaults={"acronym": acronym, "type": OrganisationType.objects.get(code=type_code)},
    )
    return org


def load() -> list[str]:
    """Create the demo users and print their logins."""
    portugal = Country.objects.get(alpha3="PRT")
    kenya = Country.objects.get(alpha3="KEN")
    ece = ReviewRegion.objects.get(code="ECE")
    coalition = ensure_organisation(
        "Demo Migrant Rights Coalition",
        type_code=OrganisationType.objects.filter(code__in=["ngo", "cso"])
        .values_list("code", flat=True)
        .first()
        or OrganisationType.objects.values_list("code", flat=True).first()
        or "ngo",
        country_alpha3="PRT",
        acronym="DMRC",
    )

    accounts = [
        ("admin", "Demo Administrator", None, {}),
        ("moderator", "Demo UN Network Moderator", Role.UN_MODERATOR, {}),
        ("analyst", "Demo Analyst", Role.ANALYST, {}),
        (
            "coordinator.prt",
            "Demo Coordinator Portugal",
            Role.NATIONAL_COORDINATOR,
            {"country_id": portugal.pk},
        ),
        (
            "focalpoint.prt",
            "Demo Focal Point Portugal",
            Role.GOVERNMENT_FOCAL_POINT,
            {"country_id": portugal.pk},
        ),
        (
            "coordinator.ken",
            "Demo Coordinator Kenya",
            Role.NATIONAL_COORDINATOR,
            {"country_id": kenya.pk},
        ),
        (
            "member",
            "Demo Civil-Society Member",
            Role.CIVIL_SOCIETY_MEMBER,
            {"organisation_id": coalition.pk},
        ),
        (
            "organiser.ece",
            "Demo ECE Review Organiser",
            Role.REVIEW_ORGANISER,
            {"review_region_id": ece.pk},
        ),
    ]
    lines = ["", f"Demo logins (password for all: {DEMO_PASSWORD}):"]
    for local, name, role, scope in accounts:
        user = ensure_user(local, name, superuser=(local == "admin"))
        if role is not None:
            grant_role(actor=None, user=user, role=role, **scope)
        label = str(Role(role).label) if role else "Administrator (superuser)"
        lines.append(f"  {demo_email(local):<45} {label}")
    return lines
