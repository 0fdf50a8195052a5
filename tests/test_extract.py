"""Extraction invariants: exact offsets, never raising, long texts in chunks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract import CHUNK_CHARS, extract, iter_chunks
from claimgraph.graph import claim_iri
from claimgraph.lexicon import PREDICATE_CLASS, contradicts
from claimgraph.load import load_article
from claimgraph.model import Article, Claim

from .conftest import STORIES


def _check(article: Article, nlp: Any) -> list[Any]:
    claims = extract(article, nlp=nlp)
    for c in claims:
        assert article.field_text(c.field)[c.start : c.end] == c.text  # type: ignore[arg-type]
        if c.quantity:
            q = c.quantity
            assert article.field_text(c.field)[q.start : q.end] == q.text  # type: ignore[arg-type]
            assert c.start <= q.start and q.end <= c.end
    # one claim a place: a claim's IRI is made of its field, span and amount
    iris = [claim_iri(c) for c in claims]
    assert len(iris) == len(set(iris))
    return claims


def test_offsets_hold_on_every_corpus_article(nlp: Any) -> None:
    n = 0
    for story in STORIES:
        for path in sorted(story.glob("*.md")):
            n += len(_check(load_article(path), nlp))
    assert n > 200


_texty = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=400,
) | st.lists(
    st.sampled_from(
        [
            "Revenue rose",
            " 12%",
            " to €3.1bn",
            " in Q2 2026",
            ",",
            " said",
            " the CFO",
            ".",
            "\n\n",
            " Nearly half",
            " of 4,812 patients",
            " if approved",
            " \u00a0",
            "“",
            "”",
            "10²⁵",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_texty, title=st.text(max_size=80))
def test_extraction_never_raises_and_keeps_offsets(nlp: Any, body: str, title: str) -> None:
    _check(Article(text=body, url="https://example.org/x", title=title), nlp)


def test_empty_article(nlp: Any) -> None:
    assert extract(Article(text="", url="https://example.org/empty"), nlp=nlp) == []


def test_long_article_is_processed_in_chunks(nlp: Any) -> None:
    para = "Officials said 37 people died and some 14,000 were displaced as of Tuesday. " * 40
    text = "\n\n".join([para] * 30)  # ~92 kB, long paragraphs cut at sentence ends
    assert max(len(c) for _, c in iter_chunks(text)) <= CHUNK_CHARS
    claims = _check(Article(text=text, url="https://example.org/long"), nlp)
    assert len(claims) >= 30 * 40 * 2


_ONE_MEGABYTE = """
import json, resource, sys
from claimgraph.extract import build_nlp, extract, iter_chunks
from claimgraph.model import Article
nlp = build_nlp()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
para = ("The council said fares would rise by 9 per cent from January, while critics argued that "
        "about a third of riders could not afford it. ")
