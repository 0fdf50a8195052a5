"""Small general-purpose word lists shared by stages (no spaCy import)."""

from __future__ import annotations

import functools
import re

# Outcome predicates that say the same thing, by class ("the dam was breached" = "the dam failed").
PREDICATE_CLASSES: dict[str, tuple[str, ...]] = {
    "hold": ("hold", "withstand", "survive", "stand"),
    "fail": ("fail", "breach", "collapse", "burst", "break", "overtop", "crash", "derail"),
    "approve": (
        "approve",
        "pass",
        "adopt",
        "endorse",
        "ratify",
        "greenlight",
        "authorize",
        "authorise",
        "accept",
    ),
    "reject": ("reject", "defeat", "block", "veto", "refuse", "scrap", "drop"),
    "defer": ("defer", "delay", "postpone", "shelve", "suspend", "pause"),
    "keep": ("keep", "maintain", "reaffirm", "retain", "reiterate", "leave"),
    "cut": ("cut", "lower", "reduce", "slash", "trim", "downgrade", "slow"),
    "raise": ("raise", "lift", "upgrade", "boost", "hike"),
    "rise": ("rise", "increase", "grow", "climb", "jump", "gain", "surge", "soar", "expand"),
    "fall": ("fall", "decrease", "decline", "drop", "shrink", "slump", "slide", "contract"),
    "confirm": ("confirm", "acknowledge", "admit"),
    "deny": ("deny", "dispute", "refute"),
    "win": ("win",),
    "lose": ("lose",),
    "begin": ("begin", "start", "commence", "launch"),
    "announce": ("announce", "unveil"),
    "apologise": ("apologise", "apologize"),
    "detect": ("detect", "discover"),
    # what an inspection or a test turned up ("flagged defects" / "recorded no defects")
    "find": ("find", "flag", "identify", "record", "spot", "log", "uncover"),
    "seek": ("seek", "look"),  # "would seek a buyer" / "was not looking for a buyer"
    "schedule": ("due", "schedule", "arrange"),  # "the decision is due on 17 December"
    "open": ("open", "reopen"),
    "close": ("close", "shut"),
    "support": ("support", "back", "favour", "favor"),
    "oppose": ("oppose", "resist", "criticise", "criticize"),
    "beat": ("beat", "exceed", "top", "surpass"),
    "miss": ("miss",),
    "improve": ("improve",),
    "worsen": ("worsen", "deteriorate"),
    "include": ("include", "contain"),
    "exclude": ("exclude", "omit"),
    "allow": ("allow", "permit"),
    "appeal": ("appeal", "contest"),  # "will appeal against the fine" / "will not contest it"
    "ban": ("ban", "forbid", "prohibit"),
    "restore": ("restore", "reconnect"),  # "power was restored" / "the last homes were reconnected"
    "apply": ("apply", "file", "lodge"),  # "applied for a drought permit", "filed for an injunction"
    "order": ("order", "commission"),  # "will order an independent review" / "will commission" one
    "investigate": ("investigate", "probe"),  # "were not investigating" / "were looking into"
    "occur": ("occur", "happen"),
    "arrest": ("arrest", "detain"),
    "withdraw": ("withdraw",),
    "declare": ("declare",),
    # what a blow did to something: "apple growers were badly hit" / "orchards largely escaped"
    "affect": ("affect", "hit"),
    "spare": ("spare", "escape"),
    "sound": ("sound",),
}
# verbs with a particle that say what one of the classes says ("the fire broke out on Monday"
# is its beginning, "members turned down the offer" rejected it); a claim's predicate is then
# the two words, "break out". Kept to verbs whose particle leaves one sense in news text
# ("went down" is left out: a system fails, a price falls). "said yes" / "said no" to a plan
# are its approval and rejection.
PHRASAL_CLASSES: dict[str, tuple[str, ...]] = {
    "begin": ("break out", "come into force", "take effect"),
    "detect": ("come to light",),
    "approve": ("sign off", "say yes"),
    "reject": ("turn down", "say no"),
    "exclude": ("rule out",),
    "defer": ("put off",),
    "investigate": ("look into",),
    "agree": ("reach agreement",),  # "struck a deal with" / "no agreement had been reached"
    "occur": ("take place",),
    "run aground": ("run aground",),
    "strike": ("walk out",),  # "dockers walked off the job"
    "sound": ("go off",),  # "the alarm went off" / "the alarm never sounded"
}
# the predicate of what a source would not say ("declined to say whether a ransom was paid"):
# in no class, so it neither agrees with nor contradicts an outcome
WITHHELD = "withhold"
PREDICATE_CLASS = {
    lemma: cls
    for classes in (PREDICATE_CLASSES, PHRASAL_CLASSES)
    for cls, lemmas in classes.items()
    for lemma in lemmas
}

