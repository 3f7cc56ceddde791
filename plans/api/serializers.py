"""Input and output serializers of the plans API, named by purpose."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.models import Organisation
from core.api.fields import CurrencyField

from ..models import (
    BudgetLine,
    ChecklistProgress,
    ChecklistStatus,
    Indicator,
    IndicatorValue,
    Measure,
    Plan,
    PlanAxis,
    ProgressUpdate,
    StepStatus,
)
from ..models.assessment import RUBRIC_FIELDS
from ..models.plan import PUBLICATION_PARTS
from ..services.measures import BUDGET_LINE_FIELDS

# --- output -------------------------------------------------------------------------------


class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym"]


class PlanAxisSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanAxis
        fields = ["number", "title"]


class PlanListSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.alpha3")
    country_name = serializers.CharField(source="country.name")
    checklist_percent = serializers.SerializerMethodField()
    measure_count = serializers.SerializerMethodField()

    class Meta:
        model = Plan
        fields = [
            "country",
            "country_name",
            "title",
            "form",
            "status",
            "revision",
            "approving_body",
            "approval_instrument",
            "approval_date",
            "checklist_percent",
            "measure_count",
            "is_demo",
        ]

    def get_checklist_percent(self, obj: Plan) -> int:
        from ..selectors import percent

        return percent(obj.checklist_achieved, obj.checklist_total, obj.checklist_na)  # type: ignore[attr-defined]

    def get_measure_count(self, obj: Plan) -> int | None:
        """``null`` when the measures are not public and the reader is not an official."""
        editable = self.context.get("editable_country_ids", set())
        if obj.is_part_published("publish_measures") or obj.country_id in editable:
            return obj.measure_count  # type: ignore[attr-defined]
        return None


class StepProgressSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=StepStatus.Status.choices)
    total = serializers.IntegerField()
    achieved = serializers.IntegerField()
    not_applicable = serializers.IntegerField()
    percent = serializers.IntegerField()


class CoverageSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    short_label = serializers.CharField()
    assessed = serializers.BooleanField(allow_null=True)
    selected = serializers.BooleanField(allow_null=True)
    # null when the viewer may not see that part of the plan (not published).
    measures = serializers.IntegerField(allow_null=True)
    primary_measures = serializers.IntegerField(allow_null=True)
    indicators = serializers.IntegerField(allow_null=True)


class BudgetByObjectiveSerializer(serializers.Serializer):
    """Budget of the measures whose primary objective is ``objective``, in one currency."""

    objective = serializers.IntegerField(help_text="Number of the primary GCM objective.")
    currency = serializers.CharField()
    total = serializers.DecimalField(max_digits=20, decimal_places=2)
    requested = serializers.DecimalField(max_digits=20, decimal_places=2)
    committed = serializers.DecimalField(max_digits=20, decimal_places=2)
    funded = serializers.DecimalField(
        max_digits=20, decimal_places=2, help_text="Money secured or disbursed."
    )
    gap = serializers.DecimalField(max_digits=20, decimal_places=2, help_text="Total minus funded.")


class BudgetTotalSerializer(serializers.Serializer):
    """Plan-wide budget in one currency."""

    currency = serializers.CharField()
    total = serializers.DecimalField(max_digits=20, decimal_places=2)
    funded = serializers.DecimalField(
        max_digits=20, decimal_places=2, help_text="Money secured or disbursed."
    )
    gap = serializers.DecimalField(max_digits=20, decimal_places=2, help_text="Total minus funded.")


class BudgetSummarySerializer(serializers.Serializer):
    """Totals and funding gap by primary objective and currency, and per currency."""

    by_objective = BudgetByObjectiveSerializer(many=True)
    totals = BudgetTotalSerializer(many=True)


class AssessmentResultSerializer(serializers.Serializer):
    """The recorded assessment of one objective."""

    objective = serializers.IntegerField()
    selected = serializers.BooleanField()
    total = serializers.IntegerField(help_text="Sum of the rubric scores.")


class PublicationSerializer(serializers.Serializer):
    """Which parts of the plan are public."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            part: serializers.BooleanField(help_text=str(label))
            for part, label in PUBLICATION_PARTS.items()
        }


class PlanDetailSerializer(PlanListSerializer):
    axes = PlanAxisSerializer(many=True, read_only=True)
    steps = serializers.SerializerMethodField()
    overall_percent = serializers.SerializerMethodField()
    coverage = serializers.SerializerMethodField()
    publication = serializers.SerializerMethodField()
    selection_validated_at = serializers.DateTimeField()

    class Meta(PlanListSerializer.Meta):
        fields = [
            *PlanListSerializer.Meta.fields,
            "summary",
            "integrated_into",
            "period_start",
            "period_end",
            "document_url",
            "demo_note",
            "selection_validated_at",
            "axes",
            "overall_percent",
            "steps",
            "coverage",
            "publication",
        ]

    def get_steps(self, _obj: Plan) -> Any:
        return StepProgressSerializer(self.context["dashboard"]["steps"], many=True).data

    def get_overall_percent(self, _obj: Plan) -> int:
        return int(self.context["dashboard"]["overall_percent"])

    def get_coverage(self, _obj: Plan) -> Any:
        return CoverageSerializer(self.context["dashboard"]["coverage"], many=True).data

    def get_publication(self, obj: Plan) -> dict[str, bool]:
        return {part: getattr(obj, part) for part in PUBLICATION_PARTS}

    def get_checklist_percent(self, _obj: Plan) -> int:
        return int(self.context["dashboard"]["overall_percent"])

    def get_measure_count(self, obj: Plan) -> int | None:
        if self.context["dashboard"]["parts"]["measures"]:
            return obj.measures.count()
        return None


