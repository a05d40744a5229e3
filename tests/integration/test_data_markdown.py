"""Real builds of Markdown fields in data (bios, abstracts, news, openings, projects, courses): where their
links point on every page that shows them."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuildResult, run_build, write_site

pytestmark = pytest.mark.slow

REL = "[rel](files/x.pdf)"

PEOPLE = f"""
- id: ada
  name: Ada Lovelace
  role: pi
  bio: |
    Her CV: {REL}. A picture: ![portrait](img/p.png)
"""

TALKS = f"""
- id: t1
  title: A Talk
  date: 2024-04-02
  speaker: ada
  abstract: Slides are at {REL}.
"""

NEWS = f"""
- date: 2024-03-01
  title: Item
  text: "{REL} and ![figure](img/p.png)"
"""

OPENINGS = f"""
- id: phd
  title: PhD position
  level: phd
  status: open
  description: Read {REL}.
  apply: Send {REL}.
"""

PROJECTS = f"""
- id: proj
  title: Project
  status: ongoing
  background: Background in {REL}.
  contributions: Contributions in {REL}.
"""

COURSES = f"""
- code: CS 1
  title: Course
  description: Syllabus at {REL}.
"""

DEEP = """# Deep page

{{ news() }}

{{ people() }}

{{ openings(details=true) }}
"""

FILES: dict[str, str | bytes] = {
    "data/people.yml": PEOPLE,
    "data/talks.yml": TALKS,
    "data/news.yml": NEWS,
    "data/openings.yml": OPENINGS,
    "data/projects.yml": PROJECTS,
    "data/courses.yml": COURSES,
    "docs/files/x.pdf": b"%PDF-1.4\n",
    "docs/img/p.png": b"\x89PNG\r\n\x1a\n",
    "docs/a/b/deep.md": DEEP,
    "docs/news-macro.md": "# News\n\n{{ news() }}\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = write_site(tmp_path_factory.mktemp("datamd"), FILES, labbook={"today": "2025-01-15"}, macros=True,
                         extra_config={"site_url": "https://lab.example.org/"})
    result = run_build(project)
    assert result.returncode == 0, result.log
    return result


def targets(result: BuildResult, page: str) -> dict[str, set[str]]:
    """For each data file link (`files/x.pdf`, `img/p.png`) the site paths it resolves to from ``page``."""
    soup = BeautifulSoup(result.html(page), "html.parser")
    found: dict[str, set[str]] = {}
    for el, attr in [*((a, "href") for a in soup.select("article a[href]")),
                     *((i, "src") for i in soup.select("article img[src]"))]:
        value = el[attr]
        if value.endswith(("x.pdf", "p.png")):
            path = urlsplit(urljoin("https://lab.example.org/" + page, value)).path.lstrip("/")
            found.setdefault(value.rsplit("/", 1)[-1], set()).add(path)
    return found


@pytest.mark.parametrize(("page", "images"), [
    ("news/index.html", True),
    ("people/index.html", False),  # the grid shows no bio
    ("people/ada/index.html", True),
    ("talks/t1/index.html", True),  # abstract, and the speaker's bio
    ("openings/index.html", False),
    ("projects/proj/index.html", False),
    ("teaching/index.html", False),
    ("news-macro/index.html", True),
    ("a/b/deep/index.html", True),
])
def test_relative_links_in_data_are_relative_to_the_site_root(site: BuildResult, page: str, images: bool) -> None:
    """`[rel](files/x.pdf)` and `![..](img/p.png)` in a Markdown field point at docs/files/x.pdf and
    docs/img/p.png from every page that shows the field, however deep (lists, detail pages, macros)."""
    found = targets(site, page)
    if page == "people/index.html":
        assert found == {}
        return
    assert found.get("x.pdf") == {"files/x.pdf"}, found
    if images:
        assert found.get("p.png") == {"img/p.png"}, found
    for paths in found.values():
        for path in paths:
            assert (site.site / path).is_file()


def test_news_feed_links_are_absolute(site: BuildResult) -> None:
    """The Atom feed of news carries a relative link in a news item as an absolute URL under site_url."""
    feed = site.html("feeds/news.xml")
    assert "https://lab.example.org/files/x.pdf" in feed
    assert "https://lab.example.org/img/p.png" in feed
    assert "\x1b" not in feed


def test_a_bad_link_in_a_block_fails_the_strict_build_at_its_line(make_site) -> None:
    """A strict build names the line and column of a bad link inside a `text: |` block, not the `text:` key."""
    news = """\
        - date: 2024-03-01
          text: |
            First line.
            Second [x](javascript:alert(1)) line.
            Third line.
            Fourth [](pub:NOPE) line.
        """
    result = make_site({"data/news.yml": news}, expect_ok=False)
    assert result.returncode != 0
    assert "data/news.yml:4:16: error: text: the link target 'javascript:alert(1)'" in result.log
    assert "data/news.yml:6:15: error: text: no publication has the id 'NOPE'" in result.log


def test_an_unknown_record_link_without_text_stays_visible(make_site) -> None:
    """In a plain build, `[](pub:NOPE)` shows "pub:NOPE" on the news page instead of vanishing."""
    news = """\
        - date: 2024-03-01
          text: "Read [](pub:NOPE) today."
        """
    result = make_site({"data/news.yml": news}, strict=False)
    item = BeautifulSoup(result.html("news/index.html"), "html.parser").select_one(".lb-news-text")
    assert item is not None
    assert item.get_text(" ", strip=True) == "Read pub:NOPE today."
    assert item.select_one(".lb-broken-link").get_text() == "pub:NOPE"
