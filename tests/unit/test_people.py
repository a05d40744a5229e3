"""people.yml: typed records whose errors name the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

from labbook.diagnostics import Report
from labbook.load.collections import load_collection
from labbook.model.person import Person


def load(tmp_path: Path, text: str) -> tuple[list[Person], Report]:
    path = tmp_path / "people.yml"
    path.write_text(text, encoding="utf-8")
    report = Report()
    return load_collection(path, "data/people.yml", Person, report), report


def test_valid_people_and_links(tmp_path: Path) -> None:
    """Handles expand to profile URLs; e-mail becomes mailto:."""
    text = "- id: ada\n  name: Ada L\n  role: phd\n  links:\n    github: ada\n    email: a@x.org\n"
    people, report = load(tmp_path, text)
    assert not report.items
    assert people[0].links.resolved() == [
        ("email", "Email", "mailto:a@x.org"),
        ("github", "GitHub", "https://github.com/ada"),
    ]


def test_unknown_key_has_line_column_and_hint(tmp_path: Path) -> None:
    """A misspelt key is an error at its own line with a did-you-mean hint; the other records load."""
    people, report = load(tmp_path, "- id: ada\n  name: Ada\n  role: phd\n- id: bob\n  name: Bob\n  rol: phd\n")
    assert [p.id for p in people] == ["ada"]
    found = [(d.code, d.line, d.column) for d in report]
    assert ("yaml-unknown-key", 6, 3) in found
    assert any("did you mean 'role'" in d.hint for d in report)


def test_yaml_1_1_surprises_stay_text(tmp_path: Path) -> None:
    """A name like NO stays "NO" and an id like 0755 stays "0755": nothing is silently converted."""
    people, report = load(tmp_path, "- id: '0755'\n  name: NO\n  role: phd\n- id: x\n  name: on\n  role: phd\n")
    assert not report.items
    assert [(p.id, p.name) for p in people] == [("0755", "NO"), ("x", "on")]


def test_bad_values_are_reported_at_their_line(tmp_path: Path) -> None:
    """A role outside the list and a javascript: link are errors at the offending key's line; the record with the
    bad role is skipped, the one with the bad link keeps everything but the link."""
    text = (
        "- id: ada\n  name: Ada\n  role: professor\n"
        "- id: bob\n  name: Bob\n  role: ms\n  links:\n    homepage: javascript:alert(1)\n"
    )
    people, report = load(tmp_path, text)
    assert [(p.id, p.links.homepage) for p in people] == [("bob", None)]
    assert [(d.code, d.line) for d in report] == [("yaml-invalid", 3), ("yaml-unsafe-url", 8)]


def test_missing_required_key(tmp_path: Path) -> None:
    """A record without a name is reported at the record's line, not rendered as None."""
    people, report = load(tmp_path, "- id: ada\n  role: phd\n")
    assert people == [] and [(d.code, d.line) for d in report] == [("yaml-missing-key", 1)]
