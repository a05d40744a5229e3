"""What machines read from the built example site, checked with parsers of their own: the Atom feed
(feedparser and the RFC 4287 rules), feed discovery links, schema.org JSON-LD shapes and Google Scholar's
``citation_*`` tags (against the .bib file as pybtex reads it)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import warnings
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import feedparser
import ics
import pytest
import yaml
from bs4 import BeautifulSoup
from pybtex.database import parse_file

from tests.conftest import ROOT, generator_command
from tests.rfc5545 import check as check_ics

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("outputs") / "site"
    proc = subprocess.run(generator_command("build", "--strict", "-d", str(out)), cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def site_url() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["site_url"].rstrip("/") + "/"


def page_for(site: Path, site_url: str, url: str) -> Path:
    """The built file that an absolute URL of the site points at."""
    assert url.startswith(site_url), url
    rel = urlsplit(url).path[len(urlsplit(site_url).path):]
    return site / rel / "index.html" if rel.endswith("/") or not rel else site / rel


def test_publications_feed_is_valid_atom(site: Path, site_url: str) -> None:
    """/feeds/publications.xml: feedparser reads Atom 1.0 without complaint; every entry has a unique absolute
    id, an RFC 3339 date and a link to a page that exists; entries go newest first; the feed names itself."""
    raw = (site / "feeds" / "publications.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    bib = parse_file(str(ROOT / "data" / "publications.bib"))
    assert len(parsed.entries) == min(50, len(bib.entries))
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)
    for entry in parsed.entries:
        assert entry.id.startswith(site_url)
        assert page_for(site, site_url, entry.link).is_file(), entry.link
        assert entry.title and entry.authors
    dates = [datetime.fromisoformat(e.updated) for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links["self"] == site_url + "feeds/publications.xml"
    assert page_for(site, site_url, links["alternate"]).is_file()

    root = ElementTree.fromstring(raw)
    for element in [root, *root.findall(f"{ATOM}entry")]:
        for name in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{name}")) == 1, (element.tag, name)
        assert RFC3339.match(element.find(f"{ATOM}updated").text)
    assert root.find(f"{ATOM}author/{ATOM}name").text


def test_every_page_announces_the_feeds_and_the_calendar(site: Path) -> None:
    """Each HTML page has <link rel="alternate"> elements for both Atom feeds and the calendar, whose relative
    hrefs reach the files from that page (as a browser or feed reader resolves them)."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = soup.select('head link[rel="alternate"]')
        found = {(link["type"], urljoin(page.relative_to(site).as_posix(), link["href"])) for link in links}
        assert found == {("application/atom+xml", "feeds/publications.xml"),
                         ("application/atom+xml", "feeds/news.xml"), ("text/calendar", "talks.ics")}, page
        for _, target in found:
            assert (site / target).is_file()


def test_feed_folder_sitemap_answers_material(site: Path, site_url: str) -> None:
    """feeds/sitemap.xml (fetched by Material's instant navigation for each alternate link) is a sitemap
    listing the feed."""
    root = ElementTree.fromstring((site / "feeds" / "sitemap.xml").read_bytes())
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert [loc.text for loc in root.iter(f"{ns}loc")] == [site_url + "feeds/publications.xml",
                                                           site_url + "feeds/news.xml"]


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "publications").glob("*/index.html"))


def test_json_ld_shapes(site: Path, site_url: str) -> None:
    """Every publication page has one schema.org ScholarlyArticle whose fields have the shapes Google's
    structured-data rules ask for (headline of at most 110 characters, Person authors, ISO dates, absolute
    URLs), and whose url is the page's canonical URL."""
    bib = parse_file(str(ROOT / "data" / "publications.bib"))
    pages = _pages(site)
    assert len(pages) == len(bib.entries)
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        scripts = soup.select('script[type="application/ld+json"]')
        assert len(scripts) == 1, page
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org" and data["@type"] == "ScholarlyArticle"
        assert isinstance(data["headline"], str) and 0 < len(data["headline"]) <= 110
        assert isinstance(data["name"], str) and data["name"]
        key = page.parent.name
        entry = next(e for k, e in bib.entries.items() if k.lower() == key)
        assert len(data["author"]) == len(entry.persons.get("author", []))
        for person in data["author"]:
            assert person["@type"] == "Person" and isinstance(person["name"], str) and person["name"]
            assert set(person) <= {"@type", "name", "url"}
            if "url" in person:
                assert person["url"].startswith(site_url)
                assert page_for(site, site_url, person["url"]).is_file()
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", data["datePublished"])
        assert data["url"] == soup.select_one('link[rel="canonical"]')["href"]
        for url in data.get("sameAs", []):
            assert url.startswith("https://")
        if "isPartOf" in data:
            assert data["isPartOf"]["@type"] == "CreativeWork" and data["isPartOf"]["name"]
        if "keywords" in data:
            assert isinstance(data["keywords"], str)