text = para * (1_000_000 // len(para))  # one paragraph of 1 MB, no line breaks at all
assert len(text) > 990_000 and max(len(c) for _, c in iter_chunks(text)) < nlp.max_length
claims = extract(Article(text=text, url="https://example.org/1mb"), nlp=nlp)
assert all(text[c.start:c.end] == c.text for c in claims)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"claims": len(claims), "model_kb": base, "peak_kb": peak}))
"""


def test_a_one_megabyte_article_in_bounded_memory() -> None:
    """1 MB of text in one paragraph: chunked below spaCy's max_length, in a fresh process whose
    peak memory is measured (the model itself takes a few hundred MB)."""
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _ONE_MEGABYTE], capture_output=True, text=True, timeout=600, check=True
    )
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["claims"] >= 10_000  # two amounts in each of some 5,000 sentence pairs
    assert res["peak_kb"] - res["model_kb"] < 500 * 1024, res  # extraction adds a few hundred MB at most


def test_frame_of_a_quantity_claim(nlp: Any) -> None:
    from datetime import date

    art = Article(
        text="Internal figures released by Anthropic put Claude's share of merged code in the company's "
        "main codebase at over 80% as of May 2026, up from single digits in early 2025.",
        url="https://example.org/a",
        published=date(2026, 6, 13),
    )
    claims = extract(art, nlp=nlp)
    share, base = (c for c in claims if c.quantity)
    assert (share.quantity.value, share.quantity.unit, share.quantity.qualifier) == (80, "percent", "over")
    assert share.time is not None and share.time.iso == "2026-05"
    assert "Anthropic" in share.claimant
    assert (base.quantity.low, base.quantity.high, base.quantity.unit) == (1, 9, "percent")
    assert base.quantity.baseline and base.time is not None and base.time.iso == "2025-01/2025-04"


def test_condition_and_proposal(nlp: Any) -> None:
    art = Article(
        text="The lab called for a global pause on frontier research, on the condition that all "
        "leading labs stop at the same time.",
        url="https://example.org/p",
    )
    (c,) = extract(art, nlp=nlp)
    assert c.kind == "proposal" and c.modality == "proposed"
    assert c.condition.startswith("on the condition that all leading labs stop")


def test_a_call_for_something_to_be_done(nlp: Any) -> None:
    """ "called for every bridge to be inspected": the "for" opens a clause of its own."""
    (c,) = _claims(
        nlp, "Transport Minister Ana Reyes called for every road bridge in the country to be inspected."
    )
    assert c.kind == "proposal" and c.claimant == "Transport Minister Ana Reyes"


def test_whoever_a_condition_mentions_is_not_the_speaker(nlp: Any) -> None:
    """ "... fines if the inquiry finds that ...": the inquiry has not said anything yet."""
    (c,) = _claims(
        nlp,
        "The minister called for heavy fines on the operator if the inquiry finds that maintenance was neglected.",
    )
    assert c.kind == "proposal" and c.claimant == "The minister"
    assert c.condition.startswith("if the inquiry finds")


def _claims(nlp: Any, text: str, published: date = date(2026, 8, 5)) -> list[Claim]:
    art = Article(url="https://example.org/x", text=text, title="", outlet="Test", published=published)
    return extract(art, nlp=nlp)


def _amounts(nlp: Any, text: str) -> list[str]:
    """The words of each amount claimed in ``text``, in order."""
    return [c.quantity.text for c in _claims(nlp, text) if c.quantity]


def test_outcome_sentences_are_event_claims_with_polarity(nlp: Any) -> None:
    (kept,) = _claims(nlp, "The company kept its full-year guidance unchanged despite the weakness.")
    (cut,) = _claims(nlp, "The company also cut its full-year guidance.")
    (held,) = _claims(nlp, "The regional authority said the dam had held throughout the flood.")
    (not_approved,) = _claims(nlp, "The congestion charge was not approved on Tuesday.")
    assert (kept.kind, kept.predicate, kept.negated) == ("event", "keep", False)
    assert (cut.kind, cut.predicate) == ("event", "cut")
    assert kept.measure_key == cut.measure_key == "guidance"
    assert (held.kind, held.predicate) == ("attribution", "hold")
    assert (not_approved.kind, not_approved.predicate, not_approved.negated) == ("event", "approve", True)
    # a beginning, an opening or a closing is a claim when the sentence says when
    (opened,) = _claims(nlp, "Pop-up vaccination clinics opened last Monday across the region.")
    assert (opened.kind, opened.predicate) == ("event", "open") and opened.time is not None
    (began,) = _claims(nlp, "Workers at the depot began a strike over pay on Tuesday.")
    assert (began.kind, began.predicate) == ("event", "begin")
    assert _claims(nlp, "The old library closed its doors.") == []
    (announced,) = _claims(nlp, "The energy regulator announced its inquiry on Tuesday.")
    (sorry,) = _claims(nlp, "The operator's chief executive apologised to customers on Tuesday.")
    assert announced.kind == sorry.kind == "event"
    # an apology is a claim without a date too
    (undated,) = _claims(nlp, "The operator's chief executive apologised to customers.")
    assert (undated.kind, undated.predicate) == ("event", "apologise")


def test_a_verb_and_its_particle_are_one_predicate(nlp: Any) -> None:

    (fire,) = _claims(nlp, "The blaze broke out shortly before 6 p.m. on Monday at the substation.")
    assert (fire.kind, fire.predicate, fire.measure_key) == ("event", "break out", "fire")
    assert fire.time is not None and fire.time.iso == "2026-08-03"
    (signed,) = _claims(nlp, "The planning committee signed off the application on Tuesday.")
    assert (signed.kind, signed.predicate) == ("event", "sign off")
    (turned,) = _claims(nlp, "Members turned down the latest offer.")
    assert (turned.kind, turned.predicate, turned.measure_key) == ("event", "turn down", "latest offer")
    (ruled,) = _claims(nlp, "Investigators have ruled out sabotage.")
    (open_,) = _claims(nlp, "Police said they had not ruled out sabotage.")
    assert (ruled.predicate, ruled.negated, open_.predicate, open_.negated) == (
        "rule out",
        False,
        "rule out",
        True,
    )
    assert contradicts(ruled.predicate, ruled.negated, open_.predicate, open_.negated)
    # to rule out doing something is to say it will not be done, and contradicts doing it
    (tariff,) = _claims(
        nlp,
        "Marangoni ruled out suspending the import tariff on cherries, saying the government did "
        "not want to undercut growers.",
    )
    (suspend,) = _claims(
        nlp,
        "The government will also suspend the import tariff on cherries until the end of March, she "
        "said, to keep supermarket shelves stocked.",
    )
    assert (tariff.predicate, tariff.negated, suspend.predicate, suspend.negated) == (
        "suspend",
        True,
        "suspend",
        False,
    )
    assert contradicts(tariff.predicate, tariff.negated, suspend.predicate, suspend.negated)
    # what she ruled out is the claim, and what she said of it is her reason, not the claim
    assert {"tariff", "cherry", "suspend"} <= set(tariff.measure_key.split())
    assert not {"want", "undercut"} & set(tariff.measure_key.split())
    # "..., she said, to keep ...": what is said is the clause the verb sits beside
    assert {"tariff", "suspend"} <= set(suspend.measure_key.split())
    assert "keep" not in suspend.measure_key.split()
    # a blow that hit something and one that spared it
    assert contradicts("hit", False, "escape", False) and contradicts("affect", True, "hit", False)
    # what is believed is the claim, and "no evidence" with a clause the parse took for a
    # relative one denies it
    (believed,) = _claims(
        nlp, "Detectives believe the men had help from outside the prison, a police spokeswoman said."
    )
    (no_sign,) = _claims(nlp, "Police have said there is no evidence the men had help from outside.")
    assert (believed.predicate, believed.negated, no_sign.predicate, no_sign.negated) == (
        "have",
        False,
        "have",
        True,
    )
    # an alarm that went off and one that never sounded
    (went_off,) = _claims(nlp, "The alarm went off, police said.")
    (never,) = _claims(nlp, "Staff insist the alarm never sounded that night.")
    assert contradicts(went_off.predicate, went_off.negated, never.predicate, never.negated)
    (emergency,) = _claims(nlp, "She ruled out declaring a national state of emergency.")
    assert (emergency.kind, emergency.predicate, emergency.negated) == ("event", "declare", True)
    # while an apology told with what was said keeps what was said as the claim
    (sorry,) = _claims(
        nlp, 'Ilse Varga apologised on Monday, saying the airline had "let our customers down badly".'
    )
    assert "customer" in sorry.measure_key.split()
    # the particle of another verb is no part of it: "the prices went down" is no "go down"
    (went,) = _claims(nlp, "Prices went down 4% in March.")
    assert went.predicate == "go"


def test_time_follows_the_reporting_period(nlp: Any) -> None:
    text = (
        "The grocer reported second-quarter net profit of €412 million on Wednesday.\n\n"
        "Revenue in the quarter rose 8% year on year. Net profit in the same period last year was €305 million. "
        "The average delivery time fell to 22 minutes."
    )
    times = {
        c.quantity.text: (c.time.iso, c.time.relation) for c in _claims(nlp, text) if c.quantity and c.time
    }
    assert times == {
        "€412 million": ("2026-Q2", "at"),  # not the day it was reported
        "8%": ("2026-Q2", "at"),
        "€305 million": ("2025-Q2", "at"),
        "22 minutes": ("2026-Q2", "context"),  # inherited, not stated
    }


def test_amounts_that_are_not_claims(nlp: Any) -> None:
    text = (
        "Patients over 65 taking the drug were 1.5 times as likely to improve. "
        "Shares were up 5.1% at 1105 GMT. Several residents said the dam was breached."
    )
    amounts = _amounts(nlp, text)
    assert amounts == ["1.5 times", "5.1%"]


def test_an_age_group_after_aged_is_who_a_figure_covers(nlp: Any) -> None:
    """ "workers aged 21 and over" says who the rate is for: no amount of its own, and the
    figures' scope; a man "aged 44" is a man's age, an amount."""
    text = (
        "The adult rate, which covers workers aged 21 and over, rises to £13.15 an hour. "
        "Employees aged 18 to 20 will get £10.60. Dean Fairlie, aged 44, was charged."
    )
    claims = _claims(nlp, text)
    assert [c.quantity.text for c in claims if c.quantity] == ["£13.15", "£10.60", "44"]
    rates = _claims(nlp, "The rate for 16- and 17-year-olds and apprentices rises to £8.10.")
    assert [c.quantity.text for c in rates if c.quantity] == ["£8.10"]
    assert [c.scope for c in claims[:2]] == ["workers aged 21 and over", "Employees aged 18 to 20"]


def test_a_scheme_named_by_its_kind_or_its_initials_is_the_scheme(nlp: Any) -> None:
    text = (
        "Deposits are protected by the Savings Guarantee Scheme (SGS), which will pay out from 30 November. "
        "The cost of compensation will be met by a levy on other banks and building societies, the SGS said. "
        "The scheme said it would recoup the money from a levy on the other banks."
    )
    claims = _claims(nlp, text, published=date(2026, 11, 23))
    levy, recoup = claims[-2:]
    assert levy.claimant.startswith("the SGS (") and "Savings Guarantee Scheme" in levy.claimant
    assert recoup.claimant.startswith("The scheme (") and "Savings Guarantee Scheme" in recoup.claimant
    # what the levy meets the cost by is part of what is said (a passive's doer)
    assert {"tax", "bank"} <= set(levy.measure_key.split())  # (a levy is a tax)


def test_anaphoric_claimants_are_resolved(nlp: Any) -> None:
    text = (
        "Oren Vasko, a hydrologist at the University of Tavrin, studied the river. "
        "The water will recede by Friday, Vasko said."
    )
    said = [c for c in _claims(nlp, text) if c.claimant]
    assert said and said[-1].claimant == "Vasko (a hydrologist at the University of Tavrin)"


def test_a_phrase_opening_the_sentence_is_no_description(nlp: Any) -> None:
    """ "According to Caddon Water, the months ... were the driest": not who Caddon Water is."""
    text = (
        "According to Caddon Water, the months from June to October were the driest on record. "
        "The ban will start in early December, Caddon Water said."
    )
    said = [c for c in _claims(nlp, text) if c.text.startswith("The ban")]
    assert said and said[0].claimant == "Caddon Water"


def test_what_a_relative_pronoun_stands_for_is_what_is_said(nlp: Any) -> None:
    text = "Farmers are bracing themselves for a hosepipe ban, which Caddon Water says will start in early December."
    (said,) = _claims(nlp, text)
    assert {"ban", "hosepipe"} <= set(said.measure_key.split())


def test_a_quotation_beside_an_amount_outside_it_is_a_claim_of_its_own(nlp: Any) -> None:
    text = (
        '"The fine itself is manageable. The bigger risk is what regulators elsewhere do with it," '
        "said Joren Oberlin, an analyst at Halbeck Securities, who estimates that the company earns "
        "around 40% of its revenue abroad. "
        '"It went pitch black and then very quiet," said Salo, 68, who spent the night at a neighbour\'s.'
    )
    cs = _claims(nlp, text)
    quotes = [c for c in cs if c.kind == "quote"]
    assert [c.text for c in quotes] == [
        '"The fine itself is manageable. The bigger risk is what regulators elsewhere do with it," '
        "said Joren Oberlin",
        '"It went pitch black and then very quiet," said Salo',
    ]
    assert {"manageable", "risk"} <= set(quotes[0].measure_key.split())
    # the amounts keep their claims; an age after a name is not part of who speaks
    assert [c.quantity.value for c in cs if c.quantity] == [40, 68]
    assert quotes[1].claimant == "Salo"
    # a quotation holding the amount stays one claim
    (one,) = _claims(nlp, '"We will cut 200 jobs this year," said Anna Berg, the chief executive.')
    assert one.quantity is not None


def test_derailments_reconnections_and_applications_are_events(nlp: Any) -> None:
    text = (
        "A passenger train derailed on a curve near Sallow Cross on Tuesday. "
        "The last of the homes were reconnected on Wednesday afternoon. "
        "It applied on 9 November for a drought permit."
    )
    events = [c for c in _claims(nlp, text, published=date(2026, 11, 26)) if c.kind == "event"]
    assert [c.predicate for c in events] == ["derail", "reconnect", "apply"]
    (found,) = _claims(
        nlp, "The cracks came to light during a routine inspection last week.", date(2026, 11, 23)
    )
    assert (found.kind, PREDICATE_CLASS[found.predicate], found.time is not None) == ("event", "detect", True)
    assert all(c.time is not None for c in events)
    assert "permit" in events[2].measure_key.split()  # what was applied for, not "it"
    # who applied, when named, and what for: "Caddon Water" alone says nothing of the permit
    (named,) = _claims(nlp, "On 16 November Caddon Water applied for a drought permit.", date(2026, 11, 26))
    assert {"caddon", "permit"} <= set(named.measure_key.split())


def test_declining_to_comment_is_a_claim_only_when_it_says_on_what(nlp: Any) -> None:
    assert _claims(nlp, "The retailer declined to comment.") == []
    assert _claims(nlp, "Greyling Eggs did not respond to a request for comment on Monday.") == []
    assert (
        _claims(
            nlp,
            "Ravelle did not respond to a request for comment sent to her management company on Monday evening.",
        )
        == []
    )
    (on_what,) = _claims(nlp, "A company spokesperson declined to comment on when such a pause might begin.")
    assert on_what.kind == "attribution"


def test_what_an_act_costs_is_measured_by_the_act(nlp: Any) -> None:
    (clean,) = _claims(
        nlp, "Council officers estimate that cleaning up the contaminated land will cost £18m."
    )
    assert {"cleaning", "land", "cost"} <= set(clean.measure_key.split())


def test_what_a_by_figure_changes_is_the_verbs_object_wherever_the_by_hangs(nlp: Any) -> None:
    # the parser hangs "by 4.4%" on the "over" of "aged 21 and over"; what rises is the wage
    (rise, _) = _claims(
        nlp,
        "The government will raise the national minimum wage for workers aged 21 and over by 4.4% to £13.15.",
    )
    assert {"minimum", "wage"} <= set(rise.measure_key.split())


def test_a_particle_right_after_its_verb_is_the_verbs(nlp: Any) -> None:
    # the parser hangs "out" on "there"; it is still the fire breaking out, a beginning
    text = "Some 1,200 people were evacuated after fire broke out there in the early hours of Thursday."
    event = next(c for c in _claims(nlp, text, published=date(2026, 11, 25)) if c.kind == "event")
    assert (event.predicate, event.time is not None) == ("break out", True)


def test_groundings_walkouts_arrests_and_what_takes_place_are_dated_events(nlp: Any) -> None:
    text = (
        "The ship ran aground on the Skerrow Ledges late on Saturday 14 November. "
        "Dockers walked off the job on Tuesday in a dispute over pay. "
        "The recount is expected to take place next week. "
        "Police arrested the captain on Wednesday."
    )
    events = [c for c in _claims(nlp, text, published=date(2026, 11, 20)) if c.kind == "event"]
    assert [c.predicate for c in events] == ["run aground", "walk out", "take place", "arrest"]
    assert all(c.time is not None for c in events)
    # what takes place, not "place"
    assert events[2].measure_key == "recount"
    # undated, a walk is no event
    assert not [
        c for c in _claims(nlp, "Dockers walked off the job in a dispute over pay.") if c.kind == "event"
    ]


def test_an_act_on_a_stated_day_is_a_dated_event(nlp: Any) -> None:
    # any verb: what a regulator, a court or a company did, or what was done, and when, is a
    # fact to check
    pub = date(2026, 11, 20)
    for text, verb in (
        ("The Office for Space Flight Safety grounded the Corvid-2 on Thursday evening.", "ground"),
        ("Castellan halted its tablet line on 29 October.", "halt"),
        ("The report was delivered to the authority on 20 November.", "deliver"),
        # told in the pluperfect, or with a light verb's particle
        ("The institute had issued a red warning, its highest level, on Friday.", "issue"),
        ("Its systems went down on Tuesday 17 November.", "go"),
        ("Talks between the union and the department broke down on 13 November.", "break"),
        # what is done, whatever the verb, in the passive ("published", "taken")
        ("The figures were published on Tuesday.", "publish"),
        ("The count was taken on 22 March.", "take"),
        # and what is scheduled for a stated day
        ("The public consultation on the proposals will run until 31 January.", "run"),
        ("The licensing committee will review the festival's premises licence on 3 December.", "review"),
        # or planned for one
        ("The independent inquiry is expected to report by the spring.", "report"),
        ("Ostrelle is now targeting completion in January 2027.", "target"),
    ):
        (act,) = _claims(nlp, text, published=pub)
        assert (act.kind, act.predicate, act.time is not None) == ("event", verb, True), text
    # a town waking, a man walking his fields, a bell still ringing, a concert sung before:
    # the colour of a day, no act to check
    assert _claims(nlp, "Velka woke on Wednesday to a town it barely recognised.") == []
    assert _claims(nlp, "Dusan Orel walked the edge of his drowned fields on Tuesday.") == []
    assert _claims(nlp, "The church bell was still ringing on Monday night when the flames came.") == []
    assert _claims(nlp, "The choir had just sung its Christmas concert in Velden on Saturday.") == []
    assert _claims(nlp, "It grounded the rocket on Monday.") == []  # who did it is not said
    assert _claims(nlp, "She was seen in Dunmore on Tuesday.") == []  # no thing done
    # a scene in the progressive is no plan
    assert _claims(nlp, "Its railways are creeping back towards normal after Sunday's storm.") == []


def test_a_weekday_a_long_clause_says_is_to_come_is_the_next_one(nlp: Any) -> None:
    text = (
        "Northsound managers will face questions from islanders at a public meeting in Skerrin "
        "Haven village hall on Thursday at 7pm."
    )
    (meeting,) = _claims(nlp, text, published=date(2026, 11, 24))
    assert meeting.time is not None and meeting.time.iso == "2026-11-26"


def test_a_count_since_a_dated_event_holds_from_then_on(nlp: Any) -> None:
    text = (
        "More than 160,000 birds have now been culled since the virus was first confirmed at Holloway, "
        "just outside Kettleby, on Tuesday 17 November. "
        "Inflation has fallen a long way since it peaked at 6.8% in early 2025. "
        "Sales have risen 5% since the shop opened on 3 May."
    )
    got = {c.text[:12]: c for c in _claims(nlp, text, published=date(2026, 11, 25))}
    culled, peak, sales, opened = (
        got["More than 16"],
        got["Inflation ha"],
        got["Sales have r"],
        got["since the sh"],
    )
    assert culled.time is not None and (culled.time.iso, culled.time.relation) == (
        "2026-11-17/2026-11-25",
        "since",
    )
    # the figure inside the clause is of its own time; the event said on the side keeps its day
    assert peak.time is not None and peak.time.relation == "at"
    assert sales.time is not None and sales.time.relation == "since"
    assert opened.time is not None and opened.time.iso == "2026-05-03"


def test_when_something_first_happened_is_an_event(nlp: Any) -> None:
    text = "Oil first reached the shore on Tuesday. Oil first reached Merrow Sands on 16 November."
    shore, sands = _claims(nlp, text, published=date(2026, 11, 20))
    assert (shore.kind, sands.kind) == ("event", "event")
    # one event by its subject, wherever it reached
    assert "oil" in set(shore.measure_key.split()) & set(sands.measure_key.split())
    assert [c.time.iso for c in (shore, sands) if c.time] == ["2026-11-17", "2026-11-16"]
    # without "first", reaching a place is no event to check
    assert not [
        c for c in _claims(nlp, "Oil reached the shore on Tuesday.", date(2026, 11, 20)) if c.kind == "event"
    ]


def test_a_time_in_a_relative_clause_does_not_date_the_amount(nlp: Any) -> None:
    text = "The bridge, which opened in 1968, carries more than 40,000 vehicles a day, a quarter of them lorries."
    assert [c.time for c in _claims(nlp, text) if c.quantity] == [None, None]


def test_its_officer_speaks_for_the_organization_named_last(nlp: Any) -> None:
    text = (
        "Joanna Threlfall, the Education Secretary, set out the settlement on Tuesday. "
        "The sharpest verdict came from the Halberd Institute, an independent think tank. "
        "It calculates that funding per pupil will still be 2% lower next year than in 2010. "
        'Its director, Dr Ruth Amankwah, said rising costs would "swallow most of the increase".'
    )
    said = next(c for c in _claims(nlp, text) if "Amankwah" in c.claimant)
    assert said.claimant == "Its director, Dr Ruth Amankwah (the Halberd Institute)"


def test_who_chairs_a_branch_is_described_by_it(nlp: Any) -> None:
    text = (
        "Tom Wheddon, who chairs the Brennard Vale branch of the National Farmers' Alliance, called the "
        'outbreak "a hammer blow". He estimated the restrictions could cost producers £3 million.'
    )
    blow, cost = _claims(nlp, text)
    assert blow.claimant.endswith("(who chairs the Brennard Vale branch of the National Farmers' Alliance)")
    assert "National Farmers' Alliance" in cost.claimant  # "he" is Wheddon, as described


def test_the_unions_organiser_speaks_for_the_union(nlp: Any) -> None:
    # a union is named as one ("the Federation of Rail and Transport Workers"), not "X Union"
    text = (
        "The driver was recovering in hospital, according to the Federation of Rail and Transport Workers. "
        "Siobhan Treleaven, the union's regional organiser, said 67 per cent of inspections were now "
        "carried out by a camera-fitted train."
    )
    said = next(c for c in _claims(nlp, text) if "Treleaven" in c.claimant)
    assert said.claimant.endswith("(the Federation of Rail and Transport Workers)")
    # "the club" is the club the article names
    text = (
        "Calderport Rovers Football Club has applied to build a new stadium on the Ashworth site. "
        "The club says about 450 permanent jobs would be created at the ground."
    )
    (jobs,) = _claims(nlp, text)
    assert jobs.claimant == "The club (Calderport Rovers Football Club)"


def test_who_speaks_and_what_document_is_cited(nlp: Any) -> None:
    # a verb is no document: "will review the deal" cites no review
    (ftc,) = _claims(nlp, "The Fair Trading Commission has not said whether it will review the deal.")
    assert ftc.claimant == "The Fair Trading Commission" and ftc.cited_document == ""
    (audit,) = _claims(nlp, "The company said the annual report showed no breach.")
    assert audit.cited_document == "the annual report"
    # a description and a name as two subjects: the name speaks
    (group,) = _claims(
        nlp, "Local campaign group the Greyhope Fields Alliance has said it will seek a judicial review."
    )
    assert group.claimant == "the Greyhope Fields Alliance"
    # "order" and "commission" a review are one outcome
    order, commission = _claims(
        nlp,
        "Transport Minister Corinne Grennard said she would order an independent review of track maintenance. "
        "Transport Minister Corinne Grennard said she will commission an independent review of maintenance.",
    )
    assert PREDICATE_CLASS[order.predicate] == PREDICATE_CLASS[commission.predicate] == "order"


def test_pronoun_speakers_are_resolved(nlp: Any) -> None:
    """ "she said" is the last named person who spoke; "it said" is the article's company."""
    text = (
        "Brightwell Foods said on Monday that it would close its bakery in Orton. "
        "Chief operating officer Dana Whitlock said the site had lost money for three years. "
        "The bakery will shut in March, she said. "
        "About 140 staff work at the site, and all of them will be offered jobs elsewhere, it said."
    )
    cs = _claims(nlp, text)
    she = next(c for c in cs if c.text.startswith("The bakery will shut"))
    assert she.claimant == "she (Chief operating officer Dana Whitlock; Brightwell Foods)"
    it = next(c for c in cs if "offered jobs" in c.text)
    assert it.claimant == "it (Brightwell Foods)"
    # no one named has spoken yet: the pronoun stays as it is
    (alone,) = _claims(nlp, "The bridge will reopen on Friday, she said.")
    assert alone.claimant == "she"
    # a person the sentence before names first, though no claim of theirs was found, is who
    # speaks after the one who spoke before
    text = (
        'Education Minister Rosalind Penhale said the offer was "the most the region can afford". '
        "KTF general secretary Maureen Oduya, addressing the marchers, rejected the charge that "
        "teachers were putting pupils second. "
        '"Nobody goes into teaching to stand on a picket line in November," she said.'
    )
    quote = next(c for c in _claims(nlp, text) if c.text.startswith('"Nobody'))
    assert quote.claimant == "she (KTF general secretary Maureen Oduya)"


