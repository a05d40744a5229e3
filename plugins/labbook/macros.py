"""The mkdocs-macros adapter: ``publications(...)``, ``cite(key)``, ``talks(...)``, ``news(...)``,
``openings(...)``, ``people(...)`` and ``person(id)`` in any page.

Enable it in mkdocs.yml::

    plugins:
      - labbook
      - macros:
          modules: [labbook.macros]

With the labbook plugin enabled the macros reuse its loaded lab; without it (Zensical, or macros alone) the
module loads the lab itself with the default options. The module imports no MkDocs code: under Zensical the
page is a plain object with ``url``, ``path``, ``title`` and ``meta`` (no ``file``), and the configuration has
``root_dir`` instead of ``config_file_path``; :func:`page_source` and :func:`site_root` read either.
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup

from labbook.catalog.lab import Lab
from labbook.diagnostics import Report
from labbook.model.opening import LEVEL_HEADINGS
from labbook.model.person import ROLE_HEADINGS
from labbook.model.publication import KIND_LABELS
from labbook.options import DEFAULT_PAGES
from labbook.render.environment import Renderer
from labbook.render.lab_views import LabViews
from labbook.render.site_urls import SiteUrls, base_for
from labbook.settings import settings_from_options
from labbook.site.cache import LabCache
from labbook.site.pages import make_views
from labbook.site.state import SiteState
from labbook.text.markdown_inert import markdown_inert
from labbook.text.markdown_text import with_base

log = logging.getLogger("mkdocs.plugins.labbook.macros")


class _Standalone:
    """What the labbook plugin would provide, for sites that run the macros without it."""

    def __init__(self) -> None:
        self.cache = LabCache()

    def state(self, conf: Any) -> tuple[Lab, LabViews, Renderer]:
        root = site_root(conf)
        settings = settings_from_options({}, config_file=root / "mkdocs.yml",
                                         docs_dir=root / conf.get("docs_dir", "docs"))
        lab = self.cache.lab(settings)
        urls = SiteUrls(use_directory_urls=conf.get("use_directory_urls", True), prefixes=dict(DEFAULT_PAGES))
        return lab, make_views(lab, settings, urls), self.cache.renderer([root / "overrides" / "labbook"])


_standalone = _Standalone()


def site_root(conf: Any) -> Path:
    """The folder of the site's configuration: MkDocs gives ``config_file_path``, Zensical ``root_dir``."""
    config_file = conf.get("config_file_path")
    if config_file:
        return Path(config_file).resolve().parent
    return Path(conf.get("root_dir") or ".").resolve()


def page_source(page: Any) -> str:
    """The page's Markdown file relative to docs_dir: MkDocs pages have ``file.src_uri``, Zensical's ``path``."""
    if page is None:
        return ""
    file = getattr(page, "file", None)
    if file is not None:
        return str(file.src_uri)
    return str(getattr(page, "path", "") or "").replace("\\", "/")


def _state(env: Any) -> tuple[Lab, LabViews, Renderer]:
    plugins = env.conf.get("plugins") or {}
    plugin = plugins.get("labbook") if hasattr(plugins, "get") else None
    state = getattr(plugin, "state", None)
    if isinstance(state, SiteState):
        return state.lab, state.views, state.renderer
    return _standalone.state(env.conf)


def _page_problem(env: Any, needle: str, message: str, hint: str = "") -> None:
    """Log an error naming the page file and the line of the macro call (fails `mkdocs build --strict`)."""
    report = Report()
    page = getattr(env, "page", None)
    root = site_root(env.conf)
    path, offset = "?", 0
    if page is not None:
        source = (root / env.conf.get("docs_dir", "docs")).resolve() / page_source(page)
        path = source.relative_to(root).as_posix() if source.is_relative_to(root) else source.as_posix()
        offset = _front_matter_lines(source)
    line = _call_line()
    if line:
        line += offset
    else:  # called from outside a template: the first line that mentions the call
        markdown = getattr(env, "markdown", "") or ""
        found = next((i for i, text in enumerate(markdown.splitlines(), 1) if needle in text), 0)
        line = found + offset if found else 0
    report.error(path, line, "macro", message, hint=hint)
    for diagnostic in report:
        log.error(diagnostic.format_text())


def _call_line() -> int:
    """The line of the page's Markdown (without front matter) whose macro call is running now.

    Jinja compiles the page to Python and maps Python lines back to template lines; the running template's
    frame is found on the stack.
    """
    frame = inspect.currentframe()
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return 0


def _front_matter_lines(source: Path) -> int:
    """How many lines of YAML front matter (``---`` ... ``---``) precede the Markdown MkDocs renders."""
    try:
        lines = source.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return 0
    if not lines or lines[0].rstrip() != "---":
        return 0
    end = next((i for i, text in enumerate(lines[1:], 1) if text.rstrip() in {"---", "..."}), None)
    return end + 1 if end is not None else 0


