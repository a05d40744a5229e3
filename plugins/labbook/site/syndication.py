"""What the lab publishes for feed readers and calendar apps: the Atom feeds of publications and news and the
iCalendar file of talks, each announced in every page's ``<head>``.

All three need ``site_url``: Atom ids and iCalendar UIDs must be absolute and must not change between builds,
and a reader who subscribes is away from the site, so every link in them is absolute too.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from markupsafe import escape

from labbook.exports.feeds import FeedInfo, NewsForFeed, atom_feed, news_entries, publication_entries
from labbook.exports.ical import TalkDetails, talks_calendar
from labbook.model.publication import Publication
from labbook.model.talk import Talk
from labbook.text.markdown_text import plain_text, with_base

if TYPE_CHECKING:
    from labbook.catalog.lab import Lab
    from labbook.render.environment import Renderer
    from labbook.render.lab_views import LabViews
    from labbook.settings import Settings
    from labbook.site.plan import SitePlan

#: Where each file goes in the site.
PUBLICATIONS_FEED = "feeds/publications.xml"
NEWS_FEED = "feeds/news.xml"
TALKS_CALENDAR = "talks.ics"


def feed_title(settings: Settings, what: str) -> str:
    """ "Lee Lab – Publications", or just the kind without a site name."""
    return f"{settings.site_name} – {what}" if settings.site_name else what


def feeds_enabled(settings: Settings) -> bool:
    """Whether the site gets Atom feeds: it needs ``site_url`` and a positive ``feed_limit``."""
    return bool(settings.site_url) and settings.feed_limit > 0


def calendar_enabled(settings: Settings) -> bool:
    """Whether the site gets ``talks.ics``: it needs ``site_url``."""
    return bool(settings.site_url)


def _root(settings: Settings) -> str | None:
    return settings.site_url.rstrip("/") + "/" if settings.site_url else None


def _midnight(views: LabViews) -> datetime:
    today = views.clock.today
    return datetime(today.year, today.month, today.day, tzinfo=UTC)


def plan_publications_feed(plan: SitePlan, lab: Lab, views: LabViews, settings: Settings) -> None:
    """``/feeds/publications.xml``: the newest ``feed_limit`` publications."""
    root = _root(settings)
    index_url = views.urls.url("publications")
    if root is None or index_url is None or not feeds_enabled(settings):
        return

    def page_url(pub: Publication) -> str:
        own = views.publication_url(pub)
        return root + own if own is not None else f"{root}{index_url}#{pub.slug}"

    title = feed_title(settings, "Publications")
    entries = publication_entries(lab.publications[: settings.feed_limit], page_url=page_url,
                                  today=views.clock.today)
    info = FeedInfo(url=root + PUBLICATIONS_FEED, title=title, home_url=root + index_url,
                    author=settings.site_name or "labbook", subtitle="New publications, newest first")
    plan.add_feed(PUBLICATIONS_FEED, atom_feed(info, entries, fallback_updated=_midnight(views)), title)


def plan_news_feed(plan: SitePlan, lab: Lab, views: LabViews, settings: Settings) -> None:
    """``/feeds/news.xml``: the newest ``feed_limit`` news items (when the site has a news page)."""
    root = _root(settings)
    news_url = views.urls.url("news")
    if root is None or news_url is None or not feeds_enabled(settings):
        return
    if not (lab.news or settings.collection_path("news").is_file()):
        return
    items = []
    for item in lab.latest_news(settings.feed_limit):
        view = views.news_item(item)
        items.append(NewsForFeed(url=root + view["url"], updated=item.date.start(UTC),
                                 title=view["title"], html=with_base(str(view["text_html"]), root)))
    author = settings.site_name or "labbook"
    title = feed_title(settings, "News")
    info = FeedInfo(url=root + NEWS_FEED, title=title, home_url=root + news_url, author=author,
                    subtitle="News of the lab, newest first")
    entries = news_entries(items, root=root, author=author)
    plan.add_feed(NEWS_FEED, atom_feed(info, entries, fallback_updated=_midnight(views)), title)


def plan_talks_calendar(plan: SitePlan, lab: Lab, views: LabViews, settings: Settings) -> None:
    """``/talks.ics``: every talk, for calendar apps (when the site has a talks page)."""
    root = _root(settings)
    if root is None or views.urls.url("talks") is None:
        return
    if not (lab.talks or settings.collection_path("talks").is_file()):
        return

    def details(talk: Talk) -> TalkDetails:
        view = views.talk(talk)
        speaker = view["speaker"]["name"] if view["speaker"] else ""
        where = ", ".join(x for x in (talk.event, talk.host) if x)
        url = root + view["url"] if view["url"] else None
        lines = [f"Speaker: {speaker}" if speaker else "", where]
        if talk.date.precision in {"month", "year"}:
            lines.append(f"Date: {talk.date.label} (no day announced)")
        abstract = plain_text(str(view["abstract_html"]))
        lines += ["", abstract] if abstract else []
        lines += ["", url] if url else []
        return TalkDetails(
            summary=f"{speaker}: {talk.title}" if speaker else talk.title,
            description="\n".join(x for x in lines if x is not None).strip(),
            location=talk.location or talk.host or "",
            url=url,
            categories=tuple(x for x in (talk.kind_label,) if x),
        )

    title = feed_title(settings, "Talks")
    document = talks_calendar(lab.talks, details, name=title, site_url=root, stamp=views.clock.now,
                              tz=views.clock.tz)
    plan.add_file(TALKS_CALENDAR, document)
    plan.announce(TALKS_CALENDAR, "text/calendar", title)


def plan_syndication(plan: SitePlan, lab: Lab, views: LabViews, renderer: Renderer, settings: Settings) -> None:
    """The feeds and the calendar, when ``site_url`` is set."""
    plan_publications_feed(plan, lab, views, settings)
    plan_news_feed(plan, lab, views, settings)
    plan_talks_calendar(plan, lab, views, settings)


def add_feed_sitemaps(plan: SitePlan, settings: Settings) -> None:
    """A ``sitemap.xml`` in each folder that holds announced feeds (after every planner has run)."""
    # Material's instant navigation treats every <link rel="alternate"> as another language of the site and
    # fetches "sitemap.xml" next to it; for feeds/publications.xml that is feeds/sitemap.xml, whose absence
    # shows as a 404 in every reader's console. A small sitemap listing the folder's feeds answers it.
    folders: dict[str, list[str]] = {}
    for link in plan.head_links:
        folder = link.path.rpartition("/")[0]
        if folder:
            folders.setdefault(folder, []).append(link.path)
    root = (settings.site_url or "").rstrip("/") + "/"
    for folder, paths in folders.items():
        urls = "".join(f"<url><loc>{escape(root + p)}</loc></url>" for p in paths)
        plan.add_file(f"{folder}/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
                      f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')