def test_extract_many_equals_one_by_one(nlp: Any) -> None:
    from claimgraph.extract import extract_many

    arts = [load_article(p) for p in sorted((STORIES[0]).glob("*.md"))]
    arts.append(Article(url="https://example.org/empty", text="", title=""))
    arts.append(Article(url="https://example.org/title-only", text="", title="Prices rose 5% in May"))
    assert list(extract_many(arts, nlp=nlp)) == [extract(a, nlp=nlp) for a in arts]


def test_main_clauses_joined_by_and_with_a_speaker_are_two_claims(nlp: Any) -> None:
    text = (
        "Exports fell 6 per cent in the year, hurt by weaker demand abroad, and Maria Jensen, the trade "
        "minister, said the government would review its tariffs."
    )
    fig, said = _claims(nlp, text)
    assert fig.text == "Exports fell 6 per cent in the year, hurt by weaker demand abroad"
    assert fig.quantity is not None and fig.quantity.value == 6 and not fig.claimant  # not the minister's
    assert said.text.startswith("Maria Jensen") and said.kind == "attribution"
    assert said.claimant.startswith("Maria Jensen")

    text = "The vaccine did not cause serious reactions, the investigators reported, and most side effects were brief."
    first, second = _claims(nlp, text)
    assert first.text == "The vaccine did not cause serious reactions, the investigators reported"
    assert first.negated and first.claimant == "the investigators"
    assert second.text == "most side effects were brief."
    assert (second.kind, second.claimant) == ("attribution", "the investigators")  # the same speaker


def test_a_clause_that_does_not_start_with_its_subject_stays_with_the_sentence(nlp: Any) -> None:
    (c,) = _claims(nlp, "The firm said it would pay a special dividend, but only if the sale is completed.")
    assert c.text.endswith("completed.") and c.condition


def test_a_quotation_going_on_in_a_sentence_of_its_own_is_the_speakers(nlp: Any) -> None:
    text = (
        '"Teachers are already seeing pupils in tears," said its general secretary, Owen Trask. '
        '"Forcing them through a second sitting is cruelty dressed up as rigour."\n\n'
        '"We have seen this film before," said Anna Berg. "It will cost us 40 jobs."\n\n'
        '"This is the end of an era."\n\n'
        '"I have nowhere to go," said Mary Hale. "Where am I supposed to go now, the pub?"'
    )
    cs = _claims(nlp, text)
    going_on = next(c for c in cs if c.text.startswith('"Forcing'))
    assert going_on.kind == "quote" and going_on.claimant == "its general secretary, Owen Trask"
    assert {"cruelty", "rigour"} <= set(going_on.measure_key.split())
    # a figure in it is the speaker's too
    jobs = next(c for c in cs if c.quantity is not None)
    assert jobs.quantity.value == 40 and jobs.claimant == "Anna Berg"
    # a quotation that opens a paragraph has nobody to go on from; a question asserts nothing
    assert not any(c.text.startswith(('"This is the end', '"Where am I')) for c in cs)


def test_the_day_a_document_came_out_does_not_date_what_it_dates_otherwise(nlp: Any) -> None:
    text = (
        "The finance ministry's bulletin, published on Tuesday, showed receipts of €61.8bn for "
        "January to October. The agency's weekly update, published on Monday, counted 112 cases."
    )
    receipts, cases = [c for c in _claims(nlp, text) if c.quantity is not None]
    assert receipts.time is not None and receipts.time.iso == "2026-01/2026-10"
    assert cases.time is not None and cases.time.text == "on Monday"  # the day the count stands at


def test_a_figure_given_by_someone_else_is_theirs(nlp: Any) -> None:
    """Only the figure the council puts at €6.8bn is the council's: "the roughly €5bn pencilled
    in by" the minister is the minister's, the €4.2bn of a side clause nobody's in particular,
    and what caused a deficit does not speak for it."""
    text = (
        "The Fiscal Council has put this year's tax shortfall at €6.8bn, well above the roughly €5bn "
        "pencilled in by Finance Minister Tomas Reinholt, after receipts came in €4.2bn below the "
        "budget forecast. The university faces a £34 million deficit caused largely by a slump in "
        "overseas recruitment."
    )
    by_value = {c.quantity.value: c for c in _claims(nlp, text) if c.quantity is not None}
    assert by_value[6.8e9].claimant == "The Fiscal Council"
    assert by_value[5e9].claimant == "Finance Minister Tomas Reinholt"
    assert by_value[4.2e9].claimant == "" and by_value[4.2e9].modality != "reported"
    assert by_value[34e6].claimant == ""


def test_where_something_was_said_and_a_particle_are_no_scope(nlp: Any) -> None:
    text = (
        "Finance Minister Tomas Reinholt told reporters in Korsten that he expected the gap to "
        "widen to around €5 billion. The council put the shortfall at €6.8bn, well above the "
        "roughly €5bn pencilled in by the minister. Sales fell 8% in Korsten."
    )
    assert [c.scope for c in _claims(nlp, text) if c.quantity is not None] == ["", "", "", "in Korsten"]


def test_a_surname_after_a_phrase_that_opens_the_sentence_is_not_described(nlp: Any) -> None:
    text = (
        "Finance Minister Tomas Reinholt said the gap would grow. For Mr Reinholt, the awkward "
        "questions are only beginning. Mr Reinholt admitted the shortfall could reach €5 billion."
    )
    (gap,) = [c for c in _claims(nlp, text) if c.quantity is not None]
    assert "awkward" not in gap.claimant


def test_a_speaker_in_a_participle_clause(nlp: Any) -> None:
    """ "X put it bluntly, writing that ...": the participle's speaker is the clause's subject."""
    (c,) = _claims(
        nlp,
        'The mayor Anna Berg put it bluntly in a newsletter on Friday, writing that the budget "cannot '
        'stretch any further this year".',
    )
    assert c.kind == "quote" and c.claimant == "The mayor Anna Berg"


def test_two_things_said_joined_by_and_that_are_two_claims(nlp: Any) -> None:
    text = (
        "The airline said no passenger data had been lost, and that its booking system would be "
        "back online by Friday."
    )
    first, second = _claims(nlp, text)
    assert first.text == "The airline said no passenger data had been lost"
    assert first.claimant.startswith("The airline")
    assert second.text == "its booking system would be back online by Friday."
    assert second.claimant == first.claimant  # the same speaker
    # a parse that takes the "that" for a determiner of the second clause's subject
    text = (
        "Dr Miriam Sowerby, the authority's chief executive, said the median wait would fall to 10 "
        "weeks by the end of 2027, and that year-long waits would be eliminated by March 2027."
    )
    wait, year_long = _claims(nlp, text)
    assert year_long.text == "year-long waits would be eliminated by March 2027."
    assert year_long.claimant == wait.claimant and year_long.time is not None
    # a parse that hangs the second "that" clause on the verb of saying, not on the first clause
    text = (
        "Her lawyer, Sanne Oostveld, said on Thursday that no appeal had yet been filed, and that she "
        "had asked ADE to let an independent laboratory test the tubs that remain."
    )
    appeal, asked = _claims(nlp, text)
    assert appeal.text.endswith("no appeal had yet been filed")
    assert (appeal.predicate, appeal.negated) == ("file", True)
    assert asked.text.startswith("she had asked") and asked.claimant == appeal.claimant
    # without the comma the two stay one claim
    (one,) = _claims(nlp, "The mayor said the bridge was safe and that it would reopen soon.")
    assert one.text.endswith("reopen soon.")


@pytest.mark.parametrize(
    ("text", "first", "second", "speaker"),
    [
        (  # "..., and that there was ...": the second clause's subject is an expletive
            "Ms Okafor said the leak had been caused by a corroded valve, and that there was no risk "
            "to drinking water.",
            "Ms Okafor said the leak had been caused by a corroded valve",
            "there was no risk to drinking water.",
            "Ms Okafor",
        ),
        (  # the speaker's verb set off inside the first clause: "X, she said, but Y"
            "The line was running again by Monday morning, she said, but several trains had been "
            "left at the wrong depots.",
            "The line was running again by Monday morning, she said",
            "several trains had been left at the wrong depots.",
            "she",
        ),
        (  # what the subject did, and what it said: "X did A, and said B"
            "The brewery expects to book closure costs of about EUR 40 million this year, and said it "
            "would look for a buyer for the site.",
            "The brewery expects to book closure costs of about EUR 40 million this year",
            "said it would look for a buyer for the site.",
            "The brewery",
        ),
    ],
)
def test_more_ways_of_saying_two_things(nlp: Any, text: str, first: str, second: str, speaker: str) -> None:
    one, two = _claims(nlp, text)
    assert (one.text, two.text) == (first, second)
    assert two.claimant.startswith(speaker)  # the same speaker


def test_who_is_told_or_warned_is_not_who_speaks(nlp: Any) -> None:
    (told,) = _claims(nlp, "Residents have been told to boil their tap water until further notice.")
    assert told.kind == "proposal" and told.claimant == ""
    (warned,) = _claims(
        nlp, "The health agency is warning parents to keep children indoors during the heatwave."
    )
    assert warned.kind == "proposal" and warned.claimant == "The health agency"


def test_a_description_of_the_company_is_the_company(nlp: Any) -> None:
    text = (
        "Northwind Energy raised prices in October. Northwind Energy expects costs to rise. "
        "The energy supplier said bills rose 9% in the month."
    )
    said = [c for c in _claims(nlp, text) if c.quantity is not None and c.quantity.value == 9]
    assert said and said[0].claimant == "The energy supplier (Northwind Energy)"


def test_a_cruise_line_or_a_charity_described_is_the_one_named(nlp: Any) -> None:
    text = (
        "Halcyon Line said the ship would dock on Thursday. Halcyon Line has apologised to passengers. "
        "The line said every passenger would get a 50 per cent refund. Ashgrove Trust said it had lost £1m. "
        "The charity said it had recovered about £650,000."
    )
    refund, recovered = [c for c in _claims(nlp, text) if c.quantity is not None and c.quantity.value != 1e6]
    assert refund.claimant == "The line (Halcyon Line)"
    assert recovered.claimant == "The charity (Ashgrove Trust)"


def test_a_police_spokesman_does_not_speak_for_the_company(nlp: Any) -> None:
    text = (
        "Corran Airways cancelled 40 flights. Corran Airways said it was sorry. Officers at the "
        "perimeter saw the drone, a police spokesman said. The airline lost £2m, a company spokesman said."
    )
    said = {c.text[:8]: c.claimant for c in _claims(nlp, text)}
    assert "Corran" not in said["Officers"]
    assert said["The airl"] == "a company spokesman (Corran Airways)"


def test_the_company_is_not_the_union_it_negotiates_with(nlp: Any) -> None:
    text = (
        "The Harbour Workers' Union says 900 members have walked out. The Harbour Workers' Union "
        "wants a 9% rise. The Harbour Workers' Union has called it a fair claim. Kelmont Port Holdings "
        "rejected the claim. The company said the strike would cost £2m a week."
    )
    cost = [c for c in _claims(nlp, text) if c.quantity is not None and c.quantity.unit == "GBP"]
    assert cost and cost[0].claimant == "The company (Kelmont Port Holdings)"


def test_a_sentence_ends_after_a_scale_abbreviation(nlp: Any) -> None:
    text = "The insurer put the damage at about EUR 40m. Rowan Ashe, its head of claims, said it could rise."
    damage, rise = _claims(nlp, text)
    assert damage.text == "The insurer put the damage at about EUR 40m."
    assert rise.claimant.startswith("Rowan Ashe")
    # an amount and its stop kept as one token
    text = (
        "Demand peaked at 3.6 GW as temperatures fell to minus 19C. Northfield carries a third of the load."
    )
    peak, cold, third = _claims(nlp, text)
    assert cold.text == peak.text == "Demand peaked at 3.6 GW as temperatures fell to minus 19C."
    assert cold.quantity is not None and cold.quantity.value == -19
    assert third.text.startswith("Northfield")
    # no sentence starts with a lower-case word after one that ends none
    (cold,) = _claims(
        nlp, "Temperatures in Tarnholm fell to minus 19C overnight, the national weather service said."
    )
    assert cold.text.endswith("weather service said.") and cold.claimant == "the national weather service"


def test_the_day_a_statement_was_made_is_not_the_claims_time(nlp: Any) -> None:
    (c,) = _claims(nlp, "Corvant said on Tuesday it would close its brake plant in 2027.", date(2026, 9, 9))
    assert c.time is not None and c.time.iso == "2027"


def test_a_condition_is_not_what_the_claim_is_about(nlp: Any) -> None:
    (plain,) = _claims(nlp, "Voss said the union would call a strike at the plant.")
    (qualified,) = _claims(
        nlp,
        "The union will call a strike if management refuses to negotiate a redundancy package, Voss said.",
    )
    assert qualified.condition.startswith("if management refuses")
    assert not {"management", "refuse", "negotiate", "redundancy"} & set(qualified.keywords)
    assert {"union", "strike"} <= set(plain.keywords) & set(qualified.keywords)