def _scope(env: Any, template: str) -> str:
    """An id prefix for a list: "" for the first list of its kind on a page, then "l2-", "l3-" ...

    Two lists of the same records on one page would otherwise repeat element ids, and the second list's
    toggles would open the first list's panels.
    """
    page = getattr(env, "page", None)
    key = page_source(page) + "|" + template
    counts: dict[str, int] = env.__dict__.setdefault("_labbook_lists", {})
    counts[key] = counts.get(key, 0) + 1
    return "" if counts[key] == 1 else f"l{counts[key]}-"


def define_env(env: Any) -> None:
    """Register labbook's macros with mkdocs-macros (or any engine with the same ``env.macro`` API).

    Every macro returns :func:`~labbook.text.markdown_inert.markdown_inert` HTML: the page's Markdown reads
    a macro's output again, and must find nothing in it (in text or in attributes) to turn into markup.
    """

    def base() -> str:
        page = getattr(env, "page", None)
        return base_for(page.url) if page is not None else ""

    @env.macro
    def publications(year: Any = None, topic: Any = None, type: Any = None,
                     author: str | None = None, selected: bool | None = None, limit: int | None = None,
                     keys: list[str] | None = None, view: str = "cards") -> Markup:
        """A list of publications filtered by year, topic, type, author (person id or name) and selected;
        ``view="table"`` shows them as a compact table (venue, topic, title or ``tldr``, summary and code)."""
        lab, views, renderer = _state(env)
        try:
            pubs = lab.query_publications(year=year, topic=topic, type=type, author=author, selected=selected,
                                          limit=limit, keys=keys)
        except (TypeError, ValueError) as exc:
            _page_problem(env, "publications(", f"publications(...): {exc}",
                          hint="year takes 2024, [2023, 2024] or '2020-2024'; limit a whole number")
            return Markup("")
        for problem in unknown_publication_filters(lab, topic=topic, type=type, author=author, keys=keys):
            _page_problem(env, "publications(", f"publications(...): {problem}")
        if view not in ("cards", "table"):
            _page_problem(env, "publications(", f"publications(...): view must be 'cards' or 'table', not {view!r}")
            return Markup("")
        if view == "table":
            return block(renderer, "publication_table.html", pubs=views.publications(pubs))
        return markdown_inert(renderer.render("publication_list.html", pubs=views.publications(pubs), base=base(),
                                              scope=_scope(env, "publication_list.html")))

    @env.macro
    def cite(key: str) -> Markup:
        """A short linked citation ("Lee et al., 2024") of the entry with BibTeX key ``key``."""
        lab, views, renderer = _state(env)
        pub = lab.publication(str(key))
        if pub is None:
            _page_problem(env, str(key), f"cite('{key}'): no publication has this key",
                          hint="check the key in the .bib file (keys are case-insensitive)")
            return markdown_inert(Markup('<span class="lb-cite lb-missing">[?{}]</span>').format(key))
        return markdown_inert(renderer.render("cite.html", p=views.publication(pub), base=base(),
                                              label=citation_label(pub)))

    def block(renderer: Renderer, template: str, **context: Any) -> Markup:
        here = base()
        html = renderer.render(template, base=here, scope=_scope(env, template), **context)
        return markdown_inert(with_base(str(html), here))

    @env.macro
    def talks(selected: bool | None = None, year: Any = None, kind: Any = None, speaker: str | None = None,
              topic: Any = None, when: str | None = None, limit: int | None = None) -> Markup:
        """A list of talks, newest first: filter by selected, year, kind, speaker (person id or name), topic
        and ``when`` ("upcoming", soonest first, or "past")."""
        lab, views, renderer = _state(env)
        try:
            found = lab.query_talks(selected=selected, year=year, kind=kind, speaker=speaker, topic=topic,
                                    when=when, clock=views.clock, limit=limit)
        except (TypeError, ValueError) as exc:
            _page_problem(env, "talks(", f"talks(...): bad filter value: {exc}",
                          hint="when takes 'upcoming' or 'past'; year 2024 or '2020-2024'; limit a whole number")
            return Markup("")
        if speaker is not None and lab.person(speaker) is None and not found:
            _page_problem(env, str(speaker), f"talks(speaker=...): no person has the id '{speaker}'")
        return block(renderer, "talk_list.html", talks=views.talks(found))

    @env.macro
    def news(limit: int | None = 5, more: bool = True) -> Markup:
        """The latest ``limit`` news items (all with ``limit=None``), with a link to the news page."""
        lab, views, renderer = _state(env)
        try:
            items = lab.latest_news(limit)
        except (TypeError, ValueError) as exc:
            _page_problem(env, "news(", f"news(limit=...): {exc}", hint="limit takes a whole number")
            return Markup("")
        more_url = views.urls.url("news") if more and len(items) < len(lab.news) else None
        return block(renderer, "news_list.html", items=[views.news_item(n) for n in items], more_url=more_url)

    @env.macro
    def openings(level: Any = None, status: str = "open", details: bool = False) -> Markup:
        """Openings (by default the open ones, compact, linking to the openings page); ``level`` is postdoc,
        phd, ms, undergrad or other (or a list); ``status`` open, closed or all; ``details`` shows the text."""
        lab, views, renderer = _state(env)
        levels = [level] if isinstance(level, str) else list(level or [])
        unknown = [lv for lv in levels if lv not in LEVEL_HEADINGS]
        if unknown:
            _page_problem(env, "openings(", f"openings(level=...): unknown level {unknown[0]!r}",
                          hint=f"levels: {', '.join(LEVEL_HEADINGS)}")
        try:
            found = lab.query_openings(clock=views.clock, status=status, level=levels or None)
        except ValueError as exc:
            _page_problem(env, "openings(", f"openings(...): {exc}")
            return Markup("")
        if not found:
            return markdown_inert('<p class="lb-none">No open positions at the moment.</p>' if status == "open"
                                  else '<p class="lb-none">No openings.</p>')
        return block(renderer, "opening_list.html", openings=[views.opening(o) for o in found],
                     compact=not details)

    @env.macro
    def people(role: Any = None) -> Markup:
        """A grid of people: everyone, or those with ``role`` (pi, postdoc, phd, ms, undergrad, staff,
        visitor, alumni, or a list of them), in people.yml order."""
        lab, views, renderer = _state(env)
        roles = [role] if isinstance(role, str) else list(role or [])
        unknown = [r for r in roles if r not in ROLE_HEADINGS]
        if unknown:
            _page_problem(env, "people(", f"people(role=...): unknown role {unknown[0]!r}",
                          hint=f"roles: {', '.join(ROLE_HEADINGS)}")
        found = [p for p in lab.people if not roles or p.role in roles]
        return block(renderer, "people_list.html", people=[views.person(p) for p in found])

    @env.macro
    def person(id: str, label: str | None = None) -> Markup:
        """The name of person ``id`` linked to their page (``label`` replaces the name)."""
        lab, views, renderer = _state(env)
        found = lab.person(str(id))
        if found is None:
            if str(id) not in lab.skipped.get("person", set()):  # else people.yml's own error explains it
                _page_problem(env, str(id), f"person('{id}'): no person has this id",
                              hint="ids are the `id:` values in people.yml")
            return markdown_inert(Markup('<span class="lb-person-link lb-missing">{}</span>').format(id))
        ref = views.person_ref(found.id)
        return markdown_inert(renderer.render("person_link.html", ref=ref, base=base(), label=label or found.name))