class MeasureListSerializer(serializers.ModelSerializer):
    axis = serializers.IntegerField(source="axis.number", allow_null=True)
    objectives = serializers.SerializerMethodField()
    primary_objective = serializers.SerializerMethodField()
    responsible_entity = EntitySerializer()
    involved_entities = EntitySerializer(many=True)
    deadline = serializers.CharField(source="deadline_label")

    class Meta:
        model = Measure
        fields = [
            "number",
            "axis",
            "title",
            "intervention_type",
            "level",
            "is_existing",
            "objectives",
            "primary_objective",
            "responsible_entity",
            "involved_entities",
            "start_date",
            "deadline_kind",
            "deadline",
            "status",
            "status_changed_at",
            "version",
        ]

    def get_objectives(self, obj: Measure) -> list[int]:
        return [link.objective.number for link in obj.objective_links.all()]

    def get_primary_objective(self, obj: Measure) -> int | None:
        return next(
            (lk.objective.number for lk in obj.objective_links.all() if lk.is_primary), None
        )


class BudgetLineSerializer(serializers.ModelSerializer):
    measure = serializers.IntegerField(source="measure.number", read_only=True)

    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "measure",
            "fiscal_year",
            "amount",
            "currency",
            "source_type",
            "source_name",
            "kind",
            "status",
            "notes",
        ]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    measure = serializers.IntegerField(source="measure.number", read_only=True)
    entity = EntitySerializer(allow_null=True)

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "measure",
            "entity",
            "reported_status",
            "progress",
            "evidence_url",
            "state",
            "reviewed_at",
            "return_reason",
            "created_at",
        ]


class MeasureDetailSerializer(MeasureListSerializer):
    actions = serializers.SerializerMethodField()
    principles = serializers.SerializerMethodField()
    budget_lines = serializers.SerializerMethodField()
    indicators = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    updates = serializers.SerializerMethodField()

    class Meta(MeasureListSerializer.Meta):
        fields = [
            *MeasureListSerializer.Meta.fields,
            "description",
            "rationale",
            "legal_compliance",
            "outputs",
            "outcomes",
            "risks",
            "supporting_activities",
            "resources",
            "funding_arrangements",
            "actions",
            "principles",
            "budget_lines",
            "indicators",
            "updates",
        ]

    def get_actions(self, obj: Measure) -> list[str]:
        return [a.reference for a in obj.actions.all()]

    def get_principles(self, obj: Measure) -> list[dict[str, str]]:
        return [
            {"letter": p.principle.letter, "name": p.principle.name, "how_applied": p.how_applied}
            for p in obj.principle_links.all()
        ]

    def get_budget_lines(self, obj: Measure) -> Any:
        if not self.context.get("show_budget"):
            return None
        return BudgetLineSerializer(obj.budget_lines.all(), many=True).data

    def get_updates(self, obj: Measure) -> Any:
        editor = self.context.get("editor")
        rows = [u for u in obj.updates.all() if editor or u.state == ProgressUpdate.State.APPROVED]
        return ProgressUpdateSerializer(rows, many=True).data


class IndicatorValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["id", "period", "value", "disaggregation", "status", "source", "notes"]


class IndicatorSerializer(serializers.ModelSerializer):
    sdg_target = serializers.CharField(source="sdg_target.code", allow_null=True)
    lead_entity = EntitySerializer(allow_null=True)
    objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    measures = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    disaggregations = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    quality_checks = serializers.SlugRelatedField(slug_field="order", many=True, read_only=True)
    values = IndicatorValueSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "indicator_type",
            "is_human_rights",
            "definition",
            "international_standards",
            "unit",
            "data_source",
            "methodology",
            "periodicity",
            "disaggregations",
            "lead_entity",
            "other_actors",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "sdg_target",
            "objectives",
            "measures",
            "quality_checks",
            "values",
        ]