def test_otherwise_is_a_condition_only_before_a_clause(nlp: Any) -> None:
    from claimgraph.extract.frame import find_condition

    def cond(text: str) -> str:
        return str(find_condition(nlp(text)[:]))

    assert cond('"We know people wait too long, and we will not pretend otherwise," she said.') == ""
    assert (
        cond("The firm must cut costs, otherwise the plant will close.") == "otherwise the plant will close"
    )
    # "should" before its subject is an "if"; a condition that opens the sentence ends at its comma
    assert cond("It will draft in agency workers should the strike be extended.") == (
        "should the strike be extended"
    )
    assert cond("Should the talks fail, the union will strike.") == "Should the talks fail"
    assert cond("If the sale goes ahead, 300 jobs will go.") == "If the sale goes ahead"
    assert cond("Workers should be paid more, the union said.") == ""
    # "for as long as" is a while, "as long as" a condition
    assert cond("For as long as most of us can remember, the sidings have been empty.") == ""
    assert cond("Fees are waived as long as they travel before 6 December.") == (
        "as long as they travel before 6 December"
    )
    assert cond("Symptoms can take as long as 70 days to appear.") == ""  # a length
    assert cond("Repairs could take as long as a year.") == ""
    assert cond("All 34 branches would stay open as long as a buyer was found by January.") == (
        "as long as a buyer was found by January"
    )
    # "once" is a condition of what is planned or expected, not of what happened
    assert cond(
        "The gallery is expected to reopen in late January, once a new alarm has been installed."
    ) == ("once a new alarm has been installed")
    assert cond("The crowd cheered once the band came on stage.") == ""
    # concessive "if": whatever the case
    assert cond("The water should not be drunk even if it has been boiled.") == ""
    assert cond("She said the town had voted for change, if only by a whisker.") == ""
    assert cond("Many, if not most, schools closed.") == ""
    # "but only for ...", "whenever ...", "on days when ...": on what condition (without the "but")
    assert cond("It will pay for repairs, but only for drivers who lodge a claim by 4 December.") == (
        "only for drivers who lodge a claim by 4 December"
    )
    assert cond("Transceivers should be mandatory whenever the danger is rated considerable.") == (
        "whenever the danger is rated considerable"
    )
    assert cond("Skiers must carry one on days when the danger is rated high.") == (
        "on days when the danger is rated high"
    )
    # an expected act's "once": a condition
    assert cond("It expects to restore supplies within 48 hours, once every home has been checked.") == (
        "once every home has been checked"
    )


def test_a_wait_that_says_who_is_counted_is_not_a_claim(nlp: Any) -> None:
    text = (
        "A quarter of patients have been waiting for longer than six months. "
        "Of those on the list, 25% had been waiting for more than six months. "
        "Some patients waited more than 18 weeks."
    )
    assert _amounts(nlp, text) == [
        "A quarter",
        "25%",
        "more than 18 weeks",
    ]


def test_a_thousands_comma_does_not_end_a_clause(nlp: Any) -> None:
    text = (
        "Health chiefs unveiled a £240m plan, after figures showed more than 62,000 people "
        "were waiting at the end of August."
    )
    times = {
        c.quantity.text: c.time.iso if c.time else None
        for c in _claims(nlp, text, date(2026, 10, 14))
        if c.quantity
    }
    assert times == {"£240m": None, "more than 62,000": "2026-08"}  # August is the waiting list's


def test_a_time_does_not_cross_and_into_another_clause(nlp: Any) -> None:
    text = "The site opened in the early 1970s, and its six production lines were last rebuilt for electric cars."
    (lines,) = [c for c in _claims(nlp, text) if c.quantity]
    assert lines.quantity is not None and lines.quantity.value == 6 and lines.time is None


def test_a_dateline_is_no_part_of_the_first_claim(nlp: Any) -> None:
    text = (
        "TARROWBY, Nov 20 (Northline Press) - Larkspur Airways cancelled 412 flights on Thursday and Friday."
    )
    (c,) = _claims(nlp, text, date(2026, 11, 20))
    assert c.text.startswith("Larkspur Airways cancelled 412 flights")
    assert "tarrowby" not in c.keywords and "TARROWBY" not in c.subject
    assert c.time is not None and c.time.iso == "2026-11-19/2026-11-20"  # both days
    # a country and a date after the place
    text = "BRACKWATER, England, Nov 20 (MPA) - The University of Brackwater will cut about 400 jobs."
    (c,) = _claims(nlp, text, date(2026, 11, 20))
    assert c.text.startswith("The University of Brackwater") and c.time is None


def test_the_first_of_two_days_is_not_a_count(nlp: Any) -> None:
    text = "The airline cancelled 367 flights on 19 and 20 November."
    assert [
        (c.quantity.value, c.time.iso if c.time else None)
        for c in _claims(nlp, text, date(2026, 11, 25))
        if c.quantity
    ] == [(367, "2026-11-19/2026-11-20")]


def test_words_reports_use_interchangeably_are_one_word(nlp: Any) -> None:
    (jobs,) = _claims(nlp, "The closure will cost about 850 jobs, the company said.")
    (positions,) = _claims(nlp, "Some 850 positions will be eliminated, the firm said.")
    assert "job" in set(jobs.keywords) & set(positions.keywords)
    assert "job" in jobs.measure_key.split() and "job" in positions.measure_key.split()
    (docks,) = _claims(nlp, "About 1,800 dockers are on strike.")
    assert {"dock", "worker"} <= set(docks.keywords)
    from claimgraph.lexicon import synonym

    assert synonym("recruited") == synonym("hire") == ("hire",)
    assert synonym("cancelled") == synonym("scrapped") == synonym("canceled") == ("cancel",)
    assert synonym("homes") == synonym("households") == ("household",)  # "without power"
    assert synonym("stores") == synonym("shops") == ("shop",)  # "take it back to the store"
    assert synonym("hurt") == synonym("injured") and synonym("died") == synonym("killed") == ("death",)
    assert synonym("worth") == synonym("valued") == ("value",)  # "worth $210m" / "valued at $165m"
    assert synonym("overnight") == synonym("night") == ("night",)  # "spent the night" / "slept ... overnight"
    (jobless,) = _claims(nlp, "The jobless rate stood at 5.8% in September.")
    assert "unemployment" in jobless.measure_key.split()  # (the lemmatizer makes "joble" of it)
    # a word that describes another keeps its own meaning: a firm offer is no company
    (offer,) = _claims(nlp, "The operator made a firm offer of a 4% pay rise.")
    assert "firm" in offer.keywords and "company" not in offer.keywords


def test_the_event_a_count_takes_part_in_is_no_scope(nlp: Any) -> None:
    (c,) = _claims(nlp, "About 1,800 dockers are taking part in the action, the union said.")
    assert c.scope == ""


def test_what_changed_and_words_quoted_are_no_scope(nlp: Any) -> None:
    text = (
        "The university will close a £34 million budget deficit caused largely by a slump in overseas "
        'recruitment. Lecturers say they are "in shock" after bosses confirmed that around 400 jobs will go.'
    )
    assert [c.scope for c in _claims(nlp, text)] == ["", ""]
    (c,) = _claims(nlp, "The ban covers 1.3 million customers in the three eastern districts.")
    assert c.scope == "in the three eastern districts"


def test_an_officer_speaks_for_their_organization(nlp: Any) -> None:
    text = (
        "Halbrook Port Holdings said the port would stay open. HPH chief executive Adrian Pell "
        "said the offer was fair. The company would bring in agency crews, Pell added. "
        '"We apologise," said Miriam Castell, Wendmoor’s chief executive. '
        "Ms Castell said customers would be offered credit monitoring."
    )
    claimants = {c.claimant for c in _claims(nlp, text) if c.claimant}
    assert "Pell (HPH chief executive Adrian Pell; Halbrook Port Holdings)" in claimants
    assert "Ms Castell (Wendmoor’s chief executive)" in claimants
    text = (
        "Larkspur Airways cancelled 412 flights on Thursday. Larkspur, the largest carrier at "
        "Tarrowby, flies to 60 airports. Chief executive Ilse Varga said the system had failed."
    )
    assert "Chief executive Ilse Varga (Larkspur)" in {c.claimant for c in _claims(nlp, text)}
    # a title that names its organization by a description: that organization, not the company
    text = (
        "Halmshire Health Authority unveiled a plan. Harlow Hospital Trust said 400 beds were shut. "
        "Dr Miriam Sowerby, chief executive of the authority, said waits would fall."
    )
    assert "Dr Miriam Sowerby, chief executive of the authority (Halmshire Health Authority)" in {
        c.claimant for c in _claims(nlp, text)
    }


def test_who_blames_a_cause_makes_a_claim(nlp: Any) -> None:
    (c,) = _claims(nlp, "Larkspur blamed a botched upgrade to the system it uses to roster pilots.")
    assert c.kind == "attribution" and c.claimant == "Larkspur"


def test_where_a_share_holds(nlp: Any) -> None:
    (ballot, _turnout) = _claims(
        nlp, "Of the members who voted in the ballot, 87% backed action, on a turnout of 71%."
    )
    assert ballot.scope == "the members who voted in the ballot"
    (share,) = _claims(
        nlp, "Roughly 60% of the departures it had scheduled across its network for Thursday did not operate."
    )
    assert share.scope == "across its network"


def test_a_vote_count_says_which_way(nlp: Any) -> None:
    text = "Nine members of the committee voted in favour, while four voted against. Five voted for it."
    ways = {c.quantity.value: c.measure for c in _claims(nlp, text) if c.quantity}
    assert ways[9].endswith("favour") and ways[4].endswith("against") and ways[5].endswith("favour")
    from claimgraph.lexicon import word_class

    assert word_class("against") == "oppose" and word_class("favour") == "support"


def test_an_amount_that_describes_who_is_counted_is_not_a_claim(nlp: Any) -> None:
    text = (
        "Pupils without two recorded doses will be asked to stay at home for 21 days. "
        "Profit rose to 380 million euros, compared with 355 million euros expected by analysts. "
        "The grocer ended June with 638 stores, up from 520 a year earlier."
    )
    assert _amounts(nlp, text) == [
        "21 days",
        "380 million euros",
        "355 million euros",
        "638",
        "520",
    ]


def test_a_counted_subject_is_measured_by_what_it_did(nlp: Any) -> None:
    measures = {
        c.quantity.text: c.measure_key
        for c in _claims(
            nlp,
            "Eleven have needed hospital treatment. "
            "Fourteen of those who have fallen ill have been admitted to hospital. "
            "Health authorities have confirmed 23 cases, 14 of which required hospital treatment. "
            "Of those, 19 have been ill enough to need treatment in hospital. "
            "All 1,200 people who work at the plant will lose their jobs.",
        )
        if c.quantity
    }
    assert measures["Eleven"] == "hospital needed treatment"
    assert measures["Fourteen"] == "admitted hospital"  # not "those"
    assert measures["14"] == "hospital required treatment"  # not "which"
    assert measures["19"] == "hospital need treatment"  # treatment in hospital
    assert measures["1,200"] == "cut job people"  # not "all"; jobs lost are jobs cut
    (one_of,) = _claims(nlp, "Oskar is one of 23 people who have fallen ill in the outbreak.")
    assert one_of.measure_key == "fallen people"  # people who fell ill, not people


def test_an_amount_claimed_is_no_statement(nlp: Any) -> None:
    # "claim" reports in "claimed that ...", but "can claim €120" is what families may get
    (c,) = _claims(nlp, "Families who lost power can claim €120 from the regional distributor.")
    assert "claim" in c.measure_key.split() and "power" not in c.measure_key.split()


def test_what_an_amount_of_belongs_to(nlp: Any) -> None:
    (charge,) = _claims(nlp, "It expects to book restructuring costs of about EUR 90 million this year.")
    assert charge.measure == "book restructuring costs"
    # "by 23%" hung on a verb inside the object: what was cut is the risk
    (risk, _size) = _claims(
        nlp,
        "A weekly pill cut the combined risk of dying from heart disease or being admitted to hospital "
        "by 23%, in a trial of nearly 5,000 patients.",
    )
    assert "risk" in risk.measure_key.split() and not risk.measure.endswith(" by")


def test_scheduled_and_detected_events_with_a_time_are_claims(nlp: Any) -> None:
    (due,) = _claims(nlp, "The bank's next rate announcement is due in December.")
    assert (due.kind, due.predicate, due.time is not None) == ("event", "due", True)
    (detected,) = _claims(nlp, "Staff discovered the intrusion on 9 November.")
    assert (detected.kind, detected.predicate) == ("event", "discover")
    # whose beginning it is, is the subject of the verb above ("expects to start")
    (_jobs, start) = _claims(
        nlp,
        "Tarrant Quay expects to start on site in March 2027 and says the scheme will support 1,200 jobs.",
    )
    assert (start.kind, start.predicate) == ("event", "start")
    assert start.measure.startswith("start Tarrant Quay")  # (and where: "site")
    assert _claims(nlp, "The bank's next rate announcement is due.") == []
    # an outcome verb under another ("remain cut off") is no event of its own
    assert [c.kind for c in _claims(nlp, "Twenty villages remain cut off by road.")] == ["quantity"]


def test_an_amount_in_a_relative_clause_is_not_the_events(nlp: Any) -> None:
    text = "Wendmoor, which supplies 1.2 million customers, first detected the intrusion on 9 November."
    kinds = sorted(c.kind for c in _claims(nlp, text))
    assert kinds == ["event", "quantity"]


def test_according_to_names_no_more_than_its_noun_phrase(nlp: Any) -> None:
    text = "According to the council's local plan the city needs to build around 1,100 homes a year."
    (c,) = _claims(nlp, text)
    assert c.claimant == "the council's local plan"
    (d,) = _claims(
        nlp, "It is the worst outbreak since 2011, according to epidemiologists at the University of Tarrow."
    )
    assert d.claimant == "epidemiologists at the University of Tarrow"


def test_who_places_a_figure_at_a_value_reports_it(nlp: Any) -> None:
    (depth,) = _claims(nlp, "The GSMN placed the hypocentre at a depth of about 10 km.")
    assert depth.claimant == "The GSMN"
    (cordon,) = _claims(nlp, "Police placed a cordon around the site on Monday.", date(2026, 11, 25))
    assert (cordon.kind, cordon.claimant) == ("event", "")  # placing a thing is an act