_IRREGULAR = {
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "grew": "grow",
    "grown": "grow",
    "held": "hold",
    "kept": "keep",
    "won": "win",
    "lost": "lose",
    "shrank": "shrink",
    "broke": "break",
    "broken": "break",
    "left": "leave",
    "stood": "stand",
    "shut": "shut",
    "began": "begin",
    "begun": "begin",
    "cut": "cut",
}
# which way a count voted ("voted against", "in favour"): the class of the verb that says so
_VOTED = {"against": "oppose"}
_PRONOUN_WORDS = frozenset(
    "it its they them their he she his her we us our you your this these those".split()
)


@functools.lru_cache(maxsize=1 << 16)  # called for every pair of claims: remembered
def word_class(word: str) -> str:
    """A measure word's comparison form: outcome verbs become their class ("backed" -> "support",
    "rose" -> "rise"), other words stay as they are; pronouns become ""."""
    w = word.lower()
    if w in _PRONOUN_WORDS:
        return ""
    if w in _IRREGULAR:
        return PREDICATE_CLASS.get(_IRREGULAR[w], _IRREGULAR[w])
    if w in _VOTED:
        return _VOTED[w]
    for cand in (w, w[:-2], w[:-1], w[:-3], w[:-3] + "e", w[:-2] + "e", w[:-1] + "e"):
        if len(cand) > 2 and cand in PREDICATE_CLASS:
            return PREDICATE_CLASS[cand]
    return w


def is_outcome_class(word: str) -> bool:
    return word in PREDICATE_CLASSES


# classes whose assertions contradict each other ("the dam held" / "the dam failed")
OPPOSITE_CLASSES = {
    frozenset(p)
    for p in [
        ("hold", "fail"),
        ("approve", "reject"),
        ("approve", "defer"),
        ("keep", "cut"),
        ("keep", "raise"),
        ("raise", "cut"),
        ("rise", "fall"),
        ("confirm", "deny"),
        ("win", "lose"),
        ("open", "close"),
        ("support", "oppose"),
        ("beat", "miss"),
        ("improve", "worsen"),
        ("include", "exclude"),
        ("allow", "ban"),
        ("affect", "spare"),
    ]
}


# a verb that says something will not be: to rule out a rescue is to say there will be none, so
# "declined to rule out a rescue" contradicts "there would be no rescue"
_DENIAL = {"rule out": "be"}


def contradicts(pred_a: str, negated_a: bool, pred_b: str, negated_b: bool) -> bool:
    """Whether two outcome predicates with their negation assert opposite things.

    >>> contradicts("hold", False, "breach", False)
    True
    >>> contradicts("hold", False, "fail", True)
    False
    >>> contradicts("approve", False, "approve", True)
    True
    >>> contradicts("be", True, "rule out", True), contradicts("be", True, "rule out", False)
    (True, False)
    """
    pred_a, negated_a = _DENIAL.get(pred_a, pred_a), negated_a != (pred_a in _DENIAL)
    pred_b, negated_b = _DENIAL.get(pred_b, pred_b), negated_b != (pred_b in _DENIAL)
    ca, cb = PREDICATE_CLASS.get(pred_a, pred_a), PREDICATE_CLASS.get(pred_b, pred_b)
    if ca == cb:
        return negated_a != negated_b
    if frozenset((ca, cb)) in OPPOSITE_CLASSES:
        return negated_a == negated_b
    return False


# words that carry no meaning of their own when comparing measures, scopes and sources
FUNCTION_WORDS = frozenset(
    "the a an of in its their his her and or to for on by with at from that this".split()
)


