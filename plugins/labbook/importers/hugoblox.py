"""Hugo Blox / Wowchemy "Academic" and its research-group starter: publications (``cite.bib`` or front
matter), authors, events and talks, posts, projects and courses; TOML or YAML front matter; one language of
a multilingual site."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from labbook.importers.bibfile import split_entries
from labbook.importers.common import Context, add_news, add_page, add_person, is_draft
from labbook.importers.frontmatter import Document, load_yaml_file, read_text, scalar
from labbook.importers.records import bib_entry, bib_key, bib_value, clean_text, normalize_date, safe_url
from labbook.importers.report import ImportUsageError

#: Old Wowchemy numeric publication types and CSL names -> BibTeX types.
_PUB_TYPES = {"1": "inproceedings", "2": "article", "3": "misc", "4": "techreport", "5": "book", "6": "incollection",
              "7": "phdthesis", "8": "misc", "paper-conference": "inproceedings", "article-journal": "article",
              "article": "misc", "report": "techreport", "book": "book", "chapter": "incollection",
              "thesis": "phdthesis", "patent": "misc", "manuscript": "unpublished"}
_URL_FIELDS = {"url_pdf": "pdf", "url_code": "code", "url_slides": "slides", "url_video": "video",
               "url_poster": "poster", "url_project": "website", "url_source": "html", "url_dataset": "website"}
_SOCIAL = {"envelope": "email", "twitter": "twitter", "x-twitter": "twitter", "google-scholar": "scholar",
           "github": "github", "orcid": "orcid", "linkedin": "linkedin", "cv": "cv", "globe": "homepage",
           "home": "homepage"}
_HANDLED = {"publication", "authors", "event", "talk", "post", "project", "teaching", "courses", "home"}


def not_a_site(source: Path) -> str | None:
    """Why ``source`` is not a Hugo Blox site (None when it is one)."""
    if not (source / "content").is_dir():
        return "expected a Hugo site with a content/ folder"
    configs = ("config/_default", "config.toml", "config.yaml", "hugo.toml", "hugo.yaml")
    if not any((source / c).exists() for c in configs):
        return "expected a Hugo configuration (config/_default/, hugo.yaml or config.toml)"
    return None


def _config(source: Path) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in [source / n for n in ("config.toml", "hugo.toml", "config.yaml", "hugo.yaml")] + \
            sorted((source / "config" / "_default").glob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".toml":
            try:
                data: Any = tomllib.loads(read_text(path)[0])
            except tomllib.TOMLDecodeError:
                continue
        else:
            data = load_yaml_file(path)[0]
        if isinstance(data, dict):
            merged[path.stem] = data
            merged.update({k: v for k, v in data.items() if k not in merged})
    return merged


def _content_root(ctx: Context, config: dict[str, Any]) -> Path:
    """The content folder of the language to import (``--lang``, else the site's default language)."""
    content = ctx.source / "content"
    langs = config.get("languages") if isinstance(config.get("languages"), dict) else {}
    lang = ctx.lang or scalar(config.get("defaultContentLanguage")) or next(iter(langs), "en")
    folders = sorted(p.name for p in content.iterdir() if p.is_dir() and any(
        (p / section).is_dir() for section in ("publication", "authors", "post", "event", "talk", "project")))
    settings = langs.get(lang) if isinstance(langs.get(lang), dict) else {}
    named = ctx.source / scalar(settings.get("contentDir")) if scalar(settings.get("contentDir")) else None
    for candidate in (named, content / lang):
        if candidate is not None and candidate.is_dir() and candidate.resolve().is_relative_to(ctx.source.resolve()):
            return candidate
    if folders and ctx.lang:
        raise ImportUsageError(f"--lang {ctx.lang}: the site has content in {', '.join(folders)} only")
    if folders and not any((content / s).is_dir() for s in ("publication", "authors", "post")):
        ctx.report.note("config", 1, f"the default language '{lang}' has no content folder; imported "
                        f"content/{folders[0]} (use --lang to choose)")
        return content / folders[0]
    return content


def _items(folder: Path) -> list[Path]:
    """The pages of a Hugo section: ``<name>/index.md`` bundles and ``<name>.md`` files (not ``_index.md``)."""
    if not folder.is_dir():
        return []
    out = []
    for child in sorted(folder.iterdir()):
        if child.is_dir() and (child / "index.md").is_file():
            out.append(child / "index.md")
        elif child.is_file() and child.suffix == ".md" and not child.name.startswith("_"):
            out.append(child)
    return out


def import_site(ctx: Context) -> None:
    """Import a Hugo Blox site."""
    config = _config(ctx.source)
    root = _content_root(ctx, config)
    ctx.writer.lab_name = clean_text(config.get("title")) or "My Lab"
    users = _authors(ctx, root / "authors")
    project_pubs: dict[str, list[str]] = {}
    for path in _items(root / "publication"):
        _publication(ctx, ctx.read(path), users, project_pubs)
    for section in ("event", "talk"):
        for path in _items(root / section):
            _talk(ctx, ctx.read(path), users)
    for path in _items(root / "post"):
        doc = ctx.read(path)
        if is_draft(ctx, doc):
            continue
        ctx.report.found("news")
        if doc.error or doc.draft:
            ctx.report.skip("news", doc.rel, doc.error_line, doc.error or "marked as a draft")
            continue
        _post(ctx, doc)
    for path in _items(root / "project"):
        _project(ctx, ctx.read(path), project_pubs)
    for project, keys in project_pubs.items():
        ctx.report.note("content/publication", 1, f"publications {', '.join(keys)} name the project '{project}', "
                        "which was not imported; the link was dropped")
    for section in ("teaching", "courses"):
        for path in _items(root / section):
            _course(ctx, ctx.read(path))
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in _HANDLED):
        for path in [folder / "index.md"] if (folder / "index.md").is_file() else _items(folder):
            doc = ctx.read(path)
            if doc.error or doc.draft or not doc.body.strip():
                continue
            title = clean_text(doc.meta.get("title")) or folder.name.title()
            add_page(ctx, doc, f"pages/{bib_key(path.parent.name if path.name == 'index.md' else path.stem)}.md",
                     title)
    ctx.writer.home = f"# {ctx.writer.lab_name}\n\n## News\n\n{{{{ news(limit=5) }}}}\n"


