"""Every kind of bad input, fed through `labbook check` and a real `mkdocs build`.

Each case asserts the diagnostic's file, line, code and words; that the build prints the very same text
(so `--strict` fails on it); and that the good records next to the bad one are still on the site.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from labbook.cli import main
from labbook.diagnostics import Diagnostic, Severity
from tests.conftest import run_build, visible_text, write_site

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Case:
    """One bad input: the file, its content, and the diagnostic it must produce."""

    name: str
    content: str | bytes
    line: int
    code: str
    words: str
    survivors: tuple[str, ...] = ()


def entry(key: str, extra: str = "", year: str = "2020") -> str:
    return (f"@article{{{key},\n  title = {{Title of {key}}},\n  author = {{Doe, Jane}},\n"
            f"  year = {{{year}}}{extra}\n}}\n")


# Each BibTeX case lives in its own file of one site (keys differ), ending with a good entry that must survive.
BIB_CASES = [
    Case("missing-brace", "@article{mb1,\n  title = {Open {brace},\n  author = {Doe, Jane},\n  year = 2020\n}\n\n"
         + entry("mbok"), 2, "bib-unclosed", "the value of 'title' opens a '{' that is never closed", ("mbok",)),
    Case("extra-brace", "@article{eb1,\n  title = {Closed}},\n  author = {Doe, Jane},\n  year = 2020\n}\n\n"
         + entry("ebok"), 3, "bib-stray-text", "an extra '}' probably closed the entry early", ("eb1", "ebok")),
    Case("no-key", "@article{\n  title = {Nobody},\n  year = 2020\n}\n\n" + entry("nkok"), 1, "bib-no-key",
         "@article entry without a key is skipped", ("nkok",)),
    Case("junk-at", entry("ja1") + "\nQuestions? Write to lab@example.org.\n\n" + entry("jaok"), 7, "bib-stray-at",
         "'@example.org.' does not start an entry", ("ja1", "jaok")),
    Case("macro", entry("um1", ",\n  journal = jmlr") + "\n" + entry("umok"), 5, "bib-undefined-macro",
         "undefined string macro 'jmlr' in entry 'um1'", ("um1", "umok")),
    Case("percent-line", "@article{pl1,\n  title = {Percent},\n  % author = {Old, Name},\n  author = {Doe, Jane},\n"
         "  year = 2020\n}\n\n" + entry("plok"), 3, "bib-comment-in-entry", "%-comments between its fields",
         ("pl1", "plok")),
    Case("bad-year", entry("by1", year="in press") + "\n" + entry("byok"), 4, "bib-bad-year",
         "has year 'in press', which is not a number", ("by1", "byok")),
    Case("duplicate-key", entry("dk1") + "\n" + entry("DK1") + "\n" + entry("dkok"), 7, "bib-duplicate-key",
         "duplicate key 'DK1': already used at data/duplicate-key.bib:1", ("dk1", "dkok")),
    Case("duplicate-field", "@article{df1,\n  title = {First},\n  author = {Doe, Jane},\n  title = {Second},\n"
         "  year = 2020\n}\n\n" + entry("dfok"), 4, "bib-duplicate-field",
         "repeats field 'title' with a different value", ("df1", "dfok")),
    Case("cp1252", ("@article{cp1,\n  title = {Caf\u00e9 \u201cquoted\u201d},\n  author = {Doe, Jane},\n"
                    "  year = 2020\n}\n").encode("cp1252"), 2, "bib-encoding", "read as Windows-1252", ("cp1",)),
    Case("unsafe-link", entry("ul1", ",\n  pdf = {javascript:alert(document.cookie)}") + "\n" + entry("ulok"), 5,
         "bib-unsafe-url", "the pdf link 'javascript:alert(document.cookie)' is not an http(s), mailto or relative",
         ("ul1", "ulok")),
    Case("missing-title", "@article{mt1,\n  author = {Doe, Jane},\n  year = 2020\n}\n\n" + entry("mtok"), 1,
         "bib-missing-title", "entry 'mt1' has no title", ("mt1", "mtok")),
]

JANE = "- id: jane-doe\n  name: Jane Doe\n  role: phd\n"
BOMB = "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9) if p else 'x, x, x, x, x, x, x, x, x'}]\n"
               for p, n in zip(["", "a", "b", "c", "d", "e", "f", "g", "h"], "abcdefghi", strict=True))

# Each YAML case is people.yml of its own site; "jane-doe" in survivors means Jane's record still loaded
# (her name in the author list is linked as a member).
YAML_CASES = [
    Case("tab", JANE + "- id: bob\n\tname: Bob\n  role: phd\n", 5, "yaml-syntax",
         "invalid YAML: a tab character where YAML allows only spaces"),
    Case("duplicate-key", JANE + "- id: bob\n  name: Bob\n  role: phd\n  role: ms\n", 7, "yaml-duplicate-key",
         "duplicate key 'role': it is already set at line 6", ("jane-doe",)),
    Case("several-documents", JANE + "---\n- id: bob\n  name: Bob\n  role: phd\n", 4, "yaml-several-documents",
         "more than one YAML document", ("jane-doe",)),
    Case("mapping-not-list", "jane-doe:\n  name: Jane Doe\n  role: phd\n", 1, "yaml-not-a-list",
         "the file holds a mapping, but it should be a list of records"),
    Case("mapping-in-field", JANE + "- id: bob\n  name: Bob\n  role: phd\n  aliases:\n    short: B\n", 7,
         "yaml-invalid", "'aliases' should be a list, not a mapping", ("jane-doe",)),
    Case("non-utf8", (JANE + "- id: bob\n  name: Bj\xf6rn\n  role: phd\n").encode("latin-1"), 5, "yaml-encoding",
         "the file is not valid UTF-8"),
    Case("python-tag", JANE + "- id: bob\n  name: !!python/object/apply:os.system [touch pwned]\n  role: phd\n", 5,
         "yaml-tag", "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    Case("alias-bomb", BOMB, 1, "yaml-too-large", "expands to more than 200000 values"),
    Case("wrong-type", JANE + "- id: bob\n  name: Bob\n  role: phd\n  since: last year\n", 7, "yaml-invalid",
         "'since' should be a whole number, not 'last year'", ("jane-doe",)),
    Case("bad-choice", JANE + "- id: bob\n  name: Bob\n  role: student\n", 6, "yaml-invalid",
         "'role' is 'student', which is not one of", ("jane-doe",)),
    Case("missing-required", JANE + "- id: bob\n  role: phd\n", 4, "yaml-missing-key",
         "required key 'name' is missing", ("jane-doe",)),
    Case("empty-required", JANE + "- id: bob\n  name: ''\n  role: phd\n", 5, "yaml-invalid", "'name' is empty",
         ("jane-doe",)),
    Case("misspelt-key", JANE + "- id: bob\n  name: Bob\n  rol: phd\n", 6, "yaml-unknown-key", "unknown key 'rol'",
         ("jane-doe",)),
    Case("unsafe-link", "- id: jane-doe\n  name: Jane Doe\n  role: phd\n  links:\n    homepage: javascript:alert(1)\n",
         5, "yaml-unsafe-url", "links.homepage: 'javascript:alert(1)' is not an http(s), mailto or relative URL",
         ("jane-doe",)),
    Case("path-id", JANE + "- id: ../../etc/passwd\n  name: Bob\n  role: phd\n", 4, "yaml-invalid",
         "an id uses only lower-case letters", ("jane-doe",)),
]


def check_json(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[Diagnostic]]:
    """Run `labbook check --format json` from the project folder; the exit code and the diagnostics."""
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False)
    items = json.loads(result.stdout)
    return result.exit_code, [Diagnostic(**{**d, "severity": Severity(d["severity"])}) for d in items]


def the(diagnostics: list[Diagnostic], path: str, code: str) -> Diagnostic:
    found = [d for d in diagnostics if d.path == path and d.code == code]
    assert len(found) == 1, [d.format_text() for d in diagnostics]
    return found[0]


def test_every_bibtex_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each malformed .bib file gives its diagnostic in `labbook check` and, word for word, in the build;
    strict mode fails; every good entry is on the publications page."""
    files = {f"data/{case.name}.bib": case.content for case in BIB_CASES}
    write_site(tmp_path, files, labbook={"bibliography": sorted(files)})
    code, diagnostics = check_json(tmp_path, monkeypatch)
    build = run_build(tmp_path, strict=True)
    assert code == 1 and build.returncode != 0
    index = build.html("publications/index.html")
    for case in BIB_CASES:
        found = the(diagnostics, f"data/{case.name}.bib", case.code)
        assert (found.line, case.words in found.message) == (case.line, True), found.format_text()
        assert found.format_text() in build.log
        for key in case.survivors:
            assert f'id="{key}"' in index, (case.name, key)
    for diagnostic in diagnostics:  # nothing labbook check says is missing from the build, and vice versa
        assert diagnostic.format_text() in build.log
    assert build.log.count(": error: ") + build.log.count(": warning: ") == len(
        [d for d in diagnostics if d.severity is not Severity.INFO])


