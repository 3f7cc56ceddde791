"""The reference data: exact counts, verbatim texts, idempotent loading."""

import pytest

from countries.models import Country, CountryDesignation, ReviewRegion
from objectives import models as m
from objectives.reference import load_reference_data

pytestmark = pytest.mark.django_db


def test_reference_counts_match_the_sources():
    assert m.Objective.objects.count() == 23
    assert m.GuidingPrinciple.objects.count() == 10
    assert m.ThematicArea.objects.count() == 5
    assert m.ReviewGrouping.objects.filter(cycle="IMRF 2022").count() == 4
    assert m.SDGGoal.objects.count() == 17
    assert m.ProcessStep.objects.count() == 6
    assert m.StepAction.objects.count() == 19
    assert m.GuidingQuestion.objects.count() == 47
    assert m.ChecklistItem.objects.count() == 47
    assert m.Tool.objects.count() == 11
    assert m.StakeholderCategory.objects.count() == 16
    assert m.GovernmentLevel.objects.count() == 4
    assert m.OrganisationType.objects.exists()


def test_steps_have_the_guides_numbers_of_actions_questions_and_checklist_items():
    per_step = {
        s.number: (s.actions.count(), s.guiding_questions.count(), s.checklist_items.count())
        for s in m.ProcessStep.objects.all()
    }
    assert per_step == {
        1: (4, 6, 6),
        2: (2, 10, 10),
        3: (5, 7, 8),
        4: (3, 8, 8),
        5: (3, 9, 10),
        6: (2, 7, 5),
    }


def test_ongoing_checklist_items_are_flagged():
    ongoing = m.ChecklistItem.objects.filter(is_ongoing=True)
    assert [(i.step.number, i.order) for i in ongoing] == [(1, 5), (1, 6)]
    assert "(ongoing)" not in ongoing[0].text


def test_objective_titles_and_paragraphs_are_exact():
    first = m.Objective.objects.get(number=1)
    assert first.title == (
        "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"
    )
    assert m.Objective.objects.get(number=13).title == (
        "Use migration detention only as a measure of last resort and work towards alternatives"
    )
    for objective in m.Objective.objects.all():
        assert objective.paragraph == objective.number + 16


def test_checklist_and_question_texts_are_verbatim():
    item = m.ChecklistItem.objects.get(step__number=1, order=1)
    assert item.text == (
        "Map out relevant stakeholders, paying special attention to those who may not be "
        "usually included in decision-making impacting migrants and their families."
    )
    question = m.GuidingQuestion.objects.get(step__number=1, order=1)
    assert question.text == (
        "What government bodies/entities are involved in migration-related policy?"
    )


def test_principles_follow_paragraph_15_order():
    names = list(m.GuidingPrinciple.objects.values_list("letter", "name"))
    assert names[0] == ("a", "People-centred")
    assert names[9] == ("j", "Whole-of-society approach")
    assert m.GuidingPrinciple.objects.get(letter="f").paragraph_reference == "15(f)"


def test_lettered_actions_can_be_cited():
    action = m.ObjectiveAction.objects.get(objective__number=13, letter="h")
    assert action.reference == "13(h)"
    assert action.paragraph_reference == "29(h)"


def test_sdg_targets_named_by_the_sources_are_linked():
    codes = set(m.SDGTarget.objects.values_list("code", flat=True))
    assert {"10.7", "10.c", "4.b", "17.18", "8.8"} <= codes
    assert m.SDGTarget.objects.get(code="17.18").objectives.filter(number=1).exists()
    assert m.SDGTarget.objects.get(code="4.b").objectives.filter(number=5).exists()


def test_imrf_round_tables_cover_every_objective_once():
    numbers = sorted(
        n
        for g in m.ReviewGrouping.objects.filter(cycle="IMRF 2022")
        for n in g.objectives.values_list("number", flat=True)
    )
    assert numbers == list(range(1, 24))
    first = m.ReviewGrouping.objects.get(cycle="IMRF 2022", number=1)
    assert sorted(first.objectives.values_list("number", flat=True)) == [2, 5, 6, 12, 18]


def test_countries_are_the_193_member_states_and_2_observers():
    assert Country.objects.count() == 195
    assert Country.objects.filter(un_status="member").count() == 193
    assert set(Country.objects.filter(un_status="observer").values_list("alpha3", flat=True)) == {
        "VAT",
        "PSE",
    }
    portugal = Country.objects.get(alpha3="PRT")
    assert (portugal.alpha2, portugal.numeric) == ("PT", "620")
    assert portugal.m49_region.name == "Europe"
    assert portugal.m49_subregion.name == "Southern Europe"


def test_a_country_can_belong_to_two_review_regions():
    assert ReviewRegion.objects.count() == 5
    morocco = Country.objects.get(alpha3="MAR")
    assert set(morocco.review_regions.values_list("code", flat=True)) == {"ECA", "ESCWA"}
    # Portugal: regional member of ECE, non-regional member of ECLAC
    assert set(Country.objects.get(alpha3="PRT").review_regions.values_list("code", flat=True)) == {
        "ECE",
        "ECLAC",
    }
    # every State but the Holy See belongs to at least one commission
    assert set(
        Country.objects.filter(review_regions__isnull=True).values_list("alpha3", flat=True)
    ) == {"VAT"}


def test_the_14_champion_countries_of_october_2020():
    champions = CountryDesignation.objects.filter(designation="champion", as_of__lt="2021-01-01")
    assert champions.count() == 14
    assert {"PRT", "MEX", "BGD", "CAN", "THA"} <= set(
        champions.values_list("country__alpha3", flat=True)
    )
    assert {d.as_of.isoformat()[:7] for d in champions} == {"2020-10"}


def test_champion_designations_over_time_each_with_a_source():
    later = CountryDesignation.objects.filter(designation="champion", as_of__gte="2021-01-01")
    assert {(d.country.alpha3, d.as_of.isoformat()) for d in later} >= {
        ("IRQ", "2021-02-25"),
        ("THA", "2024-12-16"),
    }
    assert not CountryDesignation.objects.filter(source="").exists()


def test_loading_twice_changes_nothing():
    report = load_reference_data()
    assert all(c["created"] == 0 and c["updated"] == 0 for c in report.values())
    assert m.Objective.objects.count() == 23
    assert Country.objects.count() == 195


def test_loading_updates_a_changed_row_back_to_the_source():
    objective = m.Objective.objects.get(number=7)
    objective.title = "Edited by hand"
    objective.save()
    report = load_reference_data()
    assert report["Objectives"]["updated"] == 1
    objective.refresh_from_db()
    assert objective.title == "Address and reduce vulnerabilities in migration"


def test_loading_restores_an_edited_objective_mapping():
    area = m.ThematicArea.objects.get(code="TA5")
    before = set(area.objectives.values_list("number", flat=True))
    area.objectives.clear()
    load_reference_data()
    assert set(area.objectives.values_list("number", flat=True)) == before


def test_reference_changes_are_kept_in_history():
    objective = m.Objective.objects.get(number=2)
    objective.short_label = "Drivers"
    objective.save()
    assert objective.history.count() >= 2
