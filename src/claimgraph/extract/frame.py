"""The claim frame from a parsed sentence: measure, scope, claimant, condition, modality, polarity.

Everything here reads spaCy ``Span``/``Token`` objects and returns plain strings and flags;
no spaCy object leaves the ``extract`` package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..lexicon import PEOPLE_WORDS, PHRASAL_CLASSES, PREDICATE_CLASS, job_losses, synonym

REPORTING_VERBS = {
    "say",
    "blame",
    "tell",
    "state",
    "note",
    "argue",
    "claim",
    "warn",
    "find",
    "show",
    "report",
    "estimate",
    "insist",
    "acknowledge",
    "admit",
    "deny",
    "confirm",
    "add",
    "explain",
    "write",
    "announce",
    "predict",
    "suggest",
    "question",
    "accuse",
    "believe",
    "expect",
    "indicate",
    "signal",
    "reveal",
    "conclude",
    "contend",
    "assert",
    "maintain",
    "stress",
    "emphasise",
    "emphasize",
    "point",
    "put",
    "describe",
    "disclose",
    "forecast",
    "project",
    "calculate",
    "count",
    "record",
    "observe",
    "caution",
    "concede",
    "allege",
    "declare",
    "reckon",
    "recall",
    "tally",
    "told",
    "according",
    "set",
    "lay",
    "criticise",
    "criticize",
    "dispute",
    "reject",
    "counter",
    "respond",
    "reply",
    "urge",
    "outline",
    "publish",
    "release",
    "cite",
    "quote",
    "highlight",
    "flag",
    "list",
    "detail",
    "suspect",
}
FIGURE_VERBS = {
    "put",
    "place",
    "peg",
    "estimate",
    "count",
    "tally",
    "record",
    "report",
    "show",
    "find",
    "publish",
    "release",
    "outline",
    "forecast",
    "project",
}
# figure verbs that report a figure only with "at" ("put the cost at", not "put it gently")
_AT_VERBS = frozenset({"put", "place", "peg"})
SAY_VERBS = {"say", "tell", "add", "write", "state", "explain", "warn", "insist", "argue", "note"}
PROPOSAL_VERBS = {
    "urge",
    "propose",
    "demand",
    "appeal",
    "recommend",
    "advocate",
    "plead",
    "petition",
    "press",
}
# a commitment is a proposal its maker has to keep ("has pledged to build a school"), when it
# is what the sentence says (not "rivals that once promised groceries in minutes")
COMMITMENT_VERBS = {"pledge", "promise", "vow", "offer", "agree"}
CALL_NOUNS = {"call", "calls", "proposal", "proposals", "demand", "demands", "appeal", "plea", "request"}
# "repeated a pledge to bring 18- to 20-year-olds onto the adult rate": a commitment
COMMITMENT_NOUNS = {"pledge", "pledges", "promise", "promises", "vow", "vows"}
VAGUE_SOURCES = {
    "netizen",
    "critic",
    "user",
    "observer",
    "some",
    "many",
    "others",
    "people",
    "commentator",
    "source",
    "insider",
    "expert",
    "analyst",
    "skeptic",
    "sceptic",
    "resident",
    "campaigner",
    "developer",
    "social",
    "media",
    "online",
    "rumour",
    "rumor",
    "reader",
    "viewer",
}
DOCUMENT_NOUNS = (
    "report",
    "study",
    "paper",
    "blog post",
    "post",
    "survey",
    "filing",
    "statement",
    "press release",
    "release",
    "note",
    "analysis",
    "letter",
    "memo",
    "essay",
    "document",
    "review",
    "briefing",
    "bulletin",
    "presentation",
    "earnings call",
    "interview",
    "transcript",
    "internal data",
    "poll",
    "audit",
    "assessment",
    "journal",
    "article",
)
_CONDITION_RE = re.compile(
    r"(?:\b(?:only\s+)?if\b|\bunless\b|\bprovided\s+(?:that\s+)?|\bproviding\s+(?:that\s+)?|"
    r"\bon\s+(?:the\s+)?condition\s+(?:that\s+)?(?!of\s+anonymity\b)|"
    r"\bwith\s+the\s+(?:\w+\s+)?condition\s+that\b|"
    r"\bas\s+long\s+as\b|\bso\s+long\s+as\b|\bsubject\s+to\b|\bcontingent\s+on\b|\bconditional\s+on\b|"
    r"\bdepending\s+on\b|\botherwise\b|\bin\s+case\b|\bexcept\s+(?:if|when|where)\b|\bonce\b(?=\s+\w+\s+\w+)|"
    r"\bonly\s+(?:when|after|once)\b|\bpending\b|"
    # "(but) only for drivers who lodge a claim", "(but) only to areas declared safe"; "whenever the
    # danger is rated considerable", "on days when the danger is rated considerable"
    r"(?<=\bbut )only\s+(?:for|to|where|in)\b|\bwhenever\b|\bon\s+days\s+when\b|"
    # "block bonuses until leakage targets are met": until a clause, not a time ("until March"),
    # nor a past one that says when ("kept boats in port until it was lifted on Saturday")
    # (nor the end of a period: "waived until the works are finished", for their duration)
    r"\buntil\b(?!(?:\s+[\w'-]+){1,5}?\s+(?:was|were|had)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:on|at|last|yesterday|earlier|later)\b)"
    r"(?!(?:\s+[\w'-]+){1,5}?\s+(?:is|are)\s+(?:finished|complete|completed|over|done)\b)"
    r"(?=(?:\s+[\w'-]+){1,5}?\s+(?:is|are|was|were|has|have|had)\b)|"
    # "a free year, but only to those who sign up by 31 March", "open only to businesses whose
    # turnover falls by more than 30 per cent": a restriction on who gets it
    r"\bonly\s+(?:to|for)\s+(?:those|people|customers|users|passengers|members|households|residents|"
    r"businesses|firms|companies|traders|growers|farmers|workers|employees|families|applicants|patients|"
    r"students|pupils|schools)\s+(?:who|that|whose|which)\b|"
    # "it will draft in agency workers should the strike be extended": "should" before its subject
    r"\bshould\s+(?=(?:the|a|an|its|their|this|that|talks|it|they)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:be|fail|go|continue|collapse|last|drag|spread|rise|fall)\b)|"
    # ("... a review of the count should the NSO's quality report confirm that ...": a modal
    # "should" is followed by its verb, never by a determiner)
    r"(?<=[a-z,] )should\s+(?=(?:the|an?|its|their|his|her|these|those|any)\s))",
    re.I,
)
# a clause after "otherwise" ("..., otherwise the plant will close"), not a said-tag or an end
_CLAUSE_AFTER = re.compile(
    r"\A[,\s]*(?![\"”'])(?!(?:he|she|they|we|it)\s+(?:said|says|added)\b)[A-Za-z]+\s+[A-Za-z]+", re.I
)
_PREDICT_RE = re.compile(
    r"\b(?:will|would|could|might|may|Will|Would|Could|Might|is\s+expected\s+to|are\s+expected\s+to|expects?\s+to|forecasts?|"
    r"projects?|predicts?|is\s+set\s+to|are\s+set\s+to|is\s+likely\s+to|are\s+likely\s+to|by\s+(?:19|20)\d\d)\b",
)
_STOP_POS = {
    "DET",
    "ADP",
    "PUNCT",
    "CCONJ",
    "SCONJ",
    "PART",
    "PRON",
    "AUX",
    "SPACE",
    "SYM",
    "NUM",
    "X",
    "INTJ",
}
_GENERIC = {
    "be",
    "have",
    "do",
    "say",
    "percent",
    "per",
    "cent",
    "%",
    "time",
    "year",
    "month",
    "day",
    "week",
    "hour",
    "number",
    "figure",
    "total",
    "also",
    "about",
    "around",
    "more",
    "less",
    "than",
    "nearly",
    "almost",
    "roughly",
    "some",
    "least",
    "most",
    "over",
    "up",
    "just",
}


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: str
    vague: bool
    document: str
    verb: Token | None


# words the small model's lemmatizer gets wrong in news text ("doses" -> "dos", "fined" -> "fin",
# "progress" -> "progre", "taxes" -> "taxis"): the word's lemma, by the word
_LEMMA_FIXES = {
    "doses": "dose",
    "fined": "fine",
    "progress": "progress",
    "rostering": "roster",
    "reconnected": "reconnect",
    "taxes": "tax",
}


def lemma(t: Token) -> str:
    """A token's lower-case lemma, with the lemmatizer's known slips mended: a superlative in
    "-iest" the tagger took for a noun keeps its "-est" ("the driest since records began"),
    and is given its adjective ("dry", as "the driest period" is)."""
    fixed = _LEMMA_FIXES.get(t.lower_) or t.lemma_.lower()
    if fixed == t.lower_ and fixed.endswith("iest") and len(fixed) > 5 and fixed != "priest":
        return fixed[:-4] + "y"
    return fixed


def content_lemmas(tokens: list[Token] | Span) -> list[str]:
    """Lower-case lemmas of the content words, in order; a word reports use interchangeably
    with others is given as its class's name (:func:`claimgraph.lexicon.synonym`), unless it
    describes another word ("a firm offer" is no company)."""
    out: list[str] = []
    for t in tokens:
        if t.pos_ in _STOP_POS or t.is_stop or not any(c.isalpha() for c in t.text):
            continue
        lem = lemma(t)
        if lem in _GENERIC or len(lem) < 2:
            continue
        out += (lem,) if t.dep_ == "amod" else synonym(lem)
    return job_losses(out)


_ADDRESSEE_VERBS = frozenset({"tell", "warn", "advise", "inform", "assure", "remind", "notify"})


def _inverted_should(t: Token) -> bool:
    """A verb whose "should" comes before its subject ("should the report confirm that ..."): a
    condition, in which no one says anything yet."""
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(
        c.dep_ == "aux" and c.lower_ == "should" and c.i < subj.i for c in t.children
    )


def _in_condition(t: Token) -> bool:
    """Whether the word is in a clause that says on what condition ("if the inquiry finds ...")."""
    for a in (t, *t.ancestors):
        if a.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "until") for c in a.children
        ):
            return True
    return False


def _possessor(sent: Span, who: str) -> str | None:
    """The sentence's subject when "its" or "their" in an "according to" phrase stands for it
    ("The council has spent £4m, according to its annual report"): a name or a noun, not a
    pronoun."""
    if not re.match(r"(?i)(?:its|their)\s", who):
        return None
    # (the subject of the clause the phrase belongs to: "X is ..., and ADE has carried out
    # 1,240 tests, according to its latest figures" is ADE's)
    according = next((t for t in sent if t.lower_ == "according"), None)
    verb = according.head if according is not None else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    aside = {t.i for c in subj.children if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
    words = [t.text for t in subj.subtree if t.i not in aside and not t.is_punct]
    return " ".join(words)[:80]


def find_attribution(sent: Span) -> Attribution | None:
    """Who the sentence says makes the claim: "X said", "according to X", "a survey found"."""
    text = sent.text
    doc_phrase = _cited_document(text)
    m = re.search(r"\baccording\s+to\s+([^,.;]+)", text, re.I)
    if m:
        who = m.group(1).strip()
        # the phrase ends with its noun's own words, where a clause may follow without a comma
        # ("according to the council's local plan the city needs to build ...")
        to = next((t for t in sent if t.idx - sent.start_char == m.start(1) - 3 and t.lower_ == "to"), None)
        noun = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if noun is not None:
            end = noun.right_edge.idx + len(noun.right_edge) - sent.start_char
            if m.start(1) < end < m.end(1):
                who = text[m.start(1) : end].strip()
        if (whose := _possessor(sent, who)) is not None:
            # "ADE has carried out 1,240 tests, according to its latest figures": ADE's
            who = f"{whose} ({who})"
        return Attribution(who, _is_vague(who), doc_phrase or _cited_document(who), None)
    best: tuple[int, Token, Token] | None = None
    for t in sent:
        lem = t.lemma_.lower()
        if (
            (lem in REPORTING_VERBS and t.pos_ in ("VERB", "AUX"))
            # "The GSMN placed the hypocentre at a depth of about 10 km", "pegged the cost at"
            or (lem in _AT_VERBS and t.pos_ == "VERB" and any(c.lower_ == "at" for c in t.children))
            or (lem == "say" and t.pos_ != "NOUN")
            or (lem == "call" and t.pos_ == "VERB" and any(c.dep_ == "oprd" for c in t.children))
        ):
            if _in_condition(t) or _inverted_should(t):
                continue  # "... heavy fines if the inquiry finds that ...": the inquiry says nothing yet
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj and t.dep_ == "advcl" and t.tag_ == "VBG":
                # "X put it gently, writing that ...": the participle's speaker is its clause's subject
                subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if not subj or (subj[0].dep_ == "nsubjpass" and lem in _ADDRESSEE_VERBS):
                continue  # "customers were told to ...": who is told is not who speaks
            deps = {c.dep_ for c in t.children}
            parts = {c.lower_ for c in t.children if c.dep_ == "prt"}
            dobj_ok = any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in t.children)
            if not (
                "ccomp" in deps
                or (
                    lem in FIGURE_VERBS
                    and dobj_ok
                    and (lem not in _AT_VERBS or "at" in {c.lower_ for c in t.children})
                )
                or (lem == "blame" and dobj_ok)  # "Larkspur blamed a botched upgrade": whose account
                # "She described the ban as "a last resort"", "calls the ban a last resort": what
                # she calls it
                or (
                    lem == "describe"
                    and dobj_ok
                    and any(c.dep_ == "prep" and c.lower_ == "as" for c in t.children)
                )
                or (lem == "call" and dobj_ok and "oprd" in deps)
                or (
                    lem in SAY_VERBS
                    and t.dep_ in ("parataxis", "ROOT")
                    and t.i > sent.start + 3
                    and any(c.dep_ == "punct" for c in t.children)
                    and not dobj_ok
                )
                or (lem in ("set", "lay") and "out" in parts and not dobj_ok)
                or (lem in SAY_VERBS and re.search(r"[\"“”]", text))
            ):
                continue
            depth = _depth(t)
            if best is None or depth < best[0]:
                # "Local campaign group the Greyhope Fields Alliance has said": a parse may give
                # the verb two subjects, a description and the name; the name speaks
                best = (depth, t, next((c for c in subj if c.pos_ == "PROPN"), subj[0]))
    if best is None:
        if doc_phrase:
            return Attribution("", False, doc_phrase, None)
        return None
    _, verb, speaker = best
    if speaker.pos_ == "PRON" and speaker.lower_ in ("this", "that", "which"):
        return None
    if speaker.lower_ == "it" and verb.lemma_.lower() not in SAY_VERBS | _ORG_STATEMENT_VERBS:
        return None  # "it found", "it showed": a study or a document, said elsewhere
    if speaker.pos_ == "PRON" and speaker.lower_ not in ("he", "she", "they", "we", "i", "it"):
        return None
    if speaker.pos_ == "NUM" or speaker.like_num:
        return None  # "(of 22 economists polled,) 19 had forecast a cut": a count, not a source
    who = speaker_text(speaker)
    return replace(speaker_attribution(who), document=doc_phrase or _cited_document(who), verb=verb)


def said_clause(verb: Token) -> Token | None:
    """The verb of what a reporting verb reports: its clausal complement, or the clause it is
    told beside: "The government will suspend the tariff, she said, to keep shelves stocked"
    (whatever the parse hangs on "said"), and "Marangoni ruled out suspending the tariff,
    saying ..." (what she did to something; what she said of it is her reason, while in
    "Varga apologised, saying ..." what she said is the claim)."""
    if verb.dep_ == "parataxis":
        return verb.head
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_.lower() not in REPORTING_VERBS
        and any(c.dep_ in ("dobj", "xcomp") for c in verb.head.children)
    ):
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)


def speaker_text(speaker: Token) -> str:
    """The words naming a speaker: the subject's words, without what a relative clause says of
    it ("Wendmoor, whose headquarters overlooks the reservoir, said ...") nor an age ("said
    Salo, 68, who ..."), up to the clause or the age, without its comma."""
    aside = [
        c
        for c in speaker.children
        if c.i > speaker.i and (c.dep_ == "relcl" or (c.like_num and c.dep_ != "nummod"))
    ]
    sub = [t for t in speaker.subtree if not aside or t.i < min(x.left_edge.i for x in aside)]
    while len(sub) > 1 and sub[-1].is_punct and not (sub[-1].text == ")" and any(t.text == "(" for t in sub)):
        sub.pop()  # (but not the bracket that closes "... Workers (FRTW)")
    # nor the quotation mark that closes what was said ('..., " chief executive Maren Tolland said')
    while len(sub) > 1 and sub[0].is_punct:
        sub.pop(0)
    who = str(speaker.doc[sub[0].i : sub[-1].i + 1].text)
    return who if len(who) <= 120 else str(speaker.text)


# what an organization, standing as "it", does when it speaks ("It also announced that it would
# slow the pace of bond sales")
_ORG_STATEMENT_VERBS = frozenset({"announce", "confirm", "deny", "acknowledge", "admit", "claim", "pledge"})


def speaker_attribution(who: str) -> Attribution:
    """What is said by ``who`` (the words naming the speaker), whatever verb says it."""
    return Attribution(who, _is_vague(who), _cited_document(who), None)


def _depth(t: Token) -> int:
    d = 0
    while t.head.i != t.i and d < 50:
        t = t.head
        d += 1
    return d


def _is_vague(who: str) -> bool:
    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", who)}
    named = re.search(r"\b[A-Z][a-z]+\b", who[1:]) is not None
    return bool(words & {v.rstrip("s") for v in VAGUE_SOURCES}) and not named


_DOC_RE = re.compile(
    r"(?:(?:its|their|his|her|the|a|an|new|latest|internal|annual|quarterly|long|own|official|"
    r"regulatory|[A-Z][\w'’]+(?:'s|’s))\s+){0,3}(?:"
    + "|".join(sorted((d.replace(" ", r"\s+") for d in DOCUMENT_NOUNS), key=len, reverse=True))
    + r")\b(?:\s*,?\s*(?:titled|entitled|called|named)?\s*[\"“][^\"”]{3,80}[\"”])?",
)


def _cited_document(text: str) -> str:
    m = re.search(r"[\"“]([^\"”]{3,80})[\"”]", text)
    for dm in _DOC_RE.finditer(text):
        phrase = dm.group(0)
        # a document needs a determiner or possessive, or a quoted title
        # (a capital letter, as written: "will review the deal" cites no review)
        if '"' in phrase or "“" in phrase or re.match(r"(?:(?i:its|their|his|her|the|a|an)\s|[A-Z])", phrase):
            low = phrase.lower()
            if low.endswith(("data", "figures", "call", "plan", "proposal", "update", "release")) and not m:
                if not re.search(r"(internal|official|earnings|press)", low):
                    continue
            return phrase.strip()
    return ""


# what "as long as" measures when it gives a length or a while, not a condition: a figure and
# what it counts ("as long as 70 days", "as long as a year", "as long as several weeks")
_A_LENGTH = re.compile(
    r"\s*(?:about\s+|around\s+)?(?:[\d.,]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"a\s+few)\s*(?:\w+[- ])?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|"
    r"metres?|meters?|miles?|kilomet(?:re|er)s?|km|m|feet|foot|inches|cm|mm)\b",
    re.I,
)


