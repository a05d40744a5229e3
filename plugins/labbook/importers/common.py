"""What the three importers share: the import context, people roles, and turning content files into news,
projects, courses and pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labbook.importers.assets import Assets
from labbook.importers.frontmatter import Document, duplicate_keys, line_in, read_document, scalar
from labbook.importers.markup import Refs, convert
from labbook.importers.records import clean_text, normalize_date, person_links
from labbook.importers.report import ImportReport
from labbook.importers.site import SiteWriter

#: Front-matter keys that only steer the old site's layout; they are dropped without a note.
LAYOUT_KEYS = frozenset({
    "layout", "permalink", "nav", "nav_order", "collection", "related_posts", "related_publications",
    "giscus_comments", "disqus_comments", "toc", "toc_sticky", "toc_label", "author_profile", "share", "comments",
    "sidebar", "redirect_from", "header", "excerpt_separator", "output", "published", "draft", "weight",
    "type", "pager", "image", "featured", "lastmod", "publishDate", "reading_time", "profile", "show_date",
    "slug", "url", "aliases", "menu", "share_buttons", "commentable", "editable", "view", "featured_image",
    "highlight", "summary", "tags", "categories", "math", "pretty_table", "mermaid", "chart", "tikzjax",
    "tabs", "_build", "date", "title", "description", "inline", "scrollable", "map", "distill",
    "authors", "bibliography", "hidden", "images", "thumbnail", "order", "importance", "category", "all_day",
})


@dataclass
class Context:
    """One import: where it reads, where it writes, and what it reports."""

    source: Path
    writer: SiteWriter
    report: ImportReport
    assets: Assets
    hugo: bool = False
    lang: str | None = None
    baseurl: str = ""
    page_map: Any = None
    """``target -> docs-relative page`` for links between imported pages (``{% post_url %}``), or None."""
    """The old site's path below its host (Jekyll ``baseurl``), stripped from links written from the root."""

    languages: tuple[str, ...] = ()
    """The languages of a multilingual Jekyll site (jekyll-polyglot ``languages``); content in another
    language's folder than :attr:`lang` is not read."""

    def folder(self, name: str) -> Path:
        """A folder of the source, or its subfolder for the chosen language when the site keeps one."""
        if self.lang and (self.source / name / self.lang).is_dir():
            return self.source / name / self.lang
        return self.source / name

    def files(self, folder: Path, suffixes: tuple[str, ...] = (".md", ".markdown", ".html")) -> list[Path]:
        """:func:`content_files` without the other languages' folders."""
        return content_files(folder, suffixes, skip=frozenset(self.languages) - {self.lang or ""})

    def read(self, path: Path) -> Document:
        """A content file of the source; a file whose front matter does not parse is reported (not skipped:
        the caller decides)."""
        doc = read_document(path, self.source)
        if doc.front and not doc.error and not doc.toml:
            for key, line in duplicate_keys(doc.front):
                self.report.note(doc.rel, line + 1, f"front-matter key '{key}' is written twice; the last is used")
        return doc

    def body(self, doc: Document, *, page_rel: str | None = None, cite: Any = None, text: str | None = None) -> str:
        """``doc``'s body (or ``text`` from it) as plain Markdown; file links resolved for a page at
        ``docs/<page_rel>`` or, without one, for a data file (site-root relative)."""
        source = doc.body if text is None else text
        base = doc.path.parent
        prefix = "../" * page_rel.count("/") if page_rel is not None else ""

        def asset(ref: str) -> str | None:
            new = self.assets.copy(ref, (doc.rel, line_in(source, ref, doc.body_line)), base)
            return prefix + new if new and page_rel is not None and not new.startswith(("http", "mailto:")) else new

        def cite_key(key: str) -> str | None:
            if key not in self.writer.bib_keys:
                return None
            return f"{prefix}publications/{key}/" if page_rel is not None else f"pub:{key}"

        refs = Refs(doc.rel, doc.body_line, self.report, asset, cite or cite_key)
        def page_link(target: str) -> str | None:
            page = self.page_map(target) if self.page_map is not None else None
            return prefix + page if page else None

        refs.page_link = page_link
        base_path = "/" + self.baseurl.strip("/") if self.baseurl.strip("/") else ""

        def root_link(url: str) -> str:
            rest = url[len(base_path):] if base_path and url.startswith(base_path + "/") else url
            return (prefix + rest.lstrip("/")) or "./"

        refs.root_link = root_link
        return convert(source, refs, hugo=self.hugo).strip()

    def unmapped(self, doc: Document, used: set[str], keys: dict[str, Any] | None = None) -> None:
        """Report every front-matter key that has no place in the new site."""
        for key, value in (doc.meta if keys is None else keys).items():
            if key in used or key in LAYOUT_KEYS or value in (None, "", [], {}):
                continue
            self.report.note(doc.rel, doc.line_of(key), f"field '{key}' has no labbook equivalent; not imported")


def content_files(folder: Path, suffixes: tuple[str, ...] = (".md", ".markdown", ".html"),
                  skip: frozenset[str] = frozenset()) -> list[Path]:
    """The content files of a Jekyll collection, subfolders included, sorted (names starting with ``_`` or
    ``.`` are skipped, as Jekyll does, and so are the folders named in ``skip``)."""
    if not folder.is_dir():
        return []
    out: list[Path] = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p.startswith(("_", ".")) for p in parts) or any(p in skip for p in parts[:-1]):
            continue
        if path.is_file() and path.suffix.lower() in suffixes:
            out.append(path)
    return out


