"""Users, organisations, scoped role memberships and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, ClassVar

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel


class UserManager(BaseUserManager["User"]):
    """Creates users identified by e-mail address."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        """Log in by e-mail address whatever its case (addresses are stored lower-cased)."""
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who logs in with their e-mail address."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        """Store the e-mail address lower-cased, so one address never has two accounts."""
        super().clean()
        self.email = (self.email or "").lower()

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Organisation(TimeStampedModel):
    """An organisation: a government entity, civil-society organisation, UN entity, etc."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    type = models.ForeignKey(
        "objectives.OrganisationType",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("type"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("country"),
        help_text=_("Leave empty for regional or international organisations."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPROVED
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="unique_org_name_per_country")
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Role(models.TextChoices):
    """Roles, each with the scope it needs (see ROLE_SCOPES)."""

    GOVERNMENT_FOCAL_POINT = "government_focal_point", _("Government focal point")
    NATIONAL_COORDINATOR = "national_coordinator", _("National coordinator")
    CIVIL_SOCIETY_MEMBER = "civil_society_member", _("Civil-society member")
    UN_MODERATOR = "un_moderator", _("UN Network moderator")
    REVIEW_ORGANISER = "review_organiser", _("Regional review organiser")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


# Which scope each role requires ("required"), allows ("optional") or forbids (absent).
ROLE_SCOPES: dict[str, dict[str, str]] = {
    Role.GOVERNMENT_FOCAL_POINT: {"country": "required", "organisation": "optional"},
    Role.NATIONAL_COORDINATOR: {"country": "required"},
    Role.CIVIL_SOCIETY_MEMBER: {"organisation": "required"},
    Role.UN_MODERATOR: {"review_region": "optional"},
    Role.REVIEW_ORGANISER: {"review_region": "required"},
    Role.ANALYST: {},
    Role.ADMINISTRATOR: {},
}


class RoleMembership(TimeStampedModel):
    """A user holds a role within a scope: a country, an organisation or a review region.

    A government focal point may also name the government entity (an organisation) they act for;
    that is how measures "their entity is responsible for" are found.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    review_region = models.ForeignKey(
        "countries.ReviewRegion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("review region"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["user__email", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "country", "organisation", "review_region"],
                name="unique_membership",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                name="country_roles_have_country",
                condition=~Q(role__in=["government_focal_point", "national_coordinator"])
                | Q(country__isnull=False),
            ),
            models.CheckConstraint(
                name="member_role_has_organisation",
                condition=~Q(role="civil_society_member") | Q(organisation__isnull=False),
            ),
            models.CheckConstraint(
                name="organiser_role_has_region",
                condition=~Q(role="review_organiser") | Q(review_region__isnull=False),
            ),
        ]
        verbose_name = _("role membership")
        verbose_name_plural = _("role memberships")

    def __str__(self) -> str:
        scope = self.country or self.organisation or self.review_region
        label = self.get_role_display()
        return f"{self.user} – {label} ({scope})" if scope else f"{self.user} – {label}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        rules = ROLE_SCOPES.get(self.role, {})
        errors: dict[str, str] = {}
        for scope in ("country", "organisation", "review_region"):
            value = getattr(self, f"{scope}_id")
            rule = rules.get(scope)
            if rule == "required" and value is None:
                errors[scope] = str(_("This role needs this scope."))
            elif rule is None and value is not None:
                errors[scope] = str(_("This role does not take this scope."))
        if errors:
            raise ValidationError(errors)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(TimeStampedModel):
    """A named API token; only its SHA-256 digest is stored, the key is shown once."""

    PREFIX_LENGTH = 8

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def generate_key() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def digest_for(key: str) -> str:
        return _digest(key)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
