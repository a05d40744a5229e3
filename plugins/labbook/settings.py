"""The options that shape a lab's site, independent of MkDocs (the adapters fill them in)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from labbook.model.dates import zone_named
from labbook.options import DEFAULT_COLLECTIONS, DEFAULT_PAGES, DEFAULTS


@dataclass
class Settings:
    """Everything the core needs to know about a site.

    Paths in ``bibliography`` and ``data_dir`` are relative to ``root`` (the folder of mkdocs.yml);
    ``notes_dir`` is relative to ``docs_dir``. ``timezone`` is an IANA name; dates without a UTC offset are
    read in it, and ``today`` (when set) pins the date that decides open/closed and upcoming/past.
    """

    root: Path
    docs_dir: Path
    data_dir: str = DEFAULTS.data_dir
    bibliography: list[str] = field(default_factory=lambda: [f"{DEFAULTS.data_dir}/publications.bib"])
    bibliography_optional: bool = False
    collections: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_COLLECTIONS))
    pages: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PAGES))
    per_publication_pages: bool = DEFAULTS.per_publication_pages
    timezone: str = DEFAULTS.timezone
    highlight_members: bool = DEFAULTS.highlight_members
    max_authors: int = DEFAULTS.max_authors
    site_url: str | None = None
    site_name: str = ""
    today: date | None = None
    notes_dir: str = DEFAULTS.notes_dir
    feed_limit: int = DEFAULTS.feed_limit
    mathjax: bool = DEFAULTS.mathjax
    key_pattern: str = DEFAULTS.key_pattern
    list_crossref_parents: bool = DEFAULTS.list_crossref_parents
    badges: tuple[str, ...] = ()
    remote_media: tuple[str, ...] = ()
    """Hosts that images in data (Markdown images, a person's ``photo``) may be loaded from, such as
    ``images.example.org`` or ``*.example.org``; by default none: every image must be a file of the site."""
    cite_styles: list[str] = field(default_factory=lambda: list(DEFAULTS.cite_styles))
    group_photo: str | None = DEFAULTS.group_photo

    def display(self, path: Path) -> str:
        """``path`` as the user would write it: relative to the project when it is inside it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def collection_path(self, name: str) -> Path:
        """The file of collection ``name`` (people, talks, ...)."""
        return self.root / self.data_dir / self.collections.get(name, DEFAULT_COLLECTIONS.get(name, name))


class SettingsError(ValueError):
    """An option of the labbook plugin has a value labbook cannot use (the message says which and why)."""


_PREFIX = re.compile(r"[a-z0-9_][a-z0-9_\-]*(/[a-z0-9_][a-z0-9_\-]*)*")


#: Third-party citation badges a site may opt in to (each loads a script from its provider).
BADGES = ("altmetric", "dimensions", "scholar")


def _badges(value: object) -> tuple[str, ...]:
    if value in (None, False, []):
        return ()
    items = value if isinstance(value, list) else [value]
    unknown = [str(v) for v in items if v not in BADGES]
    if unknown:
        raise SettingsError(f"`badges`: unknown badge {', '.join(repr(u) for u in unknown)}; known: "
                            f"{', '.join(BADGES)}")
    return tuple(dict.fromkeys(str(v) for v in items))


def _max_authors(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingsError(f"`max_authors` must be a whole number of at least 1, not {value!r}")
    return value


def settings_from_options(
    options: Mapping[str, Any],
    *,
    config_file: str | Path | None,
    docs_dir: str | Path,
    site_url: str | None = None,
    site_name: str | None = None,
) -> Settings:
    """Settings from the plugin's validated options (as in mkdocs.yml) and the site's own settings.

    The MkDocs adapter and ``labbook check`` both call this, so a site is read the same way by a build and by
    the checker. Raises :class:`SettingsError` for an unknown page or collection name, a bad ``today`` or an
    unknown ``timezone``.
    """
    root = Path(config_file or "mkdocs.yml").resolve().parent
    data_dir = str(options.get("data_dir") or DEFAULTS.data_dir)
    pages = dict(DEFAULT_PAGES)
    for kind, prefix in (options.get("pages") or {}).items():
        if kind not in DEFAULT_PAGES:
            raise SettingsError(f"unknown page '{kind}' in `pages`; known: {', '.join(DEFAULT_PAGES)}")
        pages[kind] = str(prefix).strip("/") if prefix not in (False, None, "") else ""
        if pages[kind] and not _PREFIX.fullmatch(pages[kind]):
            raise SettingsError(f"`pages.{kind}`: '{prefix}' is not a URL prefix inside the site; use lower-case "
                                "words, digits, '-' and '_', separated by '/' (e.g. papers or lab/papers)")
    collections = dict(options.get("collections") or {})
    unknown = set(collections) - set(DEFAULT_COLLECTIONS)
    if unknown:
        raise SettingsError(f"unknown collection {sorted(unknown)} in `collections`; "
                            f"known: {', '.join(DEFAULT_COLLECTIONS)}")
    today = options.get("today") or None
    if isinstance(today, datetime):  # YAML reads `today: 2026-11-23 09:00` as a datetime
        today = today.date()
    if today is not None and not isinstance(today, date):  # unquoted YAML dates arrive as dates already
        try:
            today = date.fromisoformat(str(today))
        except ValueError as exc:
            raise SettingsError(f"`today` must be YYYY-MM-DD, not {options['today']!r}") from exc
    timezone = str(options.get("timezone") or DEFAULTS.timezone)
    try:
        zone_named(timezone)
    except ValueError as exc:
        raise SettingsError(f"`timezone`: {exc}") from exc
    bibliography = options.get("bibliography")
    explicit_bib = bibliography is not None
    return Settings(
        root=root,
        docs_dir=Path(docs_dir),
        data_dir=data_dir,
        bibliography=list(bibliography) if explicit_bib else [f"{data_dir}/publications.bib"],
        bibliography_optional=not explicit_bib,
        collections={**DEFAULT_COLLECTIONS, **{k: str(v) for k, v in collections.items()}},
        pages=pages,
        per_publication_pages=bool(options.get("per_publication_pages", DEFAULTS.per_publication_pages)),
        timezone=timezone,
        highlight_members=bool(options.get("highlight_members", DEFAULTS.highlight_members)),
        max_authors=_max_authors(options.get("max_authors", DEFAULTS.max_authors)),
        site_url=site_url or None,
        site_name=site_name or "",
        today=today,
        notes_dir=str(options.get("notes_dir") or DEFAULTS.notes_dir).strip("/"),
        feed_limit=int(options.get("feed_limit", DEFAULTS.feed_limit)),
        mathjax=bool(options.get("mathjax", DEFAULTS.mathjax)),
        key_pattern=str(options.get("key_pattern") or DEFAULTS.key_pattern),
        list_crossref_parents=bool(options.get("list_crossref_parents", DEFAULTS.list_crossref_parents)),
        badges=_badges(options.get("badges")),
        remote_media=tuple(str(host) for host in options.get("remote_media") or ()),
        cite_styles=_cite_styles(options.get("cite_styles", DEFAULTS.cite_styles)),
        group_photo=str(options["group_photo"]).strip("/") if options.get("group_photo") else None,
    )


def _cite_styles(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingsError(f"`cite_styles` must be a list of CSL style names or .csl paths, not {value!r}")
    return [v.strip() for v in value]
