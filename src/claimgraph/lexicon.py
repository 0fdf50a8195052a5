"""Small general-purpose word lists shared by stages (no spaCy import)."""

from __future__ import annotations

# predicates whose assertion contradicts each other ("the dam held" / "the dam failed")
ANTONYMS = {
    frozenset(p)
    for p in [
        ("hold", "fail"),
        ("hold", "breach"),
        ("hold", "collapse"),
        ("approve", "reject"),
        ("approve", "defer"),
        ("approve", "delay"),
        ("pass", "fail"),
        ("rise", "fall"),
        ("increase", "decrease"),
        ("increase", "reduce"),
        ("raise", "cut"),
        ("raise", "lower"),
        ("keep", "cut"),
        ("maintain", "cut"),
        ("keep", "lower"),
        ("confirm", "deny"),
        ("accept", "reject"),
        ("win", "lose"),
        ("grow", "shrink"),
        ("expand", "shrink"),
        ("open", "close"),
        ("support", "oppose"),
        ("beat", "miss"),
        ("gain", "lose"),
        ("improve", "worsen"),
        ("include", "exclude"),
        ("allow", "ban"),
        ("lift", "impose"),
    ]
}

# words that carry no meaning of their own when comparing measures, scopes and sources
FUNCTION_WORDS = frozenset(
    "the a an of in its their his her and or to for on by with at from that this".split()
)