def test_citation_meta_tags(site: Path, site_url: str) -> None:
    """Every publication page carries Scholar's tags: one title, one author tag per BibTeX author written
    "Last, First", a date as YYYY or YYYY/MM, absolute URLs, and citation_abstract_html_url = the page."""
    bib = parse_file(str(ROOT / "data" / "publications.bib"))
    for page in _pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        tags: dict[str, list[str]] = {}
        for meta in soup.select('head meta[name^="citation_"]'):
            tags.setdefault(meta["name"], []).append(meta["content"])
        key = page.parent.name
        entry = next(e for k, e in bib.entries.items() if k.lower() == key)
        assert len(tags["citation_title"]) == 1
        authors = entry.persons.get("author", [])
        assert len(tags["citation_author"]) == len(authors)
        for written, person in zip(tags["citation_author"], authors, strict=True):
            last = " ".join(person.last_names)
            assert written.startswith(last.replace("{", "").replace("}", "") + ", "), (written, last)
        assert len(tags["citation_publication_date"]) == 1
        assert re.fullmatch(r"\d{4}(/\d{2}(/\d{2})?)?", tags["citation_publication_date"][0])
        assert tags["citation_publication_date"][0].startswith(entry.fields["year"])
        assert tags["citation_abstract_html_url"] == [soup.select_one('link[rel="canonical"]')["href"]]
        for name in ("citation_pdf_url", "citation_abstract_html_url"):
            for value in tags.get(name, []):
                assert value.startswith(("https://", "http://")), (name, value)
        venue_tags = [n for n in tags if n in {"citation_journal_title", "citation_conference_title"}]
        if entry.type in {"article", "inproceedings"} and ("journal" in entry.fields or "booktitle" in entry.fields):
            assert len(venue_tags) == 1