def test_its_figures_are_the_figures_of_the_clause_subject(nlp: Any) -> None:
    """ "according to its latest figures": whose the figures are is the subject of the clause
    the phrase belongs to, given first, the document in brackets (where they match another
    claim of that source's but do not tell two sources apart)."""
    text = (
        "Ravelle is one of three runners banned in 2026, and ADE has carried out 1,240 tests "
        "across all sports so far this year, according to its latest figures. "
        "They spent £4m, according to their accounts."
    )
    tests = next(c for c in _claims(nlp, text) if c.quantity is not None and c.quantity.value == 1240)
    assert tests.claimant == "ADE (its latest figures)"
    (spent,) = _claims(nlp, "They spent £4m, according to their accounts.")
    assert spent.claimant == "their accounts"  # a pronoun names no one


def test_a_comparison_is_of_the_same_period_and_an_age_group_is_no_amount(nlp: Any) -> None:
    text = "Only 81 per cent of five-year-olds were vaccinated last year, compared with a national average of 89%."
    found = _claims(nlp, text, date(2026, 10, 6))
    local, national = found  # not "five-year"
    assert (local.quantity.text, national.quantity.text) == ("Only 81 per cent", "89%")  # type: ignore[union-attr]
    assert (
        local.time is not None and national.time is not None and national.time.iso == local.time.iso == "2025"
    )
    text = "Only 81 per cent of pupils were vaccinated last year, compared with 89 per cent nationally."
    found = _claims(nlp, text, date(2026, 10, 6))
    assert [c.time.iso if c.time else None for c in found] == ["2025", "2025"]
    # (a change is not: "up from 75%" has a period of its own, which the sentence does not give)
    text = "Only 81 per cent of pupils were vaccinated last year, up from 75 per cent."
    assert [c.time.iso if c.time else None for c in _claims(nlp, text, date(2026, 10, 6))] == ["2025", None]
    # one person's age is a claim
    (age,) = _claims(nlp, "Her four-year-old son was treated in hospital.")
    assert age.quantity is not None and age.quantity.value == 4


def test_that_night_is_the_day_last_named(nlp: Any) -> None:
    text = (
        "More than 300,000 homes lost power after a fire at the substation on Monday evening. "
        "That night the temperature dropped to minus 24 degrees. Temperatures fell to minus 19C overnight."
    )
    homes, night, overnight = _claims(nlp, text, date(2026, 11, 18))
    assert homes.time is not None and homes.time.iso == "2026-11-16"
    assert night.time is not None and (night.time.iso, night.time.text) == ("2026-11-16", "That night")
    assert overnight.time is not None and overnight.time.iso == "2026-11-16"
    # nothing named before: no day
    (alone,) = _claims(nlp, "Temperatures fell to minus 19C overnight.")
    assert alone.time is None


def test_a_condition_said_in_the_next_sentence(nlp: Any) -> None:
    text = (
        "Affordable housing will make up 35% of the homes. That share, however, depends on the "
        "developer securing grant funding. The scheme has 1,450 homes."
    )
    share, homes = _claims(nlp, text)
    assert share.condition == "depends on the developer securing grant funding"
    assert homes.condition == ""  # and no claim of its own


def test_what_lasts_is_the_subject_of_the_verb_above(nlp: Any) -> None:
    (c,) = _claims(nlp, "The walkout is scheduled to last a fortnight.")
    assert c.quantity is not None and (c.quantity.value, c.quantity.unit) == (2, "week")
    assert "strike" in c.measure_key.split()  # (a walkout is a strike)


def test_where_a_count_holds_after_its_own_phrase(nlp: Any) -> None:
    (sold,) = _claims(
        nlp, "The bags were sold in 620 shops across the Carrow Valley, including corner shops."
    )
    assert sold.scope == "across the Carrow Valley"
    (reached, _) = _claims(nlp, "The product reached 620 stores nationwide through two distribution centres.")
    assert reached.scope == "nationwide"


def test_who_a_share_of_people_is_of_is_its_scope(nlp: Any) -> None:
    (c,) = _claims(nlp, "Union officials said 87% of the port's workforce had backed the strike in a ballot.")
    assert c.scope == "the port's workforce"
    # (what they are is what is measured: "60 per cent of cases are in children under ten")
    (kids,) = _claims(nlp, "Around 60 per cent of cases are in children younger than ten.")
    assert "children" in kids.scope


def test_a_second_verb_with_a_time_to_come_is_a_claim_of_its_own(nlp: Any) -> None:
    text = (
        "The regulator said it would investigate the outage and expected to publish its findings "
        "by the end of January."
    )
    found = _claims(nlp, text, date(2026, 11, 20))
    inquiry, findings = sorted(found, key=lambda c: -len(c.text))
    assert findings.text == "expected to publish its findings by the end of January"
    assert text[findings.start : findings.end] == findings.text
    assert (findings.kind, findings.predicate, findings.claimant) == ("event", "publish", "The regulator")
    assert findings.time is not None and findings.time.iso == "2027-01"
    assert "january" not in findings.measure_key.split()
    assert inquiry.time is None  # the inquiry is not dated by the findings' month
    # a dated detection, opening, beginning ... said on the side is a claim too, past or not
    text = "The attackers copied 1.2 million records before they were detected in early November."
    found = _claims(nlp, text, date(2026, 11, 20))
    copied, detected = sorted(found, key=lambda c: c.start)
    assert (detected.kind, detected.predicate, detected.text) == (
        "event",
        "detect",
        "before they were detected in early November",
    )
    assert copied.time is None and detected.time is not None and detected.time.iso == "2026-11-01/2026-11-10"
    # a time gone by in the second verb's words belongs to what the sentence says there
    past = _claims(nlp, "The group employs 9,000 people and had revenue of EUR 2.4bn last year.")
    assert sorted(c.kind for c in past) == ["quantity", "quantity"]
    # a clause of its own, with its own subject and a time to come, when the first has its own
    text = "Construction is due to start in 2028 and the runway is expected to open in 2035."
    start, opening = sorted(_claims(nlp, text, date(2026, 11, 23)), key=lambda c: c.start)
    assert opening.text == "the runway is expected to open in 2035."
    assert (opening.predicate, opening.time and opening.time.iso) == ("open", "2035")
    assert start.time is not None and start.time.iso == "2028"
    # what is due is the act to come, when it is a known kind of act ("due to start" and
    # "expected to begin" are one beginning; "due to resume" stays what is due)
    assert (start.kind, start.predicate, start.measure_key) == ("event", "start", "construction")
    (scheduled,) = _claims(nlp, "Main construction is scheduled to start in 2028.", date(2026, 11, 23))
    assert (scheduled.kind, scheduled.predicate) == ("event", "start")
    # (one time for both clauses: one claim)
    text = "The council approved the scheme and the runway is expected to open in 2035."
    assert len(_claims(nlp, text, date(2026, 11, 23))) == 1


def test_unable_to_do_a_thing_is_not_doing_it(nlp: Any) -> None:
    unable, could_not = _claims(
        nlp,
        "Dr Ines Falk said the ground had been unable to hold any more water by the time it failed. "
        '"The ground simply could not hold any more water," she said.',
    )
    assert (unable.predicate, unable.negated) == (could_not.predicate, could_not.negated) == ("hold", True)


def test_nobody_doing_a_thing_is_not_doing_it(nlp: Any) -> None:
    none, nobody = _claims(
        nlp,
        "Wendmoor Police have said none of their own officers saw the device. Residents told the "
        "Courier that nobody from the council had knocked on their doors.",
    )
    assert (none.predicate, none.negated, nobody.predicate, nobody.negated) == ("see", True, "knock", True)


def test_no_evidence_that_something_happened_says_it_did_not(nlp: Any) -> None:
    (c,) = _claims(nlp, "The agency said there was no evidence that the virus had spread beyond the county.")
    assert (c.predicate, c.negated) == ("spread", True)
    assert "evidence" not in c.measure_key.split()  # what is said is about the virus
    (seek,) = _claims(nlp, "Corvant said it would seek a buyer for the site.")
    (no,) = _claims(nlp, "A spokeswoman said the company was not looking for a buyer for the site.")

    assert contradicts(seek.predicate, seek.negated, no.predicate, no.negated)


def test_what_someone_declined_to_do_is_their_statement(nlp: Any) -> None:
    text = (
        "Treasury minister Paul Faraday said the case was under review. "
        "He declined to rule out a taxpayer-funded rescue. "
        "Workers leaving the gates declined to speak to reporters. "
        "Army trucks ferried water to families who had refused to leave."
    )
    claims = _claims(nlp, text)
    (rescue,) = [c for c in claims if "rescue" in c.text]
    assert (rescue.kind, rescue.predicate, rescue.negated) == ("attribution", "rule out", True)
    assert rescue.claimant == "He (Treasury minister Paul Faraday)"
    # declining to speak says nothing to check; a refusal inside a relative clause is no statement
    assert [c for c in claims if "speak" in c.text or "refused" in c.text] == []


def test_a_commitment_is_a_proposal_and_a_signal_is_said(nlp: Any) -> None:
    (school,) = _claims(
        nlp,
        "The company has also pledged to build a primary school, but only after the first homes are occupied.",
    )
    assert (school.kind, school.condition) == ("proposal", "only after the first homes are occupied")
    assert _claims(nlp, "Rivals that once promised groceries in minutes have since folded.") == []
    (signal,) = _claims(nlp, "Valstad signalled that the bank expected to reduce rates further in 2027.")
    assert (signal.kind, signal.claimant) == ("attribution", "Valstad")
    # a pledge to do something, told as a noun, is one too; the ages it names are who, not amounts
    (pledge,) = _claims(
        nlp, "Ministers repeated a pledge to bring 18- to 20-year-olds onto the adult rate by 2029."
    )
    assert (pledge.kind, pledge.quantity) == ("proposal", None)
    # an offer or an agreement to do something is a commitment too, with its condition and its
    # own time, not the condition's
    (offer,) = _claims(
        nlp,
        "Ministers have offered to backdate the rise to September if the deal is signed before Christmas.",
        published=date(2026, 11, 20),
    )
    assert (offer.kind, offer.condition) == ("proposal", "if the deal is signed before Christmas")
    assert offer.time is not None and offer.time.iso == "2026-09"
    (agreed,) = _claims(nlp, "The club has agreed to repay every season-ticket holder.")
    assert agreed.kind == "proposal"


def test_a_relative_clause_is_no_part_of_the_speaker(nlp: Any) -> None:
    (c,) = _claims(
        nlp, "Wendmoor, whose headquarters overlooks the reservoir, said it had detected the intrusion."
    )
    assert c.claimant == "Wendmoor"
    (d,) = _claims(nlp, "Dr Ilse Marrow, the agency's director of public health, said the virus had spread.")
    assert d.claimant == "Dr Ilse Marrow, the agency's director of public health"


def test_the_company_is_not_a_place_nor_the_outlet(nlp: Any) -> None:
    text = (
        "Pellbrook Foods recalled 180,000 bags of salad on Friday, FreshChain Review has learned. "
        "The bags were made at its factory in Ostreham, and production at the Ostreham plant has stopped. "
        "Pellbrook Foods said the recall would cost €9 million. It said sales had fallen 15%. "
        "A union official at Ostreham said 40 workers were sent home. FreshChain Review asked for comment. "
        "FreshChain Review readers have written in."
    )
    art = Article(
        url="https://x.example/a",
        title="",
        text=text,
        outlet="FreshChain Review",
        published=date(2026, 10, 20),
    )
    claimants = [c.claimant for c in extract(art, nlp=nlp)]
    assert "It (Pellbrook Foods)" in claimants


def test_a_quotation_of_two_sentences_is_one_claim(nlp: Any) -> None:
    text = (
        "The lights failed at six. “It went pitch black and then it went very quiet. Then you started to "
        'feel the cold creeping in,” said Salo. "It was the worst night," said Berg. "No one came."'
    )
    quotes = [c for c in _claims(nlp, text) if c.kind == "quote"]
    assert [c.text[:12] for c in quotes] == ["“It went pit", '"It was the ']
    assert quotes[0].text.endswith("said Salo.") and quotes[0].claimant == "Salo"


def test_a_dated_beginning_in_a_relative_clause(nlp: Any) -> None:
    text = (
        "Car horns sounded along the dock road as the strike by the dockers, which began earlier "
        "this week, showed no sign of ending."
    )
    (c,) = _claims(nlp, text, published=date(2026, 11, 27))
    assert (c.kind, c.measure, c.predicate) == ("event", "begin strike", "begin")
    assert c.time is not None and c.time.iso == "2026-11-23/2026-11-26"  # Monday to the day before
    assert "horn" not in c.keywords  # what the event is about, not the rest of the sentence
    # beside an amount the sentence states, the event is a claim of its own, with its own words
    wants, began = _claims(nlp, "The union, which began the strike on Monday, wants 9%.")
    assert (wants.kind, began.kind, began.text) == (
        "quantity",
        "event",
        "The union, which began the strike on Monday",
    )


def test_an_outcome_in_its_own_clause_beside_an_amount(nlp: Any) -> None:
    text = (
        "The carrier's crew-rostering platform crashed on the morning of Thursday 19 November, and "
        "the airline ultimately cancelled 367 flights on 19 and 20 November, according to figures it "
        "filed with the regulator."
    )
    claims = _claims(nlp, text, published=date(2026, 11, 25))
    (amount,) = [c for c in claims if c.kind == "quantity"]
    (event,) = [c for c in claims if c.kind == "event"]
    assert (
        event.text == "The carrier's crew-rostering platform crashed on the morning of Thursday 19 November"
    )
    assert text[event.start : event.end] == event.text
    assert event.time is not None and event.time.iso == "2026-11-19"
    # the figures are the second clause's source, not the crash's
    assert (event.claimant, event.modality) == ("", "asserted")
    assert amount.claimant == "figures it filed with the regulator"


def test_a_statement_beside_an_amount_given_as_its_reason(nlp: Any) -> None:
    text = (
        'The Hospital Doctors\' Union said the plan was "built on sand" because the region was '
        "already short of about 140 consultants."
    )
    claims = _claims(nlp, text)
    assert [c.kind for c in claims] == ["quantity", "attribution"]
    said = claims[1]
    assert said.text == 'The Hospital Doctors\' Union said the plan was "built on sand"'
    assert text[said.start : said.end] == said.text
    assert said.claimant == "The Hospital Doctors' Union" and "sand" in said.measure_key.split()
    # an amount in what is said is the claim, alone
    assert [c.kind for c in _claims(nlp, "The company said sales rose by 5% because prices went up.")] == [
        "quantity"
    ]
    # what is said first, and then, by the same source, "along with" an amount
    text = (
        "Names, home addresses and email addresses were taken, the company said, along with the "
        "account numbers of around 38,000 customers."
    )
    amount, said = _claims(nlp, text)
    assert amount.quantity is not None and amount.quantity.value == 38_000
    assert said.text == "Names, home addresses and email addresses were taken, the company said"
    assert said.claimant == "the company" and "email" in said.measure_key.split()
    # a parse that leaves nothing said ("it could take | two to three weeks before ...")
    text = "Vasko said it could take two to three weeks before the floodwaters fully recede."
    assert [c.kind for c in _claims(nlp, text)] == ["quantity"]


