"""academicpages (Jekyll): ``_publications`` become BibTeX entries with stable keys, ``_talks`` talks,
``_teaching`` courses, ``_posts`` news, ``_portfolio`` projects, and ``author:`` (or a ``_people`` collection)
the people."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from labbook.importers.bibfile import read_bib_path, split_entries
from labbook.importers.common import Context, add_news, add_person, is_draft, take
from labbook.importers.frontmatter import Document, scalar
from labbook.importers.jekyll import keep_pages, link_name, load_config, other_collections, people_from_collection
from labbook.importers.records import bib_entry, bib_key, clean_text, normalize_date, safe_url, split_names

PHOTO_DIRS = ("images", "assets/images")
TEMPLATE_PAGES = {"about", "cv", "cv-json", "markdown", "404", "archive-layout-with-content", "category-archive",
                  "collection-archive", "non-menu-page", "page-archive", "portfolio", "publications", "sitemap",
                  "tag-archive", "talkmap", "talks", "teaching", "terms", "year-archive", "people"}
_TYPES = {"manuscripts": "article", "journal": "article", "conferences": "inproceedings",
          "conference": "inproceedings", "books": "book", "book": "book", "theses": "phdthesis",
          "preprints": "misc", "reports": "techreport"}
_TALK_KINDS = {"tutorial": "tutorial", "keynote": "keynote", "seminar": "seminar", "workshop": "workshop",
               "invited": "invited", "conference": "conference", "colloquium": "seminar"}
_PLACEHOLDERS = re.compile(r"academicpages\.github\.io/files/|^\s*(abstract\.?|a)\s*$", re.I)


def not_a_site(source: Path) -> str | None:
    """Why ``source`` is not an academicpages site (None when it is one)."""
    if not (source / "_config.yml").is_file():
        return "expected a Jekyll site with _config.yml at its top"
    if not any((source / d).is_dir() for d in ("_publications", "_talks", "_teaching", "_portfolio")):
        return "expected academicpages' _publications/ (or _talks/, _teaching/, _portfolio/) folder"
    return None


def import_site(ctx: Context) -> None:
    """Import an academicpages site."""
    config = load_config(ctx)
    ctx.baseurl = scalar(config.get("baseurl"))
    author = config.get("author") if isinstance(config.get("author"), dict) else {}
    owner = clean_text(author.get("name"))
    ctx.writer.lab_name = clean_text(config.get("title")) or owner or "My Lab"
    owner_id = _people(ctx, author)
    for path in ctx.files(ctx.folder("_publications")):
        _publication(ctx, ctx.read(path), owner)
    for path in ctx.files(ctx.folder("_talks")):
        _talk(ctx, ctx.read(path), owner_id)
    for path in ctx.files(ctx.folder("_teaching")):
        _course(ctx, ctx.read(path), owner_id)
    for path in ctx.files(ctx.folder("_posts")):
        doc = ctx.read(path)
        if is_draft(ctx, doc):
            continue
        ctx.report.found("news")
        if doc.error or doc.draft:
            ctx.report.skip("news", doc.rel, doc.error_line, doc.error or "marked as a draft / unpublished")
            continue
        ctx.unmapped(doc, set())
        add_news(ctx, doc, doc.meta.get("date"), clean_text(doc.meta.get("title")), ctx.body(doc))
    for path in ctx.files(ctx.folder("_portfolio")):
        _project(ctx, ctx.read(path))
    about = ctx.folder("_pages") / "about.md"
    if about.is_file():
        doc = ctx.read(about)
        ctx.writer.home = f"# {ctx.writer.lab_name}\n\n{ctx.body(doc, page_rel='index.md')}\n"
    keep_pages(ctx, ctx.folder("_pages"), TEMPLATE_PAGES, set())
    other_collections(ctx, config, {"publications", "talks", "teaching", "portfolio", "posts", "people"})
    data_dir = ctx.folder("_data")
    for path in sorted(data_dir.glob("*.*")) if data_dir.is_dir() else []:
        rel = path.relative_to(ctx.source).as_posix()
        if path.stem in ("cv", "resume"):
            ctx.report.note(rel, 1, "the CV data was not imported (labbook has no CV data)")
        elif path.stem not in ("navigation", "ui-text"):
            ctx.report.note(rel, 1, "data file not imported: it is not one labbook knows")


def _people(ctx: Context, author: dict[str, Any]) -> str | None:
    folder = ctx.source / "_people"
    name = clean_text(author.get("name"))
    links = {link_name(k): v for k, v in author.items() if isinstance(v, (str, int)) and v}
    if folder.is_dir():
        people_from_collection(ctx, folder, PHOTO_DIRS)
        match = ctx.writer.person_names.get(" ".join(name.casefold().split()))
        if name and match is None:
            ctx.report.note("_config.yml", 1, f"the site's author '{name}' is not one of the people in _people/; "
                            "no person record was made for it")
        return next((r["id"] for r in ctx.writer.records["people"] if r["name"].casefold() == name.casefold()),
                    None)
    if not name:
        return None
    ctx.report.found("people")
    photo = ctx.assets.copy(scalar(author.get("avatar")), ("_config.yml", 1), extra=PHOTO_DIRS) \
        if author.get("avatar") else None
    fields = {"name": name, "bio": clean_text(author.get("bio")) or None, "photo": photo,
              "affiliation": clean_text(author.get("employer")) or None}
    known = {"name", "avatar", "bio", "employer", "location", "pronouns"}
    return add_person(ctx, "_config.yml", 1, fields, links={k: v for k, v in links.items() if k not in known},
                      role_texts=(), fixed_role="pi")


def _sections(body: str) -> dict[str, str]:
    """``### Heading:`` sections of a generated publication page (By, Abstract, Citation, Full article)."""
    parts = re.split(r"^#{2,4}\s*([^\n:]+):?\s*$", body, flags=re.M)
    return {parts[i].strip().lower(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def _publication(ctx: Context, doc: Document, owner: str) -> None:
    if not take(ctx, doc, "publications"):
        return
    title = clean_text(doc.meta.get("title"))
    if not title:
        ctx.report.skip("publications", doc.rel, 1, "no title")
        return
    key = bib_key(doc.path.stem)
    if clash := ctx.writer.has_bib(key):
        ctx.report.skip("publications", doc.rel, 1, clash)
        return
    date = normalize_date(doc.meta.get("date")) or normalize_date(doc.meta.get("year")) or ""
    if not date:
        ctx.report.skip("publications", doc.rel, doc.line_of("date"), f"no date ('{doc.text('date')}')")
        return
    sections = _sections(doc.body)
    authors = split_names(sections.get("by", "")) or split_names(doc.text("authors"))
    if not authors and owner:
        authors = [owner]
        ctx.report.note(doc.rel, 1, f"no authors given; the site's author '{owner}' was written as the author")
    fields: dict[str, str] = {"title": title, "author": " and ".join(authors)}
    venue = clean_text(doc.meta.get("venue"))
    kind = _TYPES.get(doc.text("category").lower(), "article" if venue else "misc")
    fields["journal" if kind == "article" else "booktitle" if kind == "inproceedings" else "howpublished"] = venue
    fields["year"] = date[:4]
    if len(date) >= 7:
        fields["month"] = str(int(date[5:7]))
    abstract = sections.get("abstract") or clean_text(doc.meta.get("excerpt"))
    if abstract and not _PLACEHOLDERS.search(abstract):
        fields["abstract"] = clean_text(abstract)
    links = {"pdf": doc.text("paperurl"), "slides": doc.text("slidesurl"), "url": doc.text("url") or
             (re.findall(r"\((https?://[^)\s]+)\)", sections.get("full article", "")) or [""])[0]}
    for name, value in links.items():
        if value and _PLACEHOLDERS.search(value):
            ctx.report.note(doc.rel, doc.line_of("paperurl" if name == "pdf" else name),
                            f"'{value}' is the template's placeholder link; not imported")
        elif value:
            url = safe_url(value) if value.startswith("http") else ctx.assets.copy(value, (doc.rel, 1))
            if url:
                fields[name] = url
    citation = sections.get("citation") or clean_text(doc.meta.get("citation"))
    rest = doc.body if not sections else ""
    if rest.strip():
        fields["annotation"] = ctx.body(doc)
    bibtex = _local_bib(ctx, doc)
    text = bibtex.replace(bibtex.split(",", 1)[0], bibtex.split("{", 1)[0] + "{" + key, 1) if bibtex else \
        bib_entry(kind, key, fields)
    if citation and _PLACEHOLDERS.search(citation) is None and not bibtex:
        ctx.report.note(doc.rel, doc.line_of("citation"), "the formatted citation is not kept; labbook formats "
                        "entries from their fields")
    ctx.unmapped(doc, {"venue", "paperurl", "slidesurl", "bibtexurl", "citation", "excerpt", "year", "coloryear",
                       "authors"})
    ctx.writer.add_bib(key, text, doc.rel)
    ctx.writer.bib_origin[key] = (doc.rel, 1)
    ctx.report.imported("publications")


def _local_bib(ctx: Context, doc: Document) -> str:
    """The one entry of a local ``bibtexurl`` file (used as written), or ""."""
    url = doc.text("bibtexurl")
    found = ctx.assets.find(re.sub(r"^https?://[^/]+", "", url)) if url else None
    if found is None or found.suffix != ".bib":
        return ""
    text, _, _ = read_bib_path(found)
    entries = [e for e in split_entries(text)[0] if not e.special]
    return entries[0].text if len(entries) == 1 else ""


def _talk(ctx: Context, doc: Document, speaker: str | None) -> None:
    if is_draft(ctx, doc):
        return
    ctx.report.found("talks")
    title = clean_text(doc.meta.get("title"))
    date = normalize_date(doc.meta.get("date"))
    if doc.error or not title or not date:
        ctx.report.skip("talks", doc.rel, doc.error_line if doc.error else doc.line_of("date" if title else "title"),
                        doc.error or ("no title" if not title else f"no date labbook can read ('{doc.text('date')}')"))
        return
    record: dict[str, Any] = {"id": ctx.writer.ids.new("talks", doc.path.stem, fallback="talk"), "title": title,
                              "date": date}
    if speaker:
        record["speaker"] = speaker
    if venue := clean_text(doc.meta.get("venue")):
        record["event"] = venue
    if location := clean_text(doc.meta.get("location")):
        record["location"] = location
    kind = next((v for k, v in _TALK_KINDS.items() if k in doc.text("type").lower()), None)
    if kind:
        record["kind"] = kind
    if body := ctx.body(doc):
        record["abstract"] = body
    links = {name: safe_url(doc.meta.get(key)) for name, key in (("slides", "slidesurl"), ("event", "talk_url"))}
    if links := {k: v for k, v in links.items() if v}:
        record["links"] = links
    ctx.unmapped(doc, {"venue", "location", "slidesurl", "talk_url"})
    ctx.writer.add("talks", record, (doc.rel, 1), "talks")


def _course(ctx: Context, doc: Document, instructor: str | None) -> None:
    if is_draft(ctx, doc):
        return
    ctx.report.found("courses")
    title = clean_text(doc.meta.get("title"))
    if doc.error or not title:
        ctx.report.skip("courses", doc.rel, doc.error_line, doc.error or "no title")
        return
    record: dict[str, Any] = {"code": doc.path.stem, "title": title}
    kind = doc.text("type").lower()
    if "undergrad" in kind:
        record["level"] = "undergraduate"
    elif "grad" in kind:
        record["level"] = "graduate"
    if date := normalize_date(doc.meta.get("date")):
        record["terms"] = [date[:4]]
    if instructor:
        record["instructors"] = [instructor]
    text = "\n\n".join(t for t in (", ".join(clean_text(doc.meta.get(k)) for k in ("venue", "location")
                                             if doc.meta.get(k)), ctx.body(doc)) if t)
    if text:
        record["description"] = text
    ctx.unmapped(doc, {"venue", "location"})
    ctx.writer.add("courses", record, (doc.rel, 1), "courses")


def _project(ctx: Context, doc: Document) -> None:
    if is_draft(ctx, doc):
        return
    ctx.report.found("projects")
    title = clean_text(doc.meta.get("title"))
    if doc.error or not title:
        ctx.report.skip("projects", doc.rel, doc.error_line, doc.error or "no title")
        return
    record: dict[str, Any] = {"id": ctx.writer.ids.new("projects", doc.path.stem, fallback="project"),
                              "title": title}
    if summary := clean_text(doc.meta.get("excerpt")):
        record["summary"] = summary
    body = ctx.body(doc)
    images = re.findall(r"""<img[^>]*src=['"]([^'"]+)""", scalar(doc.meta.get("excerpt")))
    for src in images:
        if url := ctx.assets.copy(src, (doc.rel, doc.line_of("excerpt"))):
            body = f"![{title}]({url})\n\n{body}"
    if body:
        record["background"] = body
    ctx.unmapped(doc, {"excerpt"})
    ctx.writer.add("projects", record, (doc.rel, 1), "projects")