_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (r"alum", "alumni"), (r"former", "alumni"), (r"post-?doc", "postdoc"), (r"ph\.?\s?d|doctoral", "phd"),
    (r"master|\bm\.?s\.?c?\b|\bmsc\b|\bmphil\b", "ms"), (r"under-?grad|bachelor|\bb\.?s\.?c?\b|\bbsc\b", "undergrad"),
    (r"visit", "visitor"), (r"principal investigator|\bpi\b|director|professor|faculty|head|lead\b", "pi"),
    (r"staff|engineer|manager|associate|technician|scientist|assistant|coordinator|administrat", "staff"),
    (r"student|grad", "phd"),
)


def guess_role(*texts: str) -> str | None:
    """labbook's role for a free-text role or group name ("Ph.D. Students", "Lab director"), or None."""
    for text in texts:
        low = (text or "").lower()
        for pattern, role in _ROLE_WORDS:
            if re.search(pattern, low):
                return role
    return None


def add_person(ctx: Context, doc_rel: str, line: int, fields: dict[str, Any], *, links: dict[str, Any],
               role_texts: tuple[str, ...], default_role: str = "staff", fixed_role: str | None = None) -> str | None:
    """Add a person record from gathered fields; the new id, or None when the person was skipped."""
    name = clean_text(fields.get("name"))
    if not name:
        ctx.report.skip("people", doc_rel, line, "no name")
        return None
    role = fixed_role or guess_role(*role_texts)
    if role is None:
        role = default_role
        if any(role_texts):
            ctx.report.note(doc_rel, line, f"role '{' / '.join(t for t in role_texts if t)}' of {name} is not one "
                            f"of labbook's roles; imported as {role}")
    folded = " ".join(name.casefold().split())
    if folded in ctx.writer.person_names:
        ctx.report.skip("people", doc_rel, line, f"{name} is already imported from "
                        f"{ctx.writer.person_names[folded]}; the first record is kept")
        return None
    ctx.writer.person_names[folded] = f"{doc_rel}:{line}"
    ident = ctx.writer.ids.new("people", str(fields.get("id") or name), fallback="person")
    kept, other = person_links({k: scalar(v) for k, v in links.items()})
    for kind, value in other.items():
        ctx.report.note(doc_rel, line, f"link '{kind}: {value[:60]}' of {name} has no labbook equivalent or "
                        "is not valid; not imported")
    record: dict[str, Any] = {"id": ident, "name": name, "role": role}
    for key in ("aliases", "position", "affiliation", "since", "until", "now", "photo", "bio"):
        value = fields.get(key)
        if value not in (None, "", []):
            record[key] = value
    if kept:
        record["links"] = kept
    return ident if ctx.writer.add("people", record, (doc_rel, line), "people") else None


def add_news(ctx: Context, doc: Document, date_text: Any, title: str, text: str) -> None:
    """Add a news item (skipped, with the reason, when it has no date or no text)."""
    when = normalize_date(date_text) or normalize_date(_date_from_name(doc.path.stem))
    if when is None:
        ctx.report.skip("news", doc.rel, doc.line_of("date"), f"no date labbook can read ('{date_text}')")
        return
    text = text.strip() or title
    if not text:
        ctx.report.skip("news", doc.rel, doc.body_line, "no text")
        return
    record: dict[str, Any] = {"date": when}
    if title and title != text:
        record["title"] = title
    record["text"] = text
    ctx.writer.add("news", record, (doc.rel, 1), "news")


def _date_from_name(stem: str) -> str:
    match = re.match(r"(\d{4}-\d{1,2}-\d{1,2})", stem)
    return match[1] if match else ""


def add_page(ctx: Context, doc: Document, rel: str, title: str, *, kind: str = "page") -> str:
    """Keep a content file as a Markdown page of the new site (macros off: its text is never a template)."""
    rel = ctx.writer.add_page(rel, title, "")
    body = ctx.body(doc, page_rel=rel)
    heading = f"# {title}\n\n" if title and not re.match(r"\s*#\s", body) else ""
    ctx.writer.pages[rel] = f"---\nrender_macros: false\n---\n\n{heading}{body}\n"
    ctx.report.kept_as_pages.append(f"`{doc.rel}` ({kind}) -> `docs/{rel}`")
    ctx.report.found("pages")
    ctx.report.imported("pages")
    return rel


def take(ctx: Context, doc: Document, kind: str) -> bool:
    """Whether to import ``doc`` as a ``kind`` record: a draft is noted and not counted (see :func:`is_draft`); a
    file that could not be read is counted as found and reported as skipped."""
    if is_draft(ctx, doc):
        return False
    ctx.report.found(kind)
    if doc.error:
        ctx.report.skip(kind, doc.rel, doc.error_line, doc.error)
        return False
    return True


def is_draft(ctx: Context, doc: Document) -> bool:
    """Whether ``doc`` is a draft (Hugo ``draft: true``, Jekyll ``published: false``): noted, never imported and
    not counted as found, since the old site did not publish it either."""
    if doc.draft:
        ctx.report.note(doc.rel, doc.line_of("draft") if "draft" in doc.meta else doc.line_of("published"),
                        "a draft (not published by the old site); not imported")
    return doc.draft
