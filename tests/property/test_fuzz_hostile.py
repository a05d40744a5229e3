"""Property test of issue 10's security classes 1-7 together: any string in any field (BibTeX and YAML, keys
and ids, links, dates) never yields an element or attribute the templates did not make, in a page, a macro's
output read back through Markdown, a feed or the calendar, and never a traceback anywhere."""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from labbook.catalog.build import load_lab
from labbook.diagnostics import format_all
from labbook.options import DEFAULT_PAGES
from labbook.render.environment import PACKAGE_TEMPLATES, Renderer
from labbook.render.site_urls import SiteUrls
from labbook.settings import Settings
from labbook.site.pages import plan_site
from labbook.text.control_chars import FORBIDDEN
from labbook.text.markdown_text import with_base
from tests.macro_env import elements, macros_for, through_markdown
from tests.property.hostile import (
    bib_braced,
    hostile,
    hostile_date,
    hostile_id,
    hostile_key,
    hostile_url,
    yaml_quoted,
)

EXAMPLES = max(10, settings.default.max_examples // 2)
RENDERER = Renderer([])
#: Every tag and attribute name labbook's templates (and its page builders) write, and what Markdown in data
#: may add.
_TEMPLATES = "\n".join(p.read_text(encoding="utf-8") for p in [
    *PACKAGE_TEMPLATES.glob("*.html"), *(PACKAGE_TEMPLATES.parent.parent / "render").glob("*.py"),
    *(PACKAGE_TEMPLATES.parent.parent / "exports").glob("*.py"),
    *(PACKAGE_TEMPLATES.parent.parent / "site").glob("*.py")])
TAGS = set(re.findall(r"</?([a-z][a-z0-9-]*)", _TEMPLATES)) | {
    "p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "br", "img", "span", "div", "i", "b", "sup", "sub"}
ATTRS = set(re.findall(r"\s([a-z][a-z0-9_:-]*)=", _TEMPLATES)) | set(
    re.findall(r"\b((?:data|aria)-[a-z0-9-]+)", _TEMPLATES)) | {
    "href", "src", "alt", "title", "class", "id", "hidden", "open", "checked", "selected", "disabled",
    "download"}


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _browser_url(value: str) -> str:
    # How a browser reads an attribute URL: leading/trailing C0 and spaces dropped, tabs and newlines removed
    # anywhere, a backslash read as a slash.
    return re.sub(r"[\t\n\r]", "", value.strip(_C0_AND_SPACE)).replace("\\", "/").lower()


def assert_only_template_markup(html: str, where: str) -> None:
    """Every element and attribute is one the templates (or Markdown in data) make; no URL is a script, a data
    URL or another host spelt as a path; no forbidden character."""
    assert not FORBIDDEN.search(html), where
    parser = _Collect()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag in TAGS, (where, tag)
        for name, value in attrs:
            assert name in ATTRS and not name.startswith(("on", "lbx")), (where, tag, name)
            if name in {"href", "src"} and value is not None:
                url = _browser_url(value)
                assert not url.startswith("//"), (where, value)
                scheme = re.match(r"([a-z][a-z0-9+.-]*):", url)
                assert scheme is None or scheme[1] in {"http", "https", "mailto"}, (where, value)


def _files(draw: st.DrawFn) -> dict[str, str]:
    key = draw(hostile_key)
    bib = (f"@article{{{key},\n  title = {{{bib_braced(draw(hostile))}}},\n  author = {{Doe, Jane and "
           f"{bib_braced(draw(hostile))}}},\n  journal = {{{bib_braced(draw(hostile))}}},\n  year = {{2024}},\n"
           f"  abstract = {{{bib_braced(draw(hostile))}}},\n  keywords = {{{bib_braced(draw(hostile))}}},\n"
           f"  url = {{{bib_braced(draw(hostile_url))}}},\n  pdf = {{{bib_braced(draw(hostile_url))}}}\n}}\n"
           "@misc{plain2024, title = {Plain}, author = {Doe, Jane}, year = 2023}\n")
    if draw(st.booleans()):  # nested @string concatenation: a bomb
        bib += '@string{s0 = "' + "x" * 64 + '"}\n' + "".join(
            f"@string{{s{i} = s{i - 1} # s{i - 1}}}\n" for i in range(1, 19)) + "@misc{bomb, title = s18}\n"
    pid, tid = draw(hostile_id), draw(hostile_id)
    q = yaml_quoted
    people = (f"- id: {pid}\n  name: {q(draw(hostile))}\n  role: phd\n  position: {q(draw(hostile))}\n"
              f"  bio: {q(draw(hostile))}\n  photo: {q(draw(hostile_url))}\n"
              f"  links:\n    homepage: {q(draw(hostile_url))}\n"
              "- id: jane-doe\n  name: Jane Doe\n  role: pi\n")
    talks = (f"- id: {tid}\n  title: {q(draw(hostile))}\n  date: {q(draw(hostile_date))}\n  speaker: jane-doe\n"
             f"  event: {q(draw(hostile))}\n  location: {q(draw(hostile))}\n  abstract: {q(draw(hostile))}\n")
    news = f"- date: {q(draw(hostile_date))}\n  title: {q(draw(hostile))}\n  text: {q(draw(hostile))}\n"
    courses = f"- code: {q(draw(hostile))}\n  title: {q(draw(hostile))}\n- code: CS 101\n- code: CS-101\n"
    return {"data/publications.bib": bib, "data/people.yml": people, "data/talks.yml": talks,
            "data/news.yml": news, "data/courses.yml": courses}


# No shrinking: an example has some thirty draws and shrinking them takes minutes; the failing draws are
# printed as they were.
@settings(max_examples=EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_hostile_values_never_become_markup_or_a_traceback(data: st.DataObject) -> None:
    """Classes 1-7 of issue 10 (macros, MathJax commands, page names, control characters, expansion and
    dates, links, CI logs): whatever the values, loading, planning, every page, every macro read back
    through Markdown, the feeds and the calendar hold only markup the templates make, and every diagnostic
    prints as one line (plus its hint) in every format."""
    files = _files(data.draw)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8", errors="surrogatepass")
        (root / "docs").mkdir()
        (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
        site = Settings(root=root, docs_dir=root / "docs", site_url="https://lab.example/", today=None)
        lab = load_lab(site)
        urls = SiteUrls(use_directory_urls=True, prefixes=dict(DEFAULT_PAGES))
        plan, _views = plan_site(lab, site, RENDERER, urls, existing=set())
        macros = macros_for(root)
        outputs = [str(macros["publications"]()), str(macros["people"]()), str(macros["talks"]()),
                   str(macros["news"]()), str(macros["cite"]("plain2024")), str(macros["person"]("jane-doe"))]
        outputs += [str(macros["cite"](p.key)) for p in lab.publications]
    # Class 1: Markdown leaves every macro's HTML exactly as it was.
    for html in outputs:
        assert_only_template_markup(html, "macro")
        mine, read = elements(html), elements(through_markdown("See " + html + " here."))
        assert any(read[i:i + len(mine)] == mine for i in range(len(read) - len(mine) + 1)), html[:300]
    # Pages: slots and heads rendered for a page one level down; the skeleton through Markdown.
    seen_pages: set[str] = set()
    for src, page in plan.pages.items():
        assert re.fullmatch(r"[a-z0-9_/-]+\.md", src) and all(len(s) <= 83 for s in src.split("/")), src
        assert src.split("/")[-1][:-3] not in {"con", "nul", "aux", "prn", "com1", "lpt9"}, src
        seen_pages.add(src)
        for html in page.slots("../").values():  # as the page is written: the base in front of links
            assert_only_template_markup(with_base(str(html), "../"), src)
        if page.head is not None:
            assert_only_template_markup(str(page.head("https://lab.example/" + src, "../")), src)
        body = page.markdown.split("\n---\n", 1)[-1]
        assert_only_template_markup(through_markdown(body), src)
    # Feeds are well-formed XML free of forbidden characters; the calendar parses.
    for path, content in plan.files.items():
        text = content.decode("utf-8") if isinstance(content, bytes) else content
        assert not FORBIDDEN.search(text), path
        if path.endswith(".xml"):
            ET.fromstring(text.encode("utf-8"))
        if path.endswith(".ics"):
            Calendar.from_ical(text)
    # Class 7: every diagnostic is one line (plus a hint line) in text, one line in github, printable in all.
    problems = list(lab.report)
    for fmt in ("text", "github", "json"):
        out = format_all(problems, fmt)
        out.encode("utf-8")
        if fmt == "text":
            assert len(out.splitlines()) == sum(1 + bool(d.hint) for d in problems)
        if fmt == "github":
            assert len(out.splitlines()) == len(problems)
            assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())
