"""The MkDocs (and ProperDocs) adapter: options and event handlers that call into labbook's core."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from labbook.diagnostics import Diagnostic, Severity
from labbook.exports.citations import StyleError, resolve_style
from labbook.exports.social_meta import plain, share_image, social_meta
from labbook.mkdocs.bytecode import TemplateCodeCache
from labbook.mkdocs.config import LabbookConfig
from labbook.mkdocs.idle_gc import IdleCollector
from labbook.mkdocs.layout import hide_columns
from labbook.mkdocs.page_shapes import PageShapes
from labbook.mkdocs.quiet_macros import quiet_macros_startup
from labbook.mkdocs.reuse import ServeReuse
from labbook.render.environment import PACKAGE_TEMPLATES
from labbook.render.fragments import FragmentCache
from labbook.render.generated import GeneratedPage, insert_prelude
from labbook.render.home_page import HOME_TEMPLATE, hero_image, home_parts
from labbook.render.site_urls import SiteUrls, base_for
from labbook.settings import Settings, SettingsError, settings_from_options
from labbook.site.assets import (
    NOSCRIPT_STYLE,
    mark_math,
    scripts,
    search_later_script,
    site_assets,
    stylesheets,
)
from labbook.site.cache import LabCache
from labbook.site.check_cache import CACHE_DIR
from labbook.site.citation_store import CitationStore
from labbook.site.pages import plan_site
from labbook.site.plan import SitePlan, head_links
from labbook.site.state import SiteState

log = get_plugin_logger(__name__)

#: labbook's templates for Material (``labbook-home.html``), beside its own Jinja templates.
THEME_TEMPLATES = PACKAGE_TEMPLATES.parent / "material"


class LabbookPlugin(BasePlugin[LabbookConfig]):
    """Adds a lab's publications, people, talks, openings, news, projects and teaching pages to a site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache = LabCache()
        self.fragments = FragmentCache()
        self.reuse = ServeReuse()
        self.idle_gc = IdleCollector()
        self.settings: Settings | None = None
        self.plan: SitePlan | None = None
        self.state: SiteState | None = None
        """The lab, views, renderer and plan of the current build (read by :mod:`labbook.macros`)."""
        self._config: MkDocsConfig | None = None
        self._edit_base: tuple[str, str] | None = None
        self._files: Files | None = None
        self._template_code: TemplateCodeCache | None = None
        self._citations: CitationStore | None = None
        self.shapes = PageShapes()
        # The landing page's hero image, the first choice for shared links of pages without their own image.
        self._hero_image: str | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, so the caches survive.
        # Only `mkdocs serve` builds more than once; a one-off build keeps nothing it will not use again.
        quiet_macros_startup()
        serving = command == "serve"
        self.cache = LabCache(incremental=serving)
        self.fragments = FragmentCache(keep=serving)
        self.reuse.close()
        self.reuse = ServeReuse(enabled=serving and not dirty)
        self._template_code = TemplateCodeCache() if serving else None
        self.idle_gc.close()
        self.idle_gc = IdleCollector(enabled=serving)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Before MkDocs empties the site folder (serve only): set aside the pages a rebuild may reuse.
        self.idle_gc.build_started()
        self.reuse.park(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.reuse.failed()
        self.idle_gc.build_done()
        if self._citations is not None:
            self._citations.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = self._settings(config)
        check_files(self.settings)
        # labbook's Material templates (the landing page) come after the site's custom_dir, before Material's.
        theme_dirs = config.theme.dirs
        if str(THEME_TEMPLATES) not in theme_dirs:
            theme_dirs.insert(1 if getattr(config.theme, "custom_dir", None) else 0, str(THEME_TEMPLATES))
        for target, paths in ((config.extra_css, stylesheets()),
                              (config.extra_javascript, scripts())):
            listed = [str(x) for x in target]
            target.extend(path for path in paths if path not in listed)
        self._config = config
        return config

    def _settings(self, config: MkDocsConfig) -> Settings:
        return plugin_settings(dict(self.config), config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        settings = self.settings
        assert settings is not None
        lab = self.cache.lab(settings)
        for diagnostic in lab.report:
            _log(diagnostic)
        for count in lab.record_counts():
            log.info(count.format_text())
        renderer = self.cache.renderer(_override_dirs(config, settings))
        urls = SiteUrls(use_directory_urls=config.use_directory_urls,
                        prefixes={k: v for k, v in settings.pages.items() if v})
        existing = {f.src_uri for f in files}
        epoch = (repr(settings), repr(urls), self.cache.renderer_key)
        self.fragments.begin(epoch)
        self.shapes.begin()
        self.reuse.begin(config, files, epoch)
        self._citations = CitationStore(settings.root / CACHE_DIR)
        self.plan, views = plan_site(lab, settings, renderer, urls, existing, self.fragments, self._citations)
        if self._citations.prefetching:
            count, workers = self._citations.prefetching
            log.info(f"formatting {count} citations in {workers} worker process{'es' if workers > 1 else ''}")
        self.state = SiteState(lab, views, renderer, self.plan)
        self._edit_base = _edit_base(config)
        for asset in site_assets(mathjax=settings.mathjax):
            if files.get_file_from_path(asset.dest) is None:
                files.append(File.generated(config, asset.dest, content=asset.content()) if asset.own
                             else File.generated(config, asset.dest, abs_src_path=str(asset.source)))
        reused_folders: set[str] = set()
        for page in self.plan.pages.values():
            self.reuse.prepare(page, urls.url_of_src(page.src_uri), config.site_url)
            reused = self.reuse.reuses(page)
            if reused:
                inclusion = InclusionLevel.EXCLUDED
            else:
                inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
            files.append(file)
            self.reuse.track(page, file, reused=reused)
            if reused and file.dest_uri.endswith("/index.html"):
                reused_folders.add(posixpath.dirname(file.dest_uri))
        for path, content in self.plan.files.items():
            # A reused page's folder comes back whole after the build (its downloads, made from the same entry,
            # with it): MkDocs need not write them again.
            kept = posixpath.dirname(path) in reused_folders
            files.append(File.generated(config, path, content=content,
                                        inclusion=InclusionLevel.EXCLUDED if kept else InclusionLevel.UNDEFINED))
        for path, content in self.plan.replacements.items():
            own = files.get_file_from_path(path)
            if own is not None:
                files.remove(own)
            files.append(File.generated(config, path, content=content))
        self.reuse.keep_static(config, files)
        self._files = files
        return files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # Serve only: MkDocs compiles the theme's templates anew for every rebuild; keep the compiled code.
        if self._template_code is not None and env.bytecode_cache is None:
            env.bytecode_cache = self._template_code
        self.shapes.use(env)
        return env

    def _generated(self, page: Page) -> GeneratedPage | None:
        return self.plan.pages.get(page.file.src_uri) if self.plan and page.file.generated_by else None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self._generated(page)
        mathjax = self.settings is not None and self.settings.mathjax
        if page.meta.get("template") == HOME_TEMPLATE:  # every page's content is made before the first is written
            self._hero_image = hero_image(page.meta)
        if generated is not None:
            if not generated.in_nav:
                self.shapes.plan(page, generated.edit_path)
            return mark_math(generated.fill(html, base_for(page.url)), mathjax=mathjax)
        prelude = self.plan.preludes.get(page.file.src_uri) if self.plan else None
        return mark_math(insert_prelude(html, prelude(base_for(page.url))) if prelude else html, mathjax=mathjax)

    def _page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> TemplateContext:
        generated = self._generated(page)
        if generated is not None:
            page.edit_url = _edit_url(self._edit_base, generated.edit_path)
            hide_columns(page, nav, tabs="navigation.tabs" in (config.theme.get("features") or []))
        elif page.meta.get("template") == HOME_TEMPLATE and self.state is not None:
            parts = home_parts(page.meta, self.state.views, self.state.renderer, base_for(page.url),
                               config.site_name or "")
            for problem in parts.problems:
                log.warning(f"{page.file.src_path}: front matter: {problem}")
            context["labbook_home"] = parts
        return context

    @event_priority(-100)  # after every other plugin has set the page's context
    def _shape_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                       nav: Navigation) -> TemplateContext:
        self.shapes.context(page, context)
        return context

    on_page_context = CombinedEvent(_page_context, _shape_context)

    @event_priority(100)  # before any plugin changes the page: the template's own output
    def _shape_check(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.shapes.check(page, output)
        return output

    def _post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        generated = self._generated(page)
        base = base_for(page.url)
        if generated is not None:
            output = generated.finish(output, base)
        head = NOSCRIPT_STYLE + "\n" + search_later_script() + "\n" + (head_links(self.plan, base) if self.plan else "")
        if generated is not None and generated.head is not None:
            head += str(generated.head(page.canonical_url, base))
        if generated is not None:
            fallback = share_image([self._hero_image, self.settings and self.settings.group_photo,
                                    config.theme.get("logo")])
            head += "\n" + _social(page, config, generated, fallback)
        at = output.find("</head>")
        return output if at < 0 else output[:at] + head + "\n" + output[at:]

    on_post_page = CombinedEvent(_shape_check, _post_page)

    @event_priority(-50)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._files is not None:
            self.reuse.finish(config, self._files)
        if self._citations is not None:
            self._citations.save(every_page_built=not self.reuse.reused)
        self.idle_gc.build_done()
        summary = self.shapes.summary()
        if summary:
            log.debug(summary)  # `mkdocs build -v` shows it

    def on_shutdown(self) -> None:
        self.reuse.close()
        self.idle_gc.close()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., object]) -> LiveReloadServer:
        self.reuse.watch(server)
        settings = self.settings
        if settings is not None:
            for path in [*(settings.root / b for b in settings.bibliography), settings.root / settings.data_dir,
                         *_override_dirs(config, settings)]:
                if path.exists():
                    server.watch(str(path))
        return server


