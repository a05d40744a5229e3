"""Multilingual sources: one language is imported (``--lang``, else the site's default), TOML front matter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from labbook.importers import ImportUsageError, run_import


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def hugo(root: Path) -> Path:
    return write(root, {
        "config/_default/hugo.toml": 'defaultContentLanguage = "ja"\n',
        "config/_default/languages.yaml": "ja:\n  contentDir: content/ja\nen:\n  contentDir: content/en\n",
        "content/en/post/hello/index.md": '+++\ntitle = "Hello"\ndate = 2021-03-04\n+++\nIn English.\n',
        "content/en/authors/ann/_index.md": "---\ntitle: Ann Lee\nuser_groups: [Principal Investigator]\n---\nBio.\n",
        "content/en/publication/p1/index.md": "---\ntitle: A paper\nauthors: [ann, Bob Roe]\ndate: '2020-05-01'\n"
                                              "publication_types: ['2']\npublication: '*Journal*'\n---\n",
    })


def test_hugo_default_language_without_folder_falls_back_with_a_note(tmp_path: Path) -> None:
    """The default language (ja) has no content: the one language there is (en) is imported, and said so."""
    outcome = run_import("hugoblox", hugo(tmp_path / "src"), tmp_path / "out")
    assert outcome.exit_code == 0
    assert "imported content/en" in outcome.report.markdown()
    news = yaml.safe_load((tmp_path / "out/data/news.yml").read_text(encoding="utf-8"))
    assert news == [{"date": "2021-03-04", "title": "Hello", "text": "In English."}]
    bib = (tmp_path / "out/data/publications.bib").read_text(encoding="utf-8")
    assert "@article{p1," in bib and "author = {Ann Lee and Bob Roe}" in bib and "journal = {Journal}" in bib
    people = yaml.safe_load((tmp_path / "out/data/people.yml").read_text(encoding="utf-8"))
    assert people[0]["id"] == "ann" and people[0]["role"] == "pi"


def test_hugo_lang_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ImportUsageError, match="content in en only"):
        run_import("hugoblox", hugo(tmp_path / "src"), tmp_path / "out", lang="fr")
    assert not (tmp_path / "out").exists()


def test_polyglot_jekyll_site_imports_one_language(tmp_path: Path) -> None:
    source = write(tmp_path / "src", {
        "_config.yml": "title: Lab\nlanguages: [en-us, pt-br]\ndefault_lang: en-us\n",
        "_bibliography/papers.bib": "",
        "_news/en-us/a.md": "---\ndate: 2020-01-01\n---\nEnglish news.\n",
        "_news/pt-br/a.md": "---\ndate: 2020-01-01\n---\nNotícia.\n",
    })
    run_import("al-folio", source, tmp_path / "en")
    run_import("al-folio", source, tmp_path / "pt", lang="pt-br")
    assert [n["text"] for n in yaml.safe_load((tmp_path / "en/data/news.yml").read_text("utf-8"))] == ["English news."]
    assert [n["text"] for n in yaml.safe_load((tmp_path / "pt/data/news.yml").read_text("utf-8"))] == ["Notícia."]