def test_news_feed_is_valid_atom(site: Path, site_url: str) -> None:
    """/feeds/news.xml: valid Atom with one entry per item of news.yml (newest first), each pointing at its
    anchor on /news/, with links made absolute."""
    parsed = feedparser.parse((site / "feeds" / "news.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    count = len(yaml.safe_load((ROOT / "data" / "news.yml").read_text(encoding="utf-8")))
    assert len(parsed.entries) == count
    news_html = BeautifulSoup((site / "news" / "index.html").read_text(encoding="utf-8"), "html.parser")
    dates = [datetime.fromisoformat(e.updated) for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    for entry in parsed.entries:
        assert entry.id.startswith(site_url + "news/#")
        assert news_html.find(id=entry.id.split("#", 1)[1]) is not None, entry.id
        content = BeautifulSoup(entry.content[0].value, "html.parser")
        for link in content.find_all("a"):
            assert link["href"].startswith(("https://", "http://", "mailto:")), link
            if link["href"].startswith(site_url):
                assert page_for(site, site_url, link["href"].split("#")[0]).is_file(), link["href"]


def test_talks_calendar(site: Path, site_url: str) -> None:
    """/talks.ics passes the RFC 5545 checker and the ics parser: one event per talk of talks.yml, each
    with its page as URL and a UID at the site's host."""
    data = (site / "talks.ics").read_bytes()
    calendar = check_ics(data)
    talks = yaml.safe_load((ROOT / "data" / "talks.yml").read_text(encoding="utf-8"))
    events = calendar.find("VEVENT")
    assert sorted(e.one("UID").value for e in events) == sorted(
        f"talk-{t['id']}@{urlsplit(site_url).hostname}" for t in talks)
    for event in events:
        assert page_for(site, site_url, event.one("URL").value).is_file()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(ics.Calendar(data.decode("utf-8")).events) == len(talks)


def test_calendar_time_zones_in_a_built_site(make_site) -> None:
    """A talk at a local time in the site's zone keeps that zone (TZID + VTIMEZONE); one written with an
    offset is the same instant in UTC; an upcoming talk is in the file like a past one."""
    talks = """
    - id: local
      title: Local
      date: 2030-01-15T16:00:00
      speaker: Jane Doe
    - id: offset
      title: Offset
      date: 2020-06-01T10:00:00+09:00
    """
    result = make_site({"data/talks.yml": talks}, labbook={"timezone": "Europe/Berlin", "today": "2026-01-01"},
                       extra_config={"site_url": "https://lab.example.org/"})
    calendar = check_ics((result.site / "talks.ics").read_bytes())
    events = {e.one("UID").value: e for e in calendar.find("VEVENT")}
    local = events["talk-local@lab.example.org"].one("DTSTART")
    assert (local.params, local.value) == ({"TZID": "Europe/Berlin"}, "20300115T160000")
    assert events["talk-offset@lab.example.org"].one("DTSTART").value == "20200601T010000Z"
    assert [z.one("TZID").value for z in calendar.find("VTIMEZONE")] == ["Europe/Berlin"]
    assert events["talk-local@lab.example.org"].one("SUMMARY").value == "Jane Doe: Local"
    talks_page = result.html("talks/index.html")
    assert 'href="../talks.ics"' in talks_page


def test_no_feed_without_site_url(make_site) -> None:
    """Atom ids and calendar UIDs must be absolute and permanent: without site_url there is no feed, no
    calendar, no link to either and no feeds/ folder, and the strict build still passes."""
    result = make_site({"data/publications.bib": "@misc{a, title={A}, author={Doe, Jane}, year=2024}",
                        "data/talks.yml": "- id: t\n  title: T\n  date: 2024-05-01\n"})
    assert not (result.site / "feeds").exists()
    assert not (result.site / "talks.ics").exists()
    assert "application/atom+xml" not in result.html("index.html")
    assert "Atom feed" not in result.html("publications/index.html")


def test_feed_limit_and_off(make_site) -> None:
    """feed_limit keeps the newest entries; 0 turns the feed off."""
    bib = "\n".join(f"@misc{{p{y}, title={{Paper {y}}}, author={{Doe, Jane}}, year={y}}}" for y in range(2010, 2020))
    result = make_site({"data/publications.bib": bib}, labbook={"feed_limit": 3},
                       extra_config={"site_url": "https://lab.example.org/x/"})
    parsed = feedparser.parse((result.site / "feeds" / "publications.xml").read_bytes())
    assert [e.title for e in parsed.entries] == ["Paper 2019", "Paper 2018", "Paper 2017"]
    assert parsed.entries[0].id == "https://lab.example.org/x/publications/p2019/"
    off = make_site({"data/publications.bib": bib}, labbook={"feed_limit": 0},
                    extra_config={"site_url": "https://lab.example.org/x/"})
    assert not (off.site / "feeds" / "publications.xml").exists()


def external_resources(site: Path, site_url: str) -> dict[str, list[str]]:
    """Per built page, what it makes the browser fetch from another host: scripts, stylesheets, preconnects,
    images, frames and media (links a reader clicks may go anywhere)."""
    fetched = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
               "embed": "src", "object": "data"}
    found = {}
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        urls = [el.get(attr, "") for tag, attr in fetched.items() for el in soup.find_all(tag)]
        urls += [el.get("href", "") for el in soup.find_all("link")
                 if set(el.get("rel", [])) & {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon",
                                              "modulepreload", "manifest"}]
        external = [u for u in urls if re.match(r"^(https?:)?//", u) and not (site_url and u.startswith(site_url))]
        if external:
            found[page.relative_to(site).as_posix()] = external
    return found


def test_no_page_loads_anything_from_another_host(site: Path, site_url: str) -> None:
    """No page of the example handbook makes the browser fetch anything from another host."""
    assert len(list(site.rglob("*.html"))) > 20
    assert external_resources(site, site_url) == {}


def test_the_check_catches_google_fonts(make_site) -> None:
    """The check above is not vacuous: Material's default theme (Google Fonts) is caught on every page."""
    result = make_site({"data/publications.bib": "@misc{a, title={A}, author={Doe, Jane}, year=2024}"})
    found = external_resources(result.site, "")
    assert "index.html" in found and any("fonts.googleapis.com" in u for u in found["index.html"])


def test_a_new_handbook_loads_nothing_from_another_host(tmp_path: Path) -> None:
    """The handbook `labbook new` writes has the example's privacy settings: system fonts, no GitHub API
    facts, self-hosted MathJax; its pages fetch nothing from another host."""
    from click.testing import CliRunner

    from labbook.cli import main
    from tests.conftest import run_build

    target = tmp_path / "mylab"
    assert CliRunner().invoke(main, ["new", str(target), "--name", "Lab"]).exit_code == 0
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config.replace("# repo_url:", "repo_url:"), encoding="utf-8")
    build = run_build(target, strict=True)
    assert build.returncode == 0, build.log
    assert external_resources(build.site, "") == {}
    assert (build.site / "assets" / "labbook" / "mathjax" / "tex-mml-chtml.js").is_file()
    assert 'data-md-component="source"' not in build.html("index.html")
