"""Tests of labbook.load.notes and labbook.model.note: research notes' front matter, with page lines."""

from __future__ import annotations

from pathlib import Path

from labbook.diagnostics import Report
from labbook.load.notes import load_notes, note_files


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root / "docs" / "notes"


def load(tmp_path: Path, files: dict[str, str]) -> tuple[list, Report]:
    notes_dir = write(tmp_path, files)
    report = Report()
    return load_notes(notes_dir, tmp_path / "docs", "docs/notes", report), report


def test_front_matter_is_read_with_page_lines(tmp_path: Path) -> None:
    """Every documented key is read; lines are the page's own; index.md is not a note."""
    notes, report = load(tmp_path, {
        "docs/notes/lora.md": "---\ntitle: What can LoRA change?\nauthors: [yuchen-zeng]\ndate: 2024-06-01\n"
                              "status: ongoing\ntags: [LoRA]\nhide: [toc]\n---\n\nBody.\n",
        "docs/notes/index.md": "# Notes\n",
        "docs/notes/sub/deep.md": "# A heading title\n\nNo front matter.\n",
    })
    assert list(report) == []
    by_src = {n.src_uri: n for n in notes}
    assert set(by_src) == {"notes/lora.md", "notes/sub/deep.md"}
    lora = by_src["notes/lora.md"]
    assert lora.display_title == "What can LoRA change?" and lora.authors == ["yuchen-zeng"]
    assert lora.date is not None and lora.date.label == "1 June 2024" and lora.status_label == "Ongoing"
    assert lora.source_path == "docs/notes/lora.md" and lora.line_of("authors") == 3
    assert by_src["notes/sub/deep.md"].display_title == "A heading title"


def test_title_falls_back_to_the_file_name(tmp_path: Path) -> None:
    """A note without a title or heading is named after its file."""
    notes, _ = load(tmp_path, {"docs/notes/open-questions.md": "---\nstatus: idea\n---\nText.\n"})
    assert notes[0].display_title == "Open questions"


def test_typo_in_front_matter_is_one_error_at_its_line(tmp_path: Path) -> None:
    """`auhtors:` is reported at its line in the page, with a hint; the note is left out of the index."""
    notes, report = load(tmp_path, {"docs/notes/a.md": "---\ntitle: A\nauhtors: [x]\n---\nText.\n"})
    assert notes == []
    (error,) = list(report)
    assert (error.path, error.line, error.code) == ("docs/notes/a.md", 3, "yaml-unknown-key")
    assert error.hint == "did you mean 'authors'?"


def test_bad_status_and_date_are_errors_at_their_lines(tmp_path: Path) -> None:
    """A status outside idea/ongoing/done and an impossible date are both reported, at their lines."""
    _, report = load(tmp_path, {"docs/notes/a.md": "---\ntitle: A\ndate: 2024-02-31\nstatus: wip\n---\n"})
    assert sorted((d.line, d.message.split(":")[0].split(" ")[0].strip("'")) for d in report) == [
        (3, "date"), (4, "status")]


def test_broken_front_matter_is_a_syntax_error_at_its_line(tmp_path: Path) -> None:
    """Invalid YAML in the front matter is reported at the page's line."""
    _, report = load(tmp_path, {"docs/notes/a.md": "---\ntitle: A\ntags: [x\n---\n"})
    (error,) = list(report)
    assert error.code == "yaml-syntax" and error.line >= 3


def test_no_notes_folder_means_no_notes(tmp_path: Path) -> None:
    """A site without docs/notes/ has no notes and no problems."""
    assert note_files(tmp_path / "docs" / "notes") == []
    notes, report = load(tmp_path, {})
    assert notes == [] and list(report) == []
