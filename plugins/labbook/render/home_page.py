"""The landing page: a hero, research themes as cards, sponsors and contact, from a page's front matter.

A lab's ``docs/index.md`` says ``template: labbook-home.html`` and fills these keys (all optional)::

    hero:
      title: Lee Lab                       # default: the site's name
      tagline: Theory and algorithms for foundation models
      image: img/group.jpg                 # a file in the site, or an https URL
      image_alt: The lab in 2025
      actions:                             # call-to-action buttons; the first is the primary one
        - {label: Join us, url: openings/}
        - {label: Publications, url: publications/}
    themes: projects                       # the ongoing projects as cards; or a list of {title, text, url}
    sponsors:
      - {name: NSF, url: https://www.nsf.gov/, logo: img/nsf.svg}
    contact:
      address: 1415 Engineering Drive, Madison, WI 53706
      email: leelab@example.org
      map: https://www.openstreetmap.org/...

The Markdown of the page (news, openings, selected publications and talks through the macros) comes between
the themes and the sponsors. Each part is rendered with labbook's own templates (autoescaped), so the Material
template that places them (``labbook-home.html``) prints finished HTML only. A value of the wrong shape is a
problem message naming the key; the rest of the page is still made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from labbook.render.environment import Renderer
from labbook.render.lab_views import LabViews
from labbook.text.safe_urls import check_url, is_site_relative

#: The Material template a landing page names in its front matter.
HOME_TEMPLATE = "labbook-home.html"


@dataclass
class HomeParts:
    """The rendered parts of a landing page, and what was wrong in its front matter."""

    hero: Markup = field(default_factory=Markup)
    themes: Markup = field(default_factory=Markup)
    sponsors: Markup = field(default_factory=Markup)
    contact: Markup = field(default_factory=Markup)
    problems: list[str] = field(default_factory=list)


def home_parts(meta: Mapping[str, Any], views: LabViews, renderer: Renderer, base: str, site_name: str) -> HomeParts:
    """The hero, themes, sponsors and contact of a landing page whose front matter is ``meta``."""
    parts = HomeParts()
    hero = _mapping(meta.get("hero"), "hero", parts)
    actions = [a for a in (_link(x, "hero.actions", parts) for x in _list(hero.get("actions"), "hero.actions", parts))
               if a]
    image = _url(hero.get("image"), "hero.image", parts)
    parts.hero = renderer.render("home_hero.html", base=base, title=str(hero.get("title") or site_name),
                                 tagline=str(hero.get("tagline") or ""), actions=actions,
                                 image=image, image_alt=str(hero.get("image_alt") or ""))
    parts.themes = renderer.render("home_themes.html", base=base, themes=_themes(meta.get("themes"), views, parts))
    sponsors = []
    for raw in _list(meta.get("sponsors"), "sponsors", parts):
        item = _mapping(raw, "sponsors", parts)
        if not item.get("name"):
            parts.problems.append("sponsors: each sponsor needs a name")
            continue
        sponsors.append({"name": str(item["name"]), "url": _url(item.get("url"), "sponsors.url", parts),
                         "logo": _url(item.get("logo"), "sponsors.logo", parts)})
    parts.sponsors = renderer.render("home_sponsors.html", base=base, sponsors=sponsors)
    contact = _mapping(meta.get("contact"), "contact", parts)
    email = str(contact.get("email") or "").strip()
    parts.contact = renderer.render("home_contact.html", base=base, address=str(contact.get("address") or ""),
                                    email=email if "@" in email and " " not in email else "",
                                    map=_url(contact.get("map"), "contact.map", parts))
    return parts


def hero_image(meta: Mapping[str, Any]) -> str | None:
    """The landing page's hero image (front matter ``hero.image``) when it is a safe URL; relative to the site root."""
    hero = meta.get("hero")
    image = hero.get("image") if isinstance(hero, Mapping) else None
    return check_url(str(image)) if image else None


def _themes(value: Any, views: LabViews, parts: HomeParts) -> list[dict[str, Any]]:
    if value is None:
        return []
    if value == "projects":
        return [{"title": p.title, "text": p.summary or "", "url": {"url": views.project_url(p.id), "relative": True}
                 if views.project_url(p.id) else None} for p in views.lab.projects if p.status == "ongoing"]
    themes = []
    for raw in _list(value, "themes", parts):
        item = _mapping(raw, "themes", parts)
        if item.get("title"):
            themes.append({"title": str(item["title"]), "text": str(item.get("text") or ""),
                           "url": _url(item.get("url"), "themes.url", parts)})
        else:
            parts.problems.append("themes: each theme needs a title (or write `themes: projects`)")
    return themes


def _mapping(value: Any, key: str, parts: HomeParts) -> Mapping[str, Any]:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return value
    parts.problems.append(f"{key}: expected keys and values, not {type(value).__name__}")
    return {}


def _list(value: Any, key: str, parts: HomeParts) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    parts.problems.append(f"{key}: expected a list, not {type(value).__name__}")
    return []


def _url(value: Any, key: str, parts: HomeParts) -> dict[str, Any] | None:
    if not value:
        return None
    url = check_url(str(value))
    if url is None:
        parts.problems.append(f"{key}: {value!r} is not an http(s), mailto or relative link")
        return None
    return {"url": url, "relative": is_site_relative(url)}


def _link(value: Any, key: str, parts: HomeParts) -> dict[str, Any] | None:
    item = _mapping(value, key, parts)
    url = _url(item.get("url"), f"{key}.url", parts)
    if not item.get("label") or url is None:
        if item:
            parts.problems.append(f"{key}: each action needs a label and a url")
        return None
    return {"label": str(item["label"]), **url}
