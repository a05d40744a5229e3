"""The generated talk pages: ``/talks/`` (upcoming first, then past by year) and ``/talks/<id>/``."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from labbook.exports.jsonld import json_ld_script, talk_event
from labbook.model.talk import Talk
from labbook.render.environment import Renderer
from labbook.render.facets import talk_facets
from labbook.render.generated import SLOT, GeneratedPage, front_matter, heading
from labbook.render.index_page import Section, count, index_page
from labbook.render.lab_views import LabViews
from labbook.text.markdown_text import plain_text


def talks_index(views: LabViews, renderer: Renderer, edit_path: str | None, title: str = "Talks", *,
                calendar_url: str | None = None) -> GeneratedPage:
    """``/talks/``: the filters, upcoming talks (soonest first), then past talks grouped by year, newest first;
    ``calendar_url`` (root-relative) adds a link to the iCalendar file."""
    lab = views.lab
    upcoming = lab.query_talks(when="upcoming", clock=views.clock)
    past = lab.query_talks(when="past", clock=views.clock)
    facets = talk_facets(lab.talks, lab)
    intro = Section("intro", lambda base: renderer.render("talks_intro.html", count=len(lab.talks), facets=facets,
                                                          base=base, calendar_url=calendar_url))

    def talk_list(talks: list[Talk]) -> Callable[[str], str]:
        return lambda base: renderer.render("talk_list.html", talks=views.talks(talks), base=base)

    sections = [Section("upcoming", talk_list(upcoming), heading="Upcoming")] if upcoming else []
    sections += [Section(f"y{year}", talk_list(list(items)), heading=str(year))
                 for year, items in groupby(past, key=lambda t: t.date.year)]
    soon = f"{len(upcoming)} upcoming and " if upcoming else ""
    description = (f"Talks by the lab's members: {soon}{count(len(past), 'past talk')}, "
                   "with slides, videos and a calendar to subscribe to.")
    return index_page(views.urls.src_uri("talks"), title, sections, intro=intro, empty="No talks yet.",
                      edit_path=edit_path, description=description)


def talk_page(talk: Talk, views: LabViews, renderer: Renderer, site_url: str | None) -> GeneratedPage:
    """``/talks/<id>/``: date, event, host, location, links, the abstract, the speaker with their bio and the
    related publications; a schema.org ``Event`` in ``<head>``."""
    view = views.talk(talk)
    speaker = view["speaker"]
    member = bool(speaker and speaker["person"])  # a guest's plain name is shown in the details only
    parts = [front_matter(talk.title, description=_description(talk)), heading(1, talk.title), "",
             SLOT.format("details"), ""]
    if view["abstract_html"]:
        parts += ["## Abstract", "", SLOT.format("abstract"), ""]
    if member:
        parts += ["## Speaker", "", SLOT.format("speaker"), ""]
    if view["publications"]:
        parts += ["## Related publications", "", SLOT.format("publications"), ""]
    index_url = views.urls.url("talks")
    if index_url:
        parts += [SLOT.format("back"), ""]

    def slots(base: str) -> dict[str, str]:
        out = {"details": renderer.render("talk_details.html", t=view, base=base)}
        if view["abstract_html"]:
            out["abstract"] = f'<div class="lb-abstract lb-text">{view["abstract_html"]}</div>'
        if member:
            out["speaker"] = renderer.render("speaker.html", speaker=speaker, base=base)
        if view["publications"]:
            out["publications"] = renderer.render("publication_list.html", pubs=view["publications"], base=base)
        if index_url:
            out["back"] = renderer.render("back_link.html", url=index_url, label="All talks", base=base)
        return out

    def head(page_abs_url: str | None, base: str) -> str:
        speaker_url = speaker["url"] if speaker else None
        event = talk_event(
            talk, url=page_abs_url, speaker_name=speaker["name"] if speaker else None,
            speaker_url=site_url.rstrip("/") + "/" + speaker_url if site_url and speaker_url else None,
            description=plain_text(str(view["abstract_html"]))[:500], tz=views.clock.tz,
        )
        return str(json_ld_script(event))

    return GeneratedPage(src_uri=views.urls.src_uri("talks", talk.id), markdown="\n".join(parts), slots=slots,
                         head=head, edit_path=talk.source_path, in_nav=False)


def _description(talk: Talk) -> str:
    where = ", ".join(x for x in (talk.event, talk.host) if x)
    return f"Talk, {talk.date.label}" + (f", {where}" if where else "") + "."