# "once" and the thing the story is about in place: from when a figure holds, no condition
# ("would save €150 million a year once completed", "will cost 30 cents more once the levy is
# in force", "450 jobs would follow once it opens")
_ONCE_IN_PLACE = re.compile(
    r"\s+(?:(?:it|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:is\s+|are\s+)?)?(?:fully\s+)?"
    r"(?:opens?|completed?|built|finished|operational|in\s+(?:full\s+)?(?:force|service|operation)|"
    r"takes?\s+(?:full\s+)?effect|up\s+and\s+running)\b",
    re.I,
)


def find_condition(sent: Span) -> str:
    """The condition or exception the sentence states, from its marker to the clause end."""
    text = sent.text
    for m in _CONDITION_RE.finditer(text):
        marker = m.group(0).lower()
        if marker.startswith("once") and re.match(
            r"\s*(?:inflation|\w+\s+(?:is|are)\s+taken\s+into\s+account)\b", text[m.end() :], re.I
        ):
            continue  # "once inflation is taken into account": in real terms, no condition
        if marker.startswith("once") and _ONCE_IN_PLACE.match(text, m.end()):
            continue  # "once the runway opens", "once fully in force": when, not on what condition
        if marker.startswith(("once", "pending")):
            # temporal "once" and "pending" are conditions only in a proposal or decision context
            if not re.search(r"\b(may|can|will|would|could|only|expects?|expected|due|set)\b", text, re.I):
                continue
        if marker.strip() == "if" and re.search(
            r"\b(?:asked|wondered|know|whether|see)\s+(?:\w+\s+)?$", text[: m.start()], re.I
        ):
            continue
        if marker.strip().lower() == "if" and (
            re.search(r"\beven\s+$", text[: m.start()], re.I)
            or re.match(
                r"\s+(?:only\s+(?:by|just|for|in|slightly|narrowly|briefly)|not)\b", text[m.end() :], re.I
            )
        ):
            # "should not be drunk even if it has been boiled", "voted for change, if only by a
            # whisker", "many, if not most": whatever the case, no condition
            continue
        if marker.strip() == "otherwise" and not _CLAUSE_AFTER.match(text[m.end() :]):
            continue  # "we are not going to pretend otherwise," she said: an adverb, no condition
        if marker.startswith("should") and text.rstrip(" \"”'").endswith("?"):
            continue  # "Should the talks fail?": a question
        if marker.startswith("as long as") and re.search(r"\b(?:for|as)\s+$", text[: m.start()], re.I):
            continue  # "for as long as anyone can remember": a while, no condition
        if marker.startswith("as long as") and _A_LENGTH.match(text, m.end()):
            continue  # "can take as long as 70 days to appear": a length, no condition
        if marker.strip() == "if" and re.match(r"\s*(?:you|your)\b", text[m.end() :], re.I):
            continue  # "if you deleted your account", "if you complained": advice to the reader
        tail = text[m.start() :]
        # (a quotation that closes ends the condition said inside it: "unless we are certain it
        # is safe," chief executive Maren Tolland said)
        # (nor does it run on into a figure joined by "and": "save 4.2 billion euros a year once
        # fully in force and 30 billion euros in total between 2028 and 2040")
        end = re.search(
            r"[;:—–]|\.(?:\s|$)|,\s+(?:and|but|while|which|who|according|he|she|they)\b|\)\s|[,.?!]?[\"”]"
            r"|\s+and\s+(?=[\d€£$])",
            tail,
        )
        if not text[: m.start()].strip(" \"“'"):  # "If the talks fail, the union will strike"
            end = re.search(r",|[;:—–]|\.(?:\s|$)", tail)
        cond = tail[: end.start()] if end else tail
        cond = cond.rstrip(" ,.\"”'")
        if len(cond.split()) >= 2:
            return cond
    return _until_now(sent)


