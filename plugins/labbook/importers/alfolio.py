"""al-folio (Jekyll + jekyll-scholar): ``_bibliography`` verbatim, ``_news``, ``_projects``, teaching, the
about page, people from ``_data`` lists, a ``_people`` collection or the ``profiles`` page, and the owner."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from labbook.importers.alfolio_data import import_data_files
from labbook.importers.bibfile import read_bib_path, take_bib_file
from labbook.importers.common import Context, add_news, add_page, add_person, is_draft, take
from labbook.importers.frontmatter import load_yaml_file, scalar
from labbook.importers.jekyll import (
    LINK_NAMES,
    keep_pages,
    load_config,
    other_collections,
    people_from_collection,
    people_from_data,
    pi_name,
    report_duplicates,
)
from labbook.importers.records import clean_text, safe_url
from labbook.text.slugs import slugify

PHOTO_DIRS = ("assets/img", "assets/img/people", "images")
#: Pages al-folio generates from data; their content comes in as records.
TEMPLATE_PAGES = {"about", "publications", "news", "projects", "profiles", "people", "cv", "repositories",
                  "blog", "404", "teaching", "dropdown", "books", "members", "courses", "alumni", "about_einstein"}


def not_a_site(source: Path) -> str | None:
    """Why ``source`` is not an al-folio site (None when it is one)."""
    if not (source / "_config.yml").is_file():
        return "expected a Jekyll site with _config.yml at its top"
    if not any((source / d).is_dir() for d in ("_bibliography", "_news", "_projects")):
        return "expected al-folio's _bibliography/ (or _news/, _projects/) folder"
    return None


def import_site(ctx: Context) -> None:
    """Import an al-folio site."""
    config = load_config(ctx)
    ctx.baseurl = scalar(config.get("baseurl"))
    ctx.writer.lab_name = clean_text(config.get("title")) if scalar(config.get("title")) not in ("", "blank") \
        else pi_name(config) or "My Lab"
    _bibliography(ctx, config)
    data_used = people_from_data(ctx, PHOTO_DIRS)
    if (ctx.source / "_people").is_dir():
        people_from_collection(ctx, ctx.source / "_people", PHOTO_DIRS)
    elif not data_used:
        _profiles(ctx, config)
    _news(ctx)
    _projects(ctx)
    _teaching(ctx)
    _about(ctx, config)
    import_data_files(ctx, data_used)
    other_collections(ctx, config, {"news", "projects", "teachings", "teaching", "people", "posts"})
    ctx.page_map = lambda target: _page_for(ctx, target)
    keep_pages(ctx, ctx.folder("_pages"), TEMPLATE_PAGES, data_used | {"courses"})
    for path in ctx.files(ctx.folder("_posts"), (".md", ".markdown")):
        doc = ctx.read(path)
        if doc.error or doc.draft:
            continue
        add_page(ctx, doc, f"blog/{slugify(path.stem, fallback='post')}.md",
                 clean_text(doc.meta.get("title")) or path.stem, kind="blog post")


def _page_for(ctx: Context, target: str) -> str | None:
    """The new page of a post or page a link names (``{% post_url 2018-12-22-distill %}``,
    ``{% link _pages/about.md %}``), when it is imported as a page."""
    target = target.strip().strip("'\"").lstrip("/")
    folder, _, name = target.rpartition("/")
    stem = Path(name).stem
    if folder in ("", "_posts"):
        for suffix in (".md", ".markdown"):
            path = ctx.folder("_posts") / f"{stem}{suffix}"
            if path.is_file() and not (doc := ctx.read(path)).error and not doc.draft:
                return f"blog/{slugify(stem, fallback='post')}.md"
    if folder == "_pages" and stem.lower() not in TEMPLATE_PAGES and (ctx.folder("_pages") / name).is_file():
        doc = ctx.read(ctx.folder("_pages") / name)
        if not doc.error and not set(re.findall(r"site\.data\.(\w+)", doc.body)):
            return f"pages/{slugify(stem, fallback='page')}.md"
    return None


def _bibliography(ctx: Context, config: dict[str, Any]) -> None:
    scholar = config.get("scholar") if isinstance(config.get("scholar"), dict) else {}
    folder = ctx.source / (scalar(scholar.get("source")).strip("/") or "_bibliography")
    named = scalar(scholar.get("bibliography")) or "papers.bib"
    paths = [folder / named] if (folder / named).is_file() else sorted(folder.glob("*.bib"))
    for path in paths:
        text, first, error = read_bib_path(path)
        rel = path.relative_to(ctx.source).as_posix()
        if error:
            ctx.report.note(rel, 1, error)
            continue
        take_bib_file(ctx.writer, ctx.report, text, rel, first)
        _bib_files(ctx, text, rel, first)


#: al-folio's BibTeX fields that name a file of the site, and the folder a relative name is in.
BIB_FILE_FIELDS = {"pdf": "assets/pdf", "supp": "assets/pdf", "poster": "assets/pdf", "slides": "assets/pdf",
                   "preview": "assets/img/publication_preview"}


def _bib_files(ctx: Context, text: str, rel: str, first: int) -> None:
    """Copy the files al-folio entries name (``pdf = {paper.pdf}`` is ``assets/pdf/paper.pdf``) to the same
    place in the new site; a name with no file is reported at its line."""
    for m in re.finditer(r"^\s*(pdf|supp|poster|slides|preview)\s*=\s*[{\"]([^}\"]+)[}\"]", text, re.M | re.I):
        value = m[2].strip()
        if not value or "://" in value or value.startswith(("mailto:", "#")):
            continue
        folder = BIB_FILE_FIELDS[m[1].lower()]
        target = f"{folder}/{value.lstrip('/')}"
        line = first + text.count("\n", 0, m.start(2))
        found = ctx.assets.find(target)
        if found is None:
            ctx.report.note(rel, line, f"{m[1]} file '{target}' does not exist in the source; the link will not work")
            continue
        try:
            ctx.writer.files.setdefault(f"docs/{target}", found.read_bytes())
        except OSError as exc:
            ctx.report.note(rel, line, f"{m[1]} file '{target}' cannot be read ({exc.strerror or exc})")


def _owner_fields(ctx: Context, config: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The owner's profile links (``_config.yml`` and ``_data/socials.yml``) and the spellings of their name
    that jekyll-scholar highlights (``scholar.first_name`` x ``scholar.last_name``)."""
    socials, _, _ = load_yaml_file(ctx.source / "_data" / "socials.yml")
    links: dict[str, Any] = {}
    for key, value in {**config, **(socials if isinstance(socials, dict) else {})}.items():
        if key in LINK_NAMES and isinstance(value, (str, int)) and key not in ("url",):
            links[LINK_NAMES[key]] = value
    if isinstance(links.get("cv"), str) and "://" not in links["cv"]:
        links["cv"] = ctx.assets.copy(links["cv"], ("_data/socials.yml", 1))
    scholar = config.get("scholar") if isinstance(config.get("scholar"), dict) else {}
    firsts, lasts = scholar.get("first_name") or [], scholar.get("last_name") or []
    firsts = [scalar(f) for f in (firsts if isinstance(firsts, list) else [firsts]) if scalar(f)]
    lasts = [scalar(v) for v in (lasts if isinstance(lasts, list) else [lasts]) if scalar(v)]
    return links, [f"{first} {last}" for last in lasts for first in firsts]


