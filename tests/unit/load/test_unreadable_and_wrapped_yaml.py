"""Issue 10, items 10, 16 and 18: an unreadable data file, crossref parents, and a list wrapped in a mapping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from labbook.catalog.build import load_lab
from labbook.diagnostics import Report, format_all
from labbook.exports.bibtex import bibliography_to_bibtex
from labbook.load.collections import validate_collection
from labbook.load.yaml import parse_yaml
from labbook.model.opening import Opening
from labbook.settings import Settings, settings_from_options

PEOPLE_WITH_TAB = "- id: jane-doe\n  name: Jane Doe\n\trole: phd\n"
TALKS = "".join(f"- id: t{i}\n  title: Talk {i}\n  speaker: jane-doe\n  date: 2024-01-0{i}\n  event: Conf\n"
                for i in range(1, 5))
PROJECTS = ("- id: p1\n  title: P\n  people: [jane-doe, john-roe]\n"
            "  background: Led by [Jane](person:jane-doe).\n")


def write(tmp_path: Path, files: dict[str, str]) -> Settings:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Settings(root=tmp_path, docs_dir=tmp_path / "docs", bibliography_optional=True)


def test_unreadable_people_file_gives_its_cause_and_one_line_for_the_follow_ons(tmp_path: Path) -> None:
    """Item 10: one tab in people.yml: the cause first, then one notice counting the references that cannot be
    checked, instead of one unknown-ref error per speaker and member listed before the cause."""
    lab = load_lab(write(tmp_path, {"data/people.yml": PEOPLE_WITH_TAB, "data/talks.yml": TALKS,
                                    "data/projects.yml": PROJECTS}))
    lines = format_all(lab.report).splitlines()
    assert [d.code for d in lab.report.problems] == ["yaml-syntax"]
    assert lines[0].startswith("data/people.yml:3:1: error: invalid YAML: a tab character")
    (notice,) = [d for d in lab.report if d.code == "unchecked-ref"]
    assert notice.path == "data/people.yml" and notice.severity.value == "info"
    assert "7 references to people (in data/projects.yml, data/talks.yml)" in notice.message
    assert lines[2].startswith("data/people.yml:3:1: info: 7 references to people")


def test_a_reference_to_a_readable_file_is_still_checked(tmp_path: Path) -> None:
    """Item 10: only references into the unreadable file are held back; a misspelt talk id is still an error."""
    projects = "- id: p1\n  title: P\n  talks: [t9]\n  people: [jane-doe]\n"
    lab = load_lab(write(tmp_path, {"data/people.yml": PEOPLE_WITH_TAB, "data/talks.yml": TALKS,
                                    "data/projects.yml": projects}))
    assert sorted(d.code for d in lab.report.problems) == ["unknown-ref", "yaml-syntax"]


def test_record_count_of_an_unreadable_file_says_so(tmp_path: Path) -> None:
    """Item 10: the summary says "unreadable", not "0 records read, all used"."""
    lab = load_lab(write(tmp_path, {"data/people.yml": PEOPLE_WITH_TAB, "data/talks.yml": TALKS}))
    counts = {c.path: c.summary() for c in lab.record_counts()}
    assert counts["data/people.yml"].startswith("unreadable")
    assert counts["data/talks.yml"] == "4 records read, all used"


def test_a_list_wrapped_in_a_mapping_is_reported_where_the_mapping_starts() -> None:
    """Item 18: `openings:` with the records under it is reported at that line (not line 1), with the fix."""
    text = "# Our openings\n# (edit me)\n\nopenings:\n  - id: a\n    title: x\n"
    report = Report()
    doc = parse_yaml(text, "data/openings.yml", report)
    assert doc is not None and validate_collection(doc, Opening, report) == []
    (diag,) = report.items
    assert (diag.code, diag.line) == ("yaml-not-a-list", 4)
    assert "under 'openings:'" in diag.hint


def test_a_plain_mapping_is_reported_at_its_first_key() -> None:
    """Item 18: a mapping that wraps no list is reported where it starts too."""
    report = Report()
    doc = parse_yaml("\n\njane:\n  name: Jane\n", "data/people.yml", report)
    assert doc is not None
    validate_collection(doc, Opening, report)
    assert [(d.code, d.line) for d in report] == [("yaml-not-a-list", 3)]


def test_today_may_be_a_yaml_date() -> None:
    """Item 18: `today: 2026-11-23` unquoted in mkdocs.yml arrives as a date (or datetime) and is accepted."""
    from datetime import datetime

    for value in (date(2026, 11, 23), datetime(2026, 11, 23, 9, 30), "2026-11-23"):
        settings = settings_from_options({"today": value}, config_file="mkdocs.yml", docs_dir="docs")
        assert settings.today == date(2026, 11, 23)


CROSSREF_BIB = """
@inproceedings{paper1, title = {Paper One}, author = {Doe, Jane}, crossref = {conf2024}, pages = {1--2}}
@inproceedings{paper2, title = {Paper Two}, author = {Doe, Jane}, crossref = {conf2024}, pages = {3--4}}
@proceedings{conf2024, title = {Proceedings of Conf 2024}, editor = {Roe, Rick}, year = {2024}}
@book{ownbook, title = {Our Book}, author = {Doe, Jane}, year = {2023}}
@incollection{chapter1, title = {A Chapter}, author = {Doe, Jane}, crossref = {ownbook}}
@proceedings{ws2023, title = {Workshop Proceedings We Edited}, editor = {Doe, Jane}, year = {2023}}
"""


def test_crossref_parents_are_not_listed_by_default(tmp_path: Path) -> None:
    """Item 16: a @proceedings that exists only as a crossref target is not a publication of the lab; its
    children still inherit from it, a book with its own authors stays, and the export keeps the parent."""
    lab = load_lab(write(tmp_path, {"data/publications.bib": CROSSREF_BIB}))
    keys = sorted(p.key for p in lab.publications)
    assert keys == ["chapter1", "ownbook", "paper1", "paper2", "ws2023"]
    assert [p.key for p in lab.crossref_parents] == ["conf2024"]
    assert lab.publication("paper1").year == 2024 and "Conf 2024" in lab.publication("paper1").venue_text
    (notice,) = [d for d in lab.report if d.code == "bib-crossref-parent"]
    assert notice.severity.value == "info" and notice.line == 4 and "list_crossref_parents" in notice.hint
    assert [c.summary() for c in lab.record_counts()] == ["6 records read, all used"]
    exported = bibliography_to_bibtex([*lab.publications, *lab.crossref_parents])
    assert exported.index("@inproceedings{paper1") < exported.index("@proceedings{conf2024")


def test_option_lists_crossref_parents_as_before(tmp_path: Path) -> None:
    """Item 16: `list_crossref_parents: true` keeps the old behaviour."""
    settings = write(tmp_path, {"data/publications.bib": CROSSREF_BIB})
    settings.list_crossref_parents = True
    lab = load_lab(settings)
    assert "conf2024" in {p.key for p in lab.publications} and lab.crossref_parents == []
    assert not [d for d in lab.report if d.code == "bib-crossref-parent"]
    assert settings_from_options({"list_crossref_parents": True}, config_file="mkdocs.yml",
                                 docs_dir="docs").list_crossref_parents is True