def _until_now(sent: Span) -> str:
    """ "... cap wholesale prices until Castellan resumes full production": "until" and a verb in
    the present with no auxiliary (which the pattern above needs) is a condition too; "until the
    ban was lifted on Saturday" and "until it reaches 68 in 2033" say when."""
    for t in sent:
        if (
            t.dep_ == "advcl"
            and t.tag_ in ("VBZ", "VBP")
            and any(c.dep_ == "mark" and c.lower_ == "until" for c in t.children)
        ):
            toks = sorted(t.subtree, key=lambda x: x.i)
            start = toks[0].idx - sent.start_char
            end = toks[-1].idx + len(toks[-1]) - sent.start_char
            cond = sent.text[start:end].rstrip(" ,.\"”'")
            if any(x.ent_type_ in ("DATE", "TIME") for x in toks):
                continue  # "until it reaches 68 in 2033": when, not on what condition
            if any(x.lower_ in ("you", "your") for x in toks):
                continue  # "nothing happens until your deal ends": the reader's, no claim's
            if len(cond.split()) >= 3:
                return cond
    return ""


_ADVICE = re.compile(r"\b(?:even\s+)?if\s+you\b[^.;:!?\"“”]*", re.I)


def reader_advice(sent: Span) -> str:
    """What a sentence tells its reader to do or check ("so if you complained at the time, keep
    a copy of your reference number"): neither the claim's condition nor its words."""
    m = _ADVICE.search(sent.text)
    return m.group(0).rstrip(" ,") if m else ""


