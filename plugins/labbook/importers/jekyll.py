"""What al-folio and academicpages share as Jekyll sites: ``_config.yml``, people in ``_data`` lists or in a
custom collection, and pages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from labbook.importers.common import Context, add_page, add_person, guess_role, is_draft, take
from labbook.importers.frontmatter import duplicate_keys, load_yaml_file, read_text, scalar
from labbook.importers.records import clean_text

#: ``_data`` files that hold people, and the role their people get (None: guessed from each position).
PEOPLE_DATA: dict[str, str | None] = {
    "faculty": "pi", "pi": "pi", "postdocs": "postdoc", "students": None, "phd": "phd", "masters": "ms",
    "undergrads": "undergrad", "staff": "staff", "alumni": "alumni", "people": None, "members": None,
    "team": None, "lab": None, "group": None,
}
#: Person link names in Jekyll data -> labbook's.
LINK_NAMES = {"website": "homepage", "url": "homepage", "homepage": "homepage", "uri": "homepage",
              "email": "email", "twitter": "twitter", "twitter_username": "twitter", "github": "github",
              "github_username": "github", "scholar": "scholar", "googlescholar": "scholar",
              "scholar_userid": "scholar", "orcid": "orcid", "orcid_id": "orcid", "linkedin": "linkedin",
              "linkedin_username": "linkedin", "cv": "cv", "cv_pdf": "cv"}
_PERSON_USED = {"name", "title", "image", "photo", "avatar", "position", "role", "excerpt", "description", "bio",
                "dept", "affiliation", "year", "degree", "firstjob", "now", "since", "until", "current", "category",
                "altimage", "email_hidden", "order", "collection", *LINK_NAMES}


def load_config(ctx: Context) -> dict[str, Any]:
    """``_config.yml`` as a dict ({} and a note when it does not parse)."""
    path = ctx.source / "_config.yml"
    data, error, line = load_yaml_file(path)
    if error:
        ctx.report.note("_config.yml", line, error)
    config = data if isinstance(data, dict) else {}
    languages = config.get("languages")
    if isinstance(languages, list) and languages:
        ctx.languages = tuple(str(lang) for lang in languages)
        if ctx.lang is None:
            ctx.lang = scalar(config.get("default_lang")) or ctx.languages[0]
        if ctx.lang not in ctx.languages:
            ctx.report.note("_config.yml", 1, f"the site's languages are {', '.join(ctx.languages)}, not '{ctx.lang}'")
    return config


def report_duplicates(ctx: Context, path: Path) -> None:
    """Note the keys a YAML file repeats (YAML keeps the last value; the earlier one is lost)."""
    text, _ = read_text(path)
    rel = path.relative_to(ctx.source).as_posix()
    for key, line in duplicate_keys(text):
        ctx.report.note(rel, line, f"key '{key}' is written twice; YAML keeps this one, the earlier is lost")


def link_name(key: str) -> str:
    """labbook's name for a Jekyll link key (the key itself when it has none)."""
    return LINK_NAMES.get(key, key)


def person_from_mapping(ctx: Context, item: dict[str, Any], rel: str, line: int, role: str | None,
                        photo_dirs: tuple[str, ...]) -> str | None:
    """Add a person from one item of a ``_data`` people list."""
    name = clean_text(item.get("name") or item.get("title"))
    position = clean_text(item.get("position") or item.get("role") or item.get("excerpt"))
    fields: dict[str, Any] = {"name": name, "position": position or None,
                              "affiliation": clean_text(item.get("dept") or item.get("affiliation")) or None}
    image = scalar(item.get("image") or item.get("photo") or item.get("avatar"))
    if image:
        fields["photo"] = ctx.assets.copy(image, (rel, line), extra=photo_dirs)
    bio = scalar(item.get("bio") or item.get("description"))
    if bio:
        fields["bio"] = bio
    if role == "alumni":
        year = scalar(item.get("year"))
        fields["until"] = int(year) if year.isdigit() and 1900 <= int(year) <= 2200 else None
        fields["now"] = clean_text(item.get("firstjob") or item.get("now")) or None
        fields["position"] = fields["position"] or clean_text(item.get("degree")) or None
    links = {link_name(k): v for k, v in item.items() if link_name(k) in LINK_NAMES.values() and k != "cv"}
    for key, value in item.items():
        if key not in _PERSON_USED and value not in (None, "", [], {}):
            ctx.report.note(rel, line, f"field '{key}' of {name or 'a person'} has no labbook equivalent; "
                            "not imported")
    return add_person(ctx, rel, line, fields, links=links, role_texts=(position,), fixed_role=role,
                      default_role="phd")


def people_from_data(ctx: Context, photo_dirs: tuple[str, ...]) -> set[str]:
    """People from the ``_data`` lists named in :data:`PEOPLE_DATA`; the file stems that held people."""
    used: set[str] = set()
    data_dir = ctx.folder("_data")
    for stem, role in PEOPLE_DATA.items():
        for path in (data_dir / f"{stem}.yml", data_dir / f"{stem}.yaml"):
            if not path.is_file():
                continue
            rel = path.relative_to(ctx.source).as_posix()
            data, error, line = load_yaml_file(path)
            if error:
                ctx.report.note(rel, line, error + "; its people were not imported")
                continue
            report_duplicates(ctx, path)
            used.add(stem)
            if data is None:
                continue
            text, _ = read_text(path)
            for item, group, at in _people_items(data, text):
                ctx.report.found("people")
                if not isinstance(item, dict):
                    ctx.report.skip("people", rel, at, "the item is not a set of fields")
                    continue
                group_role = role or (guess_role(group) if group else None)
                person_from_mapping(ctx, item, rel, at, group_role, photo_dirs)
    return used


