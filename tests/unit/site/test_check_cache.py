"""`labbook check`'s cache in .labbook/cache/: a cached check prints exactly what a fresh one prints, and any
change of an input file, the configuration or the set of research notes checks afresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from labbook.cli import main
from labbook.site.check_cache import CACHE_DIR, CheckCache
from tests.conftest import write_site

BIB = ("@article{a1,\n  title = {One},\n  author = {Doe, Jane},\n  year = {2020}\n}\n"
       "@article{a2,\n  title = {Two}\n  year = 2021\n}\n"
       "@misc{a3, title = {Three}, author = {Roe, R}}\n")
PEOPLE = "- id: jane-doe\n  name: Jane Doe\n  role: phd\n- id: bob\n  name: Bob\n  roel: phd\n"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_site(tmp_path, {"data/publications.bib": BIB, "data/people.yml": PEOPLE})


def cache_files(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("check-*.json"))


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_a_cached_check_prints_exactly_what_a_fresh_one_prints(project: Path, fmt: str) -> None:
    fresh = run("check", "--format", fmt, "--no-cache")
    assert fresh[0] == 1 and "a2" in fresh[1] and "roel" in fresh[1]  # problems with their lines
    assert cache_files(project) == []  # --no-cache writes nothing
    first = run("check", "--format", fmt)
    assert len(cache_files(project)) == 1
    cached = run("check", "--format", fmt)
    assert first == fresh and cached == fresh
    assert CheckCache(project / "mkdocs.yml").load() is not None  # the second one really came from the cache


def test_paths_follow_the_directory_check_runs_from(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("check")
    monkeypatch.chdir(project / "data")
    fresh = run("check", "-f", "../mkdocs.yml", "--no-cache")
    assert "\npublications.bib:" in fresh[1] and "data/publications.bib" not in fresh[1]
    assert run("check", "-f", "../mkdocs.yml") == fresh


def test_a_changed_input_file_is_checked_afresh(project: Path) -> None:
    assert "malformed BibTeX in entry 'a2'" in run("check")[1]
    (project / "data" / "publications.bib").write_text(BIB.replace("  title = {Two}\n", "  title = {Two},\n"),
                                                       encoding="utf-8")
    after = run("check")
    assert after == run("check", "--no-cache")
    assert "malformed BibTeX in entry 'a2'" not in after[1]


def test_a_new_note_or_a_changed_configuration_is_checked_afresh(project: Path) -> None:
    run("check")
    note = project / "docs" / "notes" / "first.md"
    note.parent.mkdir(parents=True)
    note.write_text("---\ntitle: First\nauthors: [nobody-here]\ndate: 2024-01-01\n---\n\n# First\n", encoding="utf-8")
    with_note = run("check")
    assert with_note == run("check", "--no-cache") and "nobody-here" in with_note[1]
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("labbook: {}", "labbook: {bibliography: []}"),
                      encoding="utf-8")
    changed = run("check")
    assert changed == run("check", "--no-cache") and "a2" not in changed[1]


def test_configurations_that_can_change_without_their_bytes_are_not_cached(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_description: !ENV [DESCRIPTION, 'x']\n",
                      encoding="utf-8")
    assert run("check") == run("check", "--no-cache")
    assert cache_files(project) == []


def test_an_unreadable_cache_is_ignored(project: Path) -> None:
    fresh = run("check", "--no-cache")
    run("check")
    cache_files(project)[0].write_text("{not json", encoding="utf-8")
    assert run("check") == fresh
    assert (project / ".labbook" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
