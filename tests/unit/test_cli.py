"""Tests of the `labbook` command: `check` (formats and exit codes) and `new` (refusals)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import write_site

GOOD_BIB = "@article{a1,\n  title = {One},\n  author = {Doe, Jane},\n  year = {2020}\n}\n"
GOOD_PEOPLE = "- id: jane-doe\n  name: Jane Doe\n  role: phd\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write a site into tmp_path and run from there (as CI does from the repository root)."""
    monkeypatch.chdir(tmp_path)

    def _site(files: dict[str, str | bytes], **kwargs) -> Path:
        return write_site(tmp_path, files, **kwargs)

    return _site


def test_clean_site_exits_0(site) -> None:
    """No problems: exit 0, nothing on stdout, a summary with the record counts on stderr."""
    site({"data/publications.bib": GOOD_BIB, "data/people.yml": GOOD_PEOPLE})
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "data/publications.bib: 1 record read, all used" in result.stderr
    assert "labbook check: no problems; checked 2 data files (2 records)" in result.stderr


def test_every_problem_is_printed_and_exits_1(site) -> None:
    """Problems in two files are all printed, in the compiler format; exit 1."""
    site({"data/publications.bib": GOOD_BIB + "@article{a2,\n  title = {Two}\n  year = 2021\n}\n",
          "data/people.yml": GOOD_PEOPLE + "- id: bob\n  name: Bob\n  roel: phd\n"})
    result = run("check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "data/people.yml:6:3: error: unknown key 'roel' (the required key 'role' is missing) [yaml-unknown-key]" \
        in lines
    assert any(line.startswith("data/publications.bib:6: error: malformed BibTeX in entry 'a2'") for line in lines)
    assert "2 records read, 1 used, 1 skipped" in result.stderr


def test_warnings_fail_too_but_notices_do_not(site) -> None:
    """A warning (no year) exits 1; a notice alone (an empty file) exits 0 and is still shown."""
    site({"data/publications.bib": "@misc{a1, title = {One}, author = {Doe, J}}\n"})
    assert run("check").exit_code == 1
    Path("data/publications.bib").write_text(GOOD_BIB, encoding="utf-8")
    Path("data/people.yml").write_text("# nobody yet\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0
    assert "data/people.yml:1: info: the file is empty: no records [yaml-empty]" in result.stdout


def test_github_format(site) -> None:
    """--format github prints one workflow command per problem, placed on the file and line."""
    site({"data/publications.bib": GOOD_BIB, "data/people.yml": GOOD_PEOPLE + "- id: Bob\n  name: B\n  role: phd\n"})
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=data/people.yml,line=4,col=3,title=labbook yaml-invalid::id: an id uses only lower-case"
        " letters, digits, '-' and '_', and starts with a letter or digit (got 'Bob') [yaml-invalid]"]


def test_json_format_is_only_json(site) -> None:
    """--format json prints a JSON list and nothing else on stdout."""
    site({"data/publications.bib": "@article{a1, title = {One}, author = {Doe, J}, year = {soon}}\n"})
    result = run("check", "--format", "json")
    data = json.loads(result.stdout)
    assert [(d["path"], d["line"], d["code"]) for d in data] == [("data/publications.bib", 1, "bib-bad-year")]
    assert result.exit_code == 1


def test_config_in_a_subfolder_gives_paths_from_here(site, tmp_path: Path) -> None:
    """With -f site/mkdocs.yml, paths are relative to where the command runs (GitHub's repository root)."""
    (tmp_path / "site").mkdir()
    write_site(tmp_path / "site", {"data/people.yml": "- id: x\n  name: X\n  role: nobody\n"})
    result = run("check", "-f", "site/mkdocs.yml")
    assert result.exit_code == 1
    assert result.stdout.startswith("site/data/people.yml:3:3: error: 'role' is 'nobody'")


def test_usage_errors_exit_2(site) -> None:
    """No mkdocs.yml, an unknown format or option: exit 2 with a message, never a traceback."""
    result = run("check")
    assert result.exit_code == 2 and "no MkDocs configuration at 'mkdocs.yml'" in result.output
    site({})
    assert run("check", "--format", "xml").exit_code == 2
    assert run("check", "--frobnicate").exit_code == 2


def test_bad_labbook_option_is_a_config_problem(site) -> None:
    """An unknown page kind in the plugin's options is reported against mkdocs.yml, at the plugin's line."""
    site({}, labbook={"pages": {"blog": "blog"}})
    result = run("check")
    assert result.exit_code == 1
    text = Path("mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, 1) if "labbook" in t)
    assert result.stdout.startswith(f"mkdocs.yml:{line}: error: labbook: unknown page 'blog'")


def test_broken_mkdocs_config_is_a_config_problem(site) -> None:
    """MkDocs' own config errors (a missing custom_dir) become diagnostics on mkdocs.yml, not a traceback."""
    site({}, extra_config={"theme": {"name": "material", "custom_dir": "nowhere"}})
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.startswith("mkdocs.yml:")
    assert "custom_dir" in result.stdout and "[config]" in result.stdout


def test_unparsable_mkdocs_yml(site) -> None:
    """A mkdocs.yml that is not YAML is reported, not raised."""
    site({})
    Path("mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1 and "[config]" in result.stdout


def test_site_without_the_plugin_checks_default_files(site) -> None:
    """Without `- labbook` in plugins, the default data files are still checked, with a notice."""
    site({"data/people.yml": "- id: x\n  role: phd\n"}, extra_config={"plugins": ["search"]})
    result = run("check")
    assert result.exit_code == 1
    assert "[config-no-plugin]" in result.stdout and "required key 'name' is missing" in result.stdout


def test_new_refuses_a_folder_with_files(tmp_path: Path) -> None:
    """labbook new never overwrites: a non-empty target is a usage error."""
    (tmp_path / "lab").mkdir()
    (tmp_path / "lab" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("new", str(tmp_path / "lab"))
    assert result.exit_code == 2 and "not empty" in result.output
    assert (tmp_path / "lab" / "notes.txt").read_text(encoding="utf-8") == "mine"
