"""Tests of labbook.model.person: the people.yml schema and its mistakes, each at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from labbook.diagnostics import Report
from labbook.load.collections import load_collection
from labbook.model.person import Person
from tests.helpers import one_error, validate

VALID = """
- id: kangwook-lee
  name: Kangwook Lee
  aliases: [K. Lee, "Lee, Kangwook"]
  role: pi
  position: Assistant Professor
  affiliation: UW–Madison
  since: 2019
  photo: images/kl.jpg
  bio: |
    Works on **theory**.
  links:
    homepage: https://kangwooklee.com/
    email: kangwook.lee@wisc.edu
    orcid: 0000-0002-1825-0097
    scholar: abcDEF-_1234
    github: "@octocat"
    twitter: yzeng58
    linkedin: https://www.linkedin.com/in/x/
    cv: files/cv.pdf
- id: ying-fan
  name: Ying Fan
  role: alumni
  until: 2025
  now: Somewhere
"""


def test_valid_people_and_link_expansion() -> None:
    """Every documented key is accepted; handles become profile URLs."""
    people, diagnostics = validate(VALID, Person, "data/people.yml")
    assert diagnostics == []
    pi, alum = people
    assert pi.since == 2019 and pi.aliases == ["K. Lee", "Lee, Kangwook"]
    links = {kind: url for kind, _label, url in pi.links.resolved()}
    assert links["orcid"] == "https://orcid.org/0000-0002-1825-0097"
    assert links["github"] == "https://github.com/octocat"
    assert links["email"] == "mailto:kangwook.lee@wisc.edu"
    assert links["scholar"].endswith("user=abcDEF-_1234")
    assert alum.role == "alumni" and alum.until == 2025 and alum.now == "Somewhere"


@pytest.mark.parametrize(
    ("snippet", "line", "needle"),
    [
        ("- id: a\n  nmae: A\n  role: phd\n", 2, "unknown key 'nmae'"),
        ("- id: a\n  name: A\n", 1, "required key 'role' is missing"),
        ("- id: a\n  name: A\n  role: student\n", 3, "'role' is 'student', which is not one of: pi, postdoc"),
        ("- id: a\n  name: A\n  role: phd\n  since: 0755\n", 4, "since:"),
        ("- id: a\n  name: A\n  role: phd\n  since: next year\n", 4, "'since' should be a whole number"),
        ("- id: index\n  name: A\n  role: phd\n", 1, "reserved"),
        ("- id: a\n  name: A\n  role: phd\n  links:\n    email: not-an-address\n", 5, "is not an e-mail address"),
        ("- id: a\n  name: A\n  role: phd\n  links:\n    gihtub: x\n", 5, "unknown key 'gihtub'"),
    ],
)
def test_each_mistake_is_one_error_at_its_line(snippet: str, line: int, needle: str) -> None:
    """Typos, missing keys, bad roles, years, reserved ids, e-mails and URLs: one error each, at its line."""
    people, diagnostics = validate(snippet, Person, "data/people.yml")
    assert people == []
    error = one_error(diagnostics)
    assert (error.path, error.line) == ("data/people.yml", line)
    assert needle in error.message


def test_name_no_stays_a_name() -> None:
    """A person called "NO" (YAML 1.1 would read false) keeps the name."""
    people, diagnostics = validate("- id: no\n  name: NO\n  role: phd\n", Person)
    assert diagnostics == [] and people[0].name == "NO"


def test_a_refused_photo_url_is_dropped_and_the_person_kept() -> None:
    """A data: URL is reported at its line and left out; the person still shows, without the photo."""
    people, diagnostics = validate("- id: a\n  name: A\n  role: phd\n  photo: data:image/png;base64,xx\n", Person)
    error = one_error(diagnostics)
    assert (error.code, error.line) == ("yaml-unsafe-url", 4)
    assert [(p.id, p.photo) for p in people] == [("a", None)]


@pytest.mark.parametrize(("key", "value", "words"), [
    ("github", "javascript:alert(1)", "is not a GitHub user name or an https:// address"),
    ("github", "-bad-", "is not a GitHub user name"),
    ("github", "a" * 40, "is not a GitHub user name"),
    ("twitter", "has space", "is not an X handle"),
    ("twitter", "sixteen_chars_xx", "is not an X handle"),
    ("orcid", "1234", "is not an ORCID iD"),
    ("orcid", "0000-0002-1825-0098", "check digit does not match"),
    ("scholar", "abc", "is not a Google Scholar user id"),
    ("scholar", "http://scholar.google.com/citations?user=abcDEF-_1234", "or an https:// address"),
    ("github", "//evil.example/x", "is not a GitHub user name"),
])
def test_bad_profile_links_are_dropped_at_their_line(key: str, value: str, words: str) -> None:
    """A profile link that is neither a valid handle/id nor an https URL is an error at its key's line; the
    link is left out and the person kept (no https://github.com/javascript:alert(1) on the page)."""
    snippet = f"- id: a\n  name: A\n  role: phd\n  links:\n    {key}: {value!r}\n    homepage: https://a.example/\n"
    people, diagnostics = validate(snippet.replace("'", '"'), Person, "data/people.yml")
    error = one_error(diagnostics)
    assert (error.code, error.line, error.column) == ("yaml-profile-link", 5, 5)
    assert f"links.{key}: " in error.message and words in error.message and "left out" in error.message
    assert error.hint
    assert [kind for kind, _, _ in people[0].links.resolved()] == ["homepage"]


@pytest.mark.parametrize(("key", "value", "url"), [
    ("github", "octo-cat", "https://github.com/octo-cat"),
    ("github", "https://github.com/octocat", "https://github.com/octocat"),
    ("twitter", "@Kangwook_Lee", "https://x.com/Kangwook_Lee"),
    ("orcid", "0000-0002-1694-233x", "https://orcid.org/0000-0002-1694-233X"),
    ("orcid", "https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
    ("scholar", "vex4iuYAAAAJ", "https://scholar.google.com/citations?user=vex4iuYAAAAJ"),
])
def test_good_profile_links_are_accepted(key: str, value: str, url: str) -> None:
    """Handles and ids of the documented forms, and full https URLs, become profile links."""
    people, diagnostics = validate(f"- id: a\n  name: A\n  role: phd\n  links:\n    {key}: \"{value}\"\n", Person)
    assert diagnostics == []
    assert people[0].links.resolved() == [(key, people[0].links.resolved()[0][1], url)]


# Loading a whole people.yml: which records survive a mistake.

def load_file(tmp_path: Path, text: str) -> tuple[list[Person], Report]:
    path = tmp_path / "people.yml"
    path.write_text(text, encoding="utf-8")
    report = Report()
    return load_collection(path, "data/people.yml", Person, report), report


def test_unknown_key_has_line_column_and_hint(tmp_path: Path) -> None:
    """A misspelt key is an error at its own line with a did-you-mean hint; the other records load."""
    people, report = load_file(tmp_path, "- id: ada\n  name: Ada\n  role: phd\n- id: bob\n  name: Bob\n  rol: phd\n")
    assert [p.id for p in people] == ["ada"]
    found = [(d.code, d.line, d.column) for d in report]
    assert ("yaml-unknown-key", 6, 3) in found
    assert any("did you mean 'role'" in d.hint for d in report)


def test_yaml_1_1_surprises_stay_text(tmp_path: Path) -> None:
    """A name like NO stays "NO" and an id like 0755 stays "0755": nothing is silently converted."""
    people, report = load_file(tmp_path, "- id: '0755'\n  name: NO\n  role: phd\n- id: x\n  name: on\n  role: phd\n")
    assert not report.items
    assert [(p.id, p.name) for p in people] == [("0755", "NO"), ("x", "on")]


def test_bad_values_are_reported_at_their_line(tmp_path: Path) -> None:
    """A role outside the list and a javascript: link are errors at the offending key's line; the record with the
    bad role is skipped, the one with the bad link keeps everything but the link."""
    text = (
        "- id: ada\n  name: Ada\n  role: professor\n"
        "- id: bob\n  name: Bob\n  role: ms\n  links:\n    homepage: javascript:alert(1)\n"
    )
    people, report = load_file(tmp_path, text)
    assert [(p.id, p.links.homepage) for p in people] == [("bob", None)]
    assert [(d.code, d.line) for d in report] == [("yaml-invalid", 3), ("yaml-unsafe-url", 8)]


def test_missing_required_key(tmp_path: Path) -> None:
    """A record without a name is reported at the record's line, not rendered as None."""
    people, report = load_file(tmp_path, "- id: ada\n  role: phd\n")
    assert people == [] and [(d.code, d.line) for d in report] == [("yaml-missing-key", 1)]