def plugin_settings(options: dict[str, Any], config: MkDocsConfig) -> Settings:
    """The core's Settings from the plugin's options and the site config (shared with ``labbook check``)."""
    try:
        return settings_from_options(options, config_file=config.config_file_path, docs_dir=config.docs_dir,
                                     site_url=config.site_url, site_name=config.site_name)
    except SettingsError as exc:
        raise PluginError(f"labbook: {exc}") from exc


def _social(page: Page, config: MkDocsConfig, generated: GeneratedPage, fallback: str | None) -> str:
    image = generated.meta.get("image") or fallback
    return social_meta(title=plain(page.meta.get("title") or page.title or ""),
                       description=plain(page.meta.get("description") or config.site_description or ""),
                       url=page.canonical_url, site_name=config.site_name or "",
                       kind=str(generated.meta.get("og_type") or "website"),
                       image=urljoin(config.site_url, str(image)) if image and config.site_url else None)


def check_files(settings: Settings) -> None:
    """Every ``cite_styles`` entry names a usable CSL style and ``group_photo`` an existing file, or the build
    stops with what is wrong."""
    if settings.group_photo and not (settings.docs_dir / settings.group_photo).is_file():
        raise PluginError(f"labbook: `group_photo`: {settings.group_photo} not found in {settings.docs_dir}")
    for spec in settings.cite_styles:
        try:
            resolve_style(spec, settings.root)
        except StyleError as exc:
            raise PluginError(f"labbook: `cite_styles`: {exc}") from exc


