"""Forms of the plan pages; each feeds one service, which holds the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.forms import CurrencyField
from objectives.models import (
    Constituency,
    DisaggregationDimension,
    GuidingPrinciple,
    Objective,
    SDGTarget,
    StakeholderCategory,
    ToolItem,
)

from .models import (
    BudgetLine,
    ChecklistStatus,
    Consultation,
    CoordinationBody,
    Indicator,
    Measure,
    Plan,
    PlanAxis,
    Stakeholder,
    StepStatus,
)
from .models.assessment import RUBRIC_FIELDS
from .models.plan import PUBLICATION_PARTS

DATE = forms.DateInput(attrs={"type": "date"})
SCORE_CHOICES = [("", "—")] + [(str(i), str(i)) for i in range(1, 6)]


def entities_of(plan: Plan) -> Any:
    return Organisation.objects.filter(country_id=plan.country_id).order_by("name")


class PlanStartForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    form = forms.ChoiceField(label=_("Form"), choices=Plan.Form.choices)
    integrated_into = forms.CharField(
        label=_("Integrated into"),
        required=False,
        help_text=_("The national plan this plan is part of, if it is integrated."),
    )
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea)
    axes = forms.CharField(
        label=_("Axes"),
        required=False,
        widget=forms.Textarea,
        help_text=_("One axis per line, in order."),
    )

    def clean_axes(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["axes"].splitlines() if line.strip()]


class PlanSettingsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea)
    form = forms.ChoiceField(label=_("Form"), choices=Plan.Form.choices)
    integrated_into = forms.CharField(label=_("Integrated into"), required=False)
    period_start = forms.IntegerField(label=_("First year"), required=False)
    period_end = forms.IntegerField(label=_("Last year"), required=False)
    document_url = forms.URLField(label=_("Public document"), required=False, assume_scheme="https")


class PlanReviseForm(PlanSettingsForm):
    reason = forms.CharField(
        label=_("Reason for the revision"),
        widget=forms.Textarea,
        help_text=_("The previous version is kept with this reason."),
    )


class AdoptForm(forms.Form):
    approving_body = forms.CharField(label=_("Approving body"), max_length=255)
    approval_instrument = forms.CharField(label=_("Approval instrument"), max_length=255)
    approval_date = forms.DateField(label=_("Approval date"), widget=DATE)


class PublicationForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for part, label in PUBLICATION_PARTS.items():
            self.fields[part] = forms.BooleanField(label=label, required=False)


class StepStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status of this step"), choices=StepStatus.Status.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)


class ChecklistForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ChecklistStatus.choices)
    responsible_entity = forms.ModelChoiceField(
        label=_("Responsible entity"), queryset=Organisation.objects.none(), required=False
    )
    responsible_role = forms.CharField(label=_("Responsible (role or unit)"), required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_entity"].queryset = entities_of(plan)  # type: ignore[attr-defined]


class EvidenceForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=255)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    file = forms.FileField(label=_("File"), required=False)


class AnswerForm(forms.Form):
    question = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea)


class AssessmentForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)
    selected = forms.BooleanField(label=_("Select for immediate action"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .models import ObjectiveAssessment

        for name in RUBRIC_FIELDS:
            field: Any = ObjectiveAssessment._meta.get_field(name)
            self.fields[name] = forms.TypedChoiceField(
                label=str(field.verbose_name).capitalize(),
                choices=SCORE_CHOICES,
                coerce=int,
                help_text=field.help_text,
            )
        self.order_fields([*RUBRIC_FIELDS, "notes", "selected"])


class ValidateSelectionForm(forms.Form):
    consultation = forms.ModelChoiceField(
        label=_("Validation workshop"), queryset=Consultation.objects.none()
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = Consultation.objects.filter(  # type: ignore[attr-defined]
            plan=plan, purpose=Consultation.Purpose.VALIDATION_WORKSHOP
        )


class StakeholderForm(forms.ModelForm):
    under_represented_groups = forms.ModelMultipleChoiceField(
        label=_("Under-represented groups"),
        queryset=Constituency.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Stakeholder
        fields = [
            "organisation",
            "name",
            "category",
            "government_level",
            "is_government_entity",
            "role_and_interest",
            "conflicts_of_interest",
            "engagement",
            "engagement_notes",
        ]

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = entities_of(plan)  # type: ignore[attr-defined]
        self.fields["category"].queryset = StakeholderCategory.objects.all()  # type: ignore[attr-defined]


class CoordinationBodyForm(forms.ModelForm):
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CoordinationBody
        fields = [
            "name",
            "set_up",
            "body_role",
            "lead_entity",
            "other_members",
            "terms_of_reference",
            "terms_of_reference_url",
            "meeting_frequency",
            "established_on",
        ]
        widgets = {"established_on": DATE}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_entity"].queryset = entities_of(plan)  # type: ignore[attr-defined]
        self.fields["members"].queryset = entities_of(plan)  # type: ignore[attr-defined]


class MeetingForm(forms.Form):
    body = forms.IntegerField(widget=forms.HiddenInput)
    date = forms.DateField(label=_("Date"), widget=DATE)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea)
    decisions = forms.CharField(label=_("Decisions"), required=False, widget=forms.Textarea)


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Consultation.Purpose.choices)
    date = forms.DateField(label=_("Date"), widget=DATE)
    mode = forms.ChoiceField(label=_("Mode"), choices=Consultation.Mode.choices)
    focus = forms.ChoiceField(
        label=_("Focus"), choices=[("", "—"), *Consultation.Focus.choices], required=False
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives discussed"),
        queryset=Objective.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    criteria = forms.ModelMultipleChoiceField(
        label=_("Tool 2 criteria met"),
        queryset=ToolItem.objects.filter(tool__number=2),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participant_count = forms.IntegerField(label=_("Number of participants"), min_value=0)
    participants_notes = forms.CharField(
        label=_("Who took part"), required=False, widget=forms.Textarea
    )
    synthesis = forms.CharField(label=_("Synthesis"), required=False, widget=forms.Textarea)
    shared_back = forms.BooleanField(label=_("Synthesis shared with participants"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria"].label_from_instance = lambda item: item.text  # type: ignore[attr-defined]


class MeasureForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    number = forms.IntegerField(
        label=_("Number"), min_value=1, required=False, help_text=_("Empty: the next number.")
    )
    axis = forms.ModelChoiceField(label=_("Axis"), queryset=PlanAxis.objects.none(), required=False)
    title = forms.CharField(label=_("Title"), max_length=500)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    rationale = forms.CharField(label=_("Rationale"), required=False, widget=forms.Textarea)
    intervention_type = forms.ChoiceField(
        label=_("Type"), choices=[("", "—"), *Measure.InterventionType.choices], required=False
    )
    level = forms.ChoiceField(label=_("Level"), choices=Measure.Level.choices)
    is_existing = forms.BooleanField(label=_("Existing policy (not new)"), required=False)
    objectives = forms.TypedMultipleChoiceField(
        label=_("Objectives"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    primary_objective = forms.TypedChoiceField(label=_("Primary objective"), coerce=int)
    responsible_entity = forms.ModelChoiceField(
        label=_("Responsible entity (exactly one)"),
        queryset=Organisation.objects.none(),
    )
    involved_entities = forms.ModelMultipleChoiceField(
        label=_("Involved entities"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = forms.DateField(label=_("Start"), required=False, widget=DATE)
    deadline_kind = forms.ChoiceField(
        label=_("Deadline"), choices=Measure.DeadlineKind.choices, widget=forms.RadioSelect
    )
    deadline = forms.DateField(label=_("Deadline date"), required=False, widget=DATE)
    outputs = forms.CharField(label=_("Expected outputs"), required=False, widget=forms.Textarea)
    outcomes = forms.CharField(label=_("Expected outcomes"), required=False, widget=forms.Textarea)
    legal_compliance = forms.CharField(
        label=_("Compliance with international law"), required=False, widget=forms.Textarea
    )
    risks = forms.CharField(label=_("Challenges and risks"), required=False, widget=forms.Textarea)
    supporting_activities = forms.CharField(
        label=_("Supporting activities"), required=False, widget=forms.Textarea
    )
    resources = forms.CharField(
        label=_("Required resources"), required=False, widget=forms.Textarea
    )
    funding_arrangements = forms.CharField(
        label=_("Funding arrangements"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        objectives = [(o.number, str(o)) for o in Objective.objects.order_by("number")]
        self.fields["objectives"].choices = objectives  # type: ignore[attr-defined]
        self.fields["primary_objective"].choices = [("", "—"), *objectives]  # type: ignore[attr-defined]
        self.fields["axis"].queryset = plan.axes.order_by("number")  # type: ignore[attr-defined]
        self.fields["responsible_entity"].queryset = entities_of(plan)  # type: ignore[attr-defined]
        self.fields["involved_entities"].queryset = entities_of(plan)  # type: ignore[attr-defined]
        self.principles = list(GuidingPrinciple.objects.order_by("order"))
        for p in self.principles:
            self.fields[f"principle_{p.letter}"] = forms.CharField(
                label=_("How “%(name)s” applies") % {"name": p.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def principle_fields(self) -> list[Any]:
        return [self[f"principle_{p.letter}"] for p in self.principles]

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["principles"] = {
            p.letter: data.pop(f"principle_{p.letter}")
            for p in self.principles
            if data.get(f"principle_{p.letter}")
        }
        for p in self.principles:
            data.pop(f"principle_{p.letter}", None)
        data["involved_entities"] = list(data["involved_entities"])
        if data.get("number") is None:
            data.pop("number")
        return data

    @staticmethod
    def initial_for(measure: Measure) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(measure, name)
            for name in [
                "number",
                "title",
                "description",
                "rationale",
                "intervention_type",
                "level",
                "is_existing",
                "start_date",
                "deadline_kind",
                "deadline",
                "outputs",
                "outcomes",
                "legal_compliance",
                "risks",
                "supporting_activities",
                "resources",
                "funding_arrangements",
                "version",
            ]
        }
        initial["axis"] = measure.axis_id
        initial["responsible_entity"] = measure.responsible_entity_id
        initial["involved_entities"] = [e.pk for e in measure.involved_entities.all()]
        links = list(measure.objective_links.all())
        initial["objectives"] = [lk.objective.number for lk in links]
        initial["primary_objective"] = next(
            (lk.objective.number for lk in links if lk.is_primary), None
        )
        for link in measure.principle_links.all():
            initial[f"principle_{link.principle.letter}"] = link.how_applied
        return initial


class BudgetLineForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("Fiscal year"))
    amount = forms.CharField(label=_("Amount"), max_length=30)
    currency = CurrencyField(label=_("Currency"))
    source_type = forms.ChoiceField(
        label=_("Funding source"), choices=BudgetLine.SourceType.choices
    )
    source_name = forms.CharField(label=_("Funder"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=BudgetLine.Kind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=BudgetLine.Status.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)


class ProgressUpdateForm(forms.Form):
    reported_status = forms.ChoiceField(
        label=_("Status of the measure"), choices=Measure.Status.choices
    )
    progress = forms.CharField(label=_("Progress made"), widget=forms.Textarea)
    evidence_url = forms.URLField(label=_("Evidence (link)"), required=False, assume_scheme="https")


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 2})
    )


class IndicatorForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=_("Indicator"), max_length=500)
    indicator_type = forms.ChoiceField(label=_("Type"), choices=Indicator.Type.choices)
    is_human_rights = forms.BooleanField(label=_("Human rights indicator"), required=False)
    definition = forms.CharField(label=_("Definitions"), required=False, widget=forms.Textarea)
    international_standards = forms.CharField(
        label=_("Relevant international standards"), required=False, widget=forms.Textarea
    )
    unit = forms.CharField(label=_("Unit of measurement"), max_length=255)
    data_source = forms.CharField(label=_("Data sources"), required=False, widget=forms.Textarea)
    methodology = forms.CharField(label=_("Methodology"), required=False, widget=forms.Textarea)
    periodicity = forms.ChoiceField(label=_("Periodicity"), choices=Indicator.Periodicity.choices)
    disaggregations = forms.ModelMultipleChoiceField(
        label=_("Disaggregation"),
        queryset=DisaggregationDimension.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_entity = forms.ModelChoiceField(
        label=_("Lead actor"), queryset=Organisation.objects.none(), required=False
    )
    other_actors = forms.CharField(label=_("Other actors"), required=False)
    baseline_value = forms.DecimalField(label=_("Baseline"), required=False)
    baseline_year = forms.IntegerField(label=_("Baseline year"), required=False)
    target_value = forms.DecimalField(label=_("Target"), required=False)
    target_year = forms.IntegerField(label=_("Target year"), required=False)
    sdg_target = forms.ModelChoiceField(
        label=_("Linked SDG target"), queryset=SDGTarget.objects.all(), required=False
    )
    objective_numbers = forms.TypedMultipleChoiceField(
        label=_("Objectives"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    measures = forms.ModelMultipleChoiceField(  # type: ignore[var-annotated]
        label=_("Measures"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    quality_checks = forms.ModelMultipleChoiceField(
        label=_("Tool 7 checks met"),
        queryset=ToolItem.objects.filter(tool__number=7),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective_numbers"].choices = [  # type: ignore[attr-defined]
            (o.number, str(o)) for o in Objective.objects.order_by("number")
        ]
        self.fields["lead_entity"].queryset = entities_of(plan)  # type: ignore[attr-defined]
        self.fields["measures"].queryset = plan.measures.order_by("number")  # type: ignore[attr-defined]
        self.fields["quality_checks"].label_from_instance = lambda i: i.text  # type: ignore[attr-defined]


class IndicatorValueForm(forms.Form):
    period = forms.CharField(
        label=_("Period"), max_length=7, help_text=_("2024, 2024-Q1, 2024-S1 or 2024-03.")
    )
    value = forms.CharField(label=_("Value"), max_length=40)
    disaggregation = forms.CharField(
        label=_("Disaggregation"),
        required=False,
        help_text=_("Empty for the total, or e.g. “sex=female; age=0-17”."),
    )
    source = forms.CharField(label=_("Source"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)

    def clean_disaggregation(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in self.cleaned_data["disaggregation"].split(";"):
            if not part.strip():
                continue
            if "=" not in part:
                raise forms.ValidationError(_("Write each part as dimension=category."))
            key, value = part.split("=", 1)
            out[key.strip()] = value.strip()
        return out