class ChecklistProgressSerializer(serializers.Serializer):
    item = serializers.IntegerField(source="pk")
    step = serializers.IntegerField(source="step.number")
    order = serializers.IntegerField()
    text = serializers.CharField()
    is_ongoing = serializers.BooleanField()
    status = serializers.SerializerMethodField()
    responsible_entity = serializers.SerializerMethodField()
    responsible_role = serializers.SerializerMethodField()
    due_date = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()

    def _row(self, obj: Any) -> ChecklistProgress | None:
        rows = getattr(obj, "plan_progress", [])
        return rows[0] if rows else None

    def get_status(self, obj: Any) -> str:
        row = self._row(obj)
        return row.status if row else "not_started"

    def get_responsible_entity(self, obj: Any) -> Any:
        row = self._row(obj)
        return (
            EntitySerializer(row.responsible_entity).data
            if row and row.responsible_entity
            else None
        )

    def get_responsible_role(self, obj: Any) -> str:
        row = self._row(obj)
        return row.responsible_role if row else ""

    def get_due_date(self, obj: Any) -> str | None:
        row = self._row(obj)
        return row.due_date.isoformat() if row and row.due_date else None

    def get_notes(self, obj: Any) -> str:
        row = self._row(obj)
        return row.notes if row else ""

    def get_evidence(self, obj: Any) -> list[dict[str, str]]:
        row = self._row(obj)
        if row is None:
            return []
        return [{"title": e.title, "url": e.get_absolute_url()} for e in row.evidence.all()]


# --- input --------------------------------------------------------------------------------


class PlanStartInputSerializer(serializers.Serializer):
    country = serializers.CharField(max_length=3)
    title = serializers.CharField(max_length=255)
    form = serializers.ChoiceField(choices=Plan.Form.choices)
    integrated_into = serializers.CharField(required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    axes = serializers.ListField(child=serializers.CharField(max_length=255), required=False)


class PublicationInputSerializer(serializers.Serializer):
    def get_fields(self) -> dict[str, serializers.Field]:
        return {part: serializers.BooleanField(required=False) for part in PUBLICATION_PARTS}


class MeasureInputSerializer(serializers.Serializer):
    """Fields of a measure; on update, ``version`` (the one you read) is required."""

    version = serializers.IntegerField(required=False, min_value=1)
    number = serializers.IntegerField(required=False, min_value=1)
    axis = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    title = serializers.CharField(required=False, max_length=500)
    description = serializers.CharField(required=False, allow_blank=True)
    rationale = serializers.CharField(required=False, allow_blank=True)
    intervention_type = serializers.ChoiceField(
        choices=Measure.InterventionType.choices, required=False, allow_blank=True
    )
    level = serializers.ChoiceField(choices=Measure.Level.choices, required=False)
    is_existing = serializers.BooleanField(required=False)
    objectives = serializers.ListField(
        child=serializers.IntegerField(), required=False, allow_empty=True
    )
    primary_objective = serializers.IntegerField(required=False)
    actions = serializers.ListField(
        child=serializers.RegexField(r"^\d{1,2}\([a-z]{1,2}\)$"), required=False
    )
    principles = serializers.DictField(
        child=serializers.CharField(allow_blank=True), required=False
    )
    responsible_entity = serializers.IntegerField(required=False, allow_null=True)
    involved_entities = serializers.ListField(child=serializers.IntegerField(), required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    deadline_kind = serializers.ChoiceField(choices=Measure.DeadlineKind.choices, required=False)
    deadline = serializers.DateField(required=False, allow_null=True)
    outputs = serializers.CharField(required=False, allow_blank=True)
    outcomes = serializers.CharField(required=False, allow_blank=True)
    legal_compliance = serializers.CharField(required=False, allow_blank=True)
    risks = serializers.CharField(required=False, allow_blank=True)
    supporting_activities = serializers.CharField(required=False, allow_blank=True)
    resources = serializers.CharField(required=False, allow_blank=True)
    funding_arrangements = serializers.CharField(required=False, allow_blank=True)


class BudgetLineInputSerializer(serializers.ModelSerializer):
    """A budget line's fields: the service's list; the amount is checked by the service."""

    amount = serializers.CharField(max_length=30)
    currency = CurrencyField()

    class Meta:
        model = BudgetLine
        fields = BUDGET_LINE_FIELDS


class ChecklistInputSerializer(serializers.Serializer):
    step = serializers.IntegerField()
    status = serializers.ChoiceField(choices=ChecklistStatus.choices)
    responsible_entity = serializers.IntegerField(required=False, allow_null=True)
    responsible_role = serializers.CharField(required=False, allow_blank=True, max_length=255)
    due_date = serializers.DateField(required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True)


class AssessmentInputSerializer(serializers.Serializer):
    objective = serializers.IntegerField()
    notes = serializers.CharField(required=False, allow_blank=True)
    selected = serializers.BooleanField(required=False, default=False)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for name in RUBRIC_FIELDS:
            fields[name] = serializers.IntegerField(min_value=1, max_value=5)
        return fields


class ProgressUpdateInputSerializer(serializers.Serializer):
    reported_status = serializers.ChoiceField(choices=Measure.Status.choices)
    progress = serializers.CharField()
    evidence_url = serializers.URLField(required=False, allow_blank=True)


class ReturnInputSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class IndicatorValueInputSerializer(serializers.Serializer):
    period = serializers.CharField(max_length=20)
    value = serializers.CharField(max_length=40)
    disaggregation = serializers.DictField(child=serializers.CharField(), required=False)
    source = serializers.CharField(required=False, allow_blank=True)  # type: ignore[assignment]
    notes = serializers.CharField(required=False, allow_blank=True)
