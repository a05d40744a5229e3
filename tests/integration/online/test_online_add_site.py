"""Every id form `labbook add` accepts adds the right entry, and the site builds `--strict` with them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import run_build, write_site
from tests.datain import DatainServer

pytestmark = pytest.mark.slow

PEOPLE = """\
- id: grisha
  name: Grigori Perelman
  aliases: [Grisha Perelman]
  role: alumni
- id: wendy
  name: Wendy Thanassi
  role: pi
"""

#: id as typed -> (key written, entry type, text the entry must hold)
FORMS: dict[str, tuple[str, str, list[str]]] = {
    "10.1155/2012/291294": ("thanassi2012delineating", "article", [
        "journal  = {Pulmonary Medicine}", "$P<0.001$", "pages    = {1--7}"]),
    "doi:10.1098/rspb.2017.0132": ("dougherty2017sexual", "article", [
        r"\emph{Callosobruchus maculatus}", "van Lieshout, Emile", "month    = may"]),
    "https://doi.org/10.1073/pnas.1205508109": ("burke2012oncogenic", "article", [
        r"p110α (\emph{{PIK3CA}})", "number   = {38}"]),
    "https://dx.doi.org/10.1038/srep16696": ("tosatto2015single", "article", [
        "Parkinson’s disease", "{FRET}"]),
    "10.1007/978-3-642-33191-6_49": ("chen2012human", "incollection", [
        "booktitle = {Advances in Visual Computing}", "series    = {Lecture Notes in Computer Science}"]),
    "10.5281/zenodo.28518": ("vanderplas2015supersmoother", "misc", [
        "howpublished = {Zenodo}", "version      = {v0.3.2}"]),
    "https://doi.org/10.5061/dryad.8515": ("ollomo2011data", "misc", [
        "Renaud, François", "howpublished = {Dryad}"]),
    "1707.08567": ("immink2017proceedings", "misc", [
        "de With, Peter H. N.", "Wübben, Dirk", "eprint        = {1707.08567}", "primaryClass  = {cs.IT}"]),
    "2104.12255v1": ("nguyen2021untitled", "misc", ["title         = {0}", "eprint        = {2104.12255}"]),
    "arXiv:math/0211159": ("perelman2002entropy", "misc", [
        "eprint        = {math/0211159}", "primaryClass  = {math.DG}"]),
    "hep-ex/0406020v1": ("tricomi2004sparticle", "misc", ["{LHC}", "primaryClass  = {hep-ex}"]),
    "https://arxiv.org/abs/astro-ph/0601001": ("gould2006frequency", "misc", [
        "note          = {ActaAstron.56:1-50,2006}", "{OGLE}-{III}"]),
    "https://doi.org/10.48550/arXiv.1605.08386": ("stanley2016heat", "misc", [
        "howpublished  = {arXiv preprint arXiv:1605.08386}", "Windisch, Tobias"]),
}


def entry_text(bib: str, key: str) -> str:
    found = re.search(rf"^@(\w+)\{{{re.escape(key)},\n(.*?)^\}}", bib, re.M | re.S)
    assert found, f"no entry {key}"
    return found.group(1) + "\n" + found.group(2)


def test_every_id_form_adds_the_right_entry_and_the_site_builds_strictly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, datain_server: DatainServer) -> None:
    monkeypatch.chdir(tmp_path)
    write_site(tmp_path, {"data/publications.bib": "@article{mine,\n  title = {Mine},\n  author = {Thanassi, Wendy},"
                                                   "\n  journal = {J},\n  year = {2020}\n}\n",
                          "data/people.yml": PEOPLE})
    result = CliRunner().invoke(main, ["add", *FORMS], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "author Grisha Perelman is grisha (matched by name)" in result.output
    bib = (tmp_path / "data/publications.bib").read_text(encoding="utf-8")
    for text, (key, kind, snippets) in FORMS.items():
        entry = entry_text(bib, key)
        assert entry.startswith(kind + "\n"), (text, entry)
        for snippet in snippets:
            assert snippet in entry, (text, snippet, entry)

    build = run_build(tmp_path)
    assert build.returncode == 0, build.log
    for key, _, _ in FORMS.values():
        assert (build.site / "publications" / key / "index.html").is_file(), key
    page = build.html("publications/thanassi2012delineating/index.html")
    assert '<mo>&lt;</mo><mn>0.001</mn>' in page and '"application/x-tex">P&lt;0.001</annotation>' in page
    assert "Wübben" in build.html("publications/immink2017proceedings/index.html")

    again = CliRunner().invoke(main, ["add", *FORMS], catch_exceptions=False)
    assert again.exit_code == 1
    assert again.output.count("refused ") == len(FORMS)
    assert (tmp_path / "data/publications.bib").read_text(encoding="utf-8") == bib
