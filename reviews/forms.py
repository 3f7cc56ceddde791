"""Forms of the reviews pages; the services enforce the rules, the forms collect the input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.forms import CurrencyField
from countries.models import Country
from objectives.models import GuidingPrinciple, Objective

from .models import Pledge, ReviewCycle
from .services.pledges import M2M_FIELDS as PLEDGE_M2M_FIELDS
from .services.pledges import SCALAR_FIELDS as PLEDGE_SCALAR_FIELDS
from .services.submissions import TEXT_FIELDS as SUBMISSION_TEXT_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CycleForm(forms.ModelForm):
    class Meta:
        model = ReviewCycle
        fields = [
            "code",
            "kind",
            "review_region",
            "title",
            "year_start",
            "year_end",
            "starts_on",
            "ends_on",
            "venue",
            "organisers",
            "co_facilitators",
            "submissions_open_on",
            "submissions_close_on",
            "grouping_cycle",
            "outcome_reference",
            "outcome_url",
            "outcome_commitments",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "submissions_open_on": DATE,
            "submissions_close_on": DATE,
            "organisers": forms.Textarea(attrs={"rows": 3}),
            "co_facilitators": forms.Textarea(attrs={"rows": 2}),
            "outcome_commitments": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, regions: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.fields["review_region"].queryset = regions  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["code"].disabled = True

    def _post_clean(self) -> None:
        # The service runs full_clean and reports errors; skip ModelForm's own model validation.
        pass


class SubmissionForm(forms.Form):
    author = forms.ChoiceField(label=_("On behalf of"))
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}))
    progress = forms.CharField(
        label=_("Progress made"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    good_practices = forms.CharField(
        label=_("Good practices"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    challenges = forms.CharField(
        label=_("Challenges and lessons learned"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives covered"),
        queryset=Objective.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, countries: Any = (), organisations: Any = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(f"country:{c.pk}", c.name) for c in countries] + [
            (f"organisation:{o.pk}", str(o)) for o in organisations
        ]
        if choices:
            self.fields["author"].choices = choices  # type: ignore[attr-defined]
        else:
            del self.fields["author"]

    def author_kwargs(self) -> dict[str, Any]:
        kind, _sep, pk = self.cleaned_data["author"].partition(":")
        if kind == "country":
            return {"country": Country.objects.get(pk=pk)}
        return {"organisation": Organisation.objects.get(pk=pk)}

    def text(self) -> dict[str, Any]:
        """The texts, by the service's list of them."""
        return {n: self.cleaned_data[n] for n in SUBMISSION_TEXT_FIELDS}


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word, spreadsheet or image."))
    name = forms.CharField(label=_("Description"), max_length=255, required=False)


class PledgeForm(forms.Form):
    entity = forms.ChoiceField(label=_("Pledging entity"))
    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}))
    pledge_type = forms.ChoiceField(label=_("Type"), choices=Pledge.Type.choices)
    form = forms.ChoiceField(label=_("Form"), choices=Pledge.Form.choices)
    matches = forms.IntegerField(
        label=_("Matches pledge number"),
        required=False,
        help_text=_("For a matching pledge: the number of the pledge it matches."),
    )
    partner_countries = forms.ModelMultipleChoiceField(
        label=_("Partner countries"), queryset=Country.objects.all(), required=False
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.filter(status=Organisation.Status.APPROVED),
        required=False,
    )
    cycle = forms.ModelChoiceField(
        label=_("Announced at"),
        queryset=ReviewCycle.objects.all(),
        required=False,
        to_field_name="code",
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives served"),
        queryset=Objective.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    principles = forms.ModelMultipleChoiceField(
        label=_("Guiding principles served"),
        queryset=GuidingPrinciple.objects.order_by("order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target = forms.CharField(label=_("Measurable target"), widget=forms.Textarea(attrs={"rows": 2}))
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    amount = forms.DecimalField(
        label=_("Amount"), required=False, max_digits=16, decimal_places=2, min_value=0
    )
    currency = CurrencyField(
        label=_("Currency"), required=False, help_text=_("Financial pledges only.")
    )

    def __init__(
        self,
        *args: Any,
        countries: Any = (),
        organisations: Any = (),
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["entity"]
        else:
            choices = [(f"country:{c.pk}", c.name) for c in countries] + [
                (f"organisation:{o.pk}", str(o)) for o in organisations
            ]
            self.fields["entity"].choices = choices  # type: ignore[attr-defined]

    def add_prefix(self, field_name: str) -> str:
        # A control named "matches" would shadow the form element's matches() method in the
        # browser (form.matches), which breaks assistive-technology scripts such as axe-core.
        if field_name == "matches":
            field_name = "matches_pledge"
        return super().add_prefix(field_name)

    def entity_kwargs(self) -> dict[str, Any]:
        kind, _sep, pk = self.cleaned_data["entity"].partition(":")
        if kind == "country":
            return {"country": Country.objects.get(pk=pk)}
        return {"organisation": Organisation.objects.get(pk=pk)}

    def service_kwargs(self) -> dict[str, Any]:
        """The pledge's terms, by the service's lists of them (the entity goes apart)."""
        names = (*PLEDGE_SCALAR_FIELDS, *PLEDGE_M2M_FIELDS, "matches")
        return {n: v for n, v in self.cleaned_data.items() if n in names}


class PledgeStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Pledge.Status.choices)
    note = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}))
