"""The Lab: authors linked to people by full name or alias (never initials alone), and publication queries."""

from __future__ import annotations

from pathlib import Path

from labbook.catalog.build import load_lab
from labbook.settings import Settings

BIB = r"""
@inproceedings{a2024, title={Alpha}, author={Lee, Kangwook and Lee, Kibok and Chungpa Lee}, year=2024,
  booktitle={ICML}, keywords={LLM, Theory}, selected={true}}
@article{b2023, title={Beta}, author={K. Lee and Jy-yong Sohn}, year=2023, journal={TMLR}, keywords={PEFT}}
@misc{c2025, title={Gamma}, author={Kangw{\'o}ok Lee and J. Sohn}, year=2025, eprint={2501.00001}}
"""

PEOPLE = """
- id: kangwook-lee
  name: Kangwook Lee
  role: pi
- id: jy-yong-sohn
  name: Jy-yong Sohn
  aliases: ["J. Sohn"]
  role: alumni
"""


def lab_from(tmp_path: Path, bib: str = BIB, people: str = PEOPLE):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "publications.bib").write_text(bib, encoding="utf-8")
    (tmp_path / "data" / "people.yml").write_text(people, encoding="utf-8")
    return load_lab(Settings(root=tmp_path, docs_dir=tmp_path / "docs"))


def test_same_surname_different_people_are_not_confused(tmp_path: Path) -> None:
    """Kangwook Lee is linked; Kibok Lee and Chungpa Lee are not; 'K. Lee' (initials only) is not."""
    lab = lab_from(tmp_path)
    alpha, beta = lab.publication("a2024"), lab.publication("b2023")
    assert [a.person_id for a in alpha.authors] == ["kangwook-lee", None, None]
    assert beta.authors[0].person_id is None


def test_accents_and_aliases_match(tmp_path: Path) -> None:
    """Accents do not matter for matching; an explicit alias ('J. Sohn') links."""
    gamma = lab_from(tmp_path).publication("c2025")
    assert [a.person_id for a in gamma.authors] == ["kangwook-lee", "jy-yong-sohn"]


def test_alumni_are_linked_but_not_highlighted_as_members(tmp_path: Path) -> None:
    """Alumni stay linked to their page; current members are highlighted."""
    lab = lab_from(tmp_path)
    sohn = lab.publication("b2023").authors[1]
    assert sohn.person_id == "jy-yong-sohn" and not sohn.is_member
    assert lab.publication("a2024").authors[0].is_member


def test_papers_of_person_newest_first(tmp_path: Path) -> None:
    """Each person's papers are indexed, newest first."""
    lab = lab_from(tmp_path)
    assert [p.key for p in lab.papers_of["kangwook-lee"]] == ["c2025", "a2024"]
    assert [p.key for p in lab.papers_of["jy-yong-sohn"]] == ["c2025", "b2023"]


def test_ambiguous_alias_is_an_error_and_stays_unlinked(tmp_path: Path) -> None:
    """Two people claiming the same name: reported, and the name is linked to neither."""
    people = PEOPLE + '- id: other\n  name: Someone Else\n  aliases: ["Kangwook Lee"]\n  role: phd\n'
    lab = lab_from(tmp_path, people=people)
    assert [d.code for d in lab.report] == ["people-ambiguous-name"]
    assert lab.publication("a2024").authors[0].person_id is None


def test_queries(tmp_path: Path) -> None:
    """Filters by year (value, list, range), topic, type, author (id or name), selected and limit combine."""
    lab = lab_from(tmp_path)
    keys = lambda pubs: [p.key for p in pubs]  # noqa: E731
    assert keys(lab.query_publications()) == ["c2025", "a2024", "b2023"]
    assert keys(lab.query_publications(year=2024)) == ["a2024"]
    assert keys(lab.query_publications(year="2023-2024")) == ["a2024", "b2023"]
    assert keys(lab.query_publications(year=[2023, 2025])) == ["c2025", "b2023"]
    assert keys(lab.query_publications(topic="theory")) == ["a2024"]
    assert keys(lab.query_publications(type="preprint")) == ["c2025"]
    assert keys(lab.query_publications(type="inproceedings")) == ["a2024"]
    assert keys(lab.query_publications(author="kangwook-lee")) == ["c2025", "a2024"]
    assert keys(lab.query_publications(author="Jy-yong Sohn")) == ["c2025", "b2023"]
    assert keys(lab.query_publications(selected=True)) == ["a2024"]
    assert keys(lab.query_publications(limit=1)) == ["c2025"]
    assert keys(lab.query_publications(keys=["b2023", "A2024"])) == ["b2023", "a2024"]


def test_site_with_only_a_bibliography(tmp_path: Path) -> None:
    """No people.yml (or any other data file) is fine: nothing is reported."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "publications.bib").write_text(BIB, encoding="utf-8")
    lab = load_lab(Settings(root=tmp_path, docs_dir=tmp_path / "docs"))
    assert len(lab.publications) == 3 and not lab.report.items


def test_keys_that_give_the_same_url_are_reported(tmp_path: Path) -> None:
    """'a:b' and 'a/b' both slugify to 'a-b': the later entry in the file gets 'a-b-2' and a warning."""
    bib = "@misc{a:b, title={One}, year=2020, author={X Y}}\n@misc{a/b, title={Two}, year=2024, author={X Y}}\n"
    lab = lab_from(tmp_path, bib=bib)
    assert (lab.publication("a:b").slug, lab.publication("a/b").slug) == ("a-b", "a-b-2")
    assert [(d.code, d.line) for d in lab.report] == [("bib-key-clash", 2)]
