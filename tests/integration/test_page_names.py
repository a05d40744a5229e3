"""Keys and ids that would replace a generated page or cannot be a file name (item 3 of issue 10)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import run_build, write_site

pytestmark = pytest.mark.slow

BIB = "".join(f"@misc{{{key},\n  title = {{Paper {key}}},\n  author = {{Doe, Jane}},\n  year = 2020\n}}\n"
              for key in ["index", "con", "people", "index-entry", "ok"])
PEOPLE = "- id: nul\n  name: Nul Person\n  role: phd\n- id: lpt9\n  name: Lpt Person\n  role: pi\n"
TALKS = f"- id: aux\n  title: Aux Talk\n  date: 2024-05-01\n  speaker: nul\n- id: {'t' * 81}\n  title: Long\n" \
        "  date: 2024-05-02\n  speaker: nul\n"
COURSES = "- code: CS 101\n  title: First\n- code: CS-101\n  title: Second\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    project = write_site(tmp_path_factory.mktemp("names"), {
        "data/publications.bib": BIB, "data/people.yml": PEOPLE, "data/talks.yml": TALKS,
        "data/courses.yml": COURSES,
    }, labbook={"pages": {"publications": "lab", "people": "lab/people"}})
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.log
    return result


def test_generated_pages_are_never_replaced(built) -> None:
    """Item 3 of issue 10: ``@misc{index}`` no longer overwrites the list page, and the key ``people`` no
    longer replaces the people page that lives in the same folder; both get a page of their own."""
    index = built.html("lab/index.html")
    assert all(f"Paper {key}" in index for key in ["index", "con", "people", "ok"])
    assert "Nul Person" in built.html("lab/people/index.html")  # still the people list
    assert "Paper index" in built.html("lab/index-entry/index.html")
    assert "Paper people" in built.html("lab/people-entry/index.html")
    [con] = (built.site / "lab").glob("con-entry*/index.html")
    assert "Paper con" in con.read_text(encoding="utf-8")
    assert "Nul Person" in built.html("lab/people/nul-person/index.html")
    assert "Aux Talk" in built.html("talks/aux-talk/index.html")
    assert not (built.site / "lab" / "people" / "nul").exists()
    assert "Traceback" not in built.log


def test_each_collision_is_reported_with_its_line(built) -> None:
    """Item 3 of issue 10: each renamed page is a warning naming the file, the line and the page it gets; two
    records ending on one page are an error naming both."""
    log = built.log
    assert "data/publications.bib:1: warning: the key 'index' cannot be the name of its page (it is the name" \
           " of the publications list page (lab/)); its page is lab/index-entry/ [page-name]" in log
    assert "data/publications.bib:6: warning: the key 'con' cannot be the name of its page (Windows" in log
    assert "the key 'people' cannot be the name of its page (it is the name of the people pages (lab/people/))" \
           in log
    assert "data/publications.bib:16: error: the keys 'index' (data/publications.bib:1) and 'index-entry' both" \
           " give the page lab/index-entry/" in log
    assert "data/people.yml:1:3: warning: the id 'nul' cannot be the name of its page" in log
    assert "data/people.yml:4:3: warning: the id 'lpt9'" in log
    assert "data/talks.yml:1:3: warning: the id 'aux'" in log


def test_long_ids_and_alike_course_codes_are_errors_in_check(built, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 3 of issue 10: an id longer than 80 characters is an error in ``labbook check`` (the build used to
    die with "File name too long"); course codes that give the same anchor are an error naming both."""
    monkeypatch.chdir(built.project)
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "data/talks.yml:5:3: error:" in result.stdout and "at most 80 characters (this one has 81)" in result.stdout
    assert ("data/courses.yml:3:3: error: the course codes 'CS 101' (line 1) and 'CS-101' give the same anchor"
            " '#cs-101'") in result.stdout
    assert "[page-name]" in result.stdout
