"""``labbook new``: copy the starter handbook in ``scaffold/`` into a new folder."""

from __future__ import annotations

import json
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

#: Written in place of this marker in every text file of the scaffold.
NAME_MARKER = "__LAB_NAME__"
#: Written in place of this marker: how to install the labbook that made the site (for requirements.txt).
REQUIREMENT_MARKER = "__LABBOOK_REQUIREMENT__"
_TEXT_SUFFIXES = frozenset({".md", ".yml", ".yaml", ".bib", ".txt", ".html", ".css", ""})


class ScaffoldError(Exception):
    """The target folder cannot take a new handbook (the message says why)."""


def scaffold_root() -> Traversable:
    """The starter handbook shipped inside the package."""
    return resources.files("labbook") / "scaffold"


def copy_scaffold(target: Path, *, lab_name: str = "My Lab") -> list[Path]:
    """Copy the scaffold into ``target`` (which must not exist, or be empty) and return the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"'{target}' already exists and is not empty; choose a new folder")
    replacements = {NAME_MARKER: _yaml_safe_name(lab_name), REQUIREMENT_MARKER: labbook_requirement()}
    written: list[Path] = []
    for rel, source in _walk(scaffold_root(), ()):
        if "__pycache__" in rel:
            continue
        dest = target.joinpath(*rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        if dest.suffix in _TEXT_SUFFIXES:
            text = data.decode("utf-8")
            for marker, value in replacements.items():
                text = text.replace(marker, value)
            data = text.encode("utf-8")
        dest.write_bytes(data)
        written.append(dest)
    return written


def _walk(node: Traversable, rel: tuple[str, ...]) -> list[tuple[tuple[str, ...], Traversable]]:
    out: list[tuple[tuple[str, ...], Traversable]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.is_dir():
            out += _walk(child, (*rel, child.name))
        else:
            out.append(((*rel, child.name), child))
    return out


def _yaml_safe_name(name: str) -> str:
    # The name lands in mkdocs.yml as `site_name: "<name>"` and in Markdown headings.
    cleaned = " ".join(name.split()) or "My Lab"
    return cleaned.replace("\\", "").replace('"', "'")


def labbook_requirement() -> str:
    """The requirement line that installs the labbook running now.

    A release from a package index gives ``mkdocs-labbook>=<version>``. A labbook installed from a folder or a
    repository (PEP 610 ``direct_url.json``) gives that source, so a new site works before any release.
    """
    try:
        dist = metadata.distribution("mkdocs-labbook")
    except metadata.PackageNotFoundError:
        return "mkdocs-labbook"
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "null")
    except ValueError:
        direct = None
    if isinstance(direct, dict) and isinstance(direct.get("url"), str):
        url = direct["url"]
        vcs = direct.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("vcs") == "git":
            commit = vcs.get("commit_id")
            return f"mkdocs-labbook @ git+{url}" + (f"@{commit}" if commit else "")
        if url.startswith("file://"):
            return f"mkdocs-labbook @ {url}"
    return f"mkdocs-labbook>={dist.version}"
