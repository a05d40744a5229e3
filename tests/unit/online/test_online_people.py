"""Authors matched to people.yml (ORCID first, then name and aliases, never initials) and the openalex link."""

from __future__ import annotations

from labbook.model.person import Person
from labbook.online.people import PeopleIndex
from labbook.online.sync import openalex_id
from labbook.online.work import Contributor
from tests.helpers import one_error, validate

PEOPLE = """
- id: kangwook-lee
  name: Kangwook Lee
  aliases: ["Lee, K."]
  role: pi
  links:
    orcid: 0000-0002-1825-0097
    openalex: https://openalex.org/A5023888391
- id: kim-lee
  name: Kim Lee
  role: phd
- id: twin-a
  name: Sam Park
  role: phd
- id: twin-b
  name: Alex Park
  aliases: [Sam Park]
  role: ms
"""


def index() -> PeopleIndex:
    people, problems = validate(PEOPLE, Person)
    assert not problems
    return PeopleIndex(people)


def test_orcid_first_then_names_and_aliases() -> None:
    matches = index().match([Contributor("Lee", "Kangwook"), Contributor("Lee", "K."),
                             Contributor("Li", "Kang", orcid="0000-0002-1825-0097"), Contributor("Lee", "Kim")])
    assert [(m.author, m.person_id, m.by) for m in matches] == [
        ("Kangwook Lee", "kangwook-lee", "name"), ("K. Lee", "kangwook-lee", "name"),
        ("Kang Li", "kangwook-lee", "ORCID"), ("Kim Lee", "kim-lee", "name")]
    assert "add it to `aliases`" in matches[2].note and not matches[0].note


def test_initials_never_match_by_themselves_and_shared_names_link_no_one() -> None:
    assert index().match([Contributor("Lee", "K. W."), Contributor("Lee", "Kang"), Contributor("Park", "Sam")]) == []


def test_openalex_link_is_validated_and_read() -> None:
    people, _ = validate("- id: a\n  name: A\n  role: pi\n  links:\n    openalex: a5023888391\n", Person)
    assert people[0].links.openalex == "A5023888391" and openalex_id(people[0]) == "A5023888391"
    assert openalex_id(index().people[0]) == "A5023888391"
    _, problems = validate("- id: a\n  name: A\n  role: pi\n  links:\n    openalex: W123\n", Person)
    assert "is not an OpenAlex author id" in one_error(problems).message