def test_a_person_is_who_not_what_is_measured(nlp: Any) -> None:
    text = (
        "Estravan distance runner Hanna Ravelle has been banned from competition for four years. "
        "Downstream, the Marn crested at 7.8 m in Tavrin late on Monday."
    )
    ban, crest = _claims(nlp, text, published=date(2026, 11, 23))
    assert "ravelle" not in ban.measure_key.split() and "ban" in ban.measure_key
    # (a river the small model takes for a person keeps its name: one word is no full name)
    assert "marn" in crest.measure_key.lower().split()


def test_a_part_of_them_measures_what_the_figure_before_counts(nlp: Any) -> None:
    text = (
        "KESTLEBY, Nov 22 (MPA) - Six people were killed and 29 injured, four of them seriously, when a "
        "coach overturned on the M9. Eleven people fell ill, 27 of whom had been admitted to hospital."
    )
    by_amount = {c.quantity.text: c for c in _claims(nlp, text, published=date(2026, 11, 22)) if c.quantity}
    assert by_amount["four"].measure == "injured seriously"
    # (a part that did something is counted by what it did)
    assert "hospital" in by_amount["27"].measure


def test_a_figure_it_was_down_from_measures_the_same_thing(nlp: Any) -> None:
    text = (
        "The average two-year fixed rate was 4.62% on Friday, according to Ratewell, down from "
        "5.10% a year earlier. The bank lowered its base rate to 3.5% on Thursday. That is down "
        "from 3.75%, a drop of 0.25 percentage points."
    )
    claims = _claims(nlp, text, published=date(2026, 11, 22))
    by_amount = {c.quantity.text: c for c in claims if c.quantity}
    # "two-year" names a kind of rate; it is no figure while another is given
    assert set(by_amount) == {"4.62%", "5.10%", "3.5%", "3.75%", "0.25 percentage points"}
    assert by_amount["5.10%"].measure_key == by_amount["4.62%"].measure_key
    assert by_amount["3.75%"].measure_key == by_amount["3.5%"].measure_key
    assert "rate" in by_amount["3.75%"].keywords


def test_counts_told_by_a_number_word_or_by_a_number_that_speaks(nlp: Any) -> None:

    text = "In a poll of 22 economists published last week, 19 had forecast a reduction."
    poll = _claims(nlp, text, published=date(2026, 11, 6))
    # "19" forecast: a count of economists, not a source whose figure hides in its name
    assert [c.quantity.text for c in poll if c.quantity] == ["22", "19"]
    assert all(c.claimant != "19" for c in poll)
    text = "Yesterday's cut brings the number of reductions in 2026 to two."
    assert _amounts(nlp, text) == ["two"]
    assert _amounts(nlp, "The two sides met again.") == []
    # an organization standing as "it" announces, and slowing bond sales is not keeping their pace
    text = (
        "The bank said it would keep selling bonds at the current pace. It also announced that it "
        "would slow the pace at which it sells government bonds."
    )
    kept, slowed = _claims(nlp, text)
    assert kept.kind == "attribution" and kept.predicate == "keep"
    assert slowed.kind == "attribution" and slowed.claimant.startswith("It")
    assert contradicts("keep", False, slowed.predicate, slowed.negated)
    # (but that something slows is no event of its own)
    assert _claims(nlp, "In the first scenario, progress slows because chips run short.") == []


def test_jobs_lost_by_any_verb_are_one_measure(nlp: Any) -> None:
    cost, lose, eliminated = (
        _claims(nlp, text)[0]
        for text in (
            "The closure will cost about 850 jobs, the company said.",
            "All 1,200 people who work at the plant will lose their jobs.",
            "Some 850 positions will be eliminated, Corvant said.",
        )
    )
    for c in (cost, lose, eliminated):
        assert {"cut", "job"} <= set(c.measure_key.split()) and "cut" in c.keywords
    # a cost that is no job's stays a cost
    (bill,) = _claims(nlp, "The repairs will cost about EUR 4 million, the council said.")
    assert "cut" not in bill.measure_key.split()


def test_talks_due_to_resume_and_no_talks_arranged_contradict(nlp: Any) -> None:

    due, none = _claims(
        nlp,
        "Talks between the two sides are due to resume on Monday. No further talks have been "
        "arranged, however, a union spokesperson said.",
        published=date(2026, 11, 26),
    )
    assert (due.predicate, due.negated, none.predicate, none.negated) == ("due", False, "arrange", True)
    assert contradicts(due.predicate, due.negated, none.predicate, none.negated)


def test_a_jab_is_a_vaccination(nlp: Any) -> None:
    (never,) = _claims(nlp, "About 90 per cent of those infected had never had an MMR jab, the agency said.")
    (not_,) = _claims(nlp, "Nine in ten of the people who caught the virus had not been vaccinated.")
    assert "vaccinate" in never.keywords and "vaccinate" in not_.keywords


def test_what_a_source_would_not_say_is_the_claim(nlp: Any) -> None:
    declined, would_not = _claims(
        nlp,
        'She declined to say whether the company had paid a ransom, saying only that it was "working '
        'closely with the police". Wendmoor would not confirm whether a ransom had been paid, citing '
        "the police investigation.",
    )
    for c in (declined, would_not):
        assert c.kind == "attribution" and c.modality == "hypothetical"
        assert {"pay", "ransom"} <= set(c.measure_key.split())
        assert "police" not in c.measure_key.split()  # what it said instead, or why, is beside it
    assert (declined.claimant, would_not.claimant) == ("She", "Wendmoor")
    # what was left unsaid is no outcome: "declined" here is no fall, to contradict a rise
    assert PREDICATE_CLASS.get(declined.predicate) is None
    # a source that says whether something is so says it
    (said,) = _claims(nlp, "Wendmoor confirmed that a ransom had been paid.")
    assert said.modality != "hypothetical"


def test_what_according_to_a_source_says(nlp: Any) -> None:
    said, memo = _claims(
        nlp,
        "Varga said the outage had been caused by a faulty update to the software that matches crews "
        "to flights. According to an internal memo seen by Farewise, the crash was triggered by a "
        "software update to the platform that had been installed overnight without being fully tested.",
    )
    key = set(memo.measure_key.split())
    # what is said, without who says it or what a relative clause adds about the update
    assert {"cause", "outage", "software", "update"} <= key
    assert not key & {"memo", "farewise", "overnight", "instal", "test"}
    assert memo.claimant == "an internal memo seen by Farewise"
    # "caused" and "triggered", "outage" and "crash": one cause, one failure
    assert {"cause", "outage"} <= set(said.measure_key.split())


def test_lab_is_a_laboratory(nlp: Any) -> None:
    (lab,) = _claims(nlp, "Lab tests carried out on 14 October found the outbreak strain.")
    (laboratory,) = _claims(nlp, "Laboratory tests commissioned by the regulator found the strain.")
    assert "laboratory" in lab.keywords and "laboratory" in laboratory.keywords


def test_advice_to_the_reader_is_no_condition(nlp: Any) -> None:
    (c,) = _claims(
        nlp,
        "The inspectorate says it received about 1,100 complaints during its investigation, so if you "
        "complained at the time, keep a copy of your reference number.",
    )
    assert c.condition == "" and "copy" not in c.keywords and "complaint" in c.keywords
    (fare,) = _claims(nlp, "The fare will rise by 9% unless you buy a pass.")
    assert fare.condition == "unless you buy a pass"


def test_a_deadline_in_a_joined_clause_does_not_date_the_amount(nlp: Any) -> None:
    (repairs,) = _claims(
        nlp,
        "It said the line would remain closed until early 2027 and estimated the cost of repairs at "
        "4.2 million euros.",
        published=date(2026, 11, 25),
    )
    assert repairs.time is None
    (fare,) = _claims(
        nlp, "The fare stands at £2.40 and has not changed since 2023.", published=date(2026, 11, 25)
    )
    assert fare.time is not None and fare.time.relation == "since"


def test_a_company_described_at_length_is_the_company(nlp: Any) -> None:
    text = (
        "Corvane Systems will cut roughly 4,800 jobs, or about 12% of its workforce, the cloud software "
        "and payments company said on Thursday. Corvane told the Courier that 1,100 posts would go in "
        "Tessford, the company said."
    )
    art = Article(url="https://example.org/x", text=text, title="", outlet="The Tessford Courier")
    claimants = {c.claimant for c in extract(art, nlp=nlp)}
    assert "the cloud software and payments company (Corvane)" in claimants
    assert not any("Courier" in c for c in claimants)  # the outlet is not what it reports on


def test_who_it_is(nlp: Any) -> None:
    text = (
        "Stridewell said the fault had been fixed. Permway, which owns the track, said the curve had "
        "been inspected on 17 November. It said the line would remain closed until January. "
        "The inspectorate opened its investigation in March, and the inquiry drew 1,900 complaints, "
        "it said. The Federation of Rail and Transport Workers (FRTW) says two-thirds of inspections "
        "are now made by trains."
    )
    claimants = [c.claimant for c in _claims(nlp, text, published=date(2026, 11, 25))]
    assert "It (Permway)" in claimants  # the organization named last, not the most named
    assert "it (The inspectorate)" in claimants  # the sentence's own subject
    assert "The Federation of Rail and Transport Workers (FRTW)" in claimants


def test_coming_into_force_is_a_beginning(nlp: Any) -> None:
    from claimgraph.lexicon import PREDICATE_CLASS

    force, effect = _claims(
        nlp,
        "The ban will come into force on 1 December. The new rules take effect in January.",
        date(2026, 11, 24),
    )
    assert (force.kind, force.predicate, force.measure_key) == ("event", "come into force", "ban")
    assert (effect.predicate, effect.measure_key) == ("take effect", "new rule")
    assert PREDICATE_CLASS[force.predicate] == PREDICATE_CLASS[effect.predicate] == "begin"
    # an inquiry is an investigation, a patch a fix, and contesting a fine appealing it
    from claimgraph.lexicon import contradicts, synonym

    (opened,) = _claims(nlp, "The inspectorate opened its inquiry in early 2025.", date(2026, 11, 24))
    assert "investigation" in opened.keywords
    assert synonym("patched") == synonym("fix") and synonym("probe") == ("investigation",)
    assert contradicts("appeal", False, "contest", True)


def test_a_figure_said_to_be_likely_is_one_claim(nlp: Any) -> None:
    """ "admitted the shortfall was likely to grow to about €5 billion": the figure is what he
    said, not a reason beside it; no second claim of "the shortfall was likely"."""
    (c,) = _claims(
        nlp, "Mr Reinholt admitted the shortfall was likely to grow to about €5 billion by December."
    )
    assert c.quantity is not None and c.claimant == "Mr Reinholt"


def test_the_lemmatizers_slips_are_mended(nlp: Any) -> None:
    (given,) = _claims(nlp, "In its first week, the campaign delivered 4,300 doses.")
    (fined,) = _claims(nlp, "The regulator fined the app maker 38 million euros.")
    assert "dose" in given.keywords and "dos" not in given.keywords
    assert fined.predicate == "fine"
    (taxes,) = _claims(nlp, "Tax receipts from taxes on fuel fell 4% in the year.")
    assert "tax" in taxes.keywords and "taxis" not in taxes.keywords


def test_what_someone_calls_a_thing_is_what_they_say(nlp: Any) -> None:
    called, described = _claims(
        nlp,
        'Marguerite Rudd, the chief executive, calls the ban a last resort. She described the ban as "a '
        'last resort". The union called for a strike.',
    )[:2]
    for c in (called, described):
        assert c.kind == "attribution" and set(c.measure_key.split()) == {"ban", "resort"}
    assert called.claimant.startswith("Marguerite Rudd") and described.claimant.startswith("She")
    # a call for something stays a proposal
    assert _claims(nlp, "The union called for a strike.")[0].kind == "proposal"


def test_only_to_those_who_is_a_condition(nlp: Any) -> None:
    (offer,) = _claims(
        nlp,
        "The company said it would offer affected users a free year of its app, but only to those who "
        "sign up by 31 March.",
        date(2026, 11, 25),
    )
    assert offer.condition == "only to those who sign up by 31 March"
    fund = _claims(
        nlp,
        "A £2m hardship fund will be open only to businesses whose turnover falls by more than 30 per "
        "cent during construction.",
        date(2026, 11, 25),
    )[0]
    assert fund.quantity is not None and fund.quantity.text == "£2m"
    assert fund.condition.startswith("only to businesses whose turnover falls")


def test_once_inflation_is_taken_into_account_is_no_condition(nlp: Any) -> None:
    (real,) = _claims(
        nlp,
        "The institute estimates that once inflation is taken into account, funding will rise by 0.4% next year.",
    )
    assert real.condition == ""


def test_a_promise_of_none_is_negated_however_it_is_worded(nlp: Any) -> None:
    a, b = _claims(
        nlp,
        "The firm has promised there will be no compulsory redundancies among its workers for 18 months. "
        "It also promised no compulsory redundancies among store staff for 18 months.",
    )
    assert a.negated and b.negated


