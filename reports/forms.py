"""The report request form of the pages (the API takes the same fields)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReportJob


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Report"),
        choices=[c for c in ReportJob.Kind.choices if c[0] != ReportJob.Kind.BULK_EXPORT],
    )
    country = forms.CharField(label=_("Country (ISO code)"), required=False, max_length=3)
    region = forms.CharField(label=_("Review region"), required=False, max_length=10)
    cycle = forms.CharField(label=_("Review cycle"), required=False, max_length=30)
    dataset = forms.CharField(label=_("Dataset"), required=False, max_length=40)
    format = forms.ChoiceField(
        label=_("Format"), choices=[("csv", "CSV"), ("xlsx", "XLSX")], required=False
    )

    def parameters(self) -> dict[str, str]:
        keys = ("country", "region", "cycle", "dataset", "format")
        return {k: self.cleaned_data[k] for k in keys if self.cleaned_data.get(k)}
