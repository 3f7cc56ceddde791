"""Steps 3-4 (design, implementation): measures (Tool 8), budget lines and progress updates."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

from .plan import Plan, PlanAxis


class Measure(TimeStampedModel):
    """An implementation measure of the plan, with the Tool 8 criteria."""

    class InterventionType(models.TextChoices):
        NEW_POLICY = "new_policy", _("Enact and implement a new policy or legislation")
        SECTORAL = "sectoral", _("Integrate migration into sectoral policies or legislation")
        DEVELOPMENT = "development", _("Integrate migration into development programming")
        NEW_PROGRAMME = "new_programme", _("Design and implement new migration programming")

    class Level(models.TextChoices):
        LEGISLATIVE = "legislative", _("Legislative")
        POLICY = "policy", _("Policy")
        PROGRAMME = "programme", _("Programme")

    class DeadlineKind(models.TextChoices):
        DATE = "date", _("A date")
        CONTINUOUS = "continuous", _("Continuous")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    number = models.PositiveIntegerField(_("number"), validators=[MinValueValidator(1)])
    axis = models.ForeignKey(
        PlanAxis,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("axis"),
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    intervention_type = models.CharField(
        _("type"), max_length=16, choices=InterventionType.choices, blank=True
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    is_existing = models.BooleanField(
        _("existing policy"), default=False, help_text=_("Unticked: a new measure.")
    )
    objectives = models.ManyToManyField(
        "objectives.Objective",
        through="MeasureObjective",
        related_name="+",
        verbose_name=_("objectives"),
    )
    actions = models.ManyToManyField(
        "objectives.ObjectiveAction", blank=True, related_name="+", verbose_name=_("GCM actions")
    )
    principles = models.ManyToManyField(
        "objectives.GuidingPrinciple",
        through="MeasurePrinciple",
        related_name="+",
        verbose_name=_("guiding principles"),
    )
    responsible_entity = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="measures_responsible",
        verbose_name=_("responsible entity"),
    )
    involved_entities = models.ManyToManyField(
        "accounts.Organisation",
        blank=True,
        related_name="measures_involved",
        verbose_name=_("involved entities"),
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    deadline_kind = models.CharField(
        _("deadline"), max_length=10, choices=DeadlineKind.choices, default=DeadlineKind.DATE
    )
    deadline = models.DateField(_("deadline date"), null=True, blank=True)
    outputs = models.TextField(_("expected outputs"), blank=True)
    outcomes = models.TextField(_("expected outcomes"), blank=True)
    legal_compliance = models.TextField(_("compliance with international law"), blank=True)
    risks = models.TextField(_("challenges and risks"), blank=True)
    supporting_activities = models.TextField(_("supporting activities"), blank=True)
    resources = models.TextField(_("required resources"), blank=True)
    funding_arrangements = models.TextField(_("funding arrangements"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED, editable=False
    )
    status_changed_at = models.DateTimeField(
        _("status changed"), null=True, blank=True, editable=False
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_measure_number"),
            models.CheckConstraint(
                name="measure_date_deadline_has_date",
                condition=~Q(deadline_kind="date") | Q(deadline__isnull=False),
            ),
            models.CheckConstraint(
                name="measure_deadline_after_start",
                condition=Q(start_date__isnull=True)
                | Q(deadline__isnull=True)
                | Q(deadline__gte=models.F("start_date")),
            ),
        ]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, str] = {}
        if self.deadline_kind == self.DeadlineKind.DATE and self.deadline is None:
            errors["deadline"] = str(_("Give the deadline date, or choose “Continuous”."))
        if self.deadline_kind == self.DeadlineKind.CONTINUOUS:
            self.deadline = None
        if self.start_date and self.deadline and self.deadline < self.start_date:
            errors["deadline"] = str(_("The deadline cannot be before the start."))
        if self.axis is not None and self.plan_id and self.axis.plan_id != self.plan_id:
            errors["axis"] = str(_("This axis belongs to another plan."))
        if errors:
            raise ValidationError(errors)

    @property
    def deadline_label(self) -> str:
        if self.deadline_kind == self.DeadlineKind.CONTINUOUS:
            return str(_("Continuous"))
        return self.deadline.isoformat() if self.deadline else ""


class MeasureObjective(models.Model):
    """A measure's objective; exactly one is primary."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="objective_links")
    objective = models.ForeignKey(
        "objectives.Objective", on_delete=models.PROTECT, related_name="+"
    )
    is_primary = models.BooleanField(_("primary"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "-is_primary", "objective__number"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "objective"], name="unique_measure_obj"),
            models.UniqueConstraint(
                fields=["measure"],
                condition=Q(is_primary=True),
                name="one_primary_objective_per_measure",
            ),
        ]
        verbose_name = _("measure objective")
        verbose_name_plural = _("measure objectives")

    def __str__(self) -> str:
        return f"{self.measure_id} → {self.objective_id}"


