"""Where generated pages live, as URLs relative to the site root, and how a page reaches them."""

from __future__ import annotations

from dataclasses import dataclass, field

from labbook.text.path_names import safe_name, taken_names


@dataclass
class SiteUrls:
    """URL builder for generated pages.

    ``prefixes`` maps a page kind (publications, people, talks ...) to its URL prefix; a kind missing from it
    has no pages, and links to it are not made. ``existing`` holds src paths of every page of the site, so
    links are only made to pages that exist.
    """

    use_directory_urls: bool = True
    prefixes: dict[str, str] = field(default_factory=dict)
    _taken: dict[str, dict[str, str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def src_uri(self, kind: str, slug: str | None = None) -> str:
        """The Markdown path of a generated page: ``publications/index.md`` or ``publications/<slug>.md``.

        A slug that cannot name a page (``index``, a name another generated page or export file holds in the
        same folder, a Windows device name, more than 80 characters) gets a safe name instead, the same
        for the page and for every link to it (see :mod:`labbook.text.path_names`).
        """
        prefix = self.prefixes[kind].strip("/")
        if not slug:
            return f"{prefix}/index.md"
        taken = self._taken.get(kind)
        if taken is None:
            taken = self._taken[kind] = taken_names(kind, self.prefixes)
        return f"{prefix}/{safe_name(slug, kind, taken)}.md"

    def url(self, kind: str, slug: str | None = None) -> str | None:
        """The URL (relative to the site root) of a generated page, or ``None`` when that kind is off."""
        if not self.prefixes.get(kind):
            return None
        return self.url_of_src(self.src_uri(kind, slug))

    def url_of_src(self, src_uri: str) -> str:
        """The URL MkDocs gives a Markdown file (the same rule as ``File.url``)."""
        stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
        if self.use_directory_urls:
            if stem == "index" or stem.endswith("/index"):
                return stem[: -len("index")]
            return stem + "/"
        return stem + ".html"


def base_for(page_url: str) -> str:
    """The relative prefix from a page to the site root ("" for the home page, "../" one level down)."""
    directory = page_url if page_url.endswith("/") or not page_url else page_url.rsplit("/", 1)[0] + "/"
    if "/" not in page_url:
        directory = "" if not page_url.endswith("/") else directory
    return "../" * directory.count("/")