def test_pronouns_speak_for_whoever_spoke_last(nlp: Any) -> None:
    text = (
        "The repairs are expected to cost £18 million, the authority said. "
        "Cars could be allowed back on the bridge in February, it added. "
        "Gordon Fairley, president of the Saltmouth Chamber of Commerce, said takings had fallen by a third. "
        "He estimated that it would cost local firms £250,000 a week. "
        "Councillor Priya Castellan, who represents Saltmouth Harbour on Northfold County Council, "
        "called for an independent public inquiry. "
        "She said the last full inspection had already flagged defects."
    )
    cs = _claims(nlp, text, date(2026, 11, 23))
    by_start = {c.text.split()[0]: c.claimant for c in cs}
    assert by_start["Cars"] == "it (the authority)"
    assert by_start["He"].startswith("He (Gordon Fairley")
    assert by_start["Councillor"] == "Councillor Priya Castellan"  # not what the clause says of her
    assert by_start["She"] == "She (Councillor Priya Castellan)"
    # a ministry is no person, and who "it" is when it spoke last; a person named after her title
    text = (
        "Westlake said it would challenge the result. "
        "The ministry said the contracts would cut the average bill by about £38 a year. "
        "It said the projects would power about 6 million homes.\n\n"
        "The change would save €4.2bn a year, according to the Finance Ministry. "
        "About 600 members crowded in to hear the union's president, Dana Kovac.\n\n"
        "She told them the plan amounted to a pay cut for those who had worked the hardest."
    )
    by_start = {c.text.split()[0]: c.claimant for c in _claims(nlp, text, date(2026, 11, 23))}
    assert "Ministry" in by_start["It"]  # (the ministry the article names), not Westlake
    assert "Dana Kovac" in by_start["She"]
    # a sentence between, naming no other organization: still the one that spoke last
    text = (
        "Fraud offences rose 11%, the Statistics Bureau said.\n\n"
        "But the bureau cautioned that the fall had been flattered by a change to recording rules. "
        "The new rule means forces log only the most serious offence.\n\n"
        "It estimated that the change had removed about 90,000 offences, and said that without it "
        "the fall would have been closer to 1%."
    )
    closer = next(c for c in _claims(nlp, text, date(2026, 11, 19)) if "closer" in c.text)
    assert closer.claimant == "It (Statistics Bureau)"


def test_accepting_a_recommendation_approves_it(nlp: Any) -> None:
    accepted, turned_down = _claims(
        nlp,
        "The government accepted the recommendation of the pay review body in full. "
        "Ministers turned down the pay review body's recommendation.",
    )
    assert (accepted.kind, PREDICATE_CLASS[accepted.predicate]) == ("event", "approve")
    assert PREDICATE_CLASS[turned_down.predicate] == "reject"


def test_what_someone_has_until_a_time_to_do_is_due_by_then(nlp: Any) -> None:
    (due,) = _claims(
        nlp,
        "Under takeover rules, Ardent Ridge has until 5 p.m. on Dec. 21 to announce a firm intention to make an offer.",
        date(2026, 11, 23),
    )
    assert (due.kind, due.predicate, due.modality) == ("event", "announce", "predicted")
    assert due.time is not None and (due.time.iso, due.time.relation) == ("2026-12-21", "by")
    assert "offer" in due.measure_key.split()


def test_a_headline_states_the_figure_that_does_not_only_describe_a_thing(nlp: Any) -> None:
    a = Article(
        url="https://example.org/h",
        title="Tarrant Quay wins consent for 1,450-home Greyhope Sidings scheme with 40% affordable housing",
        text="Affordable housing will make up 35% of the homes.",
    )
    (head,) = [c for c in extract(a, nlp=nlp) if c.field == "title"]
    assert head.quantity is not None and (head.quantity.value, head.quantity.unit) == (40, "percent")


def test_a_superlative_taken_for_a_noun_keeps_its_adjective(nlp: Any) -> None:
    a, b = _claims(
        nlp,
        "The forecaster said it was the driest June-to-October period since records began. "
        "According to Caddon Water, the months from June to October were the driest since records began.",
    )
    assert "dry" in a.keywords and "dry" in b.keywords and "driest" not in b.keywords


def test_until_a_clause_is_a_condition_until_a_time_is_not(nlp: Any) -> None:
    call, closed = _claims(
        nlp,
        "The group has called on the regulator to block bonuses for executives until leakage targets are met. "
        "The line will remain closed until early 2027, the company said.",
    )
    assert call.condition == "until leakage targets are met"
    assert closed.condition == ""
    # the end of a period is how long, no condition ("for the duration of the works")
    (waived,) = _claims(
        nlp,
        "It is also calling for business rates on Tennant Road to be waived until the works are finished.",
    )
    assert waived.condition == ""
    # how a source spoke is no condition of what it says
    (staff,) = _claims(nlp, "Staff who spoke on condition of anonymity insist the alarm never sounded.")
    assert staff.condition == ""
    # a past until-clause that says when it ended is history, not a condition
    (kept,) = _claims(
        nlp, "The zone kept around 30 fishing boats in the harbour until it was lifted on Saturday afternoon."
    )
    assert kept.condition == ""
    # a verb in the present with no auxiliary; not one that says when ("until it reaches 68 in 2033")
    (cap,) = _claims(
        nlp, "The Guild wants the ministry to cap wholesale prices until Castellan resumes full production."
    )
    assert cap.condition == "until Castellan resumes full production"
    rise = _claims(nlp, "The pension age would rise by two months a year until it reaches 68 in 2033.")
    assert rise and all(c.condition == "" for c in rise)
    assert _claims(nlp, "If you are on a fixed rate, nothing happens until your deal ends.") == []


def test_should_before_its_subject_is_a_condition_in_which_no_one_speaks(nlp: Any) -> None:
    (review,) = _claims(
        nlp,
        "The opposition Civic Party has demanded an independent review of the count should the NSO's "
        "quality report confirm that the response rate fell.",
    )
    assert review.condition.startswith("should the NSO's quality report confirm")
    assert "NSO" not in review.claimant


def test_an_act_barred_until_a_condition_is_met_is_a_claim(nlp: Any) -> None:
    """Who is to confirm that the condition is met says nothing yet; the act is the claim."""
    (barred,) = _claims(
        nlp,
        "Until a skilled person appointed by the FIA confirms that its controls are effective, "
        "Thorneycroft may not onboard new high-risk clients.",
    )
    assert (barred.kind, barred.predicate, barred.negated, barred.claimant) == ("event", "onboard", True, "")
    assert barred.condition.startswith("Until a skilled person")


@pytest.mark.parametrize(
    "text",
    [
        "Nearly half of the province's schools remain closed, and many will not reopen until their "
        "buildings have been dried out and checked by engineers.",
        # past a semicolon
        "The zone kept some 30 fishing boats in port; the company said it would compensate crews, "
        "provided they can show landing records.",
        # past a colon
        "All 34 of its branches will stay open, though only to answer questions: accounts are "
        "frozen and savers cannot take money out until the fund pays them.",
    ],
)
def test_a_condition_of_another_clause_is_not_the_figures(nlp: Any, text: str) -> None:
    (figure,) = [c for c in _claims(nlp, text) if c.quantity]
    assert figure.condition == ""


def test_a_condition_before_and_a_second_figure_is_the_first_figures(nlp: Any) -> None:
    text = (
        "The ministry estimates the change would save 4.2 billion euros a year once the courts agree "
        "and 30 billion euros in total between 2028 and 2040."
    )
    year, total = (c for c in _claims(nlp, text) if c.quantity)
    assert (year.condition, total.condition) == ("once the courts agree", "")


@pytest.mark.parametrize(
    "text",
    [
        "The ministry estimates the change would save 4.2 billion euros a year once fully in force.",
        "About 450 permanent jobs would follow at the stadium once it opens.",
        "A bottle of cola will cost around 30 cents more once the levy is in force.",
        "The restructuring would save €150 million a year once completed.",
    ],
)
def test_once_the_thing_is_in_place_says_when_not_on_what_condition(nlp: Any, text: str) -> None:
    (figure,) = [c for c in _claims(nlp, text) if c.quantity]
    assert figure.condition == ""


def test_a_condition_after_but_restricts_the_figure_before_it(nlp: Any) -> None:
    (comp,) = _claims(
        nlp,
        "Under the rules, distributors must pay each household a flat €120, but only if the outage lasted more than 12 hours.",
    )[:1]
    assert comp.condition.startswith("only if the outage lasted")


def test_a_title_of_an_organization_after_a_name_describes_the_person(nlp: Any) -> None:
    text = (
        '"This is brownfield land," said Callum Reddish, managing director of Tarrant Quay. '
        "Reddish said the threat of legal action would not delay the start of work."
    )
    said = [c for c in _claims(nlp, text) if c.text.startswith("Reddish")]
    assert said and said[0].claimant == "Reddish (managing director of Tarrant Quay)"


def test_a_statement_after_an_amount_that_describes_its_claimant(nlp: Any) -> None:
    text = (
        "Lydgate Asset Management, which holds just over 7% of the shares, has already said the "
        'proposal "materially undervalues" the company.'
    )
    amount, said = _claims(nlp, text)
    assert amount.quantity is not None and amount.quantity.value == 7
    assert said.kind == "quote"
    assert said.text == 'has already said the proposal "materially undervalues" the company'
    assert text[said.start : said.end] == said.text
    assert said.claimant == "Lydgate Asset Management" and "undervalue" in said.measure_key.split()
    text = (
        "Lee Tranter, who has worked at the site for 14 years, said staff had learned of the plans "
        "from a message on their phones."
    )
    amount, said = _claims(nlp, text)
    assert amount.quantity is not None and amount.quantity.value == 14
    assert said.kind == "attribution"
    assert said.text == "said staff had learned of the plans from a message on their phones"
    # an amount in what is said: the sentence is one claim
    text = "Lydgate, which holds 7% of the shares, said the offer was worth 20% less than the stock."
    assert [c.kind for c in _claims(nlp, text)] == ["quantity", "quantity"]


def test_what_is_said_in_a_relative_clause_beside_an_amount_is_a_claim(nlp: Any) -> None:
    text = (
        "The bank was fined £42m, which the authority described as the biggest it has handed out "
        "for anti-money-laundering failings."
    )
    amount, said = _claims(nlp, text)
    assert amount.quantity is not None and amount.quantity.value == 42_000_000
    assert said.kind == "attribution" and said.quantity is None
    assert said.text == (
        "which the authority described as the biggest it has handed out for anti-money-laundering failings"
    )
    assert text[said.start : said.end] == said.text
    assert said.claimant == "the authority" and "big" in said.measure_key.split()
    # a clause that names the noun, without a comma, says nothing of its own
    text = "Coverage is below the 95% threshold that experts say is needed to stop measles circulating."
    assert [c.kind for c in _claims(nlp, text)] == ["quantity"]


def test_a_dated_event_in_a_relative_clause_beside_an_amount_is_a_claim(nlp: Any) -> None:
    text = "The bridge, which opened in 1968, carries more than 40,000 vehicles a day."
    claims = _claims(nlp, text, date(2026, 11, 23))
    (opened,) = [c for c in claims if c.kind == "event"]
    assert opened.text == "The bridge, which opened in 1968" == text[opened.start : opened.end]
    assert opened.time is not None and opened.time.iso == "1968"
    assert PREDICATE_CLASS[opened.predicate] == "open" and "bridge" in opened.keywords
    (carried,) = [c for c in claims if c.quantity]
    assert carried.quantity is not None and carried.quantity.value == 40_000 and carried.time is None


def test_the_time_a_superlative_is_measured_against_does_not_date_the_figure(nlp: Any) -> None:
    (turnout,) = _claims(
        nlp,
        "Turnout was 41.3 per cent, the lowest since the city's first mayoral election in 2006.",
        date(2026, 11, 24),
    )
    assert turnout.quantity is not None and turnout.quantity.value == 41.3
    assert turnout.time is None
    # a time in another clause still dates the figure when it is no yardstick
    (fare,) = _claims(nlp, "The adult fare, which now costs £2.40, has not gone up since 2023.")
    assert fare.time is not None and fare.time.iso.startswith("2023")
    (burned,) = _claims(nlp, "It is the worst fire in the hills since 2019, when 7,400 hectares burned.")
    assert burned.time is not None and burned.time.iso == "2019"


def test_savings_are_what_is_saved(nlp: Any) -> None:
    save, savings = _claims(
        nlp,
        "Corvane expects the restructuring to save about $600 million a year. "
        "Management expects annualised savings of about $600m.",
    )
    assert "save" in save.measure_key.split() and "save" in savings.measure_key.split()
    # finishing a degree is completing it
    done, finished = _claims(
        nlp,
        "Students already enrolled will be able to complete their degrees, the university said. "
        "The university says students on the affected courses will be able to finish their degrees.",
    )
    assert "complete" in set(done.measure_key.split()) & set(finished.measure_key.split())


def test_what_is_due_is_the_act_not_who_is_to_do_it(nlp: Any) -> None:
    first, second = _claims(
        nlp, "She is due to take office on 4 December. Ms Quennell is due to take office on 7 December."
    )
    assert first.kind == second.kind == "event"
    assert first.measure_key == second.measure_key == "office take"
    assert first.time is not None and second.time is not None and first.time.iso != second.time.iso


def test_on_a_route_is_where_an_amount_holds(nlp: Any) -> None:
    (route,) = _claims(nlp, "Northsound said about 1,900 bookings on the route had been affected.")
    assert route.scope == "on the route"
    (network,) = _claims(nlp, "Northsound says about 1,900 bookings across its network have been affected.")
    assert network.scope == "across its network"
    (debt,) = _claims(nlp, "He said the buyers would load £1.9bn of debt on to the chain to pay for it.")
    assert "chain" not in debt.scope  # where the debt goes, not where it holds


def test_weeks_pay_measures_pay(nlp: Any) -> None:
    (offered,) = _claims(nlp, "Departing staff will be offered 12 weeks' pay.")
    assert offered.quantity is not None and (offered.quantity.value, offered.quantity.unit) == (12, "week")
    assert "pay" in offered.measure_key.split()


def test_a_ships_master_is_its_captain(nlp: Any) -> None:
    union, report = _claims(
        nlp,
        "The union says the captain had been on duty for 17 hours when the ship struck the ledges. "
        "The report records that the master had been on duty for 17 hours at the time.",
    )
    assert union.measure_key == report.measure_key == "captain"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # "contains" is "includes"
        (
            "The Treasury confirmed that the settlement contains no new money for pupils with special needs. "
            "The settlement does include an extra £400m of funding for pupils with special needs.",
            "include",
        ),
        # what an inspection turned up, in other words
        (
            "She said the bridge's last full inspection, in 2023, had already flagged defects in the steel "
            "supports. The previous principal inspection, in 2023, recorded no significant defects in the "
            "steelwork, the report notes.",
            "find",
        ),
        # "looking into" a complaint is investigating it
        (
            "Police said on Friday they were not investigating any complaint connected with the election. "
            "Police confirmed on Friday that officers were looking into a complaint about the count.",
            "investigate",
        ),
        # a deal struck is an agreement reached
        (
            "Quennell said that no agreement had been reached with the Green League. "
            "Ms Quennell has already struck a deal with the Green League, the two parties confirmed.",
            "agree",
        ),
    ],
)
def test_one_outcome_said_and_denied_in_other_words_contradicts(nlp: Any, text: str, outcome: str) -> None:
    denied, said = sorted(_claims(nlp, text), key=lambda c: not c.negated)
    assert denied.negated and not said.negated
    assert PREDICATE_CLASS[denied.predicate] == PREDICATE_CLASS[said.predicate] == outcome
    assert contradicts(denied.predicate, denied.negated, said.predicate, said.negated)


