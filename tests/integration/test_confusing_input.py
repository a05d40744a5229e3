"""Issue 10, items 9-18, through the real `labbook check` and real `mkdocs build` runs.

Each test names its item numbers. The al-folio site must build with `--strict` (it failed before: bare
`bibtex_show = true` was an undefined macro, an unquoted `today` was refused); the broken site must fail
`--strict` with each problem at its file and line.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import run_build, write_site

pytestmark = pytest.mark.slow

ALFOLIO_BIB = r"""---
---
@string{aps = {American Physical Society,}}

@inproceedings{nguyen2024,
  title = {Deep Nets\vphantom{g} for {\~\^e}verything},
  author = {Nguy{\~\^e}n, Van An and Doe, Jane},
  booktitle = {Proceedings of the Conference},
  year = {2024},
  bibtex_show = true,
  selected = true,
  pdf = {nguyen2024.pdf},
  doi = {http://doi.acm.org/10.1145/3292500.3330701},
  website = {\url{https://lab.example.org/nguyen2024}},
}

@article{zotero2025,
  title = {A Preprint from Zotero},
  author = {Roe, Rick},
  year = {2025},
  eprint = {2503.01234},
  archivePrefix = {arXiv},
  primaryClass = {cs.LG},
  url = {http://arxiv.org/abs/2503.01234v1},
  doi = {https://dx.doi.org/10.48550/arXiv.2503.01234},
  bibtex_show = false
}

@inproceedings{child2023,
  title = {A Workshop Paper},
  author = {Doe, Jane},
  crossref = {ws2023},
  pages = {1--10},
}

@proceedings{ws2023,
  title = {Proceedings of the Workshop on Things},
  editor = {Ed, Itor},
  year = {2023},
}
"""


def check(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[dict], str]:
    """`labbook check --format json` run in the project (as CI does), and the text run's whole output."""
    monkeypatch.chdir(project)
    runner = CliRunner()
    as_json = runner.invoke(main, ["check", "--format", "json"])
    as_text = runner.invoke(main, ["check"])
    return as_json.exit_code, json.loads(as_json.stdout or "[]"), as_text.output


def test_alfolio_site_builds_strict_with_its_conventions(tmp_path: Path) -> None:
    """Items 13, 14, 15, 16, 17, 18 (today): a real al-folio-style bibliography and an unquoted `today` build
    with --strict; arXiv from eprint, unwrapped \\url, bare DOIs, both accents, no crossref parent listed, the
    bare pdf name linked in assets/pdf/."""
    write_site(tmp_path, {"data/publications.bib": ALFOLIO_BIB, "docs/assets/pdf/nguyen2024.pdf": "%PDF-1.4\n"},
               labbook={"today": date(2026, 11, 23)}, extra_config={"site_url": "https://lab.example.org/"})
    assert "today: 2026-11-23\n" in (tmp_path / "mkdocs.yml").read_text()  # unquoted: YAML reads a date
    result = run_build(tmp_path)
    assert result.returncode == 0, result.log
    assert "WARNING" not in result.log and "bib-undefined-macro" not in result.log
    index = BeautifulSoup(result.html("publications/index.html"), "html.parser")
    assert sorted(a["id"] for a in index.select("article.lb-pub")) == ["child2023", "nguyen2024", "zotero2025"]
    assert not (result.site / "publications" / "ws2023").exists()
    nguyen = index.find("article", id="nguyen2024")
    assert "Nguyễn" in nguyen.get_text() and "Deep Nets for ễverything" in nguyen.get_text()
    links = {a.get_text(): a["href"] for a in nguyen.select("a.lb-link")}
    assert links["DOI"] == "https://doi.org/10.1145/3292500.3330701"
    assert links["Website"] == "https://lab.example.org/nguyen2024"
    assert links["PDF"].endswith("assets/pdf/nguyen2024.pdf")
    zotero = {a.get_text(): a["href"] for a in index.find("article", id="zotero2025").select("a.lb-link")}
    assert zotero == {"arXiv": "https://arxiv.org/abs/2503.01234", "DOI": "https://doi.org/10.48550/arXiv.2503.01234"}
    page = result.html("publications/nguyen2024/index.html")
    assert '<meta name="citation_doi" content="10.1145/3292500.3330701">' in page
    csl = {item["id"]: item for item in json.loads(result.html("publications.json"))}
    assert csl["nguyen2024"]["DOI"] == "10.1145/3292500.3330701" and "ws2023" not in csl
    assert "@proceedings{ws2023," in result.html("publications.bib")
    notices = re.findall(r"publications\.bib:(\d+): info: .*\[(bib-[a-z-]+)\]", result.log)
    assert ("10", "bib-bare-boolean") in notices and ("36", "bib-crossref-parent") in notices


BROKEN_BIB = """@article{first,
  title = {One},
  author = {Doe, Jane},
  jounral = {Nature},
  year = {2020},
  selected = {ture},
  doi = {92--101},
  pdf = {papers/first.pdf},

@article{second,
  title = {\\sysname: Two},
  author = {Doe, Jane},
  journal = {Science},
  year = {2021},
}
"""


def test_broken_bibliography_reports_each_problem_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Items 9, 11, 12, 14, 15: `labbook check` and the strict build name each problem at its line; the
    unclosed entry is bib-unclosed at its own line (9), and the entry after it survives."""
    write_site(tmp_path, {"data/publications.bib": BROKEN_BIB})
    code, found, _ = check(tmp_path, monkeypatch)
    assert code == 1
    assert sorted((d["line"], d["code"], d["severity"]) for d in found) == [
        (1, "bib-unclosed", "error"), (11, "bib-unknown-command", "warning")]
    # once closed, the slips inside the first entry show, each at its own line
    (tmp_path / "data/publications.bib").write_text(BROKEN_BIB.replace("first.pdf},\n", "first.pdf}\n}\n"))
    code, found, _ = check(tmp_path, monkeypatch)
    assert sorted((d["line"], d["code"]) for d in found) == [
        (4, "bib-unknown-field"), (6, "bib-bad-boolean"), (7, "bib-bad-doi"), (8, "missing-file"),
        (12, "bib-unknown-command")]
    assert any("did you mean 'journal'?" in d["hint"] for d in found)
    result = run_build(tmp_path)
    assert result.returncode != 0
    for line, code_ in ((4, "bib-unknown-field"), (8, "missing-file"), (7, "bib-bad-doi")):
        assert re.search(rf"data/publications\.bib:{line}: warning: .*\[{code_}\]", result.log), result.log
    plain = run_build(tmp_path, strict=False)
    assert plain.returncode == 0
    page = plain.html("publications/first/index.html")
    assert "doi.org" not in page and "citation_doi" not in page


def test_one_tab_in_people_is_one_cause_and_one_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 10: `labbook check` prints the tab first, one notice for the 4 references it leaves unchecked,
    no unknown-ref errors, and "unreadable" in the record counts."""
    people = "- id: jane-doe\n  name: Jane Doe\n\trole: phd\n"
    talks = "".join(f"- id: t{i}\n  title: Talk {i}\n  speaker: jane-doe\n  date: 2024-01-0{i}\n" for i in (1, 2, 3))
    projects = "- id: p1\n  title: P\n  people: [jane-doe]\n"
    write_site(tmp_path, {"data/people.yml": people, "data/talks.yml": talks, "data/projects.yml": projects})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if not line.startswith("    ")]
    assert lines[0].startswith("data/people.yml:3:1: error: invalid YAML: a tab character")
    assert lines[1].startswith("data/people.yml:3:1: info: 4 references to people (in data/projects.yml,"
                               " data/talks.yml)")
    assert "unknown-ref" not in result.output
    assert "data/people.yml: unreadable" in result.output and "0 records read" not in result.output
    build = run_build(tmp_path)
    assert build.returncode != 0 and "unknown-ref" not in build.log
    assert "data/people.yml: unreadable" in build.log


def test_wrapped_list_is_reported_where_the_mapping_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 18: `openings:` with the records under it: the error is at that key's line, not line 1."""
    openings = "# Open positions\n# edit below\n\nopenings:\n  - id: postdoc\n    title: Postdoc\n    level: postdoc\n"
    write_site(tmp_path, {"data/openings.yml": openings})
    code, found, _ = check(tmp_path, monkeypatch)
    assert code == 1
    assert [(d["path"], d["line"], d["code"]) for d in found] == [("data/openings.yml", 4, "yaml-not-a-list")]
    assert "under 'openings:'" in found[0]["hint"]
