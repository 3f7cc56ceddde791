"""The datasets of the data exports (CSV, XLSX) and of the nightly public bulk downloads.

Each dataset is a function returning ``(columns, rows)``: rows are streamed from the owning
app's selectors in chunks, in constant memory. Only public data belongs in a dataset: the bulk
downloads are open to everyone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from initiatives import selectors as initiative_selectors
from plans import selectors as plan_selectors
from reviews import selectors as review_selectors

Rows = tuple[list[str], Iterable[Sequence[Any]]]
_CHUNK = 2000


def pledges_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("id"),
        _("title"),
        _("type"),
        _("form"),
        _("matches pledge"),
        _("pledging country (ISO3)"),
        _("pledging organisation"),
        _("objectives"),
        _("principles"),
        _("target"),
        _("deadline"),
        _("amount"),
        _("currency"),
        _("status"),
        _("announced at"),
        _("demo data"),
    ]

    def rows() -> Iterable[list[Any]]:
        for p in review_selectors.pledge_list().order_by("id"):
            yield [
                p.pk,
                p.title,
                p.get_pledge_type_display(),
                p.get_form_display(),
                p.matches_id or "",
                p.country.alpha3 if p.country else "",
                p.organisation.name if p.organisation else "",
                ";".join(str(o.number) for o in p.objectives.all()),
                ";".join(pr.letter for pr in p.principles.all()),
                p.target,
                p.deadline.isoformat(),
                p.amount if p.amount is not None else "",
                p.currency,
                p.get_status_display(),
                p.cycle.code if p.cycle else "",
                _("yes") if p.is_demo else "",
            ]

    return [str(c) for c in columns], rows()


def submissions_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("id"),
        _("cycle"),
        _("kind"),
        _("country (ISO3)"),
        _("organisation"),
        _("title"),
        _("objectives"),
        _("submitted at"),
        _("demo data"),
    ]

    def rows() -> Iterable[list[Any]]:
        for s in review_selectors.submitted_submissions():
            yield [
                s.pk,
                s.cycle.code,
                s.get_kind_display(),
                s.country.alpha3 if s.country else "",
                s.organisation.name if s.organisation else "",
                s.title,
                ";".join(str(o.number) for o in s.objectives.all()),
                s.submitted_at.isoformat() if s.submitted_at else "",
                _("yes") if s.is_demo else "",
            ]

    return [str(c) for c in columns], rows()


def cycles_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("code"),
        _("kind"),
        _("review region"),
        _("title"),
        _("years"),
        _("starts"),
        _("ends"),
        _("venue"),
        _("outcome"),
        _("source"),
    ]

    def rows() -> Iterable[list[Any]]:
        for c in review_selectors.cycle_detail_queryset():
            yield [
                c.code,
                c.get_kind_display(),
                c.review_region.code if c.review_region else "",
                c.title,
                c.years_label,
                c.starts_on.isoformat() if c.starts_on else "",
                c.ends_on.isoformat() if c.ends_on else "",
                c.venue,
                c.outcome_reference,
                c.source,
            ]

    return [str(c) for c in columns], rows()


def initiatives_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("id"),
        _("title"),
        _("organisation"),
        _("host country"),
        _("countries covered"),
        _("objectives"),
        _("primary objective"),
        _("status"),
        _("start"),
        _("end"),
        _("engages States"),
        _("names the GCM"),
        _("published at"),
    ]

    def rows() -> Iterable[list[Any]]:
        queryset = initiative_selectors.public_initiatives()
        for i in queryset.iterator(chunk_size=_CHUNK):
            links = list(i.links.all())
            yield [
                i.pk,
                i.title,
                str(i.organisation),
                i.host_country.alpha3 if i.host_country else "",
                ";".join(c.alpha3 for c in i.countries.all()),
                ";".join(str(link.objective.number) for link in links),
                next((str(link.objective.number) for link in links if link.is_primary), ""),
                i.get_activity_status_display(),
                i.start_date.isoformat() if i.start_date else "",
                i.end_date.isoformat() if i.end_date else "",
                i.engages_states,
                i.names_gcm,
                i.published_at.isoformat() if i.published_at else "",
            ]

    return [str(c) for c in columns], rows()


def measures_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("country"),
        _("number"),
        _("axis"),
        _("title"),
        _("objectives"),
        _("primary objective"),
        _("responsible entity"),
        _("level"),
        _("status"),
        _("deadline"),
    ]

    def rows() -> Iterable[list[Any]]:
        for m in plan_selectors.published_measures_for_export().iterator(chunk_size=_CHUNK):
            links = list(m.objective_links.all())
            yield [
                m.plan.country.alpha3,
                m.number,
                m.axis.title if m.axis else "",
                m.title,
                ";".join(str(link.objective.number) for link in links),
                next((str(link.objective.number) for link in links if link.is_primary), ""),
                str(m.responsible_entity) if m.responsible_entity else "",
                m.get_level_display(),
                m.get_status_display(),
                m.deadline_label,
            ]

    return [str(c) for c in columns], rows()


def indicators_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("country"),
        _("indicator code"),
        _("indicator"),
        _("unit"),
        _("period"),
        _("value"),
        _("disaggregation"),
    ]

    def rows() -> Iterable[list[Any]]:
        values = plan_selectors.published_indicator_values_for_export()
        for v in values.iterator(chunk_size=_CHUNK):
            yield [
                v.indicator.plan.country.alpha3,
                v.indicator.code,
                v.indicator.name,
                v.indicator.unit,
                v.period,
                str(v.value),
                v.disaggregation_key,
            ]

    return [str(c) for c in columns], rows()


# --- the catalogue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str | Promise
    rows: Callable[[], Rows]


CATALOGUE: tuple[Dataset, ...] = (
    Dataset("pledges", gettext_lazy("Pledges"), pledges_dataset),
    Dataset("review_submissions", gettext_lazy("Review submissions"), submissions_dataset),
    Dataset("review_cycles", gettext_lazy("Review cycles"), cycles_dataset),
    Dataset("initiatives", gettext_lazy("Initiatives"), initiatives_dataset),
    Dataset("measures", gettext_lazy("Measures of national plans"), measures_dataset),
    Dataset("indicators", gettext_lazy("Indicator values of national plans"), indicators_dataset),
)


def datasets() -> list[tuple[str, str | Promise]]:
    """The (key, title) of every dataset, in order."""
    return [(d.key, d.title) for d in CATALOGUE]


def dataset_rows(key: str) -> Rows:
    """The columns and the (streamed) rows of the dataset ``key``; KeyError if there is none."""
    dataset = next((d for d in CATALOGUE if d.key == key), None)
    if dataset is None:
        raise KeyError(key)
    columns, rows = dataset.rows()
    return [str(c) for c in columns], rows