@pytest.mark.parametrize("case", YAML_CASES, ids=[c.name for c in YAML_CASES])
def test_every_yaml_failure(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken people.yml gives its diagnostic in `labbook check` and the same text in the build, which fails
    strictly without a traceback; the valid people still load (Jane stays linked in the author list)."""
    bib = "@article{paper, title = {A Paper}, author = {Doe, Jane and Roe, Richard}, year = 2021}\n"
    write_site(tmp_path, {"data/publications.bib": bib, "data/people.yml": case.content})
    code, diagnostics = check_json(tmp_path, monkeypatch)
    found = the(diagnostics, "data/people.yml", case.code)
    assert (found.line, found.severity) == (case.line, Severity.ERROR)
    assert case.words in found.message, found.message
    build = run_build(tmp_path, strict=True)
    assert code == 1 and build.returncode != 0
    assert found.format_text() in build.log
    assert "Traceback" not in build.log
    index = build.html("publications/index.html")
    assert ('lb-member' in index) == ("jane-doe" in case.survivors)
    assert not (tmp_path / "pwned").exists()


def test_empty_data_files_are_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty people.yml is a notice, not a problem: check exits 0 and the strict build passes."""
    write_site(tmp_path, {"data/publications.bib": entry("only"), "data/people.yml": ""})
    code, diagnostics = check_json(tmp_path, monkeypatch)
    assert code == 0 and [d.code for d in diagnostics] == ["yaml-empty"]
    build = run_build(tmp_path, strict=True)
    assert build.returncode == 0, build.log
    assert "data/people.yml:1: info: the file is empty: no records [yaml-empty]" in build.log
    assert "data/publications.bib: 1 record read, all used" in build.log


def test_pull_request_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paper with a missing brace and a record with a misspelt key: two annotations on the exact lines;
    after both are fixed the check is clean and the strict build passes."""
    people = JANE + "- id: sam\n  name: Sam Student\n  role: ms\n  affilation: UW\n"
    bib = entry("good2024") + "\n@inproceedings{new2025,\n  title = {New {Paper},\n  author = {Student, Sam},\n" \
        "  booktitle = {Conf},\n  year = 2025\n}\n"
    write_site(tmp_path, {"data/publications.bib": bib, "data/people.yml": people})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "github"], catch_exceptions=False)
    assert result.exit_code == 1
    annotations = result.stdout.splitlines()
    assert len(annotations) == 2, annotations
    assert annotations[0].startswith("::error file=data/people.yml,line=7,col=3,title=labbook yaml-unknown-key::"
                                     "unknown key 'affilation' Hint: did you mean 'affiliation'?")
    assert annotations[1].startswith("::error file=data/publications.bib,line=8,title=labbook bib-unclosed::"
                                     "entry 'new2025' (line 7) is not closed: the value of 'title' opens a '{'")
    assert run_build(tmp_path, strict=True).returncode != 0

    (tmp_path / "data/people.yml").write_text(people.replace("affilation", "affiliation"), encoding="utf-8")
    (tmp_path / "data/publications.bib").write_text(bib.replace("{New {Paper}", "{New Paper}"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "github"], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")
    build = run_build(tmp_path, strict=True)
    assert build.returncode == 0, build.log
    assert 'id="new2025"' in build.html("publications/index.html")


def test_missing_data_is_never_shown_as_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries without title, authors, venue or year are reported, and their pages show no None, nan,
    empty brackets or dangling separators."""
    bib = ("@article{bare1, year = 2020}\n@misc{bare2, title = {Only a Title}}\n"
           "@inproceedings{bare3, title = {No Venue}, author = {Doe, Jane}, year = 2019}\n"
           "@article{bare4, title = {Empty Fields}, author = {}, journal = {}, year = {}, url = {}}\n")
    write_site(tmp_path, {"data/publications.bib": bib, "data/people.yml": JANE})
    code, diagnostics = check_json(tmp_path, monkeypatch)
    assert code == 1
    assert {(d.code, d.line) for d in diagnostics} >= {("bib-missing-title", 1), ("bib-missing-year", 2),
                                                       ("bib-missing-author", 1), ("bib-missing-year", 4)}
    build = run_build(tmp_path, strict=False)
    assert build.returncode == 0, build.log
    pages = [build.html("publications/index.html"), build.html("index.html")]
    pages += [build.html(f"publications/{key}/index.html") for key in ("bare1", "bare2", "bare3", "bare4")]
    for html in pages:
        text = " ".join(visible_text(html).split())
        for bad in ("None", "nan", "()", "[]", "undefined", ", ,", " , "):
            assert bad not in text, (bad, text[:300])
    assert "[bare1]" in visible_text(pages[0])  # an untitled entry is listed under its key
