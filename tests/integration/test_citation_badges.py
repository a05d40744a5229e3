"""al-folio's citation badges are opt-in (`badges: [altmetric, dimensions, scholar]`): off, no page has them;
on, entries with the fields get them; an unknown badge is a configuration error."""

from __future__ import annotations

from pathlib import Path

import pytest

from labbook.settings import SettingsError, settings_from_options

BIB = """@article{a, title={A}, author={Doe, Jane}, year=2020, journal={J}, doi={10.1234/abc},
  altmetric={true}, dimensions={true}, google_scholar_id={qc6CJjYAAAAJ:u5HHmVD_uO8C}}
@article{b, title={B}, author={Doe, Jane}, year=2021, journal={J}, altmetric={248277}}
@article{c, title={C}, author={Doe, Jane}, year=2022, journal={J}}
"""


def test_badges_are_off_by_default(make_site) -> None:
    html = make_site({"data/publications.bib": BIB}).html("publications/index.html")
    assert "altmetric-embed" not in html and "dimensions_badge" not in html and "citation_for_view" not in html


def test_badges_when_opted_in(make_site) -> None:
    result = make_site({"data/publications.bib": BIB}, labbook={"badges": ["altmetric", "dimensions", "scholar"]})
    html = result.html("publications/index.html")
    assert 'class="altmetric-embed" data-badge-type="2" data-badge-popover="right" data-doi="10.1234/abc"' in html
    assert 'data-altmetric-id="248277"' in html
    assert 'class="__dimensions_badge_embed__" data-style="small_rectangle" data-doi="10.1234/abc"' in html
    assert "citation_for_view=qc6CJjYAAAAJ:u5HHmVD_uO8C" in html
    assert html.count("lb-pub-metrics") == 2  # entry c has no badge fields


def test_unknown_badge_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="unknown badge 'plumx'"):
        settings_from_options({"badges": ["altmetric", "plumx"]}, config_file=tmp_path / "mkdocs.yml",
                              docs_dir=tmp_path / "docs")


def test_a_bare_scholar_article_id_uses_the_members_scholar_profile(make_site) -> None:
    """al-folio writes `google_scholar_id = {ARTICLE}` and takes the user from the site's socials; here the user
    is the Scholar profile of the first lab member among the authors (else the PI's)."""
    bib = ("@article{d, title={D}, author={Doe, Jane and Roe, Rick}, year=2020, journal={J},\n"
           "  google_scholar_id={u5HHmVD_uO8C}}\n")
    people = ("- id: rick\n  name: Rick Roe\n  role: phd\n  links:\n    scholar: qc6CJjYAAAAJ\n"
              "- id: pat\n  name: Pat Pi\n  role: pi\n  links:\n    scholar: AAAAAAAAAAAA\n")
    result = make_site({"data/publications.bib": bib, "data/people.yml": people}, labbook={"badges": ["scholar"]})
    assert "citation_for_view=qc6CJjYAAAAJ:u5HHmVD_uO8C" in result.html("publications/index.html")
