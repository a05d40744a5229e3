"""Real `mkdocs build --strict` runs of a small complete lab: every collection's pages and their cross-links."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuildResult, run_build, visible_text, write_site
from tests.integration.lab_fixture import LABBOOK, lab_files

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = write_site(tmp_path_factory.mktemp("lab"), lab_files(), labbook=dict(LABBOOK), macros=True,
                         extra_config={"site_url": "https://lab.example.org/"})
    result = run_build(project)
    assert result.returncode == 0, result.log
    return result


def soup(result: BuildResult, path: str) -> BeautifulSoup:
    return BeautifulSoup(result.html(path), "html.parser")


def content(result: BuildResult, path: str) -> BeautifulSoup:
    found = soup(result, path).select_one("article.md-content__inner")
    assert found is not None
    return found


def hrefs(node: BeautifulSoup) -> list[str]:
    return [a["href"] for a in node.select("a[href]")]


def test_people_index_groups_by_role(site: BuildResult) -> None:
    """/people/ has one section per role present, in role order, and alumni show where they went."""
    page = content(site, "people/index.html")
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")] == [
        "Principal investigator", "PhD students", "Alumni"]
    assert "now Research Scientist, Somewhere" in page.get_text(" ")
    assert {"../people/kangwook-lee/", "../people/yuchen-zeng/", "../people/ying-fan/"} <= set(hrefs(page))
    assert page.select(".lb-photo-placeholder")  # no photo given: initials, not a broken image


def test_person_page_lists_their_work(site: BuildResult) -> None:
    """A person's page links their papers, talks, projects and notes, and renders their bio safely."""
    page = content(site, "people/yuchen-zeng/index.html")
    sections = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")]
    assert sections == ["Publications", "Talks", "Projects", "Research notes"]
    links = hrefs(page)
    assert "../../publications/zeng2024expressive/" in links
    assert "../../talks/2023-05-yuchen/" in links
    assert "../../projects/adaptation/" in links
    assert "../../notes/lora/" in links
    assert "../../projects/adaptation/" in hrefs(page.select_one(".lb-bio"))  # [..](project:adaptation)
    pi = content(site, "people/kangwook-lee/index.html")
    assert "<script>alert(1)</script>" not in str(pi) and "&lt;script&gt;" in str(pi.select_one(".lb-bio"))
    assert [h.get_text(strip=True).rstrip("¶") for h in pi.select("h2")] == [
        "Publications", "Talks", "Projects", "Teaching", "Research notes"]
    talks = [a.get_text() for a in pi.select(".lb-talk-title a")]
    assert talks == ["An Upcoming Talk", "Theory of Adaptation"]  # newest first
    assert "https://github.com/kl" in hrefs(pi)


def test_talk_page_has_abstract_speaker_bio_links_and_json_ld(site: BuildResult) -> None:
    """The talk page shows the abstract, the speaker with their bio, links and related papers; Event JSON-LD."""
    html = soup(site, "talks/2024-04-jhu/index.html")
    page = html.select_one("article.md-content__inner")
    assert page is not None
    text = page.get_text(" ")
    assert "Adapting" in text and "{{ 7*7 }}" in text  # data is never run as a template
    assert "Dual Operating Modes of In-Context Learning" in page.select_one(".lb-abstract").get_text()
    speaker = page.select_one(".lb-speaker")
    assert "Leads the lab" in speaker.get_text() and "../../people/kangwook-lee/" in hrefs(speaker)
    assert {"../../slides/jhu.pdf", "https://example.org/video"} <= set(hrefs(page))
    assert [a["id"] for a in page.select(".lb-pub-list article")] == ["zeng2024expressive", "lin2024dual"]
    assert "../../projects/adaptation/" in hrefs(page)
    (script,) = html.select('head script[type="application/ld+json"]')
    event = json.loads(script.string)
    assert event["@type"] == "Event" and event["startDate"] == "2024-04"
    assert event["performer"] == {"@type": "Person", "name": "Kangwook Lee",
                                  "url": "https://lab.example.org/people/kangwook-lee/"}
    assert event["url"] == "https://lab.example.org/talks/2024-04-jhu/"
    online = json.loads(soup(site, "talks/2025-02-upcoming/index.html")
                        .select_one('head script[type="application/ld+json"]').string)
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://example.org/future"}
    assert online["startDate"] == "2025-02-10T15:00:00-06:00"


def test_guest_talk_names_the_speaker_without_a_link(site: BuildResult) -> None:
    """A speaker who is not in people.yml is shown by name, without a speaker section."""
    page = content(site, "talks/2022-guest/index.html")
    assert "Jane Doe" in page.get_text() and not page.select(".lb-speaker")