def is_proposal(sent: Span) -> Token | None:
    """The verb or noun that makes the sentence a call to action, if any."""
    for t in sent:
        lem = t.lemma_.lower()
        if t.pos_ == "VERB" and lem in PROPOSAL_VERBS:
            return t
        if (
            t.pos_ == "VERB"
            and lem in COMMITMENT_VERBS
            and t.dep_ in ("ROOT", "conj", "ccomp")
            and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in t.children)
        ):
            return t
        if t.pos_ == "VERB" and lem == "call":
            kids = {c.lower_ for c in t.children} | {c.dep_ for c in t.children}
            # "called for every substation to be inspected": the "for" opens a clause of its own
            kids |= {
                m.lower_
                for c in t.children
                if c.dep_ in ("advcl", "ccomp")
                for m in c.children
                if m.dep_ == "mark"
            }
            if "for" in kids or "on" in kids or "xcomp" in kids:
                return t
        if (
            t.pos_ == "VERB"
            and lem in ("ask", "push", "want")
            and any(c.dep_ in ("xcomp", "ccomp") for c in t.children)
        ):
            if lem != "want" or any(
                c.dep_ == "nsubj" and c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for c in t.children
            ):
                if lem == "push" and not any(c.lower_ == "for" for c in t.children):
                    continue
                return t
        if t.pos_ == "VERB" and lem == "push" and any(c.lower_ == "for" for c in t.children):
            return t
        if (
            t.pos_ == "VERB"
            and lem in ("warn", "advise", "tell", "instruct")
            and any(
                c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
                for c in t.children
            )
        ):
            return t  # "customers are warned to be on their guard", "were told to boil water"
        if (
            t.pos_ == "VERB"
            and lem in ("suggest", "encourage")
            and any(c.tag_ == "VBG" and c.dep_ in ("xcomp", "dobj", "ccomp") for c in t.children)
        ):
            return t  # "suggested tracking labour-market data"
        if (
            t.lower_ in CALL_NOUNS
            and t.pos_ == "NOUN"
            and t.i + 1 < len(t.doc)
            and t.doc[t.i + 1].lower_ in ("for", "to")
        ):
            return t
        if (
            t.lower_ in COMMITMENT_NOUNS
            and t.pos_ == "NOUN"
            and t.i + 2 < len(t.doc)
            and t.doc[t.i + 1].lower_ == "to"
            and t.doc[t.i + 2].tag_ == "VB"
        ):
            return t
    return None


def modality(sent: Span, proposal: Token | None, attribution: Attribution | None, condition: str) -> str:
    if proposal is not None:
        return "proposed"
    if _PREDICT_RE.search(sent.text):
        return "predicted"
    if condition and re.match(r"(?i)(only\s+)?if|unless", condition):
        return "hypothetical"
    if attribution is not None and attribution.claimant:
        return "reported"
    return "asserted"


# a verb, its preposition and the preposition's word, saying one thing together
_PREP_IDIOMS: tuple[tuple[tuple[str, ...], str, tuple[str, ...], str], ...] = (
    (("come", "enter"), "into", ("force", "effect"), "come into force"),  # "the ban will come into force"
    (("come",), "to", ("light",), "come to light"),  # "the cracks came to light": they were found
    (("walk",), "off", ("job",), "walk out"),  # "dockers walked off the job on Tuesday"
)


PHRASAL_PREDICATES = frozenset(p for ps in PHRASAL_CLASSES.values() for p in ps if len(p.split()) == 2)
# a verb and its object saying one thing together (the object may be the subject of a passive)
_OBJECT_IDIOMS: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("take",), ("effect",), "take effect"),
    (("take",), ("place",), "take place"),
    (("strike", "reach", "seal", "sign"), ("deal", "agreement", "accord"), "reach agreement"),
)


