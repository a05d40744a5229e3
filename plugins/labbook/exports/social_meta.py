"""Open Graph and Twitter card ``<meta>`` tags, so a shared link to a page shows its title, a line on it and
an image in chat apps and social networks (which read these tags rather than the page)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from markupsafe import Markup

_PROPERTY = Markup('<meta property="{}" content="{}">')
_NAME = Markup('<meta name="{}" content="{}">')


def social_meta(*, title: str, description: str = "", url: str | None = None, site_name: str = "",
                kind: str = "website", image: str | None = None) -> str:
    """The tags for one page; every argument is plain text (escaped here). ``url`` and ``image`` must be absolute
    (crawlers do not resolve relative URLs), so they are left out when the site has no ``site_url``."""
    tags = [_PROPERTY.format("og:type", kind), _PROPERTY.format("og:title", title)]
    if description:
        tags.append(_PROPERTY.format("og:description", description))
    if url:
        tags.append(_PROPERTY.format("og:url", url))
    if site_name:
        tags.append(_PROPERTY.format("og:site_name", site_name))
    if image:
        tags.append(_PROPERTY.format("og:image", image))
    tags.append(_NAME.format("twitter:card", "summary_large_image" if image else "summary"))
    tags.append(_NAME.format("twitter:title", title))
    if description:
        tags.append(_NAME.format("twitter:description", description))
    if image:
        tags.append(_NAME.format("twitter:image", image))
    return str(Markup("\n").join(tags))


def plain(text: object) -> str:
    """Front-matter text as labbook writes it (HTML-escaped once, see ``render.generated.front_matter``) back to
    plain text."""
    return Markup(str(text)).unescape() if text else ""




def share_image(candidates: Iterable[object]) -> str | None:
    """The site's image for shared links of pages without their own (a paper without a ``preview``, a list page):
    the first of ``candidates`` (in labbook's order: the landing page's hero image, ``group_photo``, the theme's
    logo) that a link preview can show. SVG is passed over: Facebook, X and LinkedIn do not show it."""
    for candidate in candidates:
        value = str(candidate or "").strip()
        if value and not urlsplit(value).path.lower().endswith((".svg", ".svgz")):
            return value
    return None
