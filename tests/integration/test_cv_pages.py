"""/people/<id>/cv/ in a real build: sections from people.yml and the lab's data, member highlighting, a link
from the profile, and a print stylesheet."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

PEOPLE = """\
- id: ana-kim
  name: Ana Kim
  role: phd
  work:
    - {name: Example University, position: Research assistant, startDate: 2021-09}
  education:
    - {institution: Example University, studyType: BS, area: Mathematics, startDate: 2017, endDate: 2021}
  awards:
    - {title: Best Paper Award, date: 2023, awarder: ICML}
  service:
    - {organization: NeurIPS, position: Reviewer, startDate: 2022}
- id: bo-li
  name: Bo Li
  role: ms
"""
BIB = r"""
@inproceedings{c2023, title = {A Conference Paper}, author = {Kim, Ana and Stranger, Sam and Li, Bo},
  booktitle = {ICML}, year = {2023}}
@article{j2024, title = {A Journal Paper}, author = {Kim, Ana}, journal = {JMLR}, year = {2024}}
"""


def test_cv_page_sections_and_links(make_site) -> None:
    build = make_site({"data/people.yml": PEOPLE, "data/publications.bib": BIB})
    soup = BeautifulSoup(build.html("people/ana-kim/cv/index.html"), "html.parser")
    headings = [h.get_text().rstrip("¶") for h in soup.select("article h2")]
    assert headings[:4] == ["Positions", "Education", "Awards and honours", "Service"]
    assert [h for h in headings if h.startswith("Publications")] == ["Publications: Conference",
                                                                        "Publications: Journal"]
    rows = [r.get_text(" ", strip=True) for r in soup.select(".lb-cv-list li")]
    assert rows[0].startswith("2021–present Research assistant , Example University")
    assert "2017–2021 BS, Mathematics , Example University" in rows
    conference = soup.select(".lb-cv-pubs")[0]
    members = [m.get_text() for m in conference.select(".lb-member")]
    assert members == ["Ana Kim", "Bo Li"]  # lab members highlighted, the stranger not
    assert soup.select_one("button.lb-print")
    assert soup.select_one('meta[name="description"]')["content"] == "Curriculum vitae of Ana Kim."
    profile = BeautifulSoup(build.html("people/ana-kim/index.html"), "html.parser")
    assert profile.select_one("a.lb-link-cvpage")["href"] == "../../people/ana-kim/cv/"
    assert not (build.site / "people" / "bo-li" / "cv").exists()
    css = (build.site / "assets/labbook/labbook.css").read_text(encoding="utf-8")
    assert "@page" in css and ".lb-cv-actions" in css