def _authors(ctx: Context, folder: Path) -> dict[str, tuple[str, str]]:
    """People from ``authors/*/_index.md``; user name -> (person id, name)."""
    users: dict[str, tuple[str, str]] = {}
    for child in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
        path = next((child / n for n in ("_index.md", "index.md") if (child / n).is_file()), None)
        if path is None:
            continue
        doc = ctx.read(path)
        if is_draft(ctx, doc):
            continue
        ctx.report.found("people")
        if doc.error or doc.draft:
            ctx.report.skip("people", doc.rel, doc.error_line, doc.error or "marked as a draft")
            continue
        name = clean_text(doc.meta.get("title") or doc.meta.get("name"))
        groups = [scalar(g) for g in doc.meta.get("user_groups") or [] if scalar(g)] \
            if isinstance(doc.meta.get("user_groups"), list) else []
        orgs = doc.meta.get("organizations") if isinstance(doc.meta.get("organizations"), list) else []
        fields: dict[str, Any] = {"id": child.name if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", child.name) else name,
                                  "name": name, "position": clean_text(doc.meta.get("role")) or None,
                                  "affiliation": next((clean_text(o.get("name")) for o in orgs
                                                       if isinstance(o, dict) and o.get("name")), None)}
        avatar = next((p for p in sorted(child.glob("avatar.*"))), None)
        if avatar is not None:
            fields["photo"] = ctx.assets.copy(avatar.name, (doc.rel, 1), base=child)
        fields["bio"] = ctx.body(doc) or clean_text(doc.meta.get("bio")) or None
        links: dict[str, Any] = {}
        for item in doc.meta.get("social") or [] if isinstance(doc.meta.get("social"), list) else []:
            if isinstance(item, dict):
                kind = _SOCIAL.get(scalar(item.get("icon")), scalar(item.get("icon")))
                links[kind] = scalar(item.get("link")).removeprefix("mailto:")
        if scalar(doc.meta.get("email")):
            links["email"] = scalar(doc.meta.get("email"))
        role = "pi" if doc.meta.get("superuser") is True and not groups else None
        if not groups and role is None:
            ctx.report.note(doc.rel, 1, f"{name or child.name} has no user_groups; the role is guessed from "
                            "'role'")
        ctx.unmapped(doc, {"name", "role", "user_groups", "organizations", "bio", "social", "email", "superuser",
                           "first_name", "last_name", "highlight_name"})
        ident = add_person(ctx, doc.rel, doc.line_of("user_groups"), fields, links=links,
                           role_texts=(*groups, scalar(doc.meta.get("role"))), fixed_role=role, default_role="staff")
        if ident:
            users[child.name] = (ident, name)
    return users


