"""The reference data: exact counts, verbatim texts, idempotent loading."""

import pytest
from django.db.models import Count

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


def test_every_sdg_link_names_its_source_and_only_sourced_links_exist():
    link = m.ObjectiveSDGLink.objects.get(target__code="10.c")
    assert link.objective.number == 20
    assert "A/RES/73/195, para. 36 (a)" in link.source
    assert not m.ObjectiveSDGLink.objects.filter(target__code="8.8").exists()
    for source in m.ObjectiveSDGLink.objects.values_list("source", flat=True):
        assert source
        assert "[external" not in source


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


# --- the GCM text: actions, principles and objective descriptions (A/RES/73/195) --------------

# Letters per objective: 187 lettered actions in all (A/RES/73/195, annex, paras 17-39).
ACTIONS_PER_OBJECTIVE = {
    1: 11, 2: 12, 3: 5, 4: 7, 5: 10, 6: 12, 7: 12, 8: 6, 9: 6, 10: 10, 11: 7, 12: 5,
    13: 8, 14: 6, 15: 6, 16: 9, 17: 7, 18: 12, 19: 10, 20: 9, 21: 9, 22: 3, 23: 5,
}  # fmt: skip


def test_action_letters_per_objective_are_pinned():
    counts = dict(
        m.ObjectiveAction.objects.values_list("objective__number")
        .annotate(n=Count("id"))
        .values_list("objective__number", "n")
    )
    assert counts == ACTIONS_PER_OBJECTIVE
    assert sum(counts.values()) == 187
    for number, count in ACTIONS_PER_OBJECTIVE.items():
        letters = list(
            m.ObjectiveAction.objects.filter(objective__number=number).values_list(
                "letter", flat=True
            )
        )
        assert letters == [chr(ord("a") + i) for i in range(count)], number


@pytest.mark.parametrize(
    ("ref", "start", "end"),
    [
        ((1, "k"), "Cooperate with relevant stakeholders in countries of origin", "destination."),
        ((3, "a"), "Launch and publicize a centralized and publicly accessible", "of migrants;"),
        ((6, "l"), "Develop and improve national policies and programmes", "System (IRIS)."),
        ((9, "a"), "Promote ratification of, accession to and implementation", "Organized Crime;"),
        ((10, "b"), "Promote the implementation of the United Nations Global Plan", "persons;"),
    ],
)
def test_action_texts_are_the_resolutions_words(ref, start, end):
    action = m.ObjectiveAction.objects.get(objective__number=ref[0], letter=ref[1])
    assert action.text.startswith(start)
    assert action.text.endswith(end)
    assert action.source == f"A/RES/73/195, annex, para. {ref[0] + 16} ({ref[1]})"


def test_every_action_cites_its_paragraph_and_8a_exists():
    assert not m.ObjectiveAction.objects.filter(source="").exists()
    assert m.ObjectiveAction.objects.filter(objective__number=8, letter="a").exists()
    assert m.ObjectiveAction.objects.exclude(text="").count() >= 91


@pytest.mark.parametrize(
    ("ref", "start", "end"),
    [
        ((11, "b"), "Establish appropriate structures and mechanisms for effective", "data;"),
        ((21, "a"), "Develop and implement bilateral, regional and multilateral", "reintegration;"),
        ((23, "a"), "Support other States as we collectively implement the Global", "approach;"),
    ],
)
def test_final_draft_wording_names_the_draft_as_its_source(ref, start, end):
    action = m.ObjectiveAction.objects.get(objective__number=ref[0], letter=ref[1])
    assert action.text.startswith(start)
    assert action.text.endswith(end)
    assert action.source.startswith(
        f"GCM final draft (13 July 2018), para. {ref[0] + 16} ({ref[1]}), as quoted on"
    )
    assert not action.is_resolution_wording


def test_new_letters_exist_without_unverified_wording():
    for number, letter in [(8, "f"), (9, "f"), (10, "j"), (12, "e"), (14, "f"), (15, "f")]:
        action = m.ObjectiveAction.objects.get(objective__number=number, letter=letter)
        assert action.text == ""
        assert action.source == f"A/RES/73/195, annex, para. {number + 16} ({letter})"