def verb_lemma(verb: Token) -> str:
    """A verb's lemma, with its particle when the two say one thing of their own ("break out",
    "turn down": :data:`claimgraph.lexicon.PHRASAL_CLASSES`), or "say yes" / "say no"."""
    lem = lemma(verb)
    for verbs, prep, words, idiom in _PREP_IDIOMS:
        if lem in verbs and any(
            c.dep_ == "prep" and c.lower_ == prep and any(g.lower_ in words for g in c.children)
            for c in verb.children
        ):
            return idiom
    # "the rules take effect in January"; "struck a deal", "no agreement had been reached"
    for verbs, objects, idiom in _OBJECT_IDIOMS:
        if lem in verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in objects for c in verb.children
        ):
            return idiom
    for c in verb.children:
        if (
            c.dep_ == "prt"
            or (c.dep_ == "intj" and lem == "say")
            or (c.dep_ == "advmod" and c.lower_ == "aground")  # "the ship ran aground"
            or (c.dep_ == "prep" and c.lower_ == "into")  # "looking into a complaint"
        ) and f"{lem} {c.lower_}" in PREDICATE_CLASS:
            return f"{lem} {c.lower_}"
    # the particle right after the verb, whatever the parse made of it ("fire broke out there":
    # "out" hung on "there")
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.pos_ in ("ADP", "ADV", "PART") and f"{lem} {nxt.lower_}" in PHRASAL_PREDICATES:
        return f"{lem} {nxt.lower_}"
    return lem


