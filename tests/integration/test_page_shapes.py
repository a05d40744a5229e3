"""Generated pages filled in from one rendering of the theme per shape (labbook.mkdocs.page_shapes) are byte for
byte the pages MkDocs renders one by one (LABBOOK_PAGE_SHAPES=0), whatever the titles, the themes' overrides
and the site's options (real builds, every file compared)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, generator_command, write_site

pytestmark = pytest.mark.slow

BIB_A = r"""
@article{plain2020, author = {Lee, Kangwook and Doe, Jane}, title = {Learning Plain Things},
  journal = {Journal of Tests}, year = {2020}, abstract = {Nothing odd here.}}
@article{quotes2021, author = {O'Brien, Pat and Lee, Kangwook}, title = {Don't ``Quote'' Me \& You},
  journal = {Journal of Tests \& Trials}, year = {2021}}
@inproceedings{math2022, author = {Lee, Kangwook}, title = {Bounds on $\alpha$-Stable <Noise>},
  booktitle = {Proc. of Tests}, year = {2022}, abstract = {We show $x^2 < y$.}}
@misc{second2023, author = {Doe, Jane}, title = {Another Plain Title}, year = {2023}, howpublished = {arXiv}}
@article{h1in2024, author = {Doe, Jane}, title = {Spaces   and  more   spaces}, journal = {J}, year = {2024}}
"""
BIB_B = r"""
@article{other2019, author = {Roe, Richard}, title = {From the Second File}, journal = {Other Journal}, year = {2019}}
@article{other2018, author = {Roe, Richard}, title = {Also From the Second File}, journal = {Other}, year = {2018}}
"""
PEOPLE = """
- id: kangwook-lee
  name: Kangwook Lee
  role: pi
- id: jane-doe
  name: Jane Doe
  role: phd
- id: pat-obrien
  name: Pat O'Brien
  role: alumni
"""
TALKS = """
- id: 2024-01-10-talk
  title: A Plain Talk
  date: 2024-01-10
  speaker: kangwook-lee
  event: Seminar
- id: 2024-02-11-talk
  title: "Talk with <odd> & 'quoted' words"
  date: 2024-02-11
  speaker: jane-doe
  event: Seminar
"""


def _files(site: Path) -> dict[Path, bytes]:
    """Every file of a built site; a calendar without its DTSTAMP lines (the moment it was written)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".ics":
                data = b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(b"DTSTAMP"))
            out[path.relative_to(site)] = data
    return out


def _build(project: Path, shapes: str, out: Path) -> str:
    """A strict, verbose build of ``project`` into ``out`` (verbose: the debug line saying what shapes did)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LABBOOK_PAGE_SHAPES": shapes}
    proc = subprocess.run([*generator_command("build", "--strict", "-v"), "-d", str(out)], cwd=project,
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def _both_ways(project: Path) -> tuple[dict[Path, bytes], dict[Path, bytes], int]:
    """The site built one page at a time, then with shapes; and how many pages the second build filled in."""
    slow = _build(project, "0", project.parent / f"{project.name}-one-by-one")
    assert "filled in from" not in slow
    fast = _build(project, "1", project.parent / f"{project.name}-shapes")
    found = re.search(r"labbook: (\d+) generated pages? filled in from \d+ rendering", fast)
    return (_files(project.parent / f"{project.name}-one-by-one"), _files(project.parent / f"{project.name}-shapes"),
            int(found.group(1)) if found else 0)


def _assert_same(one_by_one: dict[Path, bytes], filled: dict[Path, bytes]) -> None:
    assert sorted(filled) == sorted(one_by_one)
    assert [path for path in one_by_one if one_by_one[path] != filled[path]] == []


@pytest.mark.parametrize("options", [
    {},
    {"site_url": "https://lab.example.org/sub/", "repo_url": "https://github.com/lab/site",
     "edit_uri": "edit/main/docs/",
     "theme": {"name": "material", "features": ["navigation.tabs", "content.action.edit"],
               "palette": [{"scheme": "default"}, {"scheme": "slate"}]}},
    {"use_directory_urls": False},
], ids=["plain", "site-url-edit-tabs", "no-directory-urls"])
def test_filled_pages_equal_pages_rendered_one_by_one(tmp_path: Path, options: dict) -> None:
    """Publications from two .bib files (two edit links), people and talks; titles with quotes, ampersands,
    angle brackets, math and odd spaces beside plain ones: every file of the site is the same both ways."""
    project = tmp_path / "lab"
    project.mkdir()
    write_site(project, {"data/publications.bib": BIB_A, "data/more.bib": BIB_B, "data/people.yml": PEOPLE,
                         "data/talks.yml": TALKS},
               labbook={"bibliography": ["data/publications.bib", "data/more.bib"]}, extra_config=options)
    one_by_one, filled, count = _both_ways(project)
    _assert_same(one_by_one, filled)
    # 7 publications, 3 people and 2 talks: the first page of each kind (and .bib file) is the model, pages whose
    # titles or descriptions have quotes, ampersands or angle brackets are rendered in full; at least the other
    # plain publications (two in the first file, one in the second) are filled in.
    assert count >= 3


def test_an_override_that_changes_titles_turns_its_shape_off(tmp_path: Path) -> None:
    """A theme override printing the title upper-cased and url-encoded, and one testing the content in a way
    shapes do not follow: the pages are still exactly the one-by-one pages."""
    project = tmp_path / "lab"
    project.mkdir()
    write_site(project, {
        "data/publications.bib": BIB_A + BIB_B, "data/people.yml": PEOPLE,
        "overrides/main.html": (
            '{% extends "base.html" %}\n'
            '{% block announce %}{{ page.title | upper }} {{ page.title | urlencode }}'
            '{% if "lb-pub-page" in page.content %} publication{% endif %}{% endblock %}\n'),
    }, extra_config={"theme": {"name": "material", "custom_dir": "overrides"}})
    one_by_one, filled, count = _both_ways(project)
    _assert_same(one_by_one, filled)
    assert count == 0
    page = filled[Path("publications/plain2020/index.html")].decode()
    assert "LEARNING PLAIN THINGS Learning%20Plain%20Things publication" in page


def test_the_example_handbook_is_the_same_both_ways(tmp_path: Path) -> None:
    """The repository's own handbook (macros, overrides, landing page, MathJax, photos, CV pages)."""
    project = tmp_path / "handbook"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "test-artifacts", "benchmarks", "tests", "build", ".labbook", "*.egg-info"))
    one_by_one, filled, count = _both_ways(project)
    _assert_same(one_by_one, filled)
    assert count > 0