def test_no_editor_note_in_any_text_shown_to_users():
    texts = [
        *m.GuidingPrinciple.objects.values_list("definition", flat=True),
        *m.Objective.objects.values_list("description", flat=True),
        *m.ObjectiveAction.objects.values_list("text", flat=True),
    ]
    for text in texts:
        assert "[external" not in text
        assert "[derived]" not in text
        assert "GCM para" not in text


def test_principle_definitions_are_the_gcms_words_with_a_separate_source():
    people = m.GuidingPrinciple.objects.get(letter="a")
    assert people.definition.startswith("The Global Compact carries a strong human dimension")
    assert people.source == "A/RES/73/195, annex, para. 15 (a)"
    assert not m.GuidingPrinciple.objects.filter(source="").exists()
    rights = m.GuidingPrinciple.objects.get(letter="f")
    assert rights.definition.startswith("The Global Compact is based on international human")
    assert rights.definition.endswith("against migrants and their families;")
    assert rights.source.startswith("GCM para. 15 (f), as quoted identically on")
    gender = m.GuidingPrinciple.objects.get(letter="g")
    assert gender.definition.startswith("The Global Compact ensures that the human rights of women")
    assert gender.definition.endswith("primarily through a lens of victimhood;")
    assert m.GuidingPrinciple.objects.get(letter="e").source.startswith("Implementation guide")


def test_objective_descriptions_quote_the_commitment_and_name_their_source():
    remittances = m.Objective.objects.get(number=20)
    assert remittances.description.startswith("We commit to promote faster, safer and cheaper")
    assert remittances.description.endswith("financial inclusion of migrants and their families.")
    assert remittances.description_source == (
        "A/RES/73/195, annex, para. 36 (first sentence of the commitment)"
    )
    cooperation = m.Objective.objects.get(number=23)
    assert "a revitalized global partnership and, in the spirit of solidarity," in (
        cooperation.description
    )
    consular = m.Objective.objects.get(number=14)
    assert consular.description.startswith("We commit to strengthen consular protection")
    assert consular.description_source == "A/RES/73/195, annex, para. 30 (commitment)"
    third = m.Objective.objects.get(number=3)  # the guide's words, no longer cited as 19(e)
    assert "19 (e)" not in third.description
    assert third.description_source.startswith("Implementation guide")
    assert not m.Objective.objects.filter(description_source="").exists()


def test_an_initiative_may_cite_action_8a(make_user, make_organisation):
    from accounts.models import Role
    from initiatives import services
    from tests.initiatives.factories import make_initiative

    organisation = make_organisation("Search and Rescue Network")
    member = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=organisation)
    initiative = make_initiative(
        member,
        organisation,
        objectives=[services.ObjectiveChoice(m.Objective.objects.get(number=8), True, ("a",))],
    )
    link = initiative.links.get()
    assert (link.objective.number, link.action_letters) == (8, "a")


def test_pages_and_api_show_gcm_texts_with_their_sources(client, api_client):
    page = client.get("/objectives/8/").content.decode()
    assert "wording not yet verified against A/RES/73/195" in page
    page = client.get("/objectives/23/").content.decode()
    assert "GCM final draft (13 July 2018), para. 39 (a)" in page
    assert "A/RES/73/195, annex, para. 39 (d)" not in page  # resolution wording: no note
    page = client.get("/objectives/3/").content.decode()
    assert "Launch and publicize a centralized and publicly accessible national website" in page
    assert "Implementation guide for governments" in page
    principles = client.get("/principles/").content.decode()
    assert "Source: A/RES/73/195, annex, para. 15 (a)" in principles
    assert "[external" not in principles
    body = api_client.get("/api/v1/objectives/6/").json()
    action = next(a for a in body["actions"] if a["letter"] == "l")
    assert action["source"] == "A/RES/73/195, annex, para. 22 (l)"
    assert action["text"].endswith("International Recruitment Integrity System (IRIS).")
