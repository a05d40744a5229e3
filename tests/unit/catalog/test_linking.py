"""Tests of labbook.catalog.linking via load_lab: every id used anywhere is checked, at the file and line it is on."""

from __future__ import annotations

import textwrap
from pathlib import Path

from labbook.catalog.build import load_lab
from labbook.catalog.lab import Lab
from labbook.settings import Settings

BIB = """
@inproceedings{zeng2024expressive, title = {The Expressive Power of LoRA},
  author = {Zeng, Yuchen and Lee, Kangwook}, booktitle = {ICLR}, year = 2024}
@article{lin2024dual, title = {Dual Operating Modes}, author = {Lin, Ziqian and Lee, Kangwook},
  journal = {J}, year = 2024}
"""
PEOPLE = """
- id: kangwook-lee
  name: Kangwook Lee
  role: pi
- id: yuchen-zeng
  name: Yuchen Zeng
  role: phd
"""
TALKS = """
- id: jhu
  title: Theory of Adaptation
  date: 2024-04
  speaker: kangwook-lee
  publications: [zeng2024expressive, Lin2024Dual]
- id: guest
  title: A guest's talk
  date: 2024-05-02
  speaker: Jane Doe
- id: by-name
  title: Named by name
  date: 2023-01
  speaker: Yuchen Zeng
"""
PROJECTS = """
- id: adaptation
  title: Adaptation theory
  people: [kangwook-lee, yuchen-zeng]
  publications: [zeng2024expressive]
  talks: [jhu]
  background: See [the talk](talk:jhu) and [](pub:lin2024dual).
"""