def _override_dirs(config: MkDocsConfig, settings: Settings) -> list[Path]:
    dirs = []
    custom = config.theme.custom_dir if hasattr(config.theme, "custom_dir") else None
    if custom:
        dirs.append(Path(custom) / "labbook")
    default = settings.root / "overrides" / "labbook"
    if default not in dirs:
        dirs.append(default)
    return dirs


def _edit_base(config: MkDocsConfig) -> tuple[str, str] | None:
    """(docs_dir relative to the project, edit URL of docs_dir), worked out once per build."""
    if not config.repo_url or not config.edit_uri:
        return None
    docs_rel = posixpath.relpath(Path(config.docs_dir).resolve().as_posix(),
                                 Path(config.config_file_path or ".").resolve().parent.as_posix())
    base_url = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri.lstrip("/"))
    return docs_rel, base_url if base_url.endswith("/") else base_url + "/"


def _edit_url(edit_base: tuple[str, str] | None, edit_path: str | None) -> str | None:
    if not edit_path or edit_base is None:
        return None
    docs_rel, base_url = edit_base
    return urljoin(base_url, posixpath.relpath(edit_path, docs_rel))


def _log(diagnostic: Diagnostic) -> None:
    text = diagnostic.format_text()
    if diagnostic.severity is Severity.ERROR:
        log.error(text)
    elif diagnostic.severity is Severity.WARNING:
        log.warning(text)
    else:
        log.info(text)
