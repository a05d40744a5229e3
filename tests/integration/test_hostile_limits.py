"""A 1 kB .bib bomb and dates at the edge of the calendar in a real build (item 5 of issue 10)."""

from __future__ import annotations

import time

import pytest

from tests.conftest import run_build, write_site

pytestmark = pytest.mark.slow

BOMB = '@string{s0 = "' + "x" * 64 + '"}\n' + "".join(
    f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, 17)) + (  # 8 million characters unchecked
    "@article{bomb, title = s16 # s16, author = {Doe, Jane}, year = 2020}\n"
    "@article{ok, title = {A Fine Paper}, author = {Doe, Jane}, year = 2021}\n")
EDGE_DATES = ["9999-12-31", "0001-01-01", "0001-01-01T00:00:00+05:00", "9999"]


def test_bomb_and_edge_dates_are_diagnostics_not_crashes(tmp_path) -> None:
    """Item 5 of issue 10: the bomb is refused with a clear error in seconds and a small site; dates in years
    9999 or 1 (talks, news, opening deadlines) are errors with file and line, never an OverflowError."""
    talks = "".join(f"- id: t{i}\n  title: T{i}\n  date: '{d}'\n  speaker: X\n" for i, d in enumerate(EDGE_DATES))
    news = "".join(f"- date: '{d}'\n  title: N{i}\n  text: x\n" for i, d in enumerate(EDGE_DATES))
    openings = "".join(f"- id: o{i}\n  title: O{i}\n  level: phd\n  deadline: '{d}'\n"
                       for i, d in enumerate(EDGE_DATES))
    project = write_site(tmp_path, {"data/publications.bib": BOMB, "data/talks.yml": talks, "data/news.yml": news,
                                    "data/openings.yml": openings},
                         extra_config={"site_url": "https://lab.example.org/"})
    started = time.perf_counter()
    result = run_build(project, strict=False)
    assert time.perf_counter() - started < 60
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log and "OverflowError" not in result.log
    assert "data/publications.bib:12: error: the @string 's11' expands to more than 100,000 characters" in result.log
    assert "A Fine Paper" in result.html("publications/index.html")
    assert sum(p.stat().st_size for p in result.site.rglob("*") if p.is_file()) < 50_000_000
    for name, first in [("talks", 3), ("news", 1), ("openings", 4)]:
        for i in range(len(EDGE_DATES)):
            line = first + i * (4 if name != "news" else 3)
            assert f"data/{name}.yml:{line}:" in result.log, (name, line)
    assert result.log.count("from 1500 to 2999") >= 3 * len(EDGE_DATES)