def test_talks_index_upcoming_first_then_years(site: BuildResult) -> None:
    """/talks/ starts with upcoming talks, then past ones by year, newest first."""
    page = content(site, "talks/index.html")
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")] == ["Upcoming", "2024", "2023", "2022"]
    assert [a["id"] for a in page.select("article.lb-talk")] == [
        "2025-02-upcoming", "2024-04-jhu", "2023-05-yuchen", "2022-guest"]


def test_openings_page_never_shows_a_passed_deadline_as_open(site: BuildResult) -> None:
    """With today pinned to 2025-01-15 the opening whose deadline was the 14th is closed; others as declared."""
    page = content(site, "openings/index.html")
    state = {a["id"].removeprefix("opening-"): a["data-open"] for a in page.select("article.lb-opening")}
    assert state == {"postdoc-passed": "false", "phd-future": "true", "phd-rolling": "true",
                     "ms-closed": "false", "undergrad": "true"}
    passed = page.select_one("#opening-postdoc-passed")
    assert "Closed" in passed.get_text() and "Open" not in passed.get_text()
    assert "Write to us" not in passed.get_text()  # no way to apply to a closed position
    assert "Apply by 1 March 2025" in page.select_one("#opening-phd-future").get_text()
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")] == [
        "Postdoctoral researchers", "PhD students", "Master's students", "Undergraduate students"]


def test_news_page_is_newest_first_and_links_records(site: BuildResult) -> None:
    """/news/ lists items newest first; pub:, person:, project: and talk: links point at their pages."""
    page = content(site, "news/index.html")
    assert [a.select_one("time")["datetime"] for a in page.select("article.lb-news")] == [
        "2024-07", "2024-06", "2024-03"]
    first = page.select_one("article.lb-news")
    assert hrefs(first) == ["../publications/zeng2024expressive/", "../people/yuchen-zeng/",
                            "../projects/adaptation/", "../talks/2024-04-jhu/"]
    assert "{{ 7*7 }}" in first.get_text()
    assert "Kangwook Lee received" in " ".join(page.get_text().split())


def test_project_page(site: BuildResult) -> None:
    """/projects/<id>/ shows background, contributions, people, publications and talks; /projects/ lists it."""
    page = content(site, "projects/adaptation/index.html")
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")] == [
        "Background", "Contributions", "Publications", "Talks"]
    links = hrefs(page)
    assert {"../../people/kangwook-lee/", "../../people/yuchen-zeng/", "../../talks/2024-04-jhu/",
            "../../publications/lin2024dual/"} <= set(links)
    index = content(site, "projects/index.html")
    assert [h.get_text(strip=True).rstrip("¶") for h in index.select("h2")] == ["Ongoing", "Completed"]


def test_teaching_and_notes(site: BuildResult) -> None:
    """/teaching/ lists courses with linked instructors; /notes/ indexes notes; a note page gets a byline."""
    teaching = content(site, "teaching/index.html")
    assert "Matrix Methods in Machine Learning" in teaching.get_text()
    assert "../people/kangwook-lee/" in hrefs(teaching)
    notes = content(site, "notes/index.html")
    assert [a.get_text() for a in notes.select(".lb-note-title a")] == ["What can a low-rank update change?",
                                                                        "An idea"]
    byline = content(site, "notes/lora/index.html").select_one(".lb-note-byline")
    assert byline is not None and {"../../people/yuchen-zeng/", "../../people/kangwook-lee/"} <= set(hrefs(byline))
    assert "Ongoing" in byline.get_text() and "1 June 2024" in byline.get_text()


def test_home_page_macros(site: BuildResult) -> None:
    """The home page is ordinary Markdown calling the collection macros."""
    page = content(site, "index.html")
    assert len(page.select("article.lb-news")) == 1 and "Paper at COLM" in page.get_text()
    assert "news/" in hrefs(page)  # "All news" link, since not every item is shown
    assert {a["id"] for a in page.select("article.lb-opening")} == {"opening-phd-future", "opening-phd-rolling",
                                                                  "opening-undergrad"}
    assert [a["id"] for a in page.select("article.lb-talk")] == ["2024-04-jhu"]
    assert [a["id"] for a in page.select("article.lb-person")] == ["yuchen-zeng"]
    assert page.select_one("a.lb-person-link")["href"] == "people/kangwook-lee/"
    assert "{{" not in visible_text(site.html("index.html")).replace("{{ 7*7 }}", "")
    assert "49" not in page.get_text()


