"""Forms of the multi-step initiative form, moderation, calls, membership and import.

Each step form turns its cleaned data into the ``data`` mapping the services take.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from countries.models import Country, M49Region
from objectives.models import (
    ActivityType,
    Constituency,
    GuidingPrinciple,
    Objective,
    OrganisationType,
)

from .models import (
    CATEGORY_CHOICES,
    CATEGORY_FIELDS,
    SUMMARY_MAX,
    TITLE_MAX,
    ActivityStatus,
    CallForInitiatives,
    CrisisResponse,
    DatePrecision,
    FundingStatus,
    GeoLevel,
    Initiative,
    OutputKind,
    PartnerRole,
)
from .services import SUBMITTER_FIELDS, ObjectiveChoice

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class StepForm(forms.Form):
    """A step: initial values from an initiative, ``to_data()`` for the services."""

    def __init__(self, *args: Any, initiative: Initiative | None = None, **kwargs: Any) -> None:
        self.initiative = initiative
        if initiative is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(initiative)
        super().__init__(*args, **kwargs)

    def initial_from(self, initiative: Initiative) -> dict[str, Any]:
        return {name: getattr(initiative, name, None) for name in self.base_fields}

    def to_data(self) -> dict[str, Any]:
        """The cleaned fields the services take (their list is the services' own)."""
        return {k: v for k, v in self.cleaned_data.items() if k in SUBMITTER_FIELDS}


class BasicsForm(StepForm):
    title = forms.CharField(label=_("Name of the initiative"), max_length=TITLE_MAX)
    summary = forms.CharField(
        label=_("Short summary"),
        max_length=SUMMARY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": SUMMARY_MAX}),
        help_text=_("At most 300 characters: what it does and for whom."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    expected_outcomes = forms.CharField(
        label=_("Expected outcomes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    categories = forms.MultipleChoiceField(
        label=_("Category (one or more)"),
        choices=CATEGORY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activity_types = forms.ModelMultipleChoiceField(
        label=_("Activity types"),
        queryset=ActivityType.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activity_status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)

    def initial_from(self, initiative: Initiative) -> dict[str, Any]:
        data = super().initial_from(initiative)
        data["categories"] = [c for c, attr in CATEGORY_FIELDS.items() if getattr(initiative, attr)]
        data["activity_types"] = list(initiative.activity_types.all())
        return data


class OrganisationChoiceForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class WhenWhereForm(StepForm):
    start_date = forms.DateField(label=_("Start"), required=False, widget=DATE_INPUT)
    start_precision = forms.ChoiceField(
        label=_("How precise is the start?"),
        choices=DatePrecision.choices,
        help_text=_("For a month or a year, give any day in it."),
    )
    end_date = forms.DateField(label=_("End"), required=False, widget=DATE_INPUT)
    end_precision = forms.ChoiceField(
        label=_("How precise is the end?"),
        choices=DatePrecision.choices,
    )
    timeline = forms.CharField(
        label=_("Timeline and next steps"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    geo_level = forms.ChoiceField(
        label=_("Geographic level"),
        choices=[("", _("Choose...")), *GeoLevel.choices],
        required=False,
    )
    host_country = CountryChoiceField(
        label=_("Host country"),
        queryset=Country.objects.order_by("name"),
        to_field_name="alpha3",
        required=False,
        help_text=_("Where the initiative is run from."),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries covered"),
        queryset=Country.objects.order_by("name"),
        to_field_name="alpha3",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose several."),
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions covered"),
        queryset=M49Region.objects.order_by("name"),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions_text = forms.CharField(label=_("Other areas covered"), required=False, max_length=255)

    def initial_from(self, initiative: Initiative) -> dict[str, Any]:
        data = super().initial_from(initiative)
        data["countries"] = list(initiative.countries.all())
        data["regions"] = list(initiative.regions.all())
        return data


_ACTION = re.compile(r"(\d{1,2})\s*\(\s*([a-zA-Z])\s*\)")


class FrameworkForm(StepForm):
    objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives served"),
        queryset=Objective.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one GCM objective.")},
    )
    primary_objective = forms.ModelChoiceField(
        label=_("Primary objective"),
        queryset=Objective.objects.order_by("number"),
        required=False,
        help_text=_("Needed when you choose more than one objective."),
    )
    action_letters = forms.CharField(
        label=_("GCM actions (optional)"),
        required=False,
        max_length=300,
        help_text=_("Objective number and action letter, e.g. 13(h), 10(c)."),
    )
    covers_whole_gcm = forms.BooleanField(label=_("Covers the whole GCM"), required=False)
    principles = forms.ModelMultipleChoiceField(
        label=_("Guiding principles applied"),
        queryset=GuidingPrinciple.objects.order_by("order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    constituencies = forms.ModelMultipleChoiceField(
        label=_("Constituencies served"),
        queryset=Constituency.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def initial_from(self, initiative: Initiative) -> dict[str, Any]:
        links = list(initiative.links.select_related("objective"))
        return {
            "objectives": [link.objective for link in links],
            "primary_objective": next((lk.objective for lk in links if lk.is_primary), None),
            "action_letters": ", ".join(
                f"{lk.objective.number}({letter})" for lk in links for letter in lk.letters
            ),
            "covers_whole_gcm": initiative.covers_whole_gcm,
            "principles": list(initiative.principles.all()),
            "constituencies": list(initiative.constituencies.all()),
        }

    def clean_action_letters(self) -> dict[int, list[str]]:
        raw = self.cleaned_data.get("action_letters", "")
        leftover = _ACTION.sub("", raw).replace(",", "").replace(";", "").strip()
        if leftover:
            raise forms.ValidationError(_("Write each action as number(letter), e.g. 13(h)."))
        found: dict[int, list[str]] = {}
        for number, letter in _ACTION.findall(raw):
            found.setdefault(int(number), []).append(letter.lower())
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = list(data.get("objectives") or [])
        primary = data.get("primary_objective")
        numbers = {o.number for o in chosen}
        if primary is not None and chosen and primary not in chosen:
            self.add_error("primary_objective", _("The primary objective must be one you chose."))
        if len(chosen) > 1 and primary is None:
            self.add_error("primary_objective", _("Choose which objective is the primary one."))
        extra = set(data.get("action_letters") or {}) - numbers
        if chosen and extra:
            self.add_error(
                "action_letters",
                _("Actions given for objectives you did not choose: %(list)s.")
                % {"list": ", ".join(str(n) for n in sorted(extra))},
            )
        return data

    def to_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        primary = data.get("primary_objective")
        chosen = list(data["objectives"])
        letters = data.get("action_letters") or {}
        return {
            "objectives": [
                ObjectiveChoice(
                    o, (o == primary) or len(chosen) == 1, tuple(letters.get(o.number, []))
                )
                for o in chosen
            ],
            "covers_whole_gcm": data["covers_whole_gcm"],
            "principles": data["principles"],
            "constituencies": data["constituencies"],
        }


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("Partner organisation"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=PartnerRole.choices, required=False)
    is_state = forms.BooleanField(label=_("Government / State actor"), required=False)


class OutputForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=OutputKind.choices, required=False)
    title = forms.CharField(label=_("Title"), max_length=255, required=False)
    date = forms.DateField(label=_("Date"), required=False, widget=DATE_INPUT)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")


class LinkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255, required=False)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("title") and not data.get("url"):
            self.add_error("url", _("Give the link."))
        return data


PartnerFormSet = forms.formset_factory(PartnerForm, extra=3, max_num=30)
OutputFormSet = forms.formset_factory(OutputForm, extra=3, max_num=50)
LinkFormSet = forms.formset_factory(LinkForm, extra=2, max_num=30)


class EngagementForm(StepForm):
    engages_states = forms.BooleanField(label=_("It engages States / governments"), required=False)
    names_gcm = forms.BooleanField(label=_("It names the GCM explicitly in public"), required=False)
    crisis_response = forms.ChoiceField(
        label=_("Does it respond to COVID-19 or another crisis?"),
        choices=CrisisResponse.choices,
    )
    crisis_details = forms.CharField(label=_("Which crisis, how?"), required=False, max_length=255)
    other_stakeholders = forms.CharField(
        label=_("Other stakeholders involved"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OutputsForm(StepForm):
    funding_status = forms.ChoiceField(
        label=_("Funding"),
        choices=FundingStatus.choices,
        required=False,
    )
    funders = forms.CharField(label=_("Funders"), required=False, max_length=255)
    evidence_title = forms.CharField(label=_("File title"), required=False, max_length=255)
    evidence_file = forms.FileField(
        label=_("Add a file (PDF, image, office document; at most 10 MB)"), required=False
    )


class ContactForm(StepForm):
    contact_name = forms.CharField(label=_("Focal point name"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Focal point e-mail"), required=False)
    contact_affiliation = forms.CharField(
        label=_("Focal point affiliation"), max_length=255, required=False
    )
    call = forms.ModelChoiceField(
        label=_("Answers the call"),
        queryset=CallForInitiatives.objects.none(),
        required=False,
        empty_label=_("No call"),
    )

    def __init__(self, *args: Any, calls: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if calls is not None:
            self.fields["call"].queryset = calls  # type: ignore[attr-defined]


class ModerationForm(forms.Form):
    """The reason of a moderation decision; each decision is its own button and URL."""

    reason = forms.CharField(
        label=_("Reason (shown to the submitter)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to request changes or reject."),
    )


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    focus_objectives = forms.ModelMultipleChoiceField(
        label=_("Focus objectives"),
        queryset=Objective.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE_INPUT)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE_INPUT)


class JoinForm(forms.Form):
    """Join a listed organisation or propose a new one.

    Organisations still pending (proposed by someone else, or named in an import) are listed:
    the moderator who approves the first member approves the organisation.
    """

    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=Organisation.objects.exclude(status=Organisation.Status.REJECTED).order_by("name"),
        required=False,
        empty_label=_("Not listed: I propose a new one below"),
    )
    new_name = forms.CharField(label=_("New organisation: name"), max_length=255, required=False)
    new_acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    new_type = forms.ModelChoiceField(
        label=_("Type"), queryset=OrganisationType.objects.order_by("order"), required=False
    )
    new_country = CountryChoiceField(
        label=_("Country (leave empty if regional or international)"),
        queryset=Country.objects.order_by("name"),
        to_field_name="alpha3",
        required=False,
    )
    new_website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    note = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("organisation") is None:
            if not data.get("new_name"):
                self.add_error("new_name", _("Choose your organisation or give a new one's name."))
            if not data.get("new_type"):
                self.add_error("new_type", _("Choose the type of the new organisation."))
        return data

    def new_organisation(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if data.get("organisation") is not None:
            return None
        return {
            "name": data["new_name"].strip(),
            "acronym": data["new_acronym"].strip(),
            "type": data["new_type"],
            "country": data["new_country"],
            "website": data["new_website"],
        }


class RegisterForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput, min_length=10, strip=False
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (CSV or XLSX, from the template)"))
    dry_run = forms.BooleanField(
        label=_("Dry run: preview and check every row, change nothing"),
        required=False,
        initial=True,
    )