# Words that reports use interchangeably for one thing ("850 jobs" / "850 positions", "the fire"
# / "the blaze", "dockers" / "dock workers"). Alignment compares words (the small spaCy model
# has no vectors), so a claim's keywords and measure key give each of these words as its
# class's name, written out on the left; a name of two words stands for both. Kept strict:
# only words a report can swap without changing what is counted, never words that are merely
# related ("damage" is not "loss", "attack" is not "hack"), and no word that is often another
# part of speech with another meaning ("pay", "fine", "case", "post" are left out).
SYNONYM_CLASSES: dict[str, tuple[str, ...]] = {
    "job": ("job", "position"),
    "worker": ("worker", "employee", "staff", "staffer", "workforce", "personnel"),
    "dock worker": ("docker", "dockworker", "longshoreman", "stevedore"),
    "fire": ("fire", "blaze", "wildfire", "bushfire", "inferno"),
    "strike": ("strike", "walkout", "stoppage"),
    "talk": ("talk", "negotiation"),
    "factory": ("factory", "plant"),
    "company": ("company", "firm"),
    "death": ("death", "fatality", "die", "kill"),  # "six people died" / "six killed" / "six deaths"
    "injure": ("injure", "hurt", "wound"),  # "29 injured" / "34 were hurt"
    "value": ("value", "worth", "valuation"),  # "was worth an estimated $210m" / "put its value at"
    "ship": ("ship", "vessel"),
    "port": ("port", "harbour", "harbor"),  # "kept in port" / "tied up in the harbour"
    "wage": ("wage", "salary"),
    "rise": ("rise", "increase", "hike", "growth"),
    "cut": ("cut", "slash", "axe", "shed", "eliminate", "elimination"),
    "vote": ("vote", "ballot"),
    "plan": ("plan", "scheme", "programme", "program", "blueprint"),
    "funding": ("funding", "fund"),
    "customer": ("customer", "client"),
    "household": ("household", "home"),
    "shop": ("shop", "store"),
    "passenger": ("passenger", "traveller", "traveler"),
    "night": ("night", "overnight"),  # "spent the night in the terminal" / "slept in the terminal overnight"
    "resident": ("resident", "inhabitant"),
    "doctor": ("doctor", "physician", "medic", "clinician"),
    "drug": ("drug", "medicine", "medication"),
    "child": ("child", "kid", "youngster"),
    "student": ("student", "pupil"),
    "law": ("law", "legislation"),
    "tax": ("tax", "levy"),
    "rain": ("rain", "rainfall", "downpour"),
    "flood": ("flood", "flooding", "inundation"),
    "evacuate": ("evacuate", "evacuation"),
    "hack": ("hack", "cyberattack", "intrusion"),
    "hacker": ("hacker", "attacker"),
    "close": ("close", "closure", "shut", "shutdown"),
    "buy": ("buy", "acquire", "acquisition", "purchase", "takeover"),
    "merge": ("merge", "merger"),
    "agreement": ("agreement", "deal", "accord"),
    "cost": ("cost", "expense", "spend", "spending", "expenditure", "outlay", "invest", "investment"),
    "revenue": ("revenue", "sale", "turnover"),  # a company's "sales fell 9%" / "revenue fell 6%"
    # ("joble" is what the lemmatizer makes of "jobless")
    "unemployment": ("unemployment", "joblessness", "jobless", "joble"),
    "protest": ("protest", "demonstration"),
    "protester": ("protester", "protestor", "demonstrator"),
    "soldier": ("soldier", "troop"),
    "captain": ("captain", "master", "skipper"),  # of a ship: "the master had been on duty"
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "chief executive": ("ceo",),
    "lawmaker": ("lawmaker", "legislator"),
    "target": ("target", "goal", "aim"),
    "begin": ("begin", "start", "commence"),
    "poll": ("poll", "survey"),
    "arrest": ("arrest", "detain", "detention"),
    "approve": ("approve", "approval"),
    "reject": ("reject", "rejection"),
    "delay": ("delay", "postpone", "postponement"),
    "warn": ("warn", "warning"),
    "supplier": ("supplier", "provider", "vendor"),
    "hospitalise": ("hospitalise", "hospitalize", "hospitalisation", "hospitalization"),
    "cancel": ("cancel", "cancellation", "scrap"),
    "hire": ("hire", "recruit", "recruitment"),
    "laboratory": ("laboratory", "lab"),
    "investigation": ("investigation", "inquiry", "enquiry", "probe"),
    "appeal": ("appeal", "contest"),
    "fix": ("fix", "patch"),
    "complete": ("complete", "completion", "finish"),  # "complete their degrees" / "finish"
    "save": ("save", "saving"),  # "to save about $600m a year" / "annualised savings of about $600m"
    "cause": ("cause", "trigger"),
    "outage": ("outage", "crash", "breakdown", "blackout"),
    "vaccinate": (
        "vaccinate",
        "vaccination",
        "vaccine",
        "jab",
        "immunise",
        "immunize",
        "immunisation",
        "immunization",
        "inoculate",
        "inoculation",
    ),
}


# the titles before a person's name ("Mr Reinholt", "Dr Ines Falk"), lower-case
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame"})


# words for people, as keywords give them: a count or a share of people described in two ways
# ("nine councillors" / "nine committee members", "87% of the port's workforce" / "87% of
# members who took part") counts people; who they are is the scope. ("case" is an ill person
# when it is counted.)
PEOPLE_WORDS = frozenset(
    "people person member councillor resident patient case passenger worker customer voter "
    "adult child student parent family doctor nurse teacher lawmaker saver depositor investor "
    "shareholder borrower tenant pensioner employee athlete victim population inhabitant".split()
)

