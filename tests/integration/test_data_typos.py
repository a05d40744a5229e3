"""A typo in any field of any data file: one clear diagnostic with file and line, and a failing strict build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_build, write_site
from tests.integration.lab_fixture import LABBOOK, lab_files

pytestmark = pytest.mark.slow

# (file, the line as written, the line with a typo, the misspelt key, the key it should be)
TYPOS = [
    ("data/people.yml", "  bio: Works on", "  boi: Works on", "boi", "bio"),
    ("data/talks.yml", "  title: Theory of Adaptation", "  titel: Theory of Adaptation", "titel", "title"),
    ("data/openings.yml", "  deadline: 2025-03-01", "  dedline: 2025-03-01", "dedline", "deadline"),
    ("data/news.yml", "  text: Second newest item.", "  txt: Second newest item.", "txt", "text"),
    ("data/projects.yml", "  summary: Why LoRA", "  sumary: Why LoRA", "sumary", "summary"),
    ("data/courses.yml", "  instructors: [kangwook-lee]", "  instructor: [kangwook-lee]", "instructor",
     "instructors"),
    ("docs/notes/lora.md", "authors: [yuchen-zeng, kangwook-lee]", "autors: [yuchen-zeng, kangwook-lee]",
     "autors", "authors"),
]
_DIAGNOSTIC = re.compile(r"([^\s:]+):(\d+):(?:(\d+):)? (error|warning): (.*) \[([\w-]+)\]")


def with_typo(path: str, before: str, after: str) -> dict[str, str]:
    files = lab_files()
    assert files[path].count(before) == 1, before
    files[path] = files[path].replace(before, after)
    return files


@pytest.mark.parametrize(("path", "before", "after", "typo", "key"), TYPOS, ids=[t[0] for t in TYPOS])
def test_a_typo_is_one_diagnostic_and_fails_strict(tmp_path: Path, path: str, before: str, after: str,
                                                   typo: str, key: str) -> None:
    """The strict build fails with exactly one problem: the unknown key, at its file and line, with a hint."""
    files = with_typo(path, before, after)
    expected_line = next(i for i, text in enumerate(files[path].splitlines(), 1) if text.startswith(after))
    write_site(tmp_path, files, labbook=dict(LABBOOK), macros=True)
    result = run_build(tmp_path, strict=True)
    assert result.returncode != 0
    found = _DIAGNOSTIC.findall(result.log)
    assert len(found) == 1, result.log
    file, line, _col, severity, message, code = found[0]
    assert (file, int(line), severity, code) == (path, expected_line, "error", "yaml-unknown-key")
    assert message.startswith(f"unknown key '{typo}'")
    assert f"hint: did you mean '{key}'?" in result.log


def test_a_plain_build_keeps_every_good_record(tmp_path: Path) -> None:
    """Without --strict the build succeeds, warns, and renders every other talk."""
    write_site(tmp_path, with_typo(*TYPOS[1][:3]), labbook=dict(LABBOOK), macros=True)
    result = run_build(tmp_path, strict=False)
    assert result.returncode == 0, result.log
    assert "data/talks.yml:" in result.log
    built = sorted(p.name for p in (result.site / "talks").iterdir() if p.is_dir())
    assert built == ["2022-guest", "2023-05-yuchen", "2025-02-upcoming"]
