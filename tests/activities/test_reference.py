"""The reference loader: every seed row loaded with its source, counts pinned, idempotent."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from activities import reference
from activities.models import NationalActivity, SourceDocument

pytestmark = pytest.mark.django_db

SEEDS = Path(os.environ.get("GCM_SEEDS_DIR", "/work/shared/seeds"))


def test_the_loader_loads_every_row_of_both_seeds(loaded: Any) -> None:
    counts = next(iter(loaded.values()))
    assert counts["created"] + counts["updated"] + counts["unchanged"] == 200
    by_source = {
        doc: NationalActivity.objects.filter(source_document=doc).count()
        for doc in SourceDocument.values
    }
    assert by_source == {"mmc_2019_annex": 105, "sg_report_2020": 95, "other": 0}


def test_the_annex_rows_are_counted_per_region_table(loaded: Any) -> None:
    annex = NationalActivity.objects.filter(source_document=SourceDocument.MMC_2019_ANNEX)
    per_region = {
        r: annex.filter(annex_region=r).count()
        for r in annex.values_list("annex_region", flat=True).distinct()
    }
    assert per_region == {
        "Global": 17,
        "Asia": 24,
        "Europe": 10,
        "Latin America": 10,
        "Africa": 30,
        "MENA": 14,
    }
    # The 88 rows outside the global table are the "about 80-90" national activities.
    assert annex.exclude(annex_region="Global").count() == 88
    assert annex.filter(regional_scope=True).count() == 24


def test_the_seed_004_examples_cover_the_report_sections(loaded: Any) -> None:
    sg = NationalActivity.objects.filter(source_document=SourceDocument.SG_REPORT_2020)
    assert sg.filter(country__isnull=True).count() == 0
    assert sg.values("country").distinct().count() == 54
    assert {a.code for a in [x.thematic_area for x in sg if x.thematic_area]} == {
        "TA1",
        "TA2",
        "TA3",
        "TA4",
        "TA5",
    }
    assert sg.filter(thematic_area__code="TA2").count() == 33
    assert sg.filter(condensed=True).count() == 9


def test_a_second_run_changes_nothing(loaded: Any) -> None:
    again = reference.load_activities()
    assert next(iter(again.values())) == {
        "created": 0,
        "updated": 0,
        "unchanged": 200,
        "deleted": 0,
    }


def test_a_changed_fixture_row_updates_its_record(loaded: Any, monkeypatch: Any) -> None:
    original = reference.read_fixture

    def changed(name: str) -> dict[str, Any]:
        data = original(name)
        if name == "sg_report_2020.json":
            data["activities"][0]["objectives"] = [10]
            data["activities"][0]["note"] = "checked"
        return data

    monkeypatch.setattr(reference, "read_fixture", changed)
    again = reference.load_activities()
    assert next(iter(again.values()))["updated"] == 1
    row = NationalActivity.objects.get(key="sg2020-para10-can-1")
    assert row.note == "checked"
    assert [o.number for o in row.objectives.all()] == [10]


def test_rows_dropped_from_a_fixture_are_removed_and_others_kept(
    loaded: Any, monkeypatch: Any
) -> None:
    from .factories import make_activity

    mine = make_activity(key="sg2021-recorded-by-hand")
    original = reference.read_fixture

    def shorter(name: str) -> dict[str, Any]:
        data = original(name)
        if name == "sg_report_2020.json":
            data["activities"] = data["activities"][1:]
        return data

    monkeypatch.setattr(reference, "read_fixture", shorter)
    counts = next(iter(reference.load_activities().values()))
    assert counts["deleted"] == 1
    assert not NationalActivity.objects.filter(key="sg2020-para10-can-1").exists()
    assert NationalActivity.objects.filter(pk=mine.pk).exists()


def test_load_reference_data_runs_the_activities_loader(loaded: Any) -> None:
    NationalActivity.objects.filter(key="sg2020-para10-can-1").delete()
    call_command("load_reference_data", quiet=True)
    assert NationalActivity.objects.filter(key="sg2020-para10-can-1").exists()
    assert NationalActivity.objects.count() == 200


def test_annex_rows_keep_the_source_wording(loaded: Any) -> None:
    indonesia = NationalActivity.objects.get(key="mmc2019-annex2-asia-06")
    assert indonesia.country.alpha3 == "IDN"
    assert indonesia.type_of_action == "Meeting – Government"
    assert (indonesia.kind, indonesia.initiator_type) == ("meeting", "government")
    assert indonesia.initiator == "Ministry of Foreign Affairs"
    assert indonesia.description == (
        "Workshop and socialization on the GCM which will focused on the role of regional "
        "governments (26-27 August 2019)"
    )
    assert indonesia.info_source == "Antara News"
    assert (indonesia.date, indonesia.year, indonesia.date_text) == (
        dt.date(2019, 8, 26),
        2019,
        "26-27 August 2019",
    )
    assert indonesia.source_reference == "Annex 2 – Mapping overview, Asia table, row 6"

    afghanistan = NationalActivity.objects.get(key="mmc2019-annex2-asia-01")
    assert afghanistan.predates_gcm is True
    assert afghanistan.initiator == "IOM and UNHCR"

    portugal = NationalActivity.objects.get(key="mmc2019-annex2-europe-05")
    assert (portugal.kind, portugal.initiator_type) == ("implementation_plan", "government")
    assert portugal.description == "National Implementation Plan"

    pacific = NationalActivity.objects.get(key="mmc2019-annex2-asia-21")
    assert pacific.country is None
    assert pacific.place == "Pacific Islands*"
    assert pacific.regional_scope is True

    zambia = NationalActivity.objects.get(key="mmc2019-annex2-africa-30")
    assert (zambia.kind, zambia.initiator_type, zambia.date) == (
        "meeting",
        "joint",
        dt.date(2019, 6, 18),
    )
    assert not NationalActivity.objects.filter(
        source_document=SourceDocument.MMC_2019_ANNEX, objectives__isnull=False
    ).exists()


def test_seed_004_rows_keep_the_report_wording_and_objectives(loaded: Any) -> None:
    portugal = NationalActivity.objects.get(key="sg2020-para12-prt-1")
    assert portugal.description.startswith(
        "In the months following the adoption of the Global Compact, the Government of Portugal "
        "identified 97 actions"
    )
    assert portugal.objectives.count() == 23
    assert portugal.source_reference.startswith("para. 12 (III.")

    bolivia = NationalActivity.objects.get(key="sg2020-para40-bol-1")
    assert bolivia.predates_gcm is True
    assert sorted(o.number for o in bolivia.objectives.all()) == [2, 5]
    assert bolivia.thematic_area.code == "TA2"

    nepal = NationalActivity.objects.get(key="sg2020-para40-npl-1")
    assert nepal.predates_gcm is False
    assert "not clear" in nepal.note

    germany = NationalActivity.objects.get(key="sg2020-para63-deu-1")
    assert germany.year == 2020
    assert "Skilled Labour Immigration Act (2020)" in germany.description
    assert germany.thematic_area.code == "TA4"

    turkey = NationalActivity.objects.get(key="sg2020-para71-tur-1")
    assert turkey.condensed is True
    assert turkey.description.endswith("[…]")
    assert [o.number for o in turkey.objectives.all()] == [15]


def _normalised(text: str) -> str:
    return " ".join(text.replace("*", "").split())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not on this machine")
def test_every_seed_004_description_is_verbatim_in_the_report() -> None:
    text = _normalised(next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8"))
    data = reference.read_fixture("sg_report_2020.json")
    for row in data["activities"]:
        for piece in re.split(r"\s*\[…\]\s*", row["description"]):
            words = _normalised(piece).rstrip(".").split()
            if not words:
                continue
            whole = " ".join(words) in text
            # A sentence cut by a page's footnotes: its two halves are each verbatim.
            halves = any(
                " ".join(words[:k]) in text and " ".join(words[k:]) in text
                for k in range(3, len(words) - 2)
            )
            assert whole or halves, row["key"]
        assert row["condensed"] == ("[…]" in row["description"]), row["key"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not on this machine")
def test_every_annex_description_is_in_the_mapping_report() -> None:
    text = _normalised(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    data = json.loads((reference.FIXTURE_DIR / "mmc_2019_annex.json").read_text("utf-8"))
    for row in data["activities"]:
        # The PDF's columns may wrap into each other; each of the row's first words is there.
        head = " ".join(_normalised(row["description"]).split()[:5])
        assert head in text, row["key"]