def predicate_and_polarity(sent: Span, attribution: Attribution | None) -> tuple[str, bool]:
    """The main predicate's lemma and whether it is negated (for polarity checks)."""
    root = sent.root
    if attribution is not None and attribution.verb is not None:
        root = said_clause(attribution.verb) or root
    elif root.lemma_.lower() in REPORTING_VERBS:
        root = said_clause(root) or root
    pred = root
    # "was not breached": the participle is the predicate; "has held" likewise
    negated = any(c.dep_ == "neg" for c in pred.children)
    for c in pred.children:
        if c.dep_ in ("xcomp", "acomp") and c.pos_ in ("VERB", "ADJ"):
            negated = negated or any(cc.dep_ == "neg" for cc in c.children)
            # "had been unable to hold any more water": could not hold it
            negated = negated or (c.lower_ == "unable" and any(g.dep_ == "xcomp" for g in c.children))
            if pred.lemma_.lower() in ("be", "have", "remain", "do"):
                pred = c
    if (clause := without_evidence(pred)) is not None:
        return clause.lemma_.lower(), True
    if verb_lemma(pred) in _BELIEF_VERBS:
        # "Detectives believe the men had help": what is believed is the claim
        held = next((c for c in pred.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if held is not None:
            negated = negated != any(cc.dep_ == "neg" for cc in held.children)
            pred = held
    if verb_lemma(pred) in _SCHEDULED:
        # "construction is due to start in 2028", "is scheduled to begin": the act to come, when
        # it is a known kind of act (else what is due is the claim: "talks are due to resume")
        act = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is not None and verb_lemma(act) in PREDICATE_CLASS and verb_lemma(act) not in _LIGHT_ACTS:
            negated = negated or any(cc.dep_ == "neg" for cc in act.children)
            pred = act
    if verb_lemma(pred) == "rule out":
        # "ruled out suspending the tariff": said it would not suspend it
        act = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is not None:
            negated = not (negated or any(cc.dep_ == "neg" for cc in act.children))
            pred = act
    if verb_lemma(pred) not in PREDICATE_CLASS:
        # "voted to approve", "decided to cut": the outcome is the complement's verb
        for c in pred.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and verb_lemma(c) in PREDICATE_CLASS:
                negated = negated or any(cc.dep_ == "neg" for cc in c.children)
                pred = c
                break
    # "promised no compulsory redundancies", and "promised there will be no compulsory redundancies"
    heads = {root.i} | {
        c.i
        for c in root.children
        if c.dep_ == "ccomp" and c.lemma_ == "be" and any(g.dep_ == "expl" for g in c.children)
    }
    if any(c.dep_ == "det" and c.lower_ == "no" for t in sent for c in t.children if t.head.i in heads):
        negated = True
    # "none of their own officers saw the device", "nobody from the council had knocked"
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _NO_ONE for c in pred.children):
        negated = True
    if re.search(r"\b(?:never|neither|nor)\b", sent.text, re.I) and not negated:
        negated = any(t.lower_ in ("never", "neither", "nor") and t.head.i == pred.i for t in sent)
    if negated and (not_until(pred) or not_until(root)):
        negated = False
    return verb_lemma(pred), negated


def not_until(verb: Token) -> bool:
    """Whether a negated verb says when a thing happens, not that it does not ("did not reopen
    until 12.40am on Sunday", "is not expected before 2031"): it happens then."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("until", "till", "before")
        and any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in c.subtree)
        for v in (verb, *(c for c in verb.children if c.dep_ in ("xcomp", "acomp")))
        for c in v.children
    )


_NO_SIGN = frozenset({"evidence", "sign", "indication", "proof", "suggestion"})
_BELIEF_VERBS = frozenset({"believe", "think", "suspect", "fear"})
_NO_ONE = frozenset({"none", "nobody", "nothing", "neither", "noone"})
_SCHEDULED = frozenset({"due", "schedule", "set", "slate", "poise"})


def without_evidence(pred: Token) -> Token | None:
    """The verb of what "there was no evidence that ..." denies ("... that the virus had
    spread": it says the virus had not spread), if ``pred`` is that "was"."""
    if pred.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in pred.children):
        return None
    for noun in pred.children:
        if (
            noun.dep_ == "attr"
            and noun.lemma_.lower() in _NO_SIGN
            and any(c.lower_ == "no" for c in noun.children)
        ):
            return next(
                (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"), None
            ) or next((c for c in noun.children if _content_clause(c)), None)
    return None


def _content_clause(t: Token) -> bool:
    """A clause the parse hung on a noun as a relative clause that says what the noun is about,
    not which one it is: "no evidence the men had help" (its own subject and object; "the
    evidence the police had gathered" has no object of its own)."""
    return (
        t.dep_ == "relcl"
        and t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in t.children)
        and any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp") for c in t.children)
    )


# outcome predicates that make a sentence an event claim on their own ("the council approved
# the charge", "the dam held", "the company cut its guidance")
EVENT_CLASSES = frozenset(
    {
        "hold",
        "fail",
        "approve",
        "reject",
        "defer",
        "keep",
        "cut",
        "raise",
        "confirm",
        "deny",
        "win",
        "lose",
        "beat",
        "miss",
        "ban",
        "apologise",
        "exclude",
    }
)
# outcomes that are a claim when the sentence says when ("the clinics opened last Monday",
# "workers began a strike on Tuesday"), and not otherwise ("the school is closed")
DATED_EVENT_CLASSES = frozenset(
    {
        "begin",
        "open",
        "close",
        "announce",
        "apologise",
        "detect",
        "schedule",
        "restore",
        "apply",
        "occur",
        "arrest",
        "withdraw",
        "declare",
        "run aground",
        "strike",
    }
)
# verbs that say too little to be an act of their own
_LIGHT_ACTS = frozenset(
    {"be", "have", "do", "make", "take", "give", "get", "go", "come", "put", "see", "seem"}
)
_DATED_ACTS = DATED_EVENT_CLASSES | {"act"}
_STATES = frozenset({"be", "have", "seem", "see"})
# what says an act is to come, the act its complement ("is expected to report", "plans to strike")
_TO_COME_VERBS = frozenset({"expect", "plan", "intend", "aim", "hope", "schedule", "set"})
_TO_COME_ADJECTIVES = frozenset({"due", "set", "scheduled", "expected"})


def _planned_act(verb: Token) -> bool:
    """Whether ``verb`` is the act a sentence says is to come ("is due to leave", "is expected to
    report", "plans to strike")."""
    if verb.dep_ != "xcomp" or verb.pos_ != "VERB":
        return False
    head = verb.head
    if head.dep_ == "ROOT":
        return head.lemma_.lower() in _TO_COME_VERBS
    return head.dep_ == "acomp" and head.lower_ in _TO_COME_ADJECTIVES and head.head.dep_ == "ROOT"


def _conditioned_act(verb: Token, predicate: str) -> bool:
    """Whether the sentence's own verb tells an act allowed, barred or due on a condition it
    states ("Until a skilled person ... confirms that its controls are effective, Thorneycroft
    may not onboard new high-risk clients"): a verb of its own, with a subject that is no
    pronoun, and an object or a passive subject."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or predicate in _LIGHT_ACTS | REPORTING_VERBS | _NO_ACTS:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.pos_ != "PRON"
        and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
    )


def _dated_act(verb: Token, predicate: str) -> bool:
    """Whether the sentence's own verb tells an act, whatever the verb ("The Office for Space
    Flight Safety grounded the Corvid-2 on Thursday", "Castellan halted its tablet line on 29
    October", "The report was delivered to the authority on 20 November"): in the past or the
    passive, with a subject that is no pronoun, and no verb of a scene a report sets. A
    light verb with its particle says something ("Its systems went down on Tuesday", "put out
    its red warning on Friday"). So does an act scheduled, planned or in hand for a stated day
    ("will run until 31 January", "is expected to report by the spring")."""
    if _planned_act(verb):
        # "The inquiry is expected to report by the spring", "The Marisol Dawn is due to leave
        # on Sunday": the act is planned, with a subject of its own
        root = verb.head if verb.head.dep_ == "ROOT" else verb.head.head
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and subj.pos_ != "PRON" and predicate not in _NO_ACTS | _STATES
    particle = any(c.dep_ == "prt" for c in verb.children)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # a thing done, told in the passive ("The figures were published on Tuesday", "The count was
    # taken on 22 March"), whatever verb tells it
    done = subj is not None and subj.dep_ == "nsubjpass" and subj.pos_ == "NOUN" and predicate not in _STATES
    if not (
        verb.dep_ == "ROOT"
        and verb.pos_ == "VERB"
        and (predicate not in _LIGHT_ACTS | REPORTING_VERBS or particle or done)
    ):
        return False
    if subj is None or subj.pos_ == "PRON" or predicate in _NO_ACTS:
        return False
    # "The planned sale, agreed earlier this year, is part of ...": an aside taken for the verb
    if any(
        c.dep_ == "conj" and c.lemma_ == "be" and not any(g.dep_.startswith("nsubj") for g in c.children)
        for c in verb.children
    ):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    passive = any(a.dep_ == "auxpass" for a in aux)
    # an act told in the past ("suspended production on 3 November", "had issued a red warning
    # on Friday") or done to something ("the bridge was closed to traffic that evening"); not a
    # scene in the progressive ("was still ringing"), what had just or already happened when
    # the scene began ("had just sung its concert"), nor what a thing means or reflects now; or
    # one scheduled for a stated day ("will run until 31 January", "close on 12 February") or in
    # hand ("Ostrelle is now targeting completion in January 2027")
    scheduled = (
        any(a.lower_ in ("will", "shall") for a in aux)
        or (verb.tag_ in ("VBZ", "VBP") and not aux)
        or (
            verb.tag_ == "VBG"
            and any(a.lower_ in ("is", "are", "'s", "'re") for a in aux)
            and any(c.dep_ == "dobj" for c in verb.children)  # (not "are creeping back", "betting that")
        )
    )
    if not (
        verb.tag_ == "VBD"
        or (verb.tag_ == "VBN" and (passive or any(a.lower_ == "had" for a in aux)))
        or scheduled
    ):
        return False
    return not any(c.dep_ == "advmod" and c.lower_ in ("just", "already", "still") for c in verb.children)


# verbs of no act to check: what people and things were doing in a scene a report sets ("Velka
# woke on Wednesday", "the queue already stretched back past the ...", "walked the edge of his
# drowned fields"), what a thing means or shows, and where something spreading got to ("oil
# reached the shore on Tuesday": one of many places, unless it got there first)
_NO_ACTS = frozenset(
    "wake walk stretch spend pull sit stand watch queue rear ring tear bed sleep wait gather line "
    "look hear feel smell sing arrive mean reflect read continue remain fill show reach spread".split()
)


_EVENT_EXCLUDED = frozenset(
    {"stand", "break", "drop", "leave", "top", "lift", "back", "pass", "block", "pause", "slow"}
)


# the prepositions that say what an act is about, not to whom ("applied for a permit", "voted
# on the plan", "ruled against the merger")
_ABOUT_PREPS = frozenset({"for", "on", "against", "into", "over", "about"})


def event_frame(
    sent: Span, predicate: str, dated: bool = False, any_act: bool = False, conditioned: bool = False
) -> str:
    """The event's words (verb and its object or subject) when the predicate is an outcome
    (or, in a sentence that says when, a beginning, an opening or a closing, or with
    ``any_act`` whatever the sentence's own verb did), else ""."""
    cls = PREDICATE_CLASS.get(predicate)
    verb = next(
        (t for t in sent if verb_lemma(t) == predicate and (t.pos_ in ("VERB", "AUX") or cls == "schedule")),
        None,
    )
    if cls is None and any_act and dated and verb is not None and _dated_act(verb, predicate):
        cls = "act"
    elif cls is None and conditioned and verb is not None and _conditioned_act(verb, predicate):
        cls, dated = "act", True
    if verb is not None and verb.dep_ == "xcomp" and verb_lemma(verb.head) == "rule out":
        cls = "exclude"  # "ruled out declaring a state of emergency": the act, ruled out
    # when something first happened is a date to check, whatever happened ("oil first reached
    # the shore on Tuesday")
    first = (
        dated and verb is not None and any(c.dep_ == "advmod" and c.lower_ == "first" for c in verb.children)
    )
    # (a verb some uses of which are no outcome, "break", may still be an act with its particle:
    # "talks broke down on 13 November")
    excluded = predicate in _EVENT_EXCLUDED and not (
        verb is not None and any(c.dep_ == "prt" for c in verb.children)
    )
    if excluded or not (cls in EVENT_CLASSES or (dated and cls in _DATED_ACTS) or first):
        return ""
    if verb is None:
        return ""
    if cls == "schedule":
        # "She is due to take office on 4 December": what is due is taking office, not "she"
        act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        obj = next((c for c in act.children if c.dep_ == "dobj"), None) if act is not None else None
        if act is not None and obj is not None:
            return f"{predicate} {event_phrase(act, obj)}"
    args = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "oprd", "acomp")
        # the rules take effect, the recount takes place: the idiom's own noun is no argument
        and not (predicate.startswith("take ") and c.lower_ == predicate.split()[1])
    ]
    if not args and verb.dep_ in ("xcomp", "acomp") and cls in _DATED_ACTS:
        # "Tarrant Quay expects to start on site", "the decision is due": whose it is, is the
        # subject of the verb above
        args = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if not args and verb.head.dep_ == "acomp":  # "construction is due to start": the subject of "is"
            args = [c for c in verb.head.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not args:
        return ""
    obj = next((c for c in args if c.dep_ in ("dobj", "nsubjpass")), args[0])
    pobj = next(
        (
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        ),
        None,
    )
    if obj.dep_ == "nsubj" and obj.pos_ == "PROPN" and pobj is not None:
        # "Caddon Water applied for a drought permit": who acted, and what for
        return event_phrase(verb, obj, pobj)
    if obj.pos_ == "PRON":
        # "It applied on 9 November for a drought permit": what the event is about, not "it"
        obj = next(
            (
                g
                for c in verb.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj" and g.pos_ == "NOUN"
            ),
            obj,
        )
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if first and subj is not None and obj is not subj:
        # what first happened is the subject's doing: "oil first reached the shore" and "oil
        # first reached Merrow Sands" are one event
        return event_phrase(verb, subj, obj)
    return event_phrase(verb, obj)


def event_phrase(verb: Token, *nouns: Token) -> str:
    """An event's words: its verb, then what it is about ("cut guidance", "begin strike"; "apply
    Caddon Water drought permit" for who acted and what for)."""
    words = [
        t.text
        for noun in nouns
        for t in noun.subtree
        if t.i <= noun.i and t.dep_ not in ("det", "poss", "case", "punct")
    ]
    return " ".join([verb_lemma(verb), *words])


def measure_and_scope(sent: Span, a_start: int, a_end: int) -> tuple[str, str, str]:
    """(measure text, scope text, subject text) for the amount at char offsets in the doc."""
    doc = sent.doc
    toks = [t for t in sent if t.idx < a_end and t.idx + len(t) > a_start]
    if not toks:
        return "", "", ""
    span_ids = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in span_ids or t.head.i == t.i), toks[-1])
    measure_toks: list[Token] = []
    scope = ""
    # "80% of merged code in its main codebase"
    of = next((c for t in toks for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "of":
        of = doc[head.i + 1]
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ != "PRON":  # "14 of which", "Fourteen of those": no measure
            measure_toks = [t for t in pobj.subtree if t.i <= pobj.i and t.i not in span_ids]
            scope = _scope_of(pobj) or _scope_after(pobj)
            if set(synonym(pobj.lemma_.lower())) & PEOPLE_WORDS and _clause_verb(head).lemma_ != "be":
                # "87% of the port's workforce had backed the strike": who the people are is the
                # scope too (but "60 per cent of cases are in children under ten" says who)
                sub = list(pobj.subtree)
                scope = doc[sub[0].i : sub[-1].i + 1].text
            head = pobj
    if (
        not measure_toks
        and head.dep_ == "pobj"
        and head.head.lower_ in ("by", "at", "to")
        # (the verb above, through what the parser hung the "by" on: "raise the wage for workers
        # aged 21 and over by 4.4%")
        and (changed := _clause_verb(head.head.head)).pos_ == "VERB"
        and (obj := _changed_object(changed)) is not None
    ):
        # "lowered the combined risk of death by 23 per cent", "put its share of merged code in
        # the main codebase at over 80%": what is measured is the object, where it holds its scope
        place = _place_phrase(obj)
        by = {t.i for t in head.head.subtree}
        measure_toks = [
            t
            for t in obj.subtree
            if t.dep_ not in ("det", "poss", "case") and t.i not in span_ids | place | by
        ]
        scope = _phrase_text(sent.doc, place) if place else _scope_of(obj)
        head = obj
    prev = doc[toks[0].i - 1] if toks[0].i > sent.start else None
    if not measure_toks and (
        (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN")
        # "costs of about EUR 90 million", the qualifier parsed as a preposition of its own
        or (prev is not None and prev.lower_ == "of" and prev.head.pos_ == "NOUN" and prev.head.i < prev.i)
    ):
        # "net profit of €412 million": the noun the amount belongs to
        noun = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else prev.head  # type: ignore[union-attr]
        measure_toks = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "poss", "case")]
        scope = _scope_of(noun)
        head = noun
    if (
        not measure_toks
        and head.dep_ in ("nummod", "quantmod", "compound", "amod", "poss")
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = head.head
        measure_toks = [t for t in noun.subtree if t.i <= noun.i and t.i not in span_ids and t.dep_ != "det"]
        # (or the place right after it that the parse hung on the verb: "destroyed 12 flats in
        # the block's east wing", not a place the sentence goes on to)
        scope = _scope_of(noun) or (_scope_after(noun) if _place_next(noun) else "")
        head = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            measure_toks = [noun.head.head, *measure_toks]  # "a trial of nearly 5,000 patients"
        elif noun.dep_ == "pobj" and noun.head.head.lower_ == "one":
            # "Oskar is one of 23 people who have fallen ill": the people are counted by what
            # they did
            rel = next((c for c in noun.children if c.dep_ == "relcl"), None)
            if rel is not None:
                done = [c for c in rel.children if c.dep_ in ("acomp", "dobj", "attr") and c.pos_ != "PRON"]
                measure_toks = [*measure_toks, rel, *done, *_object_words(rel)]
    # the clause around: subject + verb ("revenue rose 12%", "commits were 8 times")
    verb = _clause_verb(head)
    subj_text = ""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    # (not when the amount is the verb's own object: "families can claim €120")
    if verb.lemma_.lower() in REPORTING_VERBS and not measure_toks and not passive and head.dep_ != "dobj":
        # "..., the company said, with sales up 8%": the speaker is not what is measured; take
        # the nearest noun phrase before the amount
        before = [c for c in sent.noun_chunks if c.end <= toks[0].i and not (set(t.i for t in c) & span_ids)]
        own_subject = (
            bool(before)
            and before[-1].root.dep_ in ("nsubj", "nsubjpass")
            and before[-1].root.head.i == verb.i
        )
        if before and not own_subject:
            return " ".join(t.text for t in before[-1] if t.dep_ != "det")[:160], scope[:160], ""
    if verb.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "xcomp":
            # "the walkout is scheduled to last a fortnight": what lasts is the subject above
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i not in span_ids and not (set(t.i for t in subj.subtree) & span_ids):
            sub = [t for t in subj.subtree if t.dep_ != "det" and t.pos_ != "PUNCT"]
            subj_text = " ".join(t.text for t in sub)
            if not measure_toks or head.dep_ in ("dobj", "attr") or head.pos_ not in ("NOUN", "PROPN"):
                # the subject's own words ("net profit"), not what hangs on it ("for the period");
                # a person is who, not what is measured ("Hanna Ravelle has been banned for four
                # years": a ban)
                own = [t for t in sub if t.i <= subj.i and not _under_prep(t, subj)]
                if subj.ent_type_ == "PERSON" and _full_name(subj):
                    own = []
                measure_toks = [*own, *measure_toks]
                if not scope and subj.pos_ in ("NOUN", "PROPN"):
                    scope = _scope_of(subj)
                    if scope.lower().startswith("from ") and any(t.dep_ == "dobj" for t in verb.children):
                        scope = ""  # "ministers from the two countries agreed a 22 per cent cut": whose act
        csubj = next((c for c in verb.children if c.dep_ == "csubj"), None)
        if subj is None and csubj is not None and not measure_toks:
            # "cleaning up the contaminated land will cost £18m": what costs it is the act
            measure_toks = [csubj, *_object_words(csubj)]
        if verb.lemma_.lower() not in ("be", "have") and verb.pos_ == "VERB":
            measure_toks = [*measure_toks, verb]
        if subj is not None and (subj.i in span_ids or set(t.i for t in subj.subtree) & span_ids):
            # the amount counts the subject ("Eleven have needed hospital treatment", "27 of
            # whom had been admitted to hospital"): what they did is what is counted
            measure_toks = [*measure_toks, *_object_words(verb)]
    if not measure_toks:
        chunks = [c for c in sent.noun_chunks if not (set(t.i for t in c) & span_ids)]
        if chunks:
            measure_toks = list(chunks[0])
    seen: set[int] = set()
    ordered = sorted((t for t in measure_toks if not (t.i in seen or seen.add(t.i))), key=lambda t: t.i)  # type: ignore[func-returns-value]
    measure = " ".join(
        t.text
        for t in ordered
        if t.pos_ not in ("PUNCT", "PRON")
        and t.dep_ != "det"
        and not (t.lower_ == "all" and t.dep_ in _ALL_DEPS)
    )
    return measure[:160], scope[:160], subj_text[:160]


def _full_name(t: Token) -> bool:
    """Whether a word is part of a person's name of two words or more ("Hanna Ravelle"; a river
    the small model takes for a person, "the Marn", has one)."""
    return any(e.label_ == "PERSON" and e.start <= t.i < e.end and len(e) >= 2 for e in t.doc.ents)


def _clause_verb(t: Token) -> Token:
    """The verb of the clause a word is in (the word itself when none is above it)."""
    hops = 0
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and hops < 6:
        t = t.head
        hops += 1
    return t


def _changed_object(verb: Token) -> Token | None:
    """The object of the verb a "by 23%" hangs on, or of the verb above it when the parser hung
    the amount on a verb inside the object ("cut the risk of ... being admitted to hospital ...
    by 23%")."""
    for _ in range(6):
        if (obj := next((c for c in verb.children if c.dep_ == "dobj"), None)) is not None:
            return obj
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
    return None


_ALL_DEPS = frozenset({"predet", "quantmod", "advmod"})  # "all 1,200 people"


def _object_words(verb: Token, depth: int = 0) -> list[Token]:
    """The object of a clause whose subject is counted, with the verbs on the way to it: "needed
    hospital treatment", "admitted to hospital", "ill enough to need treatment", "lose jobs"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN"):
            own = [t for t in c.subtree if (t.i <= c.i and t.dep_ in ("compound", "amod")) or t.i == c.i]
            # "need treatment in hospital" is "hospital treatment"
            where = [
                x
                for p in c.children
                if p.dep_ == "prep" and p.lower_ == "in"
                for x in p.children
                if x.dep_ == "pobj" and x.pos_ == "NOUN" and not x.ent_type_
            ]
            return [*where, *own]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "into") and verb.pos_ == "VERB":
            pobj = next((x for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN"), None)
            if pobj is not None:
                return [pobj]
    if depth < 2:
        for c in verb.children:
            if c.dep_ in ("xcomp", "acomp") and (found := _object_words(c, depth + 1)):
                return [c, *found] if c.pos_ == "VERB" else found
    return []


def _place_next(noun: Token) -> bool:
    """Whether an object is followed by a place the parse hung on its verb ("destroyed 12 flats
    in the block's east wing"; not "from their homes", "on the land", which say what was done)."""
    last = max(t.i for t in noun.subtree)
    return (
        noun.dep_ == "dobj"
        and last + 1 < len(noun.doc)
        and noun.doc[last + 1].lower_ in ("in", "across", "within", "among", "throughout", "inside")
    )


def _place_phrase(noun: Token) -> set[int]:
    """Token indices of the first place phrase inside a noun phrase ("... in its main codebase")."""
    for t in noun.subtree:
        if t.dep_ == "prep" and t.lower_ in _SCOPE_PREPS - {"from"} and t.i > noun.i:
            sub = {x.i for x in t.subtree}
            if not any(noun.doc[i].ent_type_ in ("DATE", "TIME") for i in sub):
                return sub
    return set()


def _under_prep(t: Token, top: Token) -> bool:
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("prep", "relcl", "acl", "appos"):
            return True
        t = t.head
    return False


def _phrase_text(doc: Doc, ids: Iterable[int]) -> str:
    """The text of a scope phrase's tokens, up to a clause that hangs on it: "across the
    hospital" of "across the hospital that did not close properly", and of a parse that took
    the verb into the phrase ("across Longmere and Hatch End will be knocked down")."""
    toks = sorted(ids)
    if not toks:
        return ""
    end = toks[-1]
    for i in toks[1:]:
        t = doc[i]
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            end = min(end, min(x.i for x in t.subtree) - 1)
        elif t.tag_ in ("MD", "VBD", "VBZ", "VBP") and t.pos_ in ("VERB", "AUX"):
            end = min(end, i - 1)
        elif t.tag_ == "VBN" and t.pos_ == "VERB" and doc[i - 1].lower_ == "and":
            # "in the block's east wing and scattered glass ...": a second act, however parsed
            end = min(end, i - 1)
    while end > toks[0] and (doc[end].is_punct or doc[end].lower_ in ("and", "or", "but")):
        end -= 1
    return doc[toks[0] : end + 1].text


def _scope_after(noun: Token) -> str:
    """A place or population phrase right after the measured noun ("... in the company's repository")."""
    doc = noun.doc
    last = max(t.i for t in noun.subtree)
    if last + 1 >= len(doc):
        return ""
    prep = doc[last + 1]
    if not _scope_prep(prep):
        return ""
    sub = sorted(t.i for t in prep.subtree)
    if any(doc[i].ent_type_ in ("DATE", "TIME") for i in sub):
        return ""
    return _phrase_text(doc, sub)


_SCOPE_PREPS = {"in", "into", "at", "across", "among", "within", "inside", "from", "on"}


def _scope_prep(t: Token) -> bool:
    """A preposition that can say where or among whom an amount holds ("1,900 bookings on the
    route"; not "£1.9bn of debt on to the chain", which says where the debt goes)."""
    return (
        t.dep_ == "prep"
        and t.lower_ in _SCOPE_PREPS
        and not (t.lower_ == "on" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "to")
    )


def _scope_of(noun: Token) -> str:
    preps = [
        c
        for c in noun.children
        if _scope_prep(c) and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
    ]
    if not preps:
        return ""
    ids = {t.i for p in preps for t in p.subtree}
    # "85,000 people in Carrowdale and the neighbouring Ashby district": a parse may join the
    # second place to the counted noun, but it is where the figure holds too
    for c in noun.children:
        if c.dep_ == "conj" and c.i > max(ids) and _a_place(c):
            ids |= {t.i for t in c.subtree} | set(range(max(ids) + 1, c.i))
    return _phrase_text(noun.doc, ids)


_PLACE_NOUNS = frozenset(
    {
        "district", "region", "area", "village", "town", "city", "county", "borough", "parish",
        "province", "state", "suburb", "neighbourhood", "neighborhood", "valley", "estate", "ward",
        "zone", "country", "island", "coast", "municipality", "community",
    }
)  # fmt: skip


def _a_place(c: Token) -> bool:
    """A noun that names a place ("the neighbouring villages", "Ashby district", "Kessmoor")."""
    return c.lemma_.lower() in _PLACE_NOUNS or (c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC", "FAC"))
