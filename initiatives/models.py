"""Initiatives logged by stakeholders, their moderation log, calls, and membership requests."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

SUMMARY_MAX = 300
TITLE_MAX = 255


class ModerationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    RECURRING = "recurring", _("Recurring")
    PENDING_FUNDING = "pending_funding", _("Pending funding")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")
    TBC = "tbc", _("To be confirmed")


class GeoLevel(models.TextChoices):
    GLOBAL = "global", _("Global")
    CROSS_REGIONAL = "cross_regional", _("Cross-regional")
    REGIONAL = "regional", _("Regional")
    SUB_REGIONAL = "sub_regional", _("Sub-regional")
    NATIONAL = "national", _("National")
    SUB_NATIONAL = "sub_national", _("Sub-national")
    LOCAL = "local", _("Local")


class CrisisResponse(models.TextChoices):
    NONE = "none", _("No")
    COVID19 = "covid19", _("COVID-19")
    OTHER = "other", _("Another crisis")


class FundingStatus(models.TextChoices):
    UNKNOWN = "", _("Not stated")
    FUNDED = "funded", _("Funded")
    PARTLY_FUNDED = "partly_funded", _("Partly funded")
    SEEKING = "seeking", _("Seeking funding")
    SELF_FUNDED = "self_funded", _("Own resources")


class Source(models.TextChoices):
    WEB_FORM = "web_form", _("Web form")
    API = "api", _("API")
    IMPORT = "import", _("Import")


class CallForInitiatives(TimeStampedModel):
    """A themed call opened by a moderator; initiatives may answer it."""

    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description"), blank=True)
    focus_objectives = models.ManyToManyField(
        "objectives.Objective", blank=True, related_name="calls", verbose_name=_("focus objectives")
    )
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-deadline", "title"]
        verbose_name = _("call for initiatives")
        verbose_name_plural = _("calls for initiatives")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:call-detail", args=[self.pk])


class InitiativeQuerySet(models.QuerySet["Initiative"]):
    def published(self) -> InitiativeQuerySet:
        return self.filter(state=ModerationState.PUBLISHED, revision_of__isnull=True)

    def originals(self) -> InitiativeQuerySet:
        return self.filter(revision_of__isnull=True)


class Initiative(TimeStampedModel):
    """An initiative implementing the GCM, reported by an organisation."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A pending revision of a published initiative: a draft copy reviewed on its own; the
    # published original stays visible until the revision is published over it.
    revision_of = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pending_revision",
        editable=False,
    )
    state = models.CharField(
        _("moderation state"),
        max_length=20,
        choices=ModerationState.choices,
        default=ModerationState.DRAFT,
        editable=False,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    # Identity
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    summary = models.CharField(
        _("short summary"),
        max_length=SUMMARY_MAX,
        blank=True,
        help_text=_("At most 300 characters; shown in lists."),
    )
    description = models.TextField(_("description"), blank=True)
    expected_outcomes = models.TextField(_("expected outcomes"), blank=True)

    # Categories (one or more of the survey's three)
    is_thematic = models.BooleanField(_("thematic initiative"), default=False)
    is_national_regional = models.BooleanField(_("national or regional initiative"), default=False)
    is_constituent_based = models.BooleanField(_("constituent-based initiative"), default=False)
    activity_types = models.ManyToManyField(
        "objectives.ActivityType", blank=True, related_name="+", verbose_name=_("activity types")
    )
    activity_status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )

    # Dates
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("start precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.TBC
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.TBC
    )
    timeline = models.TextField(_("timeline and next steps"), max_length=2000, blank=True)

    # Geography
    geo_level = models.CharField(
        _("geographic level"), max_length=20, choices=GeoLevel.choices, blank=True
    )
    host_country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host country"),
        help_text=_("Where the initiative is run from; may differ from the countries covered."),
    )
    countries = models.ManyToManyField(
        "countries.Country",
        blank=True,
        related_name="initiatives",
        verbose_name=_("countries covered"),
    )
    regions = models.ManyToManyField(
        "countries.M49Region", blank=True, related_name="+", verbose_name=_("regions covered")
    )
    regions_text = models.CharField(
        _("other areas covered"),
        max_length=255,
        blank=True,
        help_text=_("Areas with no code, e.g. MENA, the Pacific, the diaspora."),
    )
    # Derived from countries and regions (kept by the services) so that the mapping is one query.
    coverage_regions = models.ManyToManyField(
        "countries.M49Region", blank=True, related_name="+", editable=False
    )
    coverage_review_regions = models.ManyToManyField(
        "countries.ReviewRegion", blank=True, related_name="+", editable=False
    )

    # Framework
    objectives = models.ManyToManyField(
        "objectives.Objective",
        through="InitiativeObjective",
        blank=True,
        related_name="initiatives",
        verbose_name=_("objectives"),
    )
    objectives_raw = models.CharField(
        _("objectives as written"), max_length=255, blank=True, editable=False
    )
    covers_whole_gcm = models.BooleanField(_("covers the whole GCM"), default=False)
    principles = models.ManyToManyField(
        "objectives.GuidingPrinciple",
        blank=True,
        related_name="+",
        verbose_name=_("guiding principles applied"),
    )
    constituencies = models.ManyToManyField(
        "objectives.Constituency", blank=True, related_name="+", verbose_name=_("constituencies")
    )

    # Engagement and flags
    engages_states = models.BooleanField(_("engages States"), default=False)
    names_gcm = models.BooleanField(_("names the GCM explicitly"), default=False)
    crisis_response = models.CharField(
        _("responds to a crisis"),
        max_length=10,
        choices=CrisisResponse.choices,
        default=CrisisResponse.NONE,
    )
    crisis_details = models.CharField(_("crisis details"), max_length=255, blank=True)
    other_stakeholders = models.TextField(_("other stakeholders"), blank=True)

    # Funding
    funding_status = models.CharField(
        _("funding"), max_length=20, choices=FundingStatus.choices, blank=True
    )
    funders = models.CharField(_("funders"), max_length=255, blank=True)

    call = models.ForeignKey(
        CallForInitiatives,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("answers the call"),
    )

    # Private focal point: never shown publicly nor through the public API.
    contact_name = models.CharField(_("focal point name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("focal point e-mail"), blank=True)
    contact_affiliation = models.CharField(_("focal point affiliation"), max_length=255, blank=True)

    # Provenance
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.WEB_FORM, editable=False
    )
    external_id = models.CharField(
        _("external id"), max_length=60, null=True, blank=True, unique=True, editable=False
    )
    source_reference = models.CharField(_("source reference"), max_length=255, blank=True)
    reporting_year = models.PositiveSmallIntegerField(
        _("reporting year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )

    search_vector = SearchVectorField(null=True, editable=False)

    objects: ClassVar[InitiativeQuerySet] = InitiativeQuerySet.as_manager()  # type: ignore[assignment]
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        indexes = [
            models.Index(fields=["state", "-published_at"], name="initiative_state_pub"),
            # The public lists' two orders, on published originals only (keyset-friendly).
            models.Index(
                fields=["-published_at", "id"],
                condition=Q(state="published", revision_of__isnull=True),
                name="initiative_public_pub",
            ),
            models.Index(
                fields=["-updated_at", "id"],
                condition=Q(state="published", revision_of__isnull=True),
                name="initiative_public_upd",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.pk])

    @property
    def category_labels(self) -> list[str]:
        labels = []
        if self.is_thematic:
            labels.append(str(_("Thematic")))
        if self.is_national_regional:
            labels.append(str(_("National or regional")))
        if self.is_constituent_based:
            labels.append(str(_("Constituent-based")))
        return labels


CATEGORY_FIELDS = {
    "thematic": "is_thematic",
    "national_regional": "is_national_regional",
    "constituent_based": "is_constituent_based",
}
CATEGORY_CHOICES = [
    ("thematic", _("Thematic")),
    ("national_regional", _("National or regional")),
    ("constituent_based", _("Constituent-based")),
]


class InitiativeObjective(models.Model):
    """An objective an initiative serves; one is primary; optional GCM action letters."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="links")
    objective = models.ForeignKey("objectives.Objective", on_delete=models.PROTECT)
    is_primary = models.BooleanField(_("primary"), default=False)
    action_letters = models.CharField(
        _("action letters"), max_length=40, blank=True, help_text=_("e.g. c,d,h")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["objective__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "objective"], name="unique_initiative_objective"
            ),
            models.UniqueConstraint(
                fields=["initiative"],
                condition=Q(is_primary=True),
                name="one_primary_objective_per_initiative",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.objective_id}{' (' + self.action_letters + ')' if self.action_letters else ''}"
        )

    @property
    def letters(self) -> list[str]:
        return [x for x in self.action_letters.split(",") if x]


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    CO_LEAD = "co_lead", _("Co-lead")
    FACILITATOR = "facilitator", _("Facilitator")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")
    PARTICIPANT = "participant", _("Participant")


class InitiativePartner(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("partner organisation"), max_length=255)
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )
    is_state = models.BooleanField(_("government / State actor"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class OutputKind(models.TextChoices):
    EVENT = "event", _("Event")
    REPORT = "report", _("Report")
    TOOL = "tool", _("Tool or guidance")
    STATEMENT = "statement", _("Statement or policy brief")
    CAMPAIGN = "campaign", _("Campaign material")
    OTHER = "other", _("Other")


class InitiativeOutput(models.Model):
    """An event held or an output produced."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField(_("type"), max_length=12, choices=OutputKind.choices)
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return self.title


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"initiatives/evidence/{instance.initiative_id}/{filename}"


class Evidence(models.Model):
    """A link or a file supporting the initiative (type- and size-checked on upload)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True, max_length=255)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(name="evidence_link_or_file", condition=~Q(url="") | ~Q(file=""))
        ]

    def __str__(self) -> str:
        return self.title


class Transition(models.Model):
    """One moderation step: who moved the initiative from which state to which, when and why."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=ModerationState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=ModerationState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    is_revision = models.BooleanField(default=False)
    notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state or '∅'} → {self.to_state}"


class MembershipRequest(TimeStampedModel):
    """A registered user asks to act for an organisation; a moderator decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership_requests"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="membership_requests"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status="pending"),
                name="one_pending_request_per_org",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"
