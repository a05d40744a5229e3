"""``labbook new``: copy the starter handbook in ``scaffold/`` into a new folder."""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from labbook import __version__

#: The id of the example person in the starter's people.yml (its note and photo refer to it).
EXAMPLE_PERSON = "alex-example"
#: Written in place of this marker in every text file of the scaffold.
NAME_MARKER = "__LAB_NAME__"
#: Written in place of this marker: how to install labbook (requirements.txt), see labbook_requirement().
REQUIREMENT_MARKER = "__LABBOOK_REQUIREMENT__"
#: Written in place of this marker in the README: which labbook the site installs, in a sentence.
SOURCE_NOTE_MARKER = "__LABBOOK_SOURCE_NOTE__"
_URL = re.compile(r"^(?:git\+)?(?:https?|ssh|file)://|^git\+")
_TEXT_SUFFIXES = frozenset({".md", ".yml", ".yaml", ".bib", ".txt", ".html", ".css", ""})


class ScaffoldError(Exception):
    """The target folder cannot take a new handbook (the message says why)."""


def scaffold_root() -> Traversable:
    """The starter handbook shipped inside the package."""
    return resources.files("labbook") / "scaffold"


def copy_scaffold(target: Path, *, lab_name: str = "My Lab", labbook_source: str | None = None) -> list[Path]:
    """Copy the scaffold into ``target`` (which must not exist, or be empty) and return the files written.

    ``labbook_source`` is where the new site installs labbook from (see :func:`labbook_requirement`).
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"'{target}' already exists and is not empty; choose a new folder")
    requirement = labbook_requirement(labbook_source)
    replacements = {NAME_MARKER: _yaml_safe_name(lab_name), REQUIREMENT_MARKER: requirement,
                    SOURCE_NOTE_MARKER: source_note(requirement)}
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


def labbook_requirement(source: str | None = None) -> str:
    """The requirement line for the new site's requirements.txt.

    By default the release series of the labbook running now: ``mkdocs-labbook~=X.Y`` (any later X.Y.Z, never
    a new major version), so the site installs from the package index anywhere, CI included. ``source`` is
    the explicit alternative: a pip URL (``git+https://...@TAG``, ``https://.../x.whl``, ``file://...``) or a
    local folder or wheel, written as a ``file://`` URL.
    """
    if source is None or not source.strip():
        return f"mkdocs-labbook~={release_series(__version__)}"
    source = source.strip()
    if _URL.match(source):
        return f"mkdocs-labbook @ {source}"
    path = Path(source).expanduser()
    if not path.exists():
        raise ScaffoldError(f"--labbook-source '{source}' is neither a URL (git+https://..., https://..., "
                            "file://...) nor an existing folder or wheel")
    return f"mkdocs-labbook @ {path.resolve().as_uri()}"


def release_series(version: str) -> str:
    """``X.Y`` of a version string ("0.1.0" -> "0.1", "1.2.3.dev1" -> "1.2")."""
    parts = re.findall(r"\d+", version)[:2]
    return ".".join(parts + ["0"] * (2 - len(parts)))


def source_note(requirement: str) -> str:
    """The sentence the new site's README uses to say where labbook comes from."""
    if requirement.startswith("mkdocs-labbook~="):
        return (f"labbook comes from its release on PyPI: `requirements.txt` asks for `{requirement}`, any "
                "later release of the same series. Upgrade with `make upgrade`; to follow a branch or tag "
                "instead, write `mkdocs-labbook @ git+https://github.com/<owner>/labbook@<tag>` there.")
    url = requirement.split(" @ ", 1)[1]
    where = "a local folder or file" if url.startswith("file:") else "the URL"
    return (f"labbook comes from {where} chosen with `labbook new --labbook-source`: `requirements.txt` says "
            f"`{requirement}`. A clone on another machine (GitHub's CI included) can only install it if that "
            "source is reachable there; write `mkdocs-labbook~=X.Y` to follow the releases on PyPI instead.")
