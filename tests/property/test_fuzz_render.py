"""Property test of rendering: data never reaches the HTML as markup, and every valid record is on the site."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings

from labbook.catalog.build import load_lab
from labbook.options import DEFAULT_PAGES
from labbook.render.environment import Renderer
from labbook.render.site_urls import SiteUrls
from labbook.settings import Settings
from labbook.site.pages import plan_site
from tests.property.strategies import bib_file, people_yaml

EXAMPLES = settings.default.max_examples
RENDERER = Renderer([])  # compiled templates are reused across examples, as in a real build


def render_site(bib: str, people: str) -> tuple[object, dict[str, str]]:
    """Load a lab from the two files and render every generated page (skeleton, slots and head) to text."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "data").mkdir()
        (root / "data" / "publications.bib").write_text(bib, encoding="utf-8")
        (root / "data" / "people.yml").write_text(people, encoding="utf-8")
        for name in re.findall(r"papers/[a-z]+\.pdf", bib):  # the site's own files that links name exist
            (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "docs" / name).write_bytes(b"%PDF-1.4\n")
        settings_ = Settings(root=root, docs_dir=root / "docs", site_url="https://lab.example/")
        lab = load_lab(settings_)
    urls = SiteUrls(use_directory_urls=True, prefixes=dict(DEFAULT_PAGES))
    plan, _views = plan_site(lab, settings_, RENDERER, urls, existing=set())
    out: dict[str, str] = {}
    for src, page in plan.pages.items():
        base = "../" * src.count("/")
        parts = [page.markdown, *page.slots(base).values()]
        if page.head is not None:
            parts.append(page.head("https://lab.example/" + src, base))
        out[src] = "\n".join(str(p) for p in parts)
    for path, content in plan.files.items():
        if isinstance(content, str) and path.endswith((".html", ".xml")):
            out[path] = content
    return lab, out


@settings(max_examples=EXAMPLES, deadline=None)
@given(bib_file(max_entries=4), people_yaml(max_people=3))
def test_no_markup_from_data_and_nothing_lost(bib, people) -> None:
    """Titles, names, venues, abstracts, topics and YAML fields carrying '<lbx-...>' never appear as a tag in
    any generated page (escaped everywhere, once), and every entry is on the publications page."""
    people_text, _ids = people
    lab, pages = render_site(bib.text, people_text)
    assert not lab.report.problems, [d.format_text() for d in lab.report.problems]
    for name, html in pages.items():
        assert "<lbx" not in html.lower(), name
        assert "&amp;lt;lbx" not in html, name
    index = pages["publications/index.md"]
    for key in bib.keys:
        assert f'id="{key}"' in index
        assert f"publications/{key}.md" in pages