def _owner(ctx: Context, config: dict[str, Any], *, bio: str | None = None, photo: str | None = None) -> None:
    name = pi_name(config)
    if not name or (name.lower() == ctx.writer.lab_name.lower() and not scalar(config.get("last_name"))):
        ctx.report.note("_config.yml", 1, "no person's name in first_name/last_name; no owner record was made")
        return
    links, aliases = _owner_fields(ctx, config)
    ctx.report.found("people")
    add_person(ctx, "_config.yml", 1, {"name": name, "bio": bio, "photo": photo,
                                       "aliases": [a for a in aliases if a != name]},
               links=links, role_texts=(), fixed_role="pi")


def _profiles(ctx: Context, config: dict[str, Any]) -> None:
    """People as al-folio's demo people page writes them: a ``profiles:`` list of content files and images."""
    path = ctx.folder("_pages") / "profiles.md"
    doc = ctx.read(path) if path.is_file() else None
    profiles = doc.meta.get("profiles") if doc else None
    if not doc or not isinstance(profiles, list):
        about = ctx.read(ctx.folder("_pages") / "about.md")
        image = (about.meta.get("profile") or {}).get("image") if isinstance(about.meta.get("profile"), dict) \
            else None
        photo = ctx.assets.copy(scalar(image), ("_pages/about.md", about.line_of("image")), extra=PHOTO_DIRS) \
            if image else None
        _owner(ctx, config, photo=photo)
        return
    seen: set[str] = set()
    for profile in profiles:
        ctx.report.found("people")
        line = doc.line_of("profiles")
        if not isinstance(profile, dict):
            ctx.report.skip("people", doc.rel, line, "a profile that is not a set of fields")
            continue
        content = scalar(profile.get("content"))
        name = clean_text(profile.get("name")) or pi_name(config)
        if content in seen:
            ctx.report.skip("people", doc.rel, line, f"a second profile showing the same page '{content}'")
            continue
        seen.add(content)
        bio = None
        if content and (ctx.folder("_pages") / content).is_file():
            bio = ctx.body(ctx.read(ctx.folder("_pages") / content)) or None
        photo = ctx.assets.copy(scalar(profile.get("image")), (doc.rel, line), extra=PHOTO_DIRS) \
            if profile.get("image") else None
        links, aliases = _owner_fields(ctx, config) if not seen - {content} else ({}, [])
        add_person(ctx, doc.rel, line, {"name": name, "bio": bio, "photo": photo,
                                        "aliases": [a for a in aliases if a != name]},
                   links=links, role_texts=(), fixed_role="pi")


