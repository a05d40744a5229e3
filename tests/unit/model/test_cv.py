"""labbook.model.cv: the CV lists of people.yml take JSON Resume's keys; bad dates and keys are located errors."""

from __future__ import annotations

from labbook.model.cv import span
from labbook.model.person import Person
from tests.helpers import one_error, validate

GOOD = """
- id: ana
  name: Ana Kim
  role: phd
  work:
    - {name: Example University, position: Research assistant, startDate: 2021-09}
  education:
    - {institution: Example University, studyType: BS, area: Mathematics, startDate: 2017, endDate: 2021}
  awards:
    - {title: Best Paper, date: 2023-05-02, awarder: ICML}
  service:
    - {organization: NeurIPS, position: Reviewer, startDate: 2022}
- id: bo
  name: Bo Li
  role: ms
- id: cy
  name: Cy Doe
  role: ms
  cv_page: true
"""


def test_cv_lists_read_with_json_resume_keys() -> None:
    people, problems = validate(GOOD, Person)
    assert problems == []
    ana, bo, cy = people
    assert ana.work[0].startDate == "2021-09" and ana.education[0].studyType == "BS"
    assert ana.awards[0].date == "2023-05-02" and ana.service[0].organization == "NeurIPS"
    assert (ana.has_cv, bo.has_cv, cy.has_cv) == (True, False, True)


def test_a_bad_date_is_an_error_at_its_line() -> None:
    text = "- id: ana\n  name: Ana\n  role: phd\n  work:\n    - name: X\n      startDate: September 2021\n"
    _, problems = validate(text, Person)
    error = one_error(problems)
    assert error.line == 6 and "2019-08" in error.message


def test_an_unknown_key_in_a_cv_entry_is_an_error() -> None:
    text = "- id: ana\n  name: Ana\n  role: phd\n  education:\n    - institution: X\n      degree: PhD\n"
    _, problems = validate(text, Person)
    assert "degree" in one_error(problems).message


def test_span() -> None:
    assert span("2019-08", None) == "2019–present"
    assert span("2017", "2021-05") == "2017–2021"
    assert span("2020", "2020") == "2020"
    assert span(None, "2016") == "2016"