def _names(authors: Any, users: dict[str, tuple[str, str]]) -> list[str]:
    return [users.get(scalar(a), ("", scalar(a)))[1] for a in authors or [] if scalar(a)] \
        if isinstance(authors, list) else []


def _publication(ctx: Context, doc: Document, users: dict[str, tuple[str, str]],
                 project_pubs: dict[str, list[str]]) -> None:
    if is_draft(ctx, doc):
        return
    ctx.report.found("publications")
    if doc.error or doc.draft:
        ctx.report.skip("publications", doc.rel, doc.error_line, doc.error or "marked as a draft")
        return
    extra: dict[str, str] = {}
    for field, name in _URL_FIELDS.items():
        value = scalar(doc.meta.get(field))
        if value and name not in extra:
            url = safe_url(value) if "://" in value else ctx.assets.copy(value, (doc.rel, doc.line_of(field)),
                                                                         base=doc.path.parent)
            if url:
                extra[name] = url
    tags = [scalar(t) for t in doc.meta.get("tags") or [] if scalar(t)] if isinstance(doc.meta.get("tags"), list) \
        else []
    if tags:
        extra["keywords"] = ", ".join(tags)
    if doc.meta.get("featured") is True:
        extra["selected"] = "true"
    cite = doc.path.parent / "cite.bib"
    entries = [e for e in split_entries(read_text(cite)[0])[0] if not e.special] if cite.is_file() else []
    key = bib_key(doc.path.parent.name if doc.path.name == "index.md" else doc.path.stem)
    if entries:
        entry = entries[0]
        key = entry.key if not ctx.writer.has_bib(entry.key) else key
        body = entry.text.rstrip()[:-1].rstrip().rstrip(",")
        present = {m.lower() for m in re.findall(r"^\s*(\w+)\s*=", body, re.M)}
        adds = "".join(f",\n  {k} = {{{bib_value(v)}}}" for k, v in extra.items() if k not in present)
        text = re.sub(r"^(@\s*\w+\s*[{(]\s*)[^,\s]+", lambda m: m[1] + key, body, count=1) + adds + "\n}"
        doi = entry.doi
    else:
        if cite.is_file():
            ctx.report.note(cite.relative_to(ctx.source).as_posix(), 1, "cite.bib holds no BibTeX entry; the "
                            "front matter was used")
        title = clean_text(doc.meta.get("title"))
        date = normalize_date(doc.meta.get("date"))
        if not title or not date:
            ctx.report.skip("publications", doc.rel, 1, "no cite.bib entry, and no title or date in front matter")
            return
        types = doc.meta.get("publication_types") or []
        kind = _PUB_TYPES.get(scalar(types[0] if isinstance(types, list) and types else types), "misc")
        venue = re.sub(r"^In\s+", "", clean_text(doc.meta.get("publication")).replace("*", ""))
        fields = {"title": title, "author": " and ".join(_names(doc.meta.get("authors"), users)),
                  "year": date[:4], ("journal" if kind == "article" else "booktitle"): venue,
                  "doi": scalar(doc.meta.get("doi")), "abstract": clean_text(doc.meta.get("abstract")), **extra}
        text, doi = bib_entry(kind, key, fields), scalar(doc.meta.get("doi")) or None
    if clash := ctx.writer.has_bib(key, doi):
        ctx.report.skip("publications", doc.rel, 1, clash)
        return
    for project in doc.meta.get("projects") or [] if isinstance(doc.meta.get("projects"), list) else []:
        project_pubs.setdefault(scalar(project), []).append(key)
    ctx.unmapped(doc, {"publication", "publication_short", "publication_types", "abstract", "doi", "projects",
                       "author_notes", "links", *_URL_FIELDS} | ({"slides"} if "slides" in extra else set()))
    ctx.writer.add_bib(key, text, doc.rel, doi)
    ctx.writer.bib_origin[key] = (doc.rel, 1)
    ctx.report.imported("publications")


