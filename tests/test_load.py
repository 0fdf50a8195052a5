from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimgraph.errors import SourceError
from claimgraph.load import iter_source_files, load_article


def test_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(
        '---\nurl: https://x.example/a\noutlet: X Daily\npublished: 2026-06-13\ntitle: "A: b"\n---\n\nBody text here.\n'
    )
    a = load_article(p)
    assert (a.url, a.outlet, a.published, a.title, a.text) == (
        "https://x.example/a",
        "X Daily",
        date(2026, 6, 13),
        "A: b",
        "Body text here.",
    )


def test_no_front_matter_uses_file_uri(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_text("Just text.")
    assert load_article(p).url == p.resolve().as_uri()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"---\nurl: x\n---\n\n   \n", "no article text"),
        (b"---\n: : :\n---\nText", "front matter"),
        (b"---\npublished: yesterday\n---\nText", "not an ISO date"),
    ],
)
def test_bad_files_say_why(tmp_path: Path, data: bytes, reason: str) -> None:
    p = tmp_path / "bad.md"
    p.write_bytes(data)
    with pytest.raises(SourceError, match=reason) as e:
        load_article(p)
    assert e.value.source == str(p)


def test_missing_file() -> None:
    with pytest.raises(SourceError, match="no such file"):
        load_article("/nonexistent/article.md")


def test_html_without_text(tmp_path: Path) -> None:
    p = tmp_path / "nav.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(SourceError, match="no article text"):
        load_article(p)


def test_folders_expand_to_article_files(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    for n in ("b.md", "a.md", "gold.yaml", ".hidden.md"):
        (tmp_path / "s" / n).write_text("x")
    assert [p.name for p in iter_source_files([tmp_path / "s"])] == ["a.md", "b.md"]
