"""Quality gate: per-story scores may not fall below the floors in eval_baseline.json.

The floors are the scores measured when they were last raised, minus a small epsilon for
noise; lowering one is a deliberate edit of the JSON file, reviewed like code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import STORIES

FLOORS = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())
EPS = 0.005


@pytest.mark.parametrize("story", [p.name for p in STORIES])
def test_story_meets_its_floors(story: str, story_scores: dict[str, dict[str, Any]]) -> None:
    res = story_scores[story]
    floors = FLOORS[story]
    got = {
        "claim_precision": res["claims"]["precision"],
        "claim_recall": res["claims"]["recall"],
        "discrepancy_precision": res["discrepancies"]["precision"],
        "discrepancy_recall": res["discrepancies"]["recall"],
    }
    for field in ("value", "unit", "qualifier", "time"):
        if field in res["fields"]:
            got[f"{field}_accuracy"] = res["fields"][field]["accuracy"]
    low = {k: (got[k], v) for k, v in floors.items() if k in got and got[k] < v - EPS}
    assert not low, f"{story}: below floor (got, floor): {low}"


def test_every_story_has_floors() -> None:
    assert {p.name for p in STORIES} <= set(FLOORS)


# Stories written blind, after the first five had been tuned on: what the tool does with text
# it was not tuned on. Each was scored once as written (discrepancies P / R: water-utility-breach
# 0.59 / 0.71, port-strike 0.65 / 0.67, wildfire 0.68 / 0.82, hospital-waits 0.62 / 0.71,
# plant-closure 0.55 / 0.70; a second set, written after all of those fixes: airline-outage
# 0.43 / 0.46, housing-vote 0.55 / 0.49, measles-outbreak 0.56 / 0.67; a third: central-bank-rates
# 0.58 / 0.65, food-recall 0.56 / 0.66, power-blackout 0.59 / 0.67; a fourth, in session 10:
# drought-restrictions 0.69 / 0.64, privacy-fine 0.54 / 0.56, rail-derailment 0.52 / 0.54; a
# fifth, in session 11: bridge-closure 0.52 / 0.55, school-funding 0.61 / 0.61, takeover-bid
# 0.53 / 0.53; a sixth, in session 12: election-count 0.45 / 0.38, ferry-withdrawal 0.80 / 0.74,
# oil-spill 0.76 / 0.59, tech-layoffs 0.50 / 0.50; a seventh, in session 13: bird-flu-cull
# 0.47 / 0.56, chemical-fire 0.55 / 0.51, stadium-plan 0.38 / 0.47, university-cuts 0.63 / 0.59;
# an eighth, in session 14: coach-crash 0.64 / 0.58, launch-failure 0.51 / 0.51, minimum-wage
# 0.52 / 0.55, museum-theft 0.38 / 0.36; a ninth, later in session 14, after the eighth's fixes:
# doping-ban 0.45 / 0.53, earthquake 0.66 / 0.62, heatwave-deaths 0.64 / 0.57, lender-collapse
# 0.40 / 0.36; a tenth, in session 15: census-results 0.52 / 0.61, drug-shortage 0.47 / 0.49,
# festival-crush 0.69 / 0.56, mine-collapse 0.45 / 0.37; an eleventh, later in session 15, after
# the tenth's fixes: council-ransomware 0.54 / 0.53, runway-approval 0.59 / 0.56,
# snowstorm-travel 0.71 / 0.63, teachers-strike 0.79 / 0.60; a twelfth, at the end of session
# 15, after the eleventh's fixes: bus-contract 0.59 / 0.52, factory-recall 0.57 / 0.61,
# hospital-fire 0.68 / 0.62, reservoir-algae 0.48 / 0.46; a thirteenth, in session 16, after
# the twelfth's fixes: airport-drone 0.51 / 0.46, landslide-evacuation 0.85 / 0.81, pension-age
# 0.58 / 0.67, wind-auction 0.54 / 0.59; a fourteenth, later in session 16, written while the
# thirteenth's fixes were made: bank-fine 0.61 / 0.55, harvest-frost 0.57 / 0.52, prison-escape
# 0.76 / 0.74, tram-extension 0.41 / 0.48; a fifteenth, at the end of session 16, after the
# thirteenth's and fourteenth's fixes: cruise-outbreak 0.58 / 0.58, fishing-quota 0.56 / 0.61,
# library-closures 0.54 / 0.58, water-main-burst 0.62 / 0.62; a sixteenth, written at the start
# of session 17 and scored once at its end, after its fixes: ambulance-delays 0.50 / 0.53,
# cable-car-stoppage 0.51 / 0.54, data-centre-approval 0.49 / 0.51, sugar-levy 0.53 / 0.61; a
# seventeenth, written at the start of session 18 and scored once at its end, after its fixes:
# airline-merger 0.70 / 0.56, dam-cracks 0.55 / 0.56, exam-leak 0.65 / 0.62, rent-cap-ruling
# 0.51 / 0.53; an eighteenth, written at the start of session 19, committed after the first
# two commits of its fixes and scored after the sixth (the grouping fault it showed was mended
# after that score, and of the session's later fixes only the last three, for its planted
# agreements, changed its scores, taking five false alarms off): crime-figures
# 0.54 / 0.54, fraud-sentencing 0.60 / 0.67, gas-explosion 0.53 / 0.54, ship-grounding
# 0.63 / 0.69; a nineteenth, written at the start of session 20, committed before any fix and
# scored after the fourth fix commit (the grouping fault it showed, vaccine-rollout joining
# measles-outbreak, was mended after that score): smog-alert 0.67 / 0.55, tax-shortfall
# 0.61 / 0.59, tunnel-flooding 0.53 / 0.50, vaccine-rollout 0.54 / 0.59; a twentieth, written at
# the start of session 21, committed before any fix and scored after the fourth fix commit:
# avalanche-rescue 0.70 / 0.49, cyclone-landfall 0.72 / 0.68, libel-damages 0.61 / 0.61,
# warehouse-automation 0.57 / 0.62; a twenty-first, written at the start of session 22,
# committed before any fix and scored after the fourth fix commit: chip-plant-subsidy
# 0.62 / 0.65, marathon-heat 0.64 / 0.66, metro-signal-failure 0.79 / 0.64, nurses-pay-deal
# 0.59 / 0.63) and then used, like the others, to find
# general fixes. They are below the bars: their tests below
# are expected to fail, strictly, so a story that starts passing fails until it is taken off
# these lists.
WRITTEN_BLIND = {
    # the twenty-first set, written at the start of session 22
    "chip-plant-subsidy",
    "marathon-heat",
    "metro-signal-failure",
    "nurses-pay-deal",
    # the twentieth set, written at the start of session 21
    "avalanche-rescue",
    "cyclone-landfall",
    "libel-damages",
    "warehouse-automation",
    # the nineteenth set, written at the start of session 20
    "smog-alert",
    "tax-shortfall",
    "tunnel-flooding",
    "vaccine-rollout",
    # the eighteenth set, written at the start of session 19
    "crime-figures",
    "fraud-sentencing",
    "gas-explosion",
    "ship-grounding",
    "water-utility-breach",
    "port-strike",
    "wildfire",
    "hospital-waits",
    "plant-closure",
    "airline-outage",
    "housing-vote",
    "measles-outbreak",
    "central-bank-rates",
    "food-recall",
    "power-blackout",
    "drought-restrictions",
    "privacy-fine",
    "rail-derailment",
    "bridge-closure",
    "school-funding",
    "takeover-bid",
    "election-count",
    "ferry-withdrawal",
    "oil-spill",
    "tech-layoffs",
    "bird-flu-cull",
    "chemical-fire",
    "stadium-plan",
    "university-cuts",
    "coach-crash",
    "launch-failure",
    "minimum-wage",
    "museum-theft",
    "doping-ban",
    "earthquake",
    "heatwave-deaths",
    "lender-collapse",
    "census-results",
    "drug-shortage",
    "festival-crush",
    "mine-collapse",
    "runway-approval",
    "snowstorm-travel",
    "council-ransomware",
    "teachers-strike",
    "bus-contract",
    "factory-recall",
    "hospital-fire",
    "reservoir-algae",
    "airport-drone",
    "landslide-evacuation",
    "pension-age",
    "wind-auction",
    "bank-fine",
    "harvest-frost",
    "prison-escape",
    "tram-extension",
    "cruise-outbreak",
    "fishing-quota",
    "library-closures",
    "water-main-burst",
    "ambulance-delays",
    "cable-car-stoppage",
    "data-centre-approval",
    "sugar-levy",
    "airline-merger",
    "dam-cracks",
    "exam-leak",
    "rent-cap-ruling",
}
# (port-strike, plant-closure and wildfire have met the foundation bar since session 10)
BELOW_FOUNDATION_BAR: set[str] = set(WRITTEN_BLIND) - {"port-strike", "plant-closure", "wildfire"}
BELOW_DETECTION_BAR: set[str] = set(WRITTEN_BLIND)
# stories on which an agreement the gold plants is reported as a discrepancy: rail-derailment's
# "some €4.2m" / "4.2 million euros" (elsewhere the gold counts one figure with and without
# "about" as a qualifier finding) and "on the route" / "on the line" as two scopes (a union
# organiser against the union's name was a third until session 13). (takeover-bid's "312 pence
# a share" / "£3.12 a share", left unmatched and so one sum for two things, was one until session
# 14, when "worth" became a word for value.)
# (election-count's, on arrival, was its turnout dated to the 2006 of "the lowest since ... 2006")
# The seventh set's: stadium-plan's "£240m" cost left unmatched and so one sum for two things
# (matched since session 20, when figures more than four times apart stopped matching, which
# freed it), and "jobs would follow at the stadium once it opens" read as a condition. (On arrival also
# university-cuts' "£34m in shock" taken for a scope and bird-flu-cull's branch chair against
# his organization, mended in session 13; bird-flu-cull's "held 38,000 broiler chickens" /
# "kept 38,000 broilers" left unmatched, mended in session 14.)
# The eighth set's: minimum-wage's "£1,070 ... on the adult rate, the Treasury said" /
# "on the minimum wage ... better off" (the government's) as two scopes (and two sources until
# the Treasury was made the government's, in session 14). (On
# arrival also minimum-wage's "aged 21" read as an amount, museum-theft's detectives against
# their police force, and launch-failure's "some 30 fishing boats in port" / "around 30 fishing
# boats tied up in the harbour" as two scopes, the first given the condition of the compensation
# its sentence goes on to: mended in session 14.)
# The ninth set's: lender-collapse's "£3.1bn in deposits" / "£3.1 billion deposited" left
# unmatched and so one sum for two things. (On arrival also its "212,000 savers" / "212,000
# people", and doping-ban's one ban said of "Estravan distance runner Hanna Ravelle" and of "the
# town's most famous athlete", read as two measures: both mended in session 14.)
# The tenth set's, on arrival: census-results' "grew by 4.6 per cent over the past decade" dated
# to the "this year's census" its sentence ends on, against the same figures with no time (three
# pairs; mended in session 15, when a claim with no time of its own stopped being a time finding
# unless it names a year it compares with); drug-shortage's "around 60 per cent ... in the country" / "roughly three in five ...
# nationally" as two scopes; festival-crush's "Eleven of the injured were taken to hospital" /
# "Eleven were taken to hospital" as two measures.
# The eleventh set's, on arrival: council-ransomware's "Police said the ... Organised Crime Unit
# was leading" / "A spokesperson for the ... Organised Crime Unit confirmed" as two sources;
# teachers-strike's picket-line line, "she said" after the union's general secretary was named,
# credited to the minister named before her. (Both mended in session 15.)
# The twelfth set's, on arrival: factory-recall's "412,000 vehicles in four countries" told twice
# with what its sentences say next ("because of a faulty seal in the brake master cylinder", "in
# cold weather") read as two scopes; reservoir-algae's "should not be drunk even if it has been
# boiled" read as a condition the other outlet leaves out. (Both mended in session 15.)
# The thirteenth set's, on arrival: airport-drone's arrest, told by one outlet with the bail
# condition of the release that followed, read as a condition the others leave out. (On arrival
# also landslide-evacuation's "had been unable to hold any more water" / "could not hold any
# more water" read as a contradiction; pension-age's "She told them the plan amounted to a pay
# cut", "she" taken for the ministry named before the union's president, and its "four months a
# year" dated by one side only to the 2033 its sentence ends on; wind-auction's "the ministry
# said" / "ministers say", and an "it" taken for the developer named before, as two sources, and
# its "£68.50 per megawatt-hour" for the round's fixed-bottom farms and for one of them read as
# one figure for two things: mended in session 16.)
# The fourteenth set's, on arrival: bank-fine's ban "until a skilled person appointed by the FIA
# confirms" / "until an independent reviewer confirms", who confirms taken for who says it
# (mended in session 19: no one says anything in a condition, and the act barred is the claim);
# tram-extension's 6.4km "extension" / "run 6.4km" and its "approved budget" / "will cost" of
# £412m as two measures. (On arrival also harvest-frost's "$85 million aid package" / "US$85
# million relief package", the first dated to the frost of the clause after it, left unmatched
# and so one sum for two things; prison-escape's "a floor of 14 officers" / "a minimum of 14" as
# two qualifiers; tram-extension's "67 per cent of them in favour", "in favour" taken for a
# scope: mended in session 16.)
# The fifteenth set's, on arrival: water-main-burst's eight bottled water stations "in
# supermarket car parks, schools and leisure centres" / "across the city" as two scopes. (On
# arrival also fishing-quota's "the 14,900-tonne maximum recommended" / "advised a maximum
# catch of 14,900 tonnes" as two qualifiers, and "a 22 per cent cut" agreed by "ministers from
# the two countries" / "in their shared Norrin Sea fishing grounds" as two scopes: mended in
# session 16.)
# The sixteenth set's, on arrival: ambulance-delays' "£38m funding bid" / "asked the ministry for
# £38m" as two measures, and a quote credited to the hospital's chief executive named in the
# sentence before; data-centre-approval's "six data halls ... in three phases" / "across more
# than 120 hectares" as two scopes and its £1.2 billion investment, told in the sentence of the
# approval, as two measures; sugar-levy's condition of the snack levy's start read against its
# rate. (On arrival also sugar-levy's "1 July next year" read as July only, so two times: mended
# in session 18.)
# The seventeenth set's, on arrival: airline-merger's "paying €420 million for Vennick" / "values
# Vennick at €420 million", left unmatched and so one sum for two things; exam-leak's
# "nationally" / "across the country" as two scopes; rent-cap-ruling's "otherwise would have"
# read as a condition. (On arrival also dam-cracks' "5.8 million cubic metres" / "5.8 million
# m³", the second read as a count, and so one count for two things: mended in session 19, when
# volumes became cubic metres.)
# The eighteenth set's, on arrival in session 19: fraud-sentencing's £1.24m "siphoned" /
# "stealing" as two measures. (On arrival also crime-figures' "closer to 1%" read as exactly 1%
# against "around 1%" and its "It" (the bureau, which spoke two sentences before) taken for
# another organization; gas-explosion's "destroyed 12 flats in the block's east wing and
# scattered glass ... across neighbouring gardens" read with the second clause's place as the
# flats' scope; and ship-grounding's "estimated at 3,400 tonnes" read as exact against "about
# 3,400 tonnes": mended at the end of session 19.)
# The nineteenth set's, on arrival in session 20: tax-shortfall's "Total tax receipts for
# January to October came to €61.8 billion" / "ten-month receipts of €61.8bn" (dated by the
# bulletin's publication day, "published on Tuesday") left unmatched and so one sum for two
# things. (On arrival also tax-shortfall's "Mr Reinholt" given a sentence that opens "For Mr
# Reinholt, ..." as his description, the "€5bn pencilled in by" the minister credited to the
# council that "put" another figure, the minister's estimate scoped to where he "told reporters",
# and "the first ten months of 2026" read as 2026; tunnel-flooding's "under a 30-year
# concession" read as "less than 30 years"; vaccine-rollout's "next week" against "the week
# beginning 23 November" read as that day alone: mended in session 20, after the score.)
# The twentieth set's, on arrival in session 21: cyclone-landfall's 238 km/h gust "on record" /
# "at Ruvenna airport" as two scopes, its rain total credited to "an automatic gauge" / "the
# Meteorological Service" as two sources, and its $85 million appeal, told in one outlet inside
# the governor's call to set part of it aside, as one sum for two things (two pairs);
# libel-damages' "£185,000 in libel damages ... over two articles in the Harcastle Evening Post",
# the articles' paper taken for the damages' scope; warehouse-automation's £340m "programme
# combines ... robots" against "spends £340 million on robots" and "investing £340m", left
# unmatched and so one sum for two things. (On arrival also warehouse-automation's "is
# investing" / "spends" as two outlays, mended after the score.)
# The twenty-first set's, on arrival in session 22: chip-plant-subsidy's €4.8bn "project will be
# built in two phases" against "total investment" (three pairs) as one sum for two things, its
# €1.2bn subsidy "in Lisbon" / "in direct grants" as two scopes (and, on arrival only, its 1,500
# jobs "promised" / "will employ ... permanently" as two measures, matched otherwise after the
# score); marathon-heat's "15,940" / "Nearly 16,000" starters and "11,482" / "about 11,500"
# finishers as two qualifiers (the gold counts a rounding the writer gives as agreement), and its
# 29C "in temperatures" / "at the finish on Harbour Parade" as two scopes;
# metro-signal-failure's four lines "in Arlenburg" / "in stalled carriages" (the passengers'
# place, in the clause after) as two scopes; nurses-pay-deal's "up to 9.5 per cent" (the
# deal's total, phased) / "9.5 per cent" as two qualifiers, its 62% turnout "in the electronic
# ballot" / "the members who voted" as two scopes, and its 4% rise "this year, backdated to
# January 1" / "backdated to 1 January 2026" as two times (the first read as the year).
AGREEMENTS_REPORTED: set[str] = {
    "rail-derailment",
    "minimum-wage",
    "lender-collapse",
    "drug-shortage",
    "festival-crush",
    "airport-drone",
    "tram-extension",
    "water-main-burst",
    "ambulance-delays",
    "data-centre-approval",
    "sugar-levy",
    "airline-merger",
    "exam-leak",
    "rent-cap-ruling",
    "fraud-sentencing",
    "tax-shortfall",
    "cyclone-landfall",
    "libel-damages",
    "warehouse-automation",
    "chip-plant-subsidy",
    "marathon-heat",
    "metro-signal-failure",
    "nurses-pay-deal",
}


def _stories(expected_to_fail: set[str], reason: str) -> list[Any]:
    return [
        pytest.param(p.name, marks=pytest.mark.xfail(strict=True, reason=reason))
        if p.name in expected_to_fail
        else p.name
        for p in STORIES
    ]


# The foundation issue's bar: discrepancy recall >= 0.9 and precision >= 0.8 on every story.
@pytest.mark.parametrize("story", _stories(BELOW_FOUNDATION_BAR, "below the foundation issue's bar"))
def test_story_meets_the_foundation_bar(story: str, story_scores: dict[str, dict[str, Any]]) -> None:
    d = story_scores[story]["discrepancies"]
    assert d["recall"] >= 0.9 and d["precision"] >= 0.8, d


# The detection issue's stricter bar (recall >= 0.95, precision >= 0.9).
@pytest.mark.parametrize("story", _stories(BELOW_DETECTION_BAR, "below the detection issue's bar"))
def test_story_meets_the_detection_bar(story: str, story_scores: dict[str, dict[str, Any]]) -> None:
    d = story_scores[story]["discrepancies"]
    assert d["recall"] >= 0.95 and d["precision"] >= 0.9, d


# The detection issue: agreements planted in the corpus are not reported.
@pytest.mark.parametrize("story", _stories(AGREEMENTS_REPORTED, "a planted agreement is reported"))
def test_planted_agreements_are_not_reported(story: str, story_scores: dict[str, dict[str, Any]]) -> None:
    assert story_scores[story]["agreement_false_alarms"] == 0