class MeasurePrinciple(models.Model):
    """How a guiding principle applies to a measure."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="principle_links")
    principle = models.ForeignKey(
        "objectives.GuidingPrinciple", on_delete=models.PROTECT, related_name="+"
    )
    how_applied = models.TextField(_("how it applies"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "principle__order"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "principle"], name="unique_measure_pr")
        ]
        verbose_name = _("measure principle")
        verbose_name_plural = _("measure principles")

    def __str__(self) -> str:
        return f"{self.measure_id} → {self.principle_id}"


class BudgetLine(TimeStampedModel):
    """Money for a measure in one fiscal year, from one kind of source."""

    class SourceType(models.TextChoices):
        NATIONAL_BUDGET = "national_budget", _("National budget")
        LOCAL_BUDGET = "local_budget", _("Local or regional budget")
        DEVELOPMENT_FUNDS = "development_funds", _("Local or national development funds")
        MIGRATION_MPTF = "migration_mptf", _("Migration Multi-Partner Trust Fund")
        SDG_FUNDS = "sdg_funds", _("Joint SDG Fund and other SDG funds")
        DEVELOPMENT_PARTNER = "development_partner", _("Development partner")
        MULTILATERAL = "multilateral", _("Multilateral agency")
        DIASPORA = "diaspora", _("Diaspora contributions")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        FOUNDATION = "foundation", _("Foundation")
        SOCIAL_IMPACT_BOND = "social_impact_bond", _("Social impact bond")
        PUBLIC_PRIVATE = "public_private", _("Public-private collaboration")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        COMMITTED = "committed", _("Committed")
        SECURED = "secured", _("Secured")
        DISBURSED = "disbursed", _("Disbursed")

    class Kind(models.TextChoices):
        IMMEDIATE = "immediate", _("Intervention")
        SUPPORTING = "supporting", _("Supporting activity")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="budget_lines")
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=16,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3)
    source_type = models.CharField(_("funding source"), max_length=20, choices=SourceType.choices)
    source_name = models.CharField(_("funder"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.IMMEDIATE)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "fiscal_year", "id"]
        constraints = [
            models.CheckConstraint(name="budget_amount_positive", condition=Q(amount__gt=0))
        ]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return f"{self.measure_id} {self.fiscal_year}: {self.amount} {self.currency}"


# Budget statuses in their order; money at SECURED or beyond counts as funded.
BUDGET_ORDER = [s.value for s in BudgetLine.Status]
FUNDED_STATUSES = (BudgetLine.Status.SECURED, BudgetLine.Status.DISBURSED)


class ProgressUpdate(TimeStampedModel):
    """A focal point's report on a measure, approved or returned by the coordinator."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entity = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reporting entity"),
    )
    reported_status = models.CharField(
        _("status of the measure"), max_length=12, choices=Measure.Status.choices
    )
    progress = models.TextField(_("progress"))
    evidence_url = models.URLField(_("evidence (link)"), blank=True)
    state = models.CharField(
        _("review"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for returning"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="returned_update_has_reason",
                condition=~Q(state="returned") | ~Q(return_reason=""),
            )
        ]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.measure} - {self.get_state_display()}"