def make_lab(tmp_path: Path, **files: str) -> Lab:
    """A lab from the defaults above, with some files replaced (name -> YAML text; notes as notes_<stem>)."""
    texts = {"publications.bib": BIB, "people.yml": PEOPLE, "talks.yml": TALKS, "projects.yml": PROJECTS}
    for name, text in files.items():
        if name.startswith("notes_"):
            target = tmp_path / "docs" / "notes" / f"{name[len('notes_'):]}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        else:
            texts[name.replace("_yml", ".yml")] = text
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "docs").mkdir(exist_ok=True)
    for name, text in texts.items():
        (tmp_path / "data" / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_lab(Settings(root=tmp_path, docs_dir=tmp_path / "docs"))


def problems(lab: Lab) -> list[tuple[str, int, str, str]]:
    return [(d.path, d.line, d.code, d.message) for d in lab.report.problems]


def test_a_clean_lab_links_everything(tmp_path: Path) -> None:
    """Speakers (by id or name), talk and project references and Markdown links all resolve."""
    lab = make_lab(tmp_path)
    assert problems(lab) == []
    assert lab.speaker_of == {"jhu": "kangwook-lee", "by-name": "yuchen-zeng"}
    assert [t.id for t in lab.talks_of["kangwook-lee"]] == ["jhu"]
    assert [p.id for p in lab.projects_of["yuchen-zeng"]] == ["adaptation"]
    assert [t.id for t in lab.talks_of_pub["lin2024dual"]] == ["jhu"]
    assert [p.id for p in lab.projects_of_talk["jhu"]] == ["adaptation"]
    html = lab.projects[0].html_of("background")
    assert "talk:jhu" in html and ">Dual Operating Modes</a>" in html


def test_unknown_ids_are_errors_at_their_lines(tmp_path: Path) -> None:
    """A misspelt speaker, publication key, talk or person id is an error at the line it is written on."""
    lab = make_lab(
        tmp_path,
        talks_yml="""
        - id: jhu
          title: T
          date: 2024-04
          speaker: kangwook-le
          publications: [zeng2024expressive, nokey2020]
        """,
        projects_yml="""
        - id: adaptation
          title: P
          people:
            - kangwook-lee
            - yuchen-zheng
          talks: [jhu, cmu]
        """,
    )
    found = problems(lab)
    assert ("data/talks.yml", 4, "unknown-ref", "speaker: no person has the id 'kangwook-le'") in found
    assert ("data/talks.yml", 5, "unknown-ref", "publications: no publication has the id 'nokey2020'") in found
    assert ("data/projects.yml", 5, "unknown-ref", "people: no person has the id 'yuchen-zheng'") in found
    assert ("data/projects.yml", 6, "unknown-ref", "talks: no talk has the id 'cmu'") in found
    assert len(found) == 4
    hints = {d.message: d.hint for d in lab.report.problems}
    assert hints["speaker: no person has the id 'kangwook-le'"] == "did you mean 'kangwook-lee'?"
    columns = {d.message: d.column for d in lab.report.problems}
    assert columns["talks: no talk has the id 'cmu'"] == len("  talks: [jhu, ") + 1  # the item itself


def test_unknown_ids_in_markdown_are_errors_at_the_field(tmp_path: Path) -> None:
    """`[..](pub:KEY)` with an unknown key in a news item is an error at the line of the link (the block's
    first line, after the `text: |` line)."""
    lab = make_lab(tmp_path, news_yml="""
        - date: 2024-07
          title: News
          text: |
            Our [paper](pub:zeng2024expresive) and [](person:nobody).
        """)
    found = problems(lab)
    assert [(p, line, code) for p, line, code, _ in found] == [("data/news.yml", 4, "unknown-ref")] * 2
    assert "text: no publication has the id 'zeng2024expresive'" in found[0][3]


def test_instructors_and_note_authors_are_checked(tmp_path: Path) -> None:
    """Course instructors and note authors must be people; the note's error is at its page line."""
    lab = make_lab(
        tmp_path,
        courses_yml="- code: ECE 532\n  instructors: [kangwook-lee, someone]\n",
        notes_lora="---\ntitle: LoRA\nauthors:\n  - yuchen-zeng\n  - yuchen\n---\nText.\n",
    )
    found = problems(lab)
    assert ("data/courses.yml", 2, "unknown-ref", "instructors: no person has the id 'someone'") in found
    assert ("docs/notes/lora.md", 5, "unknown-ref", "authors: no person has the id 'yuchen'") in found
    assert len(found) == 2
    assert [n.display_title for n in lab.notes_of["yuchen-zeng"]] == ["LoRA"]
    assert [c.code for c in lab.courses_of["kangwook-lee"]] == ["ECE 532"]


def test_a_record_skipped_for_an_error_is_not_reported_again(tmp_path: Path) -> None:
    """A talk with a typo is one diagnostic; the project that lists it adds none."""
    lab = make_lab(tmp_path, talks_yml="""
        - id: jhu
          titel: Theory of Adaptation
          date: 2024-04
        """)
    found = problems(lab)
    assert [(p, line, code) for p, line, code, _ in found] == [("data/talks.yml", 2, "yaml-unknown-key")]


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    """The second record with an id already used is an error naming the first one's line."""
    lab = make_lab(tmp_path, openings_yml="""
        - id: phd
          title: A
          level: phd
        - id: phd
          title: B
          level: phd
        """, courses_yml="- code: ECE 1\n- code: ECE 1\n")
    found = problems(lab)
    assert ("data/openings.yml", 4, "duplicate-id", "duplicate opening id 'phd': already used at line 1") in found
    assert ("data/courses.yml", 2, "duplicate-code", "duplicate course code 'ECE 1': already used at line 1") in found
    assert [o.title for o in lab.openings] == ["A"]


def test_guest_speakers_are_names_not_ids(tmp_path: Path) -> None:
    """A speaker written as a name (capitals or spaces) that is nobody in people.yml is a guest, not an error."""
    lab = make_lab(tmp_path)
    guest = lab.talk("guest")
    assert guest is not None and guest.speaker == "Jane Doe" and "guest" not in lab.speaker_of


def test_missing_collection_files_are_empty(tmp_path: Path) -> None:
    """A lab with only a .bib file has empty collections and no problems."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "publications.bib").write_text(BIB, encoding="utf-8")
    lab = load_lab(Settings(root=tmp_path, docs_dir=tmp_path / "docs"))
    assert problems(lab) == [] and lab.talks == [] and lab.people == [] and lab.notes == []


def test_markdown_link_errors_suggest_the_closest_id(tmp_path: Path) -> None:
    """A misspelt id in a Markdown link gets a did-you-mean hint from the ids of that kind."""
    lab = make_lab(tmp_path, news_yml="- date: 2024\n  text: See [the talk](talk:jhuu).\n")
    (problem,) = lab.report.problems
    assert problem.message == "text: no talk has the id 'jhuu' (link 'talk:jhuu')"
    assert problem.hint == "did you mean 'jhu'?"


def test_a_note_reports_every_problem_at_once(tmp_path: Path) -> None:
    """A note with a bad date, a bad status and an unknown author gets all three errors in one run (the
    author is checked although the note is skipped for the other two)."""
    lab = make_lab(tmp_path, notes_n="---\ndate: 2024-02-30\nstatus: wip\nauthors: [yuchen-zeng, ghost]\n---\n")
    found = problems(lab)
    assert [(p, line, code) for p, line, code, _ in found] == [
        ("docs/notes/n.md", 2, "yaml-invalid"), ("docs/notes/n.md", 3, "yaml-invalid"),
        ("docs/notes/n.md", 4, "unknown-ref")]
    assert found[2][3] == "authors: no person has the id 'ghost'"
    assert lab.notes == [] and lab.notes_of["yuchen-zeng"] == []


def test_a_skipped_record_still_has_its_references_and_markdown_checked(tmp_path: Path) -> None:
    """A talk skipped for a bad kind still reports its unknown speaker, publication and Markdown link; the
    record counts still say it was skipped."""
    lab = make_lab(tmp_path, talks_yml="""
        - id: jhu
          title: Theory
          date: 2024-04
          kind: wip
          speaker: kangwok-lee
          publications: [nope2024]
          abstract: See [](pub:zeng2024expresive).
        """)
    found = problems(lab)
    assert [(line, code) for _, line, code, _ in found] == [
        (4, "yaml-invalid"), (5, "unknown-ref"), (6, "unknown-ref"), (7, "unknown-ref")]
    assert lab.talks == [] and lab.talk("jhu") is None
    assert [(c.path, c.read, c.kept) for c in lab.record_counts() if c.path == "data/talks.yml"] == [
        ("data/talks.yml", 1, 0)]
    # The project that lists the skipped talk adds nothing: the talk's own errors explain it.
    assert not any(p == "data/projects.yml" for p, *_ in found)


def test_a_record_with_a_wrong_reference_field_is_not_checked_twice(tmp_path: Path) -> None:
    """When the reference field itself is wrong (a word where a list belongs) it is reported once."""
    lab = make_lab(tmp_path, notes_n="---\nauthors: yuchen-zeng\n---\n")
    assert [code for _, _, code, _ in problems(lab)] == ["yaml-invalid"]


def test_a_skipped_record_without_its_markdown_field_is_one_error(tmp_path: Path) -> None:
    """A news item whose `text:` is misspelt is skipped with one error; checking what is left of it does not
    fail on the missing field."""
    lab = make_lab(tmp_path, news_yml="- date: 2024-07\n  txt: Some news.\n")
    assert [(line, code) for _, line, code, _ in problems(lab)] == [(2, "yaml-unknown-key")]
    assert lab.news == []


def test_markdown_problems_point_at_the_line_inside_the_block(tmp_path: Path) -> None:
    """A bad link on the 2nd or 4th line of a `text: |` block (or a folded `>` block, or a multi-line plain
    value) is reported at that line and at the link's column, not at the `text:` key."""
    lab = make_lab(tmp_path, news_yml="""
        - date: 2024-07
          text: |
            First line.
            A [bad](javascript:alert(1)) link.
            Third line.
            An [unknown](pub:NOPE) key and [again](pub:NOPE).
        - date: 2024-08
          text: >
            Folded,
            with [x](person:nobody).
        - date: 2024-09
          text: Plain and
            long [y](talk:nothing)
        """)
    found = sorted((d.line, d.column, d.code) for d in lab.report.problems)
    assert found == [(4, 13, "unsafe-url"), (6, 18, "unknown-ref"), (6, 44, "unknown-ref"),
                     (10, 14, "unknown-ref"), (13, 14, "unknown-ref")]
