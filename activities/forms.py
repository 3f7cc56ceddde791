"""Forms for the activity pages: edit an activity (moderators) and import a spreadsheet."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from objectives.models import Objective

from .models import NationalActivity
from .services import ACTIVITY_FIELDS


class ActivityForm(forms.ModelForm):
    """The fields a moderator sets; the service checks the rules and saves."""

    objectives = forms.ModelMultipleChoiceField(
        queryset=Objective.objects.order_by("number"),
        required=False,
        label=_("Objectives the source names"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NationalActivity
        fields = ["key", "country", "thematic_area", *ACTIVITY_FIELDS]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
            "note": forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].required = False
        if self.instance.pk:
            self.fields["key"].disabled = True

    def _post_clean(self) -> None:
        """The service runs the model's checks; the form only parses the input."""

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["objectives"] = [o.number for o in data.get("objectives") or []]
        if self.instance.pk:
            data.pop("key", None)
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (CSV or XLSX, with the template's columns)"))
    dry_run = forms.BooleanField(
        label=_("Dry run: check every row, change nothing"), required=False, initial=True
    )
