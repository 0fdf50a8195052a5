"""Disjoint sets: which items end up in one group once some pairs are joined."""

from __future__ import annotations

from collections.abc import Iterable


class Groups:
    """Union-find with path halving over a fixed set of string items.

    >>> g = Groups("abcd")
    >>> g.join("a", "b"); g.join("c", "b")
    >>> g.groups()
    [['a', 'b', 'c'], ['d']]
    """

    def __init__(self, items: Iterable[str]) -> None:
        self._parent = {x: x for x in items}

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def find(self, x: str) -> str:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self._parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[str]]:
        """The groups, each in the order its items were given, in the order of their first item."""
        out: dict[str, list[str]] = {}
        for x in self._parent:
            out.setdefault(self.find(x), []).append(x)
        return list(out.values())