# the verbs among them, whose past and -ing forms a measure key may hold ("cancelled"); the
# nouns get none ("planted" is not "factory", "firming" is not "company")
_SYNONYM_VERBS = frozenset(
    "cancel scrap cut slash axe shed eliminate close shut buy acquire purchase merge spend invest "
    "cost evacuate hack arrest detain approve reject delay postpone warn hospitalise hospitalize "
    "begin start commence aim rise increase hike hire recruit vaccinate immunise immunize inoculate "
    "cause trigger crash appeal contest fix patch save die kill injure wound value".split()
)
_SYNONYM_IRREGULAR = {
    "spent": "spend",
    "began": "begin",
    "begun": "begin",
    "bought": "buy",
    "rose": "rise",
    "risen": "rise",
    "canceled": "cancel",
    "canceling": "cancel",
}


def _forms(word: str) -> tuple[str, ...]:
    """The forms a measure key may hold of a word (it keeps words as written, only taking a
    final "s" off): the word and its plural, and for a verb its past and -ing forms."""
    plural = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    if word.endswith(("s", "sh", "ch", "x")):
        plural = word + "es"
    forms = [word, plural, plural.rstrip("s")]
    if word in _SYNONYM_VERBS:
        if word[-1] in "bdglmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            forms += [word + word[-1] + "ed", word + word[-1] + "ing"]  # "scrapped", "cancelled"
        # (and undoubled, for a final syllable without stress: "siphoned", "canceled")
        stem = word[:-1] if word.endswith("e") else word
        forms += [stem + "ed", stem + "ing"]
    forms += [past for past, verb in _SYNONYM_IRREGULAR.items() if verb == word]
    return tuple(forms)


_SYNONYM = {
    form: tuple(name.split())
    for name, words in SYNONYM_CLASSES.items()
    for word in words
    for form in _forms(word)
}


# what jobs suffer, said four ways: "will cost 850 jobs", "will lose their jobs", "850 positions
# will be eliminated", "to shed 850 jobs" are one job cut
_JOB_LOSS = frozenset({"lose", "lost", "cost", "cut"})


def job_losses(words: list[str]) -> list[str]:
    """Words with a job loss told by any verb given as "cut" (only beside "job").

    >>> job_losses(["close", "cost", "job"]), job_losses(["cost", "rise"])
    (['close', 'cut', 'job'], ['cost', 'rise'])
    """
    if "job" not in words:
        return words
    return list(dict.fromkeys("cut" if w in _JOB_LOSS else w for w in words))


def synonym(word: str) -> tuple[str, ...]:
    """The class name a word is given in keywords and measure keys, as words: ("job",) for
    "position" or "positions", ("dock", "worker") for "dockers"; the word itself otherwise.

    >>> synonym("positions"), synonym("blaze"), synonym("dockers"), synonym("reservoir")
    (('job',), ('fire',), ('dock', 'worker'), ('reservoir',))
    """
    return _SYNONYM.get(word, (word,))


def key_words(word: str) -> tuple[str, ...]:
    """A word as measure keys give it: a final "s" taken off a word of more than three letters,
    then its class's name (:func:`synonym`).

    >>> key_words("objections"), key_words("positions"), key_words("bus")
    (('objection',), ('job',), ('bus',))
    """
    return synonym(singular(word))


_NO_PLURAL = frozenset({"news", "series", "species", "means", "lens", "gas", "bus", "chaos", "bias", "atlas"})


def singular(word: str) -> str:
    """A word without its plural ending, as far as spelling tells: "supplies" is "supply",
    "businesses" "business", "objections" "objection"; "business", "status", "analysis" and
    words of three letters are left as they are.

    >>> [singular(w) for w in ("supplies", "businesses", "business", "status", "taxes", "jobs")]
    ['supply', 'business', 'business', 'status', 'tax', 'job']
    """
    if len(word) <= 3 or word in _NO_PLURAL or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


# money counted after inflation against money as paid: "per-pupil funding will rise by 0.9% after
# inflation" and "funding per pupil will rise by 3.2% in cash terms" are two measures
_REAL_TERMS = re.compile(
    r"\b(?:in\s+real[- ]terms|real[- ]terms|after\s+inflation|(?:once|when)\s+inflation\s+is\s+taken\s+into\s+account|"
    r"inflation[- ]adjusted|adjusted\s+for\s+inflation)\b",
    re.I,
)
_CASH_TERMS = re.compile(
    r"\b(?:in\s+cash\s+terms|cash[- ]terms|in\s+nominal\s+terms|before\s+inflation)\b", re.I
)


def money_basis(text: str) -> str:
    """ "real" (after inflation), "cash" (as paid) or "" (not said) for a claim's sentence."""
    low = text.lower()
    if "inflation" not in low and "terms" not in low:
        return ""  # (most sentences; every claim of a story is asked)
    if _REAL_TERMS.search(text):
        return "real"
    if _CASH_TERMS.search(text):
        return "cash"
    return ""


def describes_a_thing(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` runs into its noun by a hyphen, and so only describes
    a thing ("a 420-place primary school", "a 1,450-home scheme")."""
    return bool(re.match(r"-[a-z]", text[end : end + 2]))