def _people_items(data: Any, text: str) -> list[tuple[Any, str, int]]:
    """(item, group name, line) of a people file: a list, or groups of lists (``faculty: [...]``, or
    ``<group>: {members: [...]}``) whose names give the role."""
    def line_of(item: Any, start: int) -> int:
        name = str(item.get("name", "")) if isinstance(item, dict) else ""
        found = re.search(rf"^\s*-\s.*{re.escape(name)}", text[start:], re.M) if name else None
        return text.count("\n", 0, start + found.start()) + 1 if found else 1

    if isinstance(data, list):
        lines = [i + 1 for i, s in enumerate(text.split("\n")) if re.match(r"-\s", s)]
        return [(item, "", lines[n] if n < len(lines) else line_of(item, 0)) for n, item in enumerate(data)]
    out: list[tuple[Any, str, int]] = []
    for group, value in data.items() if isinstance(data, dict) else []:
        if isinstance(value, dict) and isinstance(value.get("members"), list):
            value = value["members"]
        if isinstance(value, list):
            at = text.find(f"{group}:")
            out += [(item, str(group), line_of(item, max(at, 0))) for item in value]
    return out


def people_from_collection(ctx: Context, folder: Path, photo_dirs: tuple[str, ...]) -> int:
    """People from a custom collection (``_people/*.md``: ``title`` or ``name``, a role, and a body)."""
    docs = [ctx.read(p) for p in ctx.files(folder)]
    docs.sort(key=lambda d: (_order(d.meta.get("order")), d.rel))
    for doc in docs:
        if not take(ctx, doc, "people"):
            continue
        item = dict(doc.meta)
        item.setdefault("name", doc.meta.get("title"))
        body = ctx.body(doc)
        if body:
            item["bio"] = body
        current = doc.meta.get("current")
        role = "alumni" if current is False or str(doc.meta.get("category", "")).lower().startswith("alum") \
            else None
        if role is None:
            role_text = clean_text(doc.meta.get("excerpt") or doc.meta.get("position") or doc.meta.get("role")
                                   or doc.meta.get("category"))
            role = guess_role(role_text) or "staff"
        person_from_mapping(ctx, item, doc.rel, 1, role, photo_dirs)
    return len(docs)


def _order(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("inf")


def keep_pages(ctx: Context, folder: Path, skip_names: set[str], data_used: set[str]) -> None:
    """Keep the site's own pages (``_pages/*.md``) as Markdown pages; template-generated ones are left out."""
    for path in ctx.files(folder, (".md", ".markdown")):
        if path.stem.lower() in skip_names:
            continue
        doc = ctx.read(path)
        if doc.error:
            ctx.report.note(doc.rel, doc.error_line, doc.error + "; the page was not imported")
            continue
        loops = set(re.findall(r"site\.data\.(\w+)", doc.body))
        if loops and loops <= data_used | {"coauthors", "socials", "venues", "repositories", "cv"}:
            ctx.report.note(doc.rel, 1, f"the page lists _data/{', _data/'.join(sorted(loops))}, imported as "
                            "records; the page itself was not copied")
            continue
        title = clean_text(doc.meta.get("title")) or path.stem.replace("_", " ").replace("-", " ").title()
        add_page(ctx, doc, f"pages/{_slug(path.stem)}.md", title)


def _slug(text: str) -> str:
    from labbook.text.slugs import slugify

    return slugify(text, fallback="page")


def pi_name(config: dict[str, Any]) -> str:
    """The site owner's name from ``first_name``/``middle_name``/``last_name`` (or ``author.name``)."""
    parts = [scalar(config.get(k)) for k in ("first_name", "middle_name", "last_name")]
    name = " ".join(p for p in parts if p)
    author = config.get("author")
    if not name and isinstance(author, dict):
        name = scalar(author.get("name"))
    return clean_text(name)


def other_collections(ctx: Context, config: dict[str, Any], handled: set[str]) -> None:
    """Collections declared in ``_config.yml`` that labbook has no records for (al-folio's ``_books``, a
    lab's ``_software``): each item is kept as a Markdown page under ``docs/<collection>/``."""
    collections = config.get("collections")
    names = list(collections) if isinstance(collections, (dict, list)) else []
    for name in (str(n) for n in names):
        if name in handled:
            continue
        for path in ctx.files(ctx.folder(f"_{name}")):
            doc = ctx.read(path)
            if doc.error:
                ctx.report.note(doc.rel, doc.error_line, doc.error + "; not imported")
                continue
            if is_draft(ctx, doc):
                continue
            title = clean_text(doc.meta.get("title")) or path.stem.replace("-", " ").replace("_", " ")
            add_page(ctx, doc, f"{_slug(name)}/{_slug(path.stem)}.md", title, kind=f"item of the {name} collection")