def internal_links(result: BuildResult) -> list[tuple[str, str]]:
    """(page, resolved target path) for every relative link in the built site's pages."""
    out = []
    for page in result.site.rglob("*.html"):
        rel = page.relative_to(result.site).as_posix()
        page_url = "https://site.invalid/" + rel
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            href = a["href"]
            if href.startswith(("http://", "https://", "mailto:", "#", "javascript:")) or not href:
                continue
            target = urlsplit(urljoin(page_url, href)).path
            out.append((rel, unquote(target.removeprefix("/"))))
    return out


def exists(site: Path, target: str) -> bool:
    path = site / target
    return path.is_file() or (path / "index.html").is_file()


def test_every_internal_link_points_at_a_built_page(site: BuildResult) -> None:
    """Every relative link labbook or MkDocs wrote resolves; in particular every /people/<id>/ link."""
    links = internal_links(site)
    people = [(page, t) for page, t in links if re.match(r"people/[^/]+/?$", t)]
    assert len(people) > 10
    broken = [(page, t) for page, t in links if not exists(site.site, t) and not t.startswith("slides/")]
    assert broken == []


def test_links_resolve_without_directory_urls(tmp_path: Path) -> None:
    """With use_directory_urls: false every link (people pages included) still points at a built file."""
    write_site(tmp_path, lab_files(), labbook=dict(LABBOOK), macros=True,
               extra_config={"use_directory_urls": False})
    result = run_build(tmp_path)
    assert result.returncode == 0, result.log
    links = internal_links(result)
    assert ("people/yuchen-zeng.html", "publications/zeng2024expressive.html") in links
    assert [x for x in links if not exists(result.site, x[1]) and not x[1].startswith("slides/")] == []


def test_nav_can_name_generated_pages(tmp_path: Path) -> None:
    """mkdocs.yml's nav may list generated index pages by their src path (people/index.md ...)."""
    nav = [{"Home": "index.md"}, {"People": "people/index.md"}, {"Talks": "talks/index.md"},
           {"Openings": "openings/index.md"}, {"News": "news/index.md"}, {"Projects": "projects/index.md"},
           {"Teaching": "teaching/index.md"}, {"Notes": "notes/index.md"}]
    write_site(tmp_path, lab_files(home="# Home\n"), labbook=dict(LABBOOK), extra_config={"nav": nav})
    result = run_build(tmp_path)
    assert result.returncode == 0, result.log
    nav_links = {a.get_text(strip=True): a["href"] for a in soup(result, "index.html").select(".md-nav__link[href]")}
    assert nav_links["People"] == "people/" and nav_links["Notes"] == "notes/"


def test_a_page_the_lab_writes_wins(tmp_path: Path) -> None:
    """docs/notes/index.md written by the lab replaces the generated notes index."""
    files = lab_files(home="# Home\n")
    files["docs/notes/index.md"] = "# Our notes\n\nHand-written.\n"
    write_site(tmp_path, files, labbook=dict(LABBOOK))
    result = run_build(tmp_path)
    assert result.returncode == 0, result.log
    assert "Hand-written." in result.html("notes/index.html")


def test_turned_off_pages_leave_no_broken_links(tmp_path: Path) -> None:
    """With people and talk pages off, names and talk links stay as text and every remaining link resolves."""
    options = {**LABBOOK, "pages": {"people": False, "talks": False}}
    write_site(tmp_path, lab_files(), labbook=options, macros=True)
    result = run_build(tmp_path)
    assert result.returncode == 0, result.log
    assert not (result.site / "people").exists() and not (result.site / "talks").exists()
    news = content(result, "news/index.html")
    assert "Yuchen" in news.get_text() and not any("people/" in h for h in hrefs(news))
    links = internal_links(result)
    assert [x for x in links if not exists(result.site, x[1]) and not x[1].startswith("slides/")] == []


def test_naive_times_carry_the_site_offset(make_site) -> None:
    """A talk at `2024-05-05T10:00:00` (no offset) in a site whose timezone is America/Chicago is written
    `<time datetime="2024-05-05T10:00:00-05:00">` on the talks page and the talk's page, and so in JSON-LD."""
    talks = """\
        - id: naive
          title: A Talk
          date: 2024-05-05T10:00:00
        """
    result = make_site({"data/talks.yml": talks}, labbook=dict(LABBOOK),
                       extra_config={"site_url": "https://lab.example.org/"})
    for page in ("talks/index.html", "talks/naive/index.html"):
        times = [t["datetime"] for t in content(result, page).select("time[datetime]")]
        assert times == ["2024-05-05T10:00:00-05:00"], page
    event = json.loads(soup(result, "talks/naive/index.html").select_one('script[type="application/ld+json"]').string)
    assert event["startDate"] == "2024-05-05T10:00:00-05:00"
