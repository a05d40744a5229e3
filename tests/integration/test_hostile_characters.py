"""Control characters, noncharacters and lone surrogates in data (item 4 of issue 10): reported with file
and line, removed, and never in a page, a feed, the calendar or the exports; no traceback anywhere."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import run_build, write_site

pytestmark = pytest.mark.slow

#: What XML 1.0 forbids, plus DEL, C1 controls and noncharacters: none may reach an output file.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

#: Raw in the .bib file: SOH, ESC (the character that once marked the page's base path), NUL, U+FFFE.
BIB = ("@article{ctl2024,\n  title = {Before\x1bAfter \x01 and \x00},\n  author = {Doe, Jane},\n"
       "  year = {2024},\n  abstract = {Noncharacter \ufffe here},\n}\n")
#: In YAML only a quoted escape can spell them: "\e" is ESC, "\ud800" a lone surrogate.
TALKS = ('- id: t1\n  title: "Talk\\eTitle \\x01"\n  date: 2024-05-01\n  speaker: "Jane \\ud800Doe"\n'
         '  event: "Event \\uFFFE"\n')
NEWS = '- date: 2024-03-01\n  title: "News\\eItem"\n  text: "Some \\x1b[31m text \\0 end"\n'
PEOPLE = '- id: jane-doe\n  name: "Jane \\x7fDoe"\n  role: phd\n  bio: "Bio\\x1bwith escape"\n'


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = write_site(tmp_path_factory.mktemp("ctl"), {
        "data/publications.bib": BIB, "data/talks.yml": TALKS, "data/news.yml": NEWS, "data/people.yml": PEOPLE,
    }, labbook={"today": "2025-01-15"}, extra_config={"site_url": "https://lab.example.org/"})
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.log
    return project, result.log


def test_each_character_is_reported_with_its_line(built: tuple[Path, str]) -> None:
    """Item 4 of issue 10: every field that held such a character is an error naming file and line."""
    _, log = built
    assert "Traceback" not in log
    assert "data/publications.bib:2: error: entry 'ctl2024': field 'title' holds the invisible character" in log
    assert "data/publications.bib:5: error: entry 'ctl2024': field 'abstract'" in log
    for where in ["data/talks.yml:2:10", "data/talks.yml:4:12", "data/talks.yml:5:10", "data/news.yml:2:10",
                  "data/news.yml:3:9", "data/people.yml:2:9", "data/people.yml:4:8"]:
        assert f"{where}: error: this value holds the invisible character" in log, where


def test_no_output_file_carries_them(built: tuple[Path, str]) -> None:
    """Item 4 of issue 10: pages, Atom feeds, the calendar, BibTeX and CSL-JSON are free of them; the feeds
    are well-formed XML; ESC never turns into the page's base path ("Before../After")."""
    project, _ = built
    site = project / "site"
    outputs = [p for p in site.rglob("*") if p.suffix in {".html", ".xml", ".ics", ".bib", ".json"}]
    assert {"feeds/news.xml", "feeds/publications.xml", "talks.ics"} <= {
        p.relative_to(site).as_posix() for p in outputs}
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        assert not FORBIDDEN.search(text), path
        assert "Before../After" not in text and "Talk../Title" not in text and "News../Item" not in text, path
    for feed in ["feeds/news.xml", "feeds/publications.xml"]:
        ET.parse(site / feed)
    page = (site / "publications" / "ctl2024" / "index.html").read_text(encoding="utf-8")
    assert "BeforeAfter" in page


def test_check_prints_them_escaped_in_every_format(built: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 4 of issue 10: ``labbook check`` reports them in text, github and json without a
    UnicodeEncodeError (a lone surrogate quoted in a message is printed escaped)."""
    project, _ = built
    monkeypatch.chdir(project)
    for fmt in ["text", "github", "json"]:
        result = CliRunner().invoke(main, ["check", "--format", fmt], catch_exceptions=False)
        assert result.exit_code == 1, result.output
        result.stdout.encode("utf-8")
        assert "control-char" in result.stdout
