"""Tests of labbook.settings: plugin options become Settings the same way for a build and for `labbook check`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from labbook.options import DEFAULT_COLLECTIONS
from labbook.settings import SettingsError, settings_from_options


def make(tmp_path: Path, **options):
    return settings_from_options(options, config_file=tmp_path / "mkdocs.yml", docs_dir=tmp_path / "docs",
                                 site_url="https://lab.example/")


def test_defaults_follow_data_dir(tmp_path: Path) -> None:
    """Without options: the root is mkdocs.yml's folder and the bibliography is <data_dir>/publications.bib,
    optional because nobody asked for it."""
    settings = make(tmp_path, data_dir="lab-data")
    assert settings.root == tmp_path.resolve()
    assert settings.bibliography == ["lab-data/publications.bib"] and settings.bibliography_optional
    assert settings.collection_path("people") == settings.root / "lab-data" / "people.yml"
    assert settings.site_url == "https://lab.example/"


def test_explicit_options_are_kept(tmp_path: Path) -> None:
    """A listed bibliography is required; pages can be turned off; collections and today are read."""
    settings = make(tmp_path, bibliography=["a.bib", "b.bib"], pages={"talks": False, "people": "/team/"},
                    collections={"people": "members.yml"}, today="2025-03-01", max_authors=4)
    assert settings.bibliography == ["a.bib", "b.bib"] and not settings.bibliography_optional
    assert settings.pages["talks"] == "" and settings.pages["people"] == "team"
    assert settings.collections == {**DEFAULT_COLLECTIONS, "people": "members.yml"}
    assert settings.today == date(2025, 3, 1) and settings.max_authors == 4
    assert make(tmp_path, notes_dir="/research/", timezone="America/Chicago").notes_dir == "research"


@pytest.mark.parametrize(("options", "words"), [
    ({"pages": {"blog": "blog"}}, "unknown page 'blog'"),
    ({"collections": {"papers": "x.yml"}}, "unknown collection ['papers']"),
    ({"today": "March 1"}, "`today` must be YYYY-MM-DD"),
    ({"timezone": "Mars/Olympus"}, "`timezone`"),
    ({"pages": {"people": "../../outside"}}, "`pages.people`"),
    ({"pages": {"people": "Team Page"}}, "`pages.people`"),
    ({"max_authors": 0}, "`max_authors` must be a whole number of at least 1"),
    ({"max_authors": "many"}, "`max_authors`"),
])
def test_bad_options_are_one_clear_error(tmp_path: Path, options, words) -> None:
    """An option labbook cannot use raises SettingsError naming it (the adapters turn it into their error)."""
    with pytest.raises(SettingsError, match=words.replace("[", r"\[").replace("]", r"\]")):
        make(tmp_path, **options)
