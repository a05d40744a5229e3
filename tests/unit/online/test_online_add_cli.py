"""`labbook add` end to end against the recorded responses: entries, refusals, batches, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import write_site
from tests.datain import Answer, DatainServer

BIB = "% The lab's papers.\n@article{doe2020one,\n  title  = {One},\n  author = {Doe, Jane},\n  year   = {2020}\n}\n"
PEOPLE = """\
- id: wendy-thanassi
  name: Wendy Thanassi
  role: pi
- id: bea
  name: B. Hernandez
  role: phd
  links:
    orcid: 0000-0003-2043-4925
- id: jane-doe
  name: Jane Doe
  aliases: [W. Thanassi]
  role: phd
"""


def run(*args: str):
    return CliRunner().invoke(main, ["add", *args], catch_exceptions=False)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, datain_server: DatainServer) -> Path:
    monkeypatch.chdir(tmp_path)
    write_site(tmp_path, {"data/publications.bib": BIB, "data/people.yml": PEOPLE})
    return tmp_path


def bib(site: Path) -> str:
    return (site / "data/publications.bib").read_text(encoding="utf-8")


def test_a_doi_is_added_from_crossref_and_authors_are_matched(site: Path) -> None:
    result = run("https://doi.org/10.1155/2012/291294")
    assert result.exit_code == 0, result.output
    text = bib(site)
    assert text.startswith(BIB)  # the file is appended to, never reformatted
    assert "@article{thanassi2012delineating,\n" in text
    assert "  journal  = {Pulmonary Medicine},\n" in text
    assert "author Wendy Thanassi is wendy-thanassi (matched by name)" in result.output
    assert "author Beatriz Hernandez is bea (matched by ORCID)" in result.output
    assert "add it to `aliases`" in result.output  # "Beatriz Hernandez" is not how people.yml names bea
    assert list((site / ".labbook/cache").glob("*.json"))  # the answer is cached for the next run


def test_a_second_add_of_the_same_paper_is_refused(site: Path) -> None:
    assert run("10.1155/2012/291294").exit_code == 0
    before = bib(site)
    result = run("doi:10.1155/2012/291294")
    assert result.exit_code == 1
    assert "refused doi:10.1155/2012/291294: already in the bibliography as 'thanassi2012delineating' " \
           "(DOI 10.1155/2012/291294)" in result.output
    assert bib(site) == before


def test_any_arxiv_version_is_the_same_paper(site: Path) -> None:
    assert run("2104.12255v1").exit_code == 0
    result = run("https://arxiv.org/abs/2104.12255v3")
    assert result.exit_code == 1 and "already in the bibliography as 'nguyen2021untitled' (arXiv:2104.12255)" \
        in result.output


def test_a_datacite_doi_falls_back_from_crossref(site: Path, datain_server: DatainServer) -> None:
    result = run("10.5281/zenodo.28518")
    assert result.exit_code == 0, result.output
    assert "(from DataCite, Software)" in result.output
    assert datain_server.count("/crossref/works/10.5281/zenodo.28518") == 1


def test_a_batch_adds_the_good_ids_and_lists_the_failures(site: Path, datain_server: DatainServer) -> None:
    datain_server.script("/crossref/works/10.1002/jor.1100150407", Answer(200, b'{"status": "ok", "message": {'))
    result = run("10.1038/srep16696", "10.1371/notarealdoi", "not-an-id", "10.1002/jor.1100150407",
                 "arXiv:0000.0000", "1605.08386")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "failed 10.1371/notarealdoi: neither Crossref nor DataCite knows DOI 10.1371/notarealdoi" in lines
    assert any(line.startswith("failed not-an-id: 'not-an-id' is neither a DOI") for line in lines)
    assert any(line.startswith("failed 10.1002/jor.1100150407: the answer is not valid JSON") for line in lines)
    assert "failed arXiv:0000.0000: arXiv has no paper 0000.0000" in lines
    text = bib(site)
    assert "@article{tosatto2015single," in text and "@misc{stanley2016heat," in text
    assert "lieber1997" not in text


def test_a_batch_naming_one_paper_twice_adds_it_once(site: Path) -> None:
    result = run("10.1038/srep16696", "https://dx.doi.org/10.1038/SREP16696")
    assert result.exit_code == 1
    assert bib(site).count("@article{tosatto2015single,") == 1


def test_server_errors_and_rate_limits(site: Path, datain_server: DatainServer) -> None:
    """A 429 with Retry-After: 0 is retried and succeeds; a 500 that does not go away fails that id only."""
    datain_server.script("/crossref/works/10.1038/srep16696", Answer(429, b"", {"Retry-After": "0"}))
    datain_server.script("/arxiv/api/query", *[Answer(500, b"oops")] * 4)
    result = run("10.1038/srep16696", "1605.08386")
    assert result.exit_code == 1
    assert "added tosatto2015single" in result.output
    assert "failed 1605.08386: 127.0.0.1 answered HTTP 500 (4 tries)" in result.output


def test_dry_run_prints_and_writes_nothing(site: Path) -> None:
    result = run("--dry-run", "10.1021/acs.orglett.7b03845")
    assert result.exit_code == 0
    assert "@article{smith2018twenty,\n  title   = {Twenty Years of Organic Letters" in result.output
    assert "author  = {Smith, III, Amos B.}," in result.output
    assert bib(site) == BIB


def test_json_prints_what_was_found(site: Path) -> None:
    result = run("--format", "json", "--dry-run", "10.1038/d41586-020-02761-z", "10.1371/notarealdoi")
    data = json.loads(result.stdout)
    first, second = data["results"]
    assert first["status"] == "added" and first["record"]["title"].startswith("Attention science")
    assert [a["family"] for a in first["record"]["authors"]] == ["Sheherazade", "Ardiantiono"]
    assert second["status"] == "failed" and data["written"] is False
    assert result.exit_code == 1


def test_bib_option_and_key_pattern(site: Path) -> None:
    result = run("--bib", "data/new.bib", "--key-pattern", "{Author}:{year}", "math/0211159")
    assert result.exit_code == 0, result.output
    assert (site / "data/new.bib").read_text(encoding="utf-8").startswith("@misc{Perelman:2002,")
    assert run("--key-pattern", "{nope}", "math/0211159").exit_code == 2


def test_upgrade_of_a_preprint_is_offered_then_done(site: Path) -> None:
    preprint = ("@misc{chen2011human,\n  title = {Human Body Orientation Estimation in Multiview Scenarios},\n"
                "  author = {Chen, Lili},\n  howpublished = {arXiv preprint},\n  eprint = {1101.00001},\n"
                "  archivePrefix = {arXiv},\n  year = {2011},\n  keywords = {Vision}\n}\n")
    (site / "data/publications.bib").write_text(BIB + preprint, encoding="utf-8")
    offered = run("10.1007/978-3-642-33191-6_49")
    assert offered.exit_code == 1
    assert "'chen2011human' is the preprint of this paper (the same title); run again with --upgrade" \
        in offered.output
    assert bib(site) == BIB + preprint
    done = run("--upgrade", "10.1007/978-3-642-33191-6_49")
    assert done.exit_code == 0, done.output
    text = bib(site)
    assert text.startswith(BIB) and text.count("chen2011human") == 1
    assert "@incollection{chen2011human," in text and "keywords" in text and "eprint" in text
    assert "howpublished" not in text and "year          = {2012}" in text and "archivePrefix = {arXiv}" in text


def test_no_site_and_no_bib_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("10.1155/2012/291294").exit_code == 2


def test_an_unwritable_bibliography_writes_nothing(site: Path) -> None:
    (site / "data/publications.bib").unlink()
    (site / "data/publications.bib").mkdir()
    result = run("10.1155/2012/291294")
    assert result.exit_code == 1 and "nothing was written" in result.output


def test_a_doi_with_url_special_characters(site: Path, datain_server: DatainServer) -> None:
    """A SICI DOI ([ ] ; ( ) :) is escaped in the request and found as recorded."""
    result = run("10.1890/0012-9658(2006)87[2832:TIOPMA]2.0.CO;2")
    assert result.exit_code == 0, result.output
    assert "doi     = {10.1890/0012-9658(2006)87[2832:tiopma]2.0.co;2}" in bib(site)
    assert "THE IMPACT OF PARASITE MANIPULATION" in bib(site)  # an all-capitals title is not braced word by word


def test_an_entry_left_open_does_not_swallow_the_new_one(site: Path) -> None:
    """An unclosed entry at the end stays as it was (labbook check reports it); the appended entry starts on a
    line of its own and reads back whole, which `add` verifies before it writes."""
    broken = BIB + "@article{open,\n  title = {Never closed\n"
    (site / "data/publications.bib").write_text(broken, encoding="utf-8")
    result = run("10.1155/2012/291294")
    assert result.exit_code == 0, result.output
    assert bib(site).startswith(broken + "\n@article{thanassi2012delineating,\n")
