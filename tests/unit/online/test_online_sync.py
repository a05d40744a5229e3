"""`labbook sync` on a small lab whose people have the ORCID iDs of the recorded ORCID works lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from labbook.cli import main
from labbook.online.ids import normalize_doi
from tests.conftest import write_site
from tests.datain import Answer, DatainServer, recorded

ORCID_A = "0000-0001-8607-8025"
ORCID_B = "0000-0003-1444-9135"
PEOPLE = f"""\
- id: ana
  name: Ana Example
  role: pi
  since: 2018
  links:
    orcid: https://orcid.org/{ORCID_A}
- id: ben
  name: Ben Example
  role: alumni
  since: 2015
  until: 2017
  links:
    orcid: {ORCID_B}
- id: cat
  name: Cat Example
  role: phd
"""


def orcid_expected(orcid: str, low: int, high: int) -> dict[str, int]:
    """DOI -> year of every work in the recorded list within [low, high], read straight from the JSON."""
    found: dict[str, int] = {}
    titles: set[tuple[str, int]] = set()  # one work per title and year (Zenodo lists each version apart)
    for group in json.loads(recorded(f"orcid/{orcid}-works.json"))["group"]:
        years = [int(s["publication-date"]["year"]["value"]) for s in group["work-summary"]
                 if (s.get("publication-date") or {}).get("year")]
        dois = [e["external-id-value"] for e in group["external-ids"]["external-id"]
                if e["external-id-type"] == "doi"]
        title = " ".join(re.findall(r"[a-z0-9]+", group["work-summary"][0]["title"]["title"]["value"].lower()))
        if years and low <= years[0] <= high and (title, years[0]) not in titles:
            titles.add((title, years[0]))
            if dois:
                found[normalize_doi(dois[0])] = years[0]
    return found


def listed_dois(markdown: str) -> set[str]:
    return {doi.lower() for doi in re.findall(r"\]\(https://doi\.org/([^)\s]+)\)", markdown)}


@pytest.fixture
def lab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, datain_server: DatainServer) -> tuple[Path, list[str]]:
    """The lab already has two of Ana's works (one by DOI in another case, one by title and year)."""
    monkeypatch.chdir(tmp_path)
    expected = orcid_expected(ORCID_A, 2018, 3000)
    known = sorted(expected)[:2]
    bib = (f"@article{{k1, title = {{Something}}, author = {{Example, Ana}}, doi = {{{known[0].upper()}}}, "
           f"journal = {{J}}, year = {expected[known[0]]}}}\n"
           f"@misc{{k2, title = {{Other}}, author = {{Example, Ana}}, url = {{https://doi.org/{known[1]}}}, "
           f"doi = {{{known[1]}}}, year = {expected[known[1]]}}}\n")
    write_site(tmp_path, {"data/publications.bib": bib, "data/people.yml": PEOPLE})
    return tmp_path, known


def sync(*args: str):
    return CliRunner().invoke(main, ["sync", *args], catch_exceptions=False)


def test_sync_lists_exactly_the_missing_works(lab: tuple[Path, list[str]]) -> None:
    """Ana's works since she joined (2018) and Ben's from his membership years, minus the two the lab has."""
    _, known = lab
    result = sync()
    assert result.exit_code == 0, result.output
    expected = {**orcid_expected(ORCID_A, 2018, 3000), **orcid_expected(ORCID_B, 2015, 2017)}
    for doi in known:
        expected.pop(doi)
    assert listed_dois(result.stdout) == set(expected)
    rows = re.findall(r"^\| \d+ \|", result.stdout, re.M)
    assert result.stdout.startswith(f"## labbook sync: {len(rows)} works not yet in `data/publications.bib`")
    assert "Checked the ORCID and OpenAlex records of Ana Example, Ben Example" in result.stdout
    assert "without a year left out" in result.stdout


def test_since_narrows_the_list(lab: tuple[Path, list[str]]) -> None:
    result = sync("--since", "2019")
    expected = set(orcid_expected(ORCID_A, 2019, 3000)) - set(lab[1])
    assert expected == {"10.7557/5.4910"}
    assert listed_dois(result.stdout) == expected
    assert "from 2019 on" in result.stdout


def test_summary_file_for_a_pull_request(lab: tuple[Path, list[str]]) -> None:
    result = sync("--since", "2020", "-o", "body.md")
    assert (lab[0] / "body.md").read_text(encoding="utf-8") == result.stdout


def test_openalex_ids_are_read_too(lab: tuple[Path, list[str]], datain_server: DatainServer) -> None:
    """A person with only an OpenAlex id: the recorded OpenAlex list is their works (5, some without DOI)."""
    path = lab[0] / "data/people.yml"
    path.write_text(path.read_text(encoding="utf-8") + "  links:\n    openalex: A5000000001\n", encoding="utf-8")
    datain_server.serve("openalex", "author.id:A5000000001", "openalex/works-sample-5-list.json")
    result = sync()
    assert result.exit_code == 0, result.output
    assert "(OpenAlex)" in result.stdout and "Cat Example" in result.stdout
    assert "have neither a DOI nor an arXiv id: add those by hand" in result.stdout


def test_an_unreachable_record_is_a_listed_problem(lab: tuple[Path, list[str]], datain_server: DatainServer) -> None:
    datain_server.script(f"/orcid/v3.0/{ORCID_B}/works", *[Answer(503, b"", {"Retry-After": "0"})] * 4)
    result = sync("--no-cache")
    assert result.exit_code == 1
    assert "### Problems" in result.stdout and "- ben: 127.0.0.1 answered HTTP 503" in result.stdout


def test_add_writes_what_it_can_and_lists_the_rest(lab: tuple[Path, list[str]]) -> None:
    """The recorded Crossref answers do not include these DOIs, so `--add` reports each as not found and
    writes nothing, exit 1: a work is never written from a summary alone."""
    before = (lab[0] / "data/publications.bib").read_text(encoding="utf-8")
    result = sync("--since", "2019", "--add")
    assert result.exit_code == 1
    assert "### Written by `labbook sync --add`" in result.stdout
    assert "neither Crossref nor DataCite knows DOI" in result.stdout
    assert (lab[0] / "data/publications.bib").read_text(encoding="utf-8") == before