def test_a_companys_sales_are_its_revenue(nlp: Any) -> None:
    revenue, sales = _claims(
        nlp,
        "Third-quarter revenue fell 6% from a year earlier. Sales fell by 9 per cent in the third quarter.",
    )
    assert "revenue" in revenue.measure_key.split() and "revenue" in sales.measure_key.split()


def test_a_condition_said_in_a_quotation_ends_with_it(nlp: Any) -> None:
    (said,) = _claims(
        nlp,
        '"We will not put a ship to sea unless we are certain it is safe," chief executive Maren Tolland '
        "said in a statement.",
    )
    assert said.condition == "unless we are certain it is safe"
    assert said.claimant.startswith("chief executive Maren Tolland")


def test_a_level_reached_at_the_end_of_a_period_holds_at_its_end(nlp: Any) -> None:
    growth, level = _claims(
        nlp,
        "The population grew by 4.6 per cent over the past decade to 8,412,300, the statistics office said.",
        published=date(2026, 11, 24),
    )
    assert growth.time is not None and growth.time.iso == "2016/2026"  # the change: the decade
    assert level.time is not None and level.time.iso == "2026"  # the level: where it ended
    (fell,) = _claims(nlp, "Stocks fell over the past two weeks to 41 days.", published=date(2026, 11, 24))
    assert fell.time is not None and fell.time.iso == "2026-11-24"


def test_a_length_of_time_that_frames_a_change_is_no_figure(nlp: Any) -> None:
    pub = date(2026, 11, 24)
    # inside a time expression: part of the time
    (rose,) = _claims(nlp, "Prices rose 5% over the past three months.", published=pub)
    assert rose.quantity is not None and rose.quantity.text == "5%"
    assert rose.time is not None and rose.time.iso == "2026-08/2026-11"
    # how long the change took: not a figure of its own, nor where it holds
    (fell,) = _claims(
        nlp, "Across all of them, stocks fell by six percentage points in a fortnight.", published=pub
    )
    assert fell.quantity is not None and fell.quantity.text == "six percentage points"
    (grew,) = _claims(nlp, "Prices rose 12% in three months.", published=pub)
    assert grew.quantity is not None and grew.quantity.text == "12%" and grew.scope == ""
    # a length of time that is the claim stays one
    (repaid,) = _claims(nlp, "The loan will be repaid in two weeks.", published=pub)
    assert repaid.quantity is not None and repaid.quantity.text == "two weeks"


def test_the_whole_a_share_is_of_is_its_scope(nlp: Any) -> None:
    (share,) = _claims(nlp, "People aged 65 and over now make up 21.3 per cent of the population.")
    assert share.scope == "the population"  # not the age group, which is what is measured


def test_the_following_day_follows_the_day_last_named(nlp: Any) -> None:
    text = "Eight were recovered alive on 20 November. The other three were brought out the following day."
    alive, dead = _claims(nlp, text, published=date(2026, 11, 27))
    assert alive.time is not None and alive.time.iso == "2026-11-20"
    assert dead.quantity is not None and dead.quantity.text == "three"
    assert dead.time is not None and dead.time.iso == "2026-11-21"


def test_a_phrase_in_a_clause_of_its_own_is_no_scope(nlp: Any) -> None:
    text = (
        "The carmaker is recalling 412,000 vehicles in four countries because a seal inside the brake "
        "master cylinder can fail in cold weather. "
        "One of 412,000 vehicles being recalled in four countries because of a faulty seal in the brake "
        "master cylinder, it is back on the road."
    )
    first, second = (c for c in _claims(nlp, text) if c.quantity is not None and c.quantity.value == 412000)
    assert (first.scope, second.scope) == ("in four countries", "in four countries")


def test_a_call_beside_an_outcome_and_an_amount_is_its_own_clause(nlp: Any) -> None:
    article = Article(
        url="http://x/a",
        outlet="X",
        title="",
        published=date(2026, 11, 27),
        text=(
            "The Tennant Road Traders' Association, which represents about 140 businesses along the "
            "route, has ruled out a legal challenge but is pressing for a business rates holiday for "
            "the duration of the works."
        ),
    )
    claims = _check(article, nlp)
    call = next(c for c in claims if c.kind == "proposal")
    assert call.text.startswith("is pressing for a business rates holiday")


def test_a_call_beside_an_amount_said_on_the_side_is_a_claim(nlp: Any) -> None:
    text = "The Arveland Confederation of Labour, which has about 900,000 members, called a nationwide strike for Dec. 9."
    kinds = sorted(c.kind for c in _claims(nlp, text, date(2026, 11, 20)))
    assert kinds == ["proposal", "quantity"]


def test_an_amount_said_on_the_side_to_hold_now_has_no_other_time(nlp: Any) -> None:
    text = "Under the bill, the pension age, currently 66, would start rising in January 2028."
    now, rising = _claims(nlp, text, date(2026, 11, 20))
    assert now.quantity is not None and now.quantity.value == 66 and now.time is None
    assert rising.time is not None and rising.time.iso == "2028-01"  # the rise's time is its own


def test_where_the_doers_come_from_is_no_scope_of_what_they_did(nlp: Any) -> None:
    text = "Fisheries ministers from the two countries agreed a 22 per cent cut in next year's cod quota."
    (cut,) = _claims(nlp, text, date(2026, 11, 23))
    assert cut.scope == ""


def test_which_way_a_share_stands_is_no_scope(nlp: Any) -> None:
    text = "More than 4,800 people responded to the spring consultation, 67 per cent of them in favour."
    share = next(c for c in _claims(nlp, text) if c.quantity is not None and c.quantity.value == 67)
    assert share.scope == ""


def test_a_time_in_a_clause_on_something_else_is_not_the_figures(nlp: Any) -> None:
    text = (
        "Morvena's government on Thursday announced a US$85 million relief package for fruit growers, "
        "after a late spring frost in the early hours of Friday 13 November destroyed much of the crop."
    )
    (package,) = _claims(nlp, text, date(2026, 11, 20))
    assert package.time is None or package.time.iso != "2026-11-13"


def test_a_scope_ends_where_a_clause_begins(nlp: Any) -> None:
    text = (
        "Some 760 homes across Longmere and Hatch End will be knocked down to make room for it. "
        "Inspectors who visited in March recorded 23 fire doors in the Ashcombe Wing that failed to "
        "close fully. "
        "The number of people infected in Kessmoor's measles outbreak has reached 112. "
        "She was stripped of the title she won in Dunmore and must give back 23,000 euros."
    )
    homes, doors, cases, prize = (c for c in _claims(nlp, text) if c.quantity is not None)
    assert homes.scope == "across Longmere and Hatch End"
    assert doors.scope == "in the Ashcombe Wing"
    assert cases.scope == ""  # the outbreak is what the cases are of, not where
    assert "Dunmore" not in prize.scope  # where the title was won


def test_a_second_place_joined_to_the_counted_noun_is_in_the_scope(nlp: Any) -> None:
    """A parse may join "the neighbouring Ashby district" to "people", not to "Carrowdale";
    it is where the figure holds all the same. A second counted noun is no place."""
    text = (
        "The reservoir supplies about 85,000 people in Carrowdale and the neighbouring Ashby district. "
        "About 9,000 people in Tarrowby and the neighbouring villages of Oxley and Brandwick were "
        "advised to shelter in place. "
        "The firm employs 300 staff in Leeds and 200 engineers."
    )
    supplied, sheltered, staff, _ = (c for c in _claims(nlp, text) if c.quantity is not None)
    assert supplied.scope == "in Carrowdale and the neighbouring Ashby district"
    assert sheltered.scope == "in Tarrowby and the neighbouring villages of Oxley and Brandwick"
    assert staff.scope == "in Leeds"


def test_a_fronted_list_of_places_and_a_place_before_a_time_are_scopes(nlp: Any) -> None:
    text = (
        "At Dunmere General, Kestlow Royal Infirmary and St Brannoc's, the region's biggest "
        "hospitals, 3,100 handovers took longer than an hour. "
        "ADE has carried out 1,240 tests across all sports this year. "
        "An estimated 412 more people than normal died in Sarenne between Nov. 12 and Nov. 22."
    )
    hospitals, sports, deaths = (c for c in _claims(nlp, text, date(2026, 11, 24)) if c.quantity is not None)
    assert hospitals.scope == "At Dunmere General, Kestlow Royal Infirmary and St Brannoc's"
    assert sports.scope == "across all sports"
    assert "between" not in deaths.scope


def test_the_place_right_after_an_object_is_its_scope_not_a_later_clauses(nlp: Any) -> None:
    text = (
        "The blast at Larkhill Court, on Fenwick Road, happened at about 2.15 a.m. on Thursday. "
        "It destroyed 12 flats in the block's east wing and scattered glass and masonry across "
        "neighbouring gardens and parked cars."
    )
    (flats,) = (c for c in _claims(nlp, text) if c.quantity is not None)
    assert flats.scope == "in the block's east wing"


def test_a_place_named_after_at_or_inside_is_a_scope(nlp: Any) -> None:
    text = (
        "She added that the bank had created 400 jobs at Albion Quay as part of its clean-up. "
        "Some 240 poultry premises lie inside the surveillance zones, the directorate said. "
        "Some 9,000 residents were told to stay inside and keep their windows shut. "
        "Turnout was 41% at the last election."
    )
    jobs, premises, residents, turnout = (c for c in _claims(nlp, text) if c.quantity is not None)
    assert jobs.scope == "at Albion Quay"
    assert premises.scope == "inside the surveillance zones"
    assert residents.scope == ""  # staying inside is no place
    assert turnout.scope == ""  # "at" a thing that is not a place by its name


def test_what_first_happened_told_on_the_side_is_a_claim(nlp: Any) -> None:
    text = (
        "More than 160,000 birds have now been culled across three farms since the virus was first "
        "confirmed at Holloway on Tuesday 17 November."
    )
    first = next(c for c in _claims(nlp, text, date(2026, 11, 25)) if c.quantity is None)
    assert first.text.startswith("since the virus was first confirmed")
    assert (first.predicate, first.time and first.time.iso) == ("confirm", "2026-11-17")


def test_not_until_a_time_says_when_a_thing_happens(nlp: Any) -> None:
    """ "did not reopen until 12.40am on Sunday" reopened then; "not until repairs were complete"
    is a condition, and the act is still denied. A clause of its own with the sentence's only
    time, beside another's amount, is a claim of its own."""
    text = (
        "Sixty-two flights were cancelled, and the runway did not reopen until 12.40am on Sunday. "
        "The council said the bridge would not reopen until March. "
        "The council said the bridge would not reopen until repairs were complete."
    )
    claims = _claims(nlp, text, date(2026, 11, 22))
    reopened = next(c for c in claims if c.text.startswith("the runway"))
    cancelled = next(c for c in claims if c.quantity is not None)
    assert (reopened.predicate, reopened.negated, reopened.time and reopened.time.iso) == (
        "reopen",
        False,
        "2026-11-22",
    )
    assert cancelled.time is None
    march, repairs = (c for c in claims if "bridge" in c.text)
    assert not march.negated and repairs.negated
    # a time to come, too: "... 4.8 billion euros, and production is expected to start in 2028"
    text = "The total investment is 4.8 billion euros, and production is expected to start in 2028."
    claims = _claims(nlp, text, date(2026, 3, 13))
    start = next(c for c in claims if c.quantity is None)
    assert start.text == "production is expected to start in 2028."
    assert (start.predicate, start.time and start.time.iso) == ("start", "2028")
    assert next(c for c in claims if c.quantity is not None).time is None


def test_a_second_act_joined_with_a_tense_of_its_own_is_a_claim(nlp: Any) -> None:
    text = (
        "A Dunmere man was arrested on Sunday and has since been released on bail on condition "
        "that he does not fly a drone. "
        "Stridewell has apologised to its users and has said it will not contest the fine. "
        "The University of Brackwater is to cut 495 posts and close 27 degree programmes."
    )
    claims = _claims(nlp, text)
    bail = next(c for c in claims if c.text.startswith("has since been released"))
    assert bail.predicate == "release" and bail.condition.startswith("on condition that")
    arrest = next(c for c in claims if c.text.startswith("A Dunmere man"))
    assert arrest.condition == ""  # the condition is the bail's, not the arrest's
    # what is said in the second act is the claim, and its sayer the sentence's subject
    appeal = next(c for c in claims if c.text == "has said it will not contest the fine")
    assert appeal.kind == "attribution" and appeal.negated and appeal.claimant == "Stridewell"
    # one act told of two things, with no tense of its own, stays one claim
    assert not any(c.text.startswith("close 27") for c in claims)


def test_a_time_of_day_alone_is_on_the_day_last_named(nlp: Any) -> None:
    text = (
        "Air traffic control halted all movements at 16:52 local time on Saturday 21 November. "
        "The runway reopened at 23:41, by which point the evening schedule had collapsed."
    )
    halt, reopen = _claims(nlp, text, published=date(2026, 11, 23))
    assert halt.time is not None and halt.time.iso == "2026-11-21"
    assert reopen.time is not None and reopen.time.iso == "2026-11-21"  # not the day of writing


def test_investing_a_sum_is_spending_it(nlp: Any) -> None:
    # "is investing £340m in the programme" / "spends £340 million on robots": one outlay
    (invest,) = _claims(nlp, "The company is investing £340m in the programme.")
    (spend,) = _claims(nlp, "Corvell spends £340 million on robots and automated storage.")
    from claimgraph.align import _measure_words

    assert _measure_words(invest) & _measure_words(spend)
