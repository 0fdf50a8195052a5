"""The files of ``ontology/`` (ontology, SHACL shapes, JSON-LD context), wherever they are installed.

A wheel ships them inside the package as ``claimgraph/ontology/``; an editable install or a
source checkout reads them from the repository's top-level ``ontology/`` folder. There is one
copy, never two.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import ConfigError

__all__ = ["ONTOLOGY_FILES", "ontology_file"]

ONTOLOGY_FILES = ("claimgraph.ttl", "shapes.ttl", "context.jsonld")


def ontology_file(name: str) -> Path:
    """The path of ``ontology/<name>``: ``claimgraph.ttl``, ``shapes.ttl`` or ``context.jsonld``."""
    if name not in ONTOLOGY_FILES:
        raise ConfigError(f"Unknown ontology file {name!r}; available: {', '.join(ONTOLOGY_FILES)}")
    packaged = Path(str(resources.files("claimgraph"))) / "ontology" / name
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "ontology" / name
    if checkout.is_file():
        return checkout
    raise ConfigError(
        f"ontology/{name} is missing from this installation (looked in {packaged.parent} and "
        f"{checkout.parent}); reinstall claimgraph"
    )