def _news(ctx: Context) -> None:
    for path in ctx.files(ctx.folder("_news"), (".md", ".markdown", ".html")):
        doc = ctx.read(path)
        if not take(ctx, doc, "news"):
            continue
        ctx.unmapped(doc, set())
        add_news(ctx, doc, doc.meta.get("date"), clean_text(doc.meta.get("title")), ctx.body(doc))


def _projects(ctx: Context) -> None:
    for path in ctx.files(ctx.folder("_projects")):
        doc = ctx.read(path)
        if not take(ctx, doc, "projects"):
            continue
        title = clean_text(doc.meta.get("title"))
        if not title:
            ctx.report.skip("projects", doc.rel, 1, "no title")
            continue
        body = ctx.body(doc)
        img = scalar(doc.meta.get("img"))
        if img and (url := ctx.assets.copy(img, (doc.rel, doc.line_of("img")))):
            body = f"![{title}]({url})\n\n{body}"
        record: dict[str, Any] = {"id": ctx.writer.ids.new("projects", path.stem, fallback="project"),
                                  "title": title}
        if desc := clean_text(doc.meta.get("description")):
            record["summary"] = desc
        if body:
            record["background"] = body
        if cat := clean_text(doc.meta.get("category")):
            record["topics"] = [cat]
        ctx.unmapped(doc, {"img", "github", "github_stars"})
        ctx.writer.add("projects", record, (doc.rel, 1), "projects")


def _teaching(ctx: Context) -> None:
    for folder in ("_teachings", "_teaching"):
        for path in ctx.files(ctx.folder(folder)):
            doc = ctx.read(path)
            if is_draft(ctx, doc):
                continue
            ctx.report.found("courses")
            if doc.error or not clean_text(doc.meta.get("title")):
                ctx.report.skip("courses", doc.rel, doc.error_line, doc.error or "no title")
                continue
            title = clean_text(doc.meta.get("title"))
            term = " ".join(p for p in (scalar(doc.meta.get("term")), scalar(doc.meta.get("year"))) if p)
            record: dict[str, Any] = {"code": clean_text(doc.meta.get("course_id")) or path.stem, "title": title}
            if term:
                record["terms"] = [term]
            text = "\n\n".join(t for t in (clean_text(doc.meta.get("description")), ctx.body(doc)) if t)
            if text:
                record["description"] = text
            if doc.meta.get("schedule"):
                ctx.report.note(doc.rel, doc.line_of("schedule"), "the course schedule has no labbook equivalent; "
                                "not imported")
            ctx.unmapped(doc, {"instructor", "term", "year", "course_id", "schedule", "location", "time"})
            ctx.writer.add("courses", record, (doc.rel, 1), "courses")
    path = ctx.folder("_data") / "courses.yml"
    if path.is_file():
        report_duplicates(ctx, path)
        data, _, line = load_yaml_file(path)
        for item in data if isinstance(data, list) else []:
            ctx.report.found("courses")
            code = clean_text(item.get("shortname") or item.get("code") or item.get("title")) \
                if isinstance(item, dict) else ""
            if not code:
                ctx.report.skip("courses", "_data/courses.yml", line, "no course code or title")
                continue
            record = {"code": code, "title": clean_text(item.get("title")) or None}
            offerings = item.get("offerings") if isinstance(item.get("offerings"), list) else []
            terms = [clean_text(o.get("shortyear") or o.get("year")) for o in offerings if isinstance(o, dict)]
            if terms := [t for t in terms if t]:
                record["terms"] = terms
            if url := safe_url(item.get("url")):
                record["url"] = url
            ctx.writer.add("courses", {k: v for k, v in record.items() if v}, ("_data/courses.yml", line),
                           "courses")


def _about(ctx: Context, config: dict[str, Any]) -> None:
    path = ctx.folder("_pages") / "about.md"
    if not path.is_file():
        return
    doc = ctx.read(path)
    parts = [f"# {ctx.writer.lab_name}"]
    if subtitle := scalar(doc.meta.get("subtitle")):
        parts.append(subtitle)
    profile = doc.meta.get("profile") if isinstance(doc.meta.get("profile"), dict) else {}
    if image := scalar(profile.get("image")):
        url = ctx.assets.copy(image, (doc.rel, doc.line_of("image")), extra=PHOTO_DIRS)
        if url:
            parts.append(f"![{ctx.writer.lab_name}]({url}){{ align=right width=200 }}")
    parts.append(ctx.body(doc, page_rel="index.md"))
    if doc.meta.get("selected_papers"):
        parts.append("## Selected publications\n\n{{ publications(selected=true) }}")
    if isinstance(doc.meta.get("announcements"), dict) and doc.meta["announcements"].get("enabled"):
        parts.append("## News\n\n{{ news(limit=5) }}")
    ctx.writer.home = "\n\n".join(p for p in parts if p) + "\n"
