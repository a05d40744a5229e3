"""Tests of labbook.model.person: the people.yml schema and its mistakes, each at its line."""

from __future__ import annotations

import pytest

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
    scholar: abcDEF
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
    assert links["scholar"].endswith("user=abcDEF")
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