def _talk(ctx: Context, doc: Document, users: dict[str, tuple[str, str]]) -> None:
    if is_draft(ctx, doc):
        return
    ctx.report.found("talks")
    title, date = clean_text(doc.meta.get("title")), normalize_date(doc.meta.get("date"))
    if doc.error or doc.draft or not title or not date:
        ctx.report.skip("talks", doc.rel, doc.error_line, doc.error or ("marked as a draft" if doc.draft else
                                                                        "no title or date"))
        return
    stem = doc.path.parent.name if doc.path.name == "index.md" else doc.path.stem
    record: dict[str, Any] = {"id": ctx.writer.ids.new("talks", stem, fallback="talk"), "title": title, "date": date}
    authors = doc.meta.get("authors") if isinstance(doc.meta.get("authors"), list) else []
    if authors:
        first = scalar(authors[0])
        record["speaker"] = users.get(first, (None, ""))[0] or next(
            (i for i, n in users.values() if n == first), None) or first
    for key in ("event", "location"):
        if value := clean_text(doc.meta.get(key)):
            record[key] = value
    abstract = "\n\n".join(t for t in (clean_text(doc.meta.get("abstract")), ctx.body(doc)) if t)
    if abstract:
        record["abstract"] = abstract
    links = {"event": safe_url(doc.meta.get("event_url")), "slides": safe_url(doc.meta.get("url_slides")),
             "video": safe_url(doc.meta.get("url_video")), "code": safe_url(doc.meta.get("url_code"))}
    if links := {k: v for k, v in links.items() if v}:
        record["links"] = links
    ctx.unmapped(doc, {"event", "event_url", "location", "abstract", "url_slides", "url_video", "url_code",
                       "date_end", "all_day", "address", "projects"})
    ctx.writer.add("talks", record, (doc.rel, 1), "talks")


def _post(ctx: Context, doc: Document) -> None:
    """A post as a news item: its body (or summary, or abstract), with its event and links after it."""
    body = ctx.body(doc)
    summary = clean_text(doc.meta.get("summary")) or clean_text(doc.meta.get("abstract"))
    text = body or summary
    if body and clean_text(doc.meta.get("abstract")):
        text = clean_text(doc.meta.get("abstract")) + "\n\n" + body
    if event := clean_text(doc.meta.get("event")):
        url = safe_url(doc.meta.get("event_url"))
        text += f"\n\n*{event}*" if not url else f"\n\n*[{event}]({url})*"
    links = [f"[{name.title() if name != 'pdf' else 'PDF'}]({url})" for key, name in _URL_FIELDS.items()
             if (url := safe_url(doc.meta.get(key))) and "://" in url]
    if links:
        text += "\n\n" + " · ".join(links)
    ctx.unmapped(doc, {"summary", "abstract", "event", "event_url", *_URL_FIELDS})
    add_news(ctx, doc, doc.meta.get("date"), clean_text(doc.meta.get("title")), text)


def _project(ctx: Context, doc: Document, project_pubs: dict[str, list[str]]) -> None:
    if is_draft(ctx, doc):
        return
    ctx.report.found("projects")
    title = clean_text(doc.meta.get("title"))
    if doc.error or doc.draft or not title:
        ctx.report.skip("projects", doc.rel, doc.error_line, doc.error or ("marked as a draft" if doc.draft else
                                                                           "no title"))
        return
    stem = doc.path.parent.name if doc.path.name == "index.md" else doc.path.stem
    record: dict[str, Any] = {"id": ctx.writer.ids.new("projects", stem, fallback="project"), "title": title}
    if summary := clean_text(doc.meta.get("summary")):
        record["summary"] = summary
    if body := ctx.body(doc):
        record["background"] = body
    tags = doc.meta.get("tags")
    if isinstance(tags, list) and (topics := [clean_text(t) for t in tags if clean_text(t)]):
        record["topics"] = topics
    if keys := project_pubs.pop(stem, []):
        record["publications"] = keys
    ctx.unmapped(doc, set())
    ctx.writer.add("projects", record, (doc.rel, 1), "projects")


def _course(ctx: Context, doc: Document) -> None:
    if is_draft(ctx, doc):
        return
    ctx.report.found("courses")
    title = clean_text(doc.meta.get("title"))
    if doc.error or doc.draft or not title:
        ctx.report.skip("courses", doc.rel, doc.error_line, doc.error or "no title or a draft")
        return
    code = doc.path.parent.name if doc.path.name == "index.md" else doc.path.stem
    record: dict[str, Any] = {"code": code, "title": title}
    text = "\n\n".join(t for t in (clean_text(doc.meta.get("summary") or doc.meta.get("abstract")),
                                     ctx.body(doc)) if t)
    if text:
        record["description"] = text
    if url := safe_url(doc.meta.get("external_link") or doc.meta.get("url_pdf")):
        record["url"] = url
    ctx.unmapped(doc, {"abstract", "external_link", "url_pdf"})
    ctx.writer.add("courses", record, (doc.rel, 1), "courses")