def unknown_publication_filters(lab: Lab, *, topic: Any, type: Any, author: str | None,
                                keys: list[str] | None) -> list[str]:
    """Filter values that match nothing in the lab: a typo there would silently give an empty list."""
    problems: list[str] = []
    topics = {t.casefold() for t in lab.topics()}
    for value in [topic] if isinstance(topic, str) else list(topic or []):
        if str(value).casefold() not in topics:
            problems.append(f"no publication has the topic '{value}' (topics: {', '.join(lab.topics()) or 'none'})")
    kinds = {k.casefold() for k in KIND_LABELS} | {v.casefold() for v in KIND_LABELS.values()}
    kinds |= {p.entry_type for p in lab.publications}
    for value in [type] if isinstance(type, str) else list(type or []):
        if str(value).casefold() not in kinds:
            problems.append(f"unknown type '{value}' (kinds: {', '.join(KIND_LABELS)}, or a BibTeX entry type)")
    if author is not None and not lab.query_publications(author=author):
        problems.append(f"no publication has the author '{author}' (a person id or a name as written in the .bib)")
    problems += [f"no entry has the key '{key}'" for key in keys or [] if lab.publication(key) is None]
    return problems


def citation_label(pub: Any) -> str:
    """"Lee, 2024", "Lee and Kim, 2024" or "Lee et al., 2024"."""
    names = [a.last or a.text for a in pub.authors] or [a.last or a.text for a in pub.editors]
    if not names:
        who = pub.title_text[:40]
    elif len(names) == 1 and not pub.et_al:
        who = names[0]
    elif len(names) == 2 and not pub.et_al:
        who = f"{names[0]} and {names[1]}"
    else:
        who = f"{names[0]} et al."
    return f"{who}, {pub.year_label}"
