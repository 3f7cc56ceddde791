"""The plan itself, its axes and revisions, and its run through the six steps."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel

# The parts of a plan whose publication the coordinator chooses, with their labels.
PUBLICATION_PARTS: dict[str, Any] = {
    "publish_plan": _("The plan: overview, axes, adoption and step progress"),
    "publish_process": _("The six steps: checklists and answers to the guiding questions"),
    "publish_stakeholders": _("Stakeholders, institutional set-up and consultations"),
    "publish_assessment": _("Needs assessment of the 23 objectives"),
    "publish_measures": _("Measures and monitoring"),
    "publish_budget": _("Budget lines"),
    "publish_indicators": _("Indicators and validated values"),
}


class Plan(TimeStampedModel):
    """A country's current national implementation plan (one per country)."""

    class Form(models.TextChoices):
        STANDALONE = "standalone", _("Stand-alone national implementation plan")
        INTEGRATED = "integrated", _("Integrated into another national plan")
        BOTH = "both", _("Both")

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("In preparation")
        ADOPTED = "adopted", _("Adopted")

    country = models.OneToOneField(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="plan",
        verbose_name=_("country"),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    form = models.CharField(_("form"), max_length=12, choices=Form.choices)
    integrated_into = models.CharField(
        _("integrated into"),
        max_length=255,
        blank=True,
        help_text=_("The national plan this plan is part of, when it is integrated."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFTING
    )
    period_start = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True, validators=[MinValueValidator(2018)]
    )
    period_end = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, validators=[MinValueValidator(2018)]
    )
    approving_body = models.CharField(_("approving body"), max_length=255, blank=True)
    approval_instrument = models.CharField(_("approval instrument"), max_length=255, blank=True)
    approval_date = models.DateField(_("approval date"), null=True, blank=True)
    document_url = models.URLField(_("public document"), blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    selection_validated_at = models.DateTimeField(
        _("objective selection validated"), null=True, blank=True, editable=False
    )
    validation_consultation = models.ForeignKey(
        "plans.Consultation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("validation workshop"),
        editable=False,
    )
    publish_plan = models.BooleanField(PUBLICATION_PARTS["publish_plan"], default=False)
    publish_process = models.BooleanField(PUBLICATION_PARTS["publish_process"], default=False)
    publish_stakeholders = models.BooleanField(
        PUBLICATION_PARTS["publish_stakeholders"], default=False
    )
    publish_assessment = models.BooleanField(PUBLICATION_PARTS["publish_assessment"], default=False)
    publish_measures = models.BooleanField(PUBLICATION_PARTS["publish_measures"], default=False)
    publish_budget = models.BooleanField(PUBLICATION_PARTS["publish_budget"], default=False)
    publish_indicators = models.BooleanField(PUBLICATION_PARTS["publish_indicators"], default=False)
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Illustrative record loaded by the demo; shown with a “Demo data” badge."),
    )
    demo_note = models.TextField(
        _("what is illustrative"),
        blank=True,
        help_text=_("For demo records: which parts come from a source and which are invented."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name"]
        constraints = [
            models.CheckConstraint(
                name="plan_period_ordered",
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
            )
        ]
        verbose_name = _("implementation plan")
        verbose_name_plural = _("implementation plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:plan-detail", args=[self.country.alpha3])

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, str] = {}
        if self.form in (self.Form.INTEGRATED, self.Form.BOTH) and not self.integrated_into:
            errors["integrated_into"] = str(_("Name the national plan this plan is part of."))
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = str(_("The last year cannot be before the first year."))
        if self.status == self.Status.ADOPTED and not (
            self.approving_body and self.approval_instrument and self.approval_date
        ):
            errors["approval_date"] = str(
                _("An adopted plan needs its approving body, instrument and date.")
            )
        if errors:
            raise ValidationError(errors)

    def is_part_published(self, part: str) -> bool:
        """A part is public only when the plan itself is public and the part is too."""
        return bool(self.publish_plan and (part == "publish_plan" or getattr(self, part)))


class PlanRevision(models.Model):
    """A revision of the plan: why it was revised and the plan as it was before."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    reason = models.TextField(_("reason"))
    previous = models.JSONField(_("previous version"))
    created_at = models.DateTimeField(_("revised at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_revision")
        ]
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")

    def __str__(self) -> str:
        return f"{self.plan} r{self.number}"


class PlanAxis(models.Model):
    """A strategic axis of the plan (Portugal's plan has five)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="axes")
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_axis")]
        verbose_name = _("axis")
        verbose_name_plural = _("axes")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class StepStatus(TimeStampedModel):
    """Where the plan stands in one step; steps are non-linear, each has its own status."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        REVISITING = "revisiting", _("Revisiting")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="step_statuses")
    step = models.ForeignKey("objectives.ProcessStep", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "step__number"]
        constraints = [models.UniqueConstraint(fields=["plan", "step"], name="unique_plan_step")]
        verbose_name = _("step status")
        verbose_name_plural = _("step statuses")

    def __str__(self) -> str:
        return f"{self.plan} - {self.step}: {self.get_status_display()}"


class ChecklistStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    ONGOING = "ongoing", _("Ongoing")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


# Statuses that count as achieved when progress is computed (ongoing: in place and continuing).
ACHIEVED_STATUSES = (ChecklistStatus.DONE, ChecklistStatus.ONGOING)


class ChecklistProgress(TimeStampedModel):
    """The plan's progress on one end-of-step checklist item."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="checklist_progress")
    item = models.ForeignKey(
        "objectives.ChecklistItem", on_delete=models.PROTECT, related_name="progress"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ChecklistStatus.choices,
        default=ChecklistStatus.NOT_STARTED,
    )
    responsible_entity = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible entity"),
    )
    responsible_role = models.CharField(
        _("responsible person (role)"),
        max_length=255,
        blank=True,
        help_text=_("A role or unit, e.g. “GCM secretariat”; not a private contact."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "item__step__number", "item__order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "item"], name="unique_plan_checklist_item")
        ]
        verbose_name = _("checklist progress")
        verbose_name_plural = _("checklist progress")

    def __str__(self) -> str:
        return f"{self.plan} - {self.item}: {self.get_status_display()}"


class ChecklistEvidence(TimeStampedModel):
    """A link or a file showing a checklist item's progress."""

    progress = models.ForeignKey(
        ChecklistProgress, on_delete=models.CASCADE, related_name="evidence"
    )
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="plans/evidence/%Y/", blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["progress", "created_at"]
        constraints = [
            models.CheckConstraint(
                name="evidence_has_link_or_file", condition=~Q(url="") | ~Q(file="")
            )
        ]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.title


class GuidingQuestionAnswer(TimeStampedModel):
    """The country's written answer to one guiding question of a step."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "objectives.GuidingQuestion", on_delete=models.PROTECT, related_name="+"
    )
    answer = models.TextField(_("answer"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "question__step__number", "question__order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "question"], name="unique_plan_answer")
        ]
        verbose_name = _("answer to a guiding question")
        verbose_name_plural = _("answers to guiding questions")

    def __str__(self) -> str:
        return f"{self.plan} - {self.question}"
