"""labbook.exports.feeds: Atom documents that an independent parser (feedparser) reads back intact."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree import ElementTree

import feedparser

from labbook.exports.feeds import (
    FeedEntry,
    FeedInfo,
    NewsForFeed,
    absolute_links,
    atom_feed,
    news_entries,
    publication_date,
    publication_entries,
)
from tests.unit.catalog.test_lab import lab_from

ATOM = "{http://www.w3.org/2005/Atom}"
INFO = FeedInfo(url="https://lab.example.org/feeds/publications.xml", title="Lab – Publications",
                home_url="https://lab.example.org/publications/", author="Lab")
FALLBACK = datetime(2026, 5, 1, tzinfo=UTC)

BIB = r"""
@inproceedings{new2025, title={Newer {\"U}ber Paper with $\alpha$}, author={M{\"u}ller, J{\"o}rg and Lee, Kangwook},
  year=2025, month=mar, booktitle={ICML}, keywords={Theory}, abstract={We show $x<y$ \& more.},
  pdf={https://example.org/p.pdf}, code={code/relative}}
@article{old2019, title={</title><script>x</script>}, author={O'Brien, Pat}, year=2019, journal={J. A&B}}
@misc{soon, title={Coming Soon}, author={Doe, Jane}}
"""


def entries(tmp_path: Path) -> list[FeedEntry]:
    lab = lab_from(tmp_path, BIB)
    return publication_entries(lab.publications, page_url=lambda p: f"https://lab.example.org/publications/{p.slug}/",
                               today=date(2026, 5, 17))


def test_feed_parses_as_atom_with_entries_in_order(tmp_path: Path) -> None:
    """feedparser reads a well-formed Atom 1.0 feed whose entries keep the given (newest first) order."""
    doc = atom_feed(INFO, entries(tmp_path), fallback_updated=FALLBACK)
    parsed = feedparser.parse(doc)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Lab – Publications"
    assert parsed.feed.id == INFO.url
    assert [e.id for e in parsed.entries] == [
        "https://lab.example.org/publications/soon/", "https://lab.example.org/publications/new2025/",
        "https://lab.example.org/publications/old2019/"]
    assert {link.rel: link.href for link in parsed.feed.links} == {"alternate": INFO.home_url, "self": INFO.url}


def test_entry_fields(tmp_path: Path) -> None:
    """Title as plain Unicode (math as TeX), every author, the month as the date, topics as categories, and
    an HTML content with the abstract and only absolute links."""
    parsed = feedparser.parse(atom_feed(INFO, entries(tmp_path), fallback_updated=FALLBACK))
    new = parsed.entries[1]
    assert new.title == "Newer Über Paper with $\\alpha$"
    assert [a.name for a in new.authors] == ["Jörg Müller", "Kangwook Lee"]
    assert new.updated == "2025-03-01T00:00:00+00:00"
    assert [t.term for t in new.tags] == ["Theory"]
    assert new.link == "https://lab.example.org/publications/new2025/"
    assert "We show $x&lt;y$ &amp; more." in new.content[0].value
    assert 'href="https://example.org/p.pdf"' in new.content[0].value
    assert "code/relative" not in new.content[0].value
    assert new.summary == "Jörg Müller, Kangwook Lee. ICML, 2025."


def test_markup_in_data_stays_text(tmp_path: Path) -> None:
    """A title holding markup is text in the feed: the parser gives the characters back, nothing runs."""
    doc = atom_feed(INFO, entries(tmp_path), fallback_updated=FALLBACK)
    parsed = feedparser.parse(doc)
    assert parsed.entries[2].title == "</title><script>x</script>"
    assert b"<script>" not in doc


def test_required_atom_elements(tmp_path: Path) -> None:
    """RFC 4287: the feed has one id, title and updated and an author; so has every entry (id, title,
    updated); updated is the newest entry's, and an undated entry gets the build date."""
    root = ElementTree.fromstring(atom_feed(INFO, entries(tmp_path), fallback_updated=FALLBACK))
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Lab"
    assert root.find(f"{ATOM}updated").text == "2026-05-17T00:00:00+00:00"
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1
    assert root.findall(f"{ATOM}entry")[0].find(f"{ATOM}updated").text == "2026-05-17T00:00:00+00:00"


def test_empty_feed_is_valid_and_stable() -> None:
    """No entries: still a valid feed, dated by the fallback, identical on every build."""
    first = atom_feed(INFO, [], fallback_updated=FALLBACK)
    assert first == atom_feed(INFO, [], fallback_updated=FALLBACK)
    parsed = feedparser.parse(first)
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated == "2026-05-01T00:00:00+00:00"


def test_publication_date(tmp_path: Path) -> None:
    """First of the month, January without a month, the fallback without a year."""
    lab = lab_from(tmp_path, BIB)
    dates = {p.key: publication_date(p, date(2026, 5, 17)) for p in lab.publications}
    assert dates == {"soon": datetime(2026, 5, 17, tzinfo=UTC), "new2025": datetime(2025, 3, 1, tzinfo=UTC),
                     "old2019": datetime(2019, 1, 1, tzinfo=UTC)}


def test_absolute_links() -> None:
    """Relative and root-relative links become absolute; absolute, mailto and fragment links stay."""
    html = ('<a href="people/x/">x</a> <a href="/y">y</a> <img src="img/p.png"> <a href="https://o.org/">o</a> '
            '<a href="mailto:a@b.c">m</a> <a href="#top">t</a>')
    assert absolute_links(html, "https://lab.example.org/site/") == (
        '<a href="https://lab.example.org/site/people/x/">x</a> <a href="https://lab.example.org/y">y</a> '
        '<img src="https://lab.example.org/site/img/p.png"> <a href="https://o.org/">o</a> '
        '<a href="mailto:a@b.c">m</a> <a href="#top">t</a>')


def test_news_entries() -> None:
    """A news item keeps its headline, or is titled by its first words; its HTML has absolute links."""
    items = [
        NewsForFeed(url="https://lab.example.org/news/#a", updated=datetime(2024, 7, 1, tzinfo=UTC),
                    title="Award", html='<p>To <a href="people/k/">K</a>.</p>'),
        NewsForFeed(url="https://lab.example.org/news/#b", updated=datetime(2024, 6, 1, tzinfo=UTC), title="",
                    html="<p>" + "word " * 40 + "&amp; more</p>"),
    ]
    entries = news_entries(items, root="https://lab.example.org/", author="Lab")
    assert entries[0].title == "Award"
    assert entries[0].content_html == '<p>To <a href="https://lab.example.org/people/k/">K</a>.</p>'
    assert entries[1].title.endswith("…") and len(entries[1].title) <= 80 and "<" not in entries[1].title
    parsed = feedparser.parse(atom_feed(INFO, entries, fallback_updated=FALLBACK))
    assert not parsed.bozo
    assert [e.id for e in parsed.entries] == ["https://lab.example.org/news/#a", "https://lab.example.org/news/#b"]


def test_blank_title_and_author_names_do_not_break_the_feed() -> None:
    """A title or author name of only spaces (BibTeX "~" is a no-break space) still gives a valid feed: the
    entry is titled by its id and blank names are left out."""
    entry = FeedEntry(id="https://lab.example.org/publications/x/", title="\u00a0 ",
                      updated=datetime(2024, 1, 1, tzinfo=UTC), authors=["\u00a0", "Jane Doe"],
                      link="https://lab.example.org/publications/x/")
    parsed = feedparser.parse(atom_feed(INFO, [entry], fallback_updated=FALLBACK))
    assert not parsed.bozo
    assert parsed.entries[0].title == "https://lab.example.org/publications/x/"
    assert [a.name for a in parsed.entries[0].authors] == ["Jane Doe"]
