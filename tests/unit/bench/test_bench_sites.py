"""The benchmark's baselines: the same-pages MkDocs site and the Hugo site carry the same publication pages,
and their list shows only what a reader sees before clicking."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate_lab
from benchmarks.hugo_site import _hugo_link, write_hugo_site
from benchmarks.sites import publication_pages, write_baseline_site


def test_same_pages_list_is_light_and_detail_pages_are_full(tmp_path: Path) -> None:
    lab = generate_lab(tmp_path / "lab", 12, people=8, talks=2, news=2)
    light = publication_pages(lab, light_list=True)
    full = publication_pages(lab, light_list=False)
    assert light.keys() == full.keys() and len(light) == 13
    pub = lab.publications[0]
    detail = light[f"publications/{pub.key}.md"]
    assert pub.bibtex in detail and "## Abstract" in detail and detail == full[f"publications/{pub.key}.md"]
    assert "??? abstract" not in light["publications/index.md"] and "```bibtex" not in light["publications/index.md"]
    assert "??? abstract" in full["publications/index.md"]
    assert f"]({pub.key}.md)" in light["publications/index.md"]  # the abstract is one link away
    write_baseline_site(lab, tmp_path / "same", light_list=True)
    assert (tmp_path / "same" / "docs" / "publications" / "index.md").read_text(encoding="utf-8") == (
        light["publications/index.md"])


def test_hugo_site_has_the_same_pages(tmp_path: Path) -> None:
    lab = generate_lab(tmp_path / "lab", 5, people=8, talks=2, news=2)
    root = write_hugo_site(lab, tmp_path / "hugo")
    content = root / "content"
    assert (content / "_index.md").exists() and (content / "publications" / "_index.md").exists()
    assert len(list((content / "publications").glob("*.md"))) == 6
    assert "{ .md-button }" not in (content / "publications" / "_index.md").read_text(encoding="utf-8")
    assert _hugo_link("../people/ana.md") == "/people/ana/"
    assert _hugo_link("key.md") == "/publications/key/"
    assert _hugo_link("index.md") == "/publications/"
    assert _hugo_link("https://x.org/a.md") == "https://x.org/a.md"
