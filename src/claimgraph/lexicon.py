"""Small general-purpose word lists shared by stages (no spaCy import)."""

from __future__ import annotations

import functools

# Outcome predicates that say the same thing, by class ("the dam was breached" = "the dam failed").
PREDICATE_CLASSES: dict[str, tuple[str, ...]] = {
    "hold": ("hold", "withstand", "survive", "stand"),
    "fail": ("fail", "breach", "collapse", "burst", "break", "overtop"),
    "approve": ("approve", "pass", "adopt", "endorse", "ratify", "greenlight", "authorize", "authorise"),
    "reject": ("reject", "defeat", "block", "veto", "refuse", "scrap", "drop"),
    "defer": ("defer", "delay", "postpone", "shelve", "suspend", "pause"),
    "keep": ("keep", "maintain", "reaffirm", "retain", "reiterate", "leave"),
    "cut": ("cut", "lower", "reduce", "slash", "trim", "downgrade"),
    "raise": ("raise", "lift", "upgrade", "boost", "hike"),
    "rise": ("rise", "increase", "grow", "climb", "jump", "gain", "surge", "soar", "expand"),
    "fall": ("fall", "decrease", "decline", "drop", "shrink", "slump", "slide", "contract"),
    "confirm": ("confirm", "acknowledge", "admit"),
    "deny": ("deny", "dispute", "refute"),
    "win": ("win",),
    "lose": ("lose",),
    "open": ("open", "reopen"),
    "close": ("close", "shut"),
    "support": ("support", "back", "favour", "favor"),
    "oppose": ("oppose", "resist", "criticise", "criticize"),
    "beat": ("beat", "exceed", "top", "surpass"),
    "miss": ("miss",),
    "improve": ("improve",),
    "worsen": ("worsen", "deteriorate"),
    "include": ("include",),
    "exclude": ("exclude", "omit"),
    "allow": ("allow", "permit"),
    "ban": ("ban", "forbid", "prohibit"),
}
PREDICATE_CLASS = {lemma: cls for cls, lemmas in PREDICATE_CLASSES.items() for lemma in lemmas}

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
    "cut": "cut",
}
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
    ]
}


def contradicts(pred_a: str, negated_a: bool, pred_b: str, negated_b: bool) -> bool:
    """Whether two outcome predicates with their negation assert opposite things.

    >>> contradicts("hold", False, "breach", False)
    True
    >>> contradicts("hold", False, "fail", True)
    False
    >>> contradicts("approve", False, "approve", True)
    True
    """
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
