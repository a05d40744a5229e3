"""Turning raw BibTeX entries into :class:`~labbook.model.publication.Publication` records."""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields
from functools import lru_cache

from markupsafe import Markup
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person as BibName

from labbook.diagnostics import Report
from labbook.load.alfolio_fields import inline_markdown, preview_url
from labbook.load.entry_kind import classify, derive_badge, parse_month
from labbook.load.field_names import BOOLEAN_FIELDS, check_boolean, check_field_names
from labbook.load.tex_fields import check_tex_commands
from labbook.model.bib_entry import RawEntry
from labbook.model.names import normalize_name
from labbook.model.publication import LINK_FIELDS, Author, Link, Publication
from labbook.text.doi import normalize_doi
from labbook.text.latex import latex_to_html, latex_to_text
from labbook.text.link_fields import arxiv_id_of_url, eprint_arxiv_id, unwrap_tex_link
from labbook.text.safe_urls import check_url
from labbook.text.slugs import slugify

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2\d\d\d)(?!\d)")
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)")
_EPRINT_FIELDS = ("eprint", "archiveprefix", "eprinttype", "primaryclass")
_VENUE_FIELDS = ("journal", "booktitle", "school", "institution", "howpublished", "publisher", "organization")


def build_publication(raw: RawEntry, order: int, report: Report) -> Publication:
    """Make a Publication from a raw entry, reporting missing or unusable fields at their lines."""
    title_tex = raw.get("title")
    if not title_tex:
        report.error(raw.path, raw.line, "bib-missing-title", f"entry '{raw.key}' has no title",
                     hint="add title = {...}; the entry is listed under its key until then")
    authors, et_al = _names(raw, "author", report)
    editors, _ = _names(raw, "editor", report)
    if not authors and not editors and raw.type not in {"proceedings", "misc", "online"}:
        report.warning(raw.path, raw.line, "bib-missing-author", f"entry '{raw.key}' has no author",
                       hint="add author = {First Last and First Last}")
    year = _year(raw, report)
    month = _month(raw, report)
    kind = classify(raw)
    venue_tex = next((raw.get(f) for f in _VENUE_FIELDS if raw.get(f)), "")
    if not venue_tex and kind == "preprint" and (raw.get("arxiv") or raw.get("archiveprefix") or raw.get("eprint")):
        venue_tex = "arXiv preprint"
    venue_text = latex_to_text(venue_tex)
    abbr = latex_to_text(raw.get("abbr"))
    topics_src = raw.get("keywords") or raw.get("topics")
    check_tex_commands(raw, report)
    check_field_names(raw.key, {name: raw.line_of(name) for name in raw.fields}, raw.inherited, raw.path, report)
    flags = {name: check_boolean(raw.key, name, raw.get(name), raw.line_of(name), raw.path, report)
             for name in sorted(BOOLEAN_FIELDS) if name in raw.fields}
    return Publication(
        key=raw.key,
        slug=_key_slug(raw.key),
        entry_type=raw.type,
        kind=kind,
        title_html=Markup(latex_to_html(title_tex)) if title_tex else Markup("[{}]").format(raw.key),
        title_text=latex_to_text(title_tex) if title_tex else f"[{raw.key}]",
        authors=authors,
        et_al=et_al,
        editors=editors,
        year=year,
        month=month,
        venue_html=Markup(latex_to_html(venue_tex)),
        venue_text=venue_text,
        badge=derive_badge(abbr, venue_text, kind, raw, year),
        topics=_topics(topics_src),
        links=_links(raw, report),
        abstract_html=Markup(latex_to_html(raw.get("abstract"))),
        award_html=inline_markdown(raw.get("award")) if raw.get("award") else Markup(""),
        note_html=inline_markdown(raw.get("additional_info")) if raw.get("additional_info")
        else Markup(latex_to_html(raw.get("note"))),
        selected=flags.get("selected", False),
        raw=raw,
        order=order,
        extra=_alfolio_extra(raw),
    )


def _alfolio_extra(raw: RawEntry) -> dict[str, str]:
    # al-folio's award badge shows `award_name` (or "Award") and the award line the Markdown of `award`.
    extra = {"award_label": latex_to_text(raw.get("award_name")) or ("Award" if raw.get("award") else "")}
    if preview := preview_url(raw.get("preview")):
        extra["preview"] = preview
    return extra


def _key_slug(key: str) -> str:
    # A key with no ASCII letter or digit ("学习", "..") gets a stable slug of its own, so two such keys
    # never share a URL.
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).hexdigest()
    return slugify(key, fallback=f"entry-{digest}")


def _names(raw: RawEntry, field_name: str, report: Report) -> tuple[list[Author], bool]:
    value = raw.get(field_name)
    if not value:
        return [], False
    names: list[Author] = []
    et_al = False
    for part in split_name_list(value):
        if part.strip().lower() in {"others", "et al.", "et al"}:
            et_al = True
            continue
        try:
            author = Author(**_name_parts(part))
        except Exception as exc:  # pybtex raises several types for odd names; none may stop the build
            _bad_name(raw, field_name, part, str(exc), report)
            continue
        if not author.text.strip() or author.text.strip().lower() == "and":
            _bad_name(raw, field_name, part, "it is empty", report)
            continue
        names.append(author)
    return names, et_al


@lru_cache(maxsize=32768)
def _name_parts(name: str) -> dict[str, object]:
    # A lab's members appear on most of its papers: each spelling of a name is read once. A fresh Author
    # is made from the parts every time, since the catalog links each author on its own.
    author = _author(BibName(name))
    return {f.name: getattr(author, f.name) for f in fields(author)}


def _bad_name(raw: RawEntry, field_name: str, part: str, why: str, report: Report) -> None:
    report.warning(raw.path, raw.line_of(field_name), "bib-name",
                   f"entry '{raw.key}': cannot read the name '{part.strip()}' in the {field_name} list ({why});"
                   " it is left out",
                   hint="write names as 'First Last' or 'Last, First', separated by ' and '")


def parse_author(name: str) -> Author:
    """Read one name the way BibTeX does ("Last, First", "First von Last", "{Corporate Name}")."""
    return _author(BibName(name))


def _author(parsed: BibName) -> Author:
    first_tex = " ".join(parsed.first_names + parsed.middle_names)
    last_tex = " ".join(parsed.prelast_names + parsed.last_names)
    full_tex = " ".join(p for p in (first_tex, last_tex) if p)
    if parsed.lineage_names:
        full_tex += ", " + " ".join(parsed.lineage_names)
    text = latex_to_text(full_tex)
    return Author(
        text=text,
        html=Markup(latex_to_html(full_tex)),
        last=latex_to_text(last_tex),
        first=latex_to_text(first_tex),
        match_key=normalize_name(text),
    )


def _year(raw: RawEntry, report: Report) -> int | None:
    value = raw.get("year") or raw.get("date")[:4]
    if not value:
        report.warning(raw.path, raw.line, "bib-missing-year", f"entry '{raw.key}' has no year",
                       hint="add year = {2024}; until then it is listed under 'Forthcoming'")
        return None
    found = _YEAR.search(value)
    if found is None:
        report.warning(raw.path, raw.line_of("year"), "bib-bad-year",
                       f"entry '{raw.key}' has year '{value}', which is not a number",
                       hint="write a four-digit year; the entry is listed under 'Forthcoming' until then")
        return None
    return int(found.group(1))


def _month(raw: RawEntry, report: Report) -> int | None:
    value = raw.get("month")
    if not value:
        return None
    month = parse_month(value)
    if month is None:
        report.warning(raw.path, raw.line_of("month"), "bib-bad-month",
                       f"entry '{raw.key}' has month '{value}', which is not a month; it is ignored",
                       hint="write a month as jan ... dec (no braces) or as a number from 1 to 12")
    return month


def _topics(value: str) -> list[str]:
    seen: dict[str, None] = {}
    for item in re.split(r"[,;]", latex_to_text(value)):
        topic = item.strip()
        if topic and topic.casefold() not in {t.casefold() for t in seen}:
            seen[topic] = None
    return list(seen)


def _links(raw: RawEntry, report: Report) -> list[Link]:
    links: list[Link] = []
    eprint = "" if raw.get("arxiv").strip() else eprint_arxiv_id({n: raw.get(n) for n in _EPRINT_FIELDS})
    for name, label in LINK_FIELDS:
        value = unwrap_tex_link(raw.get(name).strip()).strip()
        line = raw.line_of(name)
        if name == "arxiv" and not value and eprint:
            value, line = eprint, raw.line_of("eprint")
        if not value:
            continue
        if name == "doi":
            doi = normalize_doi(value)
            if not doi:
                report.warning(raw.path, line, "bib-bad-doi",
                               f"entry '{raw.key}': doi = '{value[:80]}' is not a DOI; it is left out",
                               hint="a DOI starts with 10. and a slash follows the publisher's number, as in"
                                    " 10.1145/3292500.3330701; put a web address in url instead")
                continue
            value = doi
        url = _normalize_link(name, value)
        checked = check_url(url)
        if checked is None:
            report.error(raw.path, line, "bib-unsafe-url",
                         f"entry '{raw.key}': the {name} link '{value[:80]}' is not an http(s), mailto or "
                         "relative URL and is left out",
                         hint="use a full https:// address or a path relative to the site")
            continue
        if name == "url" and (raw.get("html") or raw.get("website") or any(url == lk.url for lk in links)
                              or _same_arxiv(url, links)):
            continue  # al-folio sites keep url and html pointing at the same page; arXiv exports repeat the id
        links.append(Link(kind=name, label=label, url=checked))
    return links


def _same_arxiv(url: str, links: list[Link]) -> bool:
    found = arxiv_id_of_url(url)
    return bool(found) and any(lk.kind == "arxiv" and arxiv_id_of_url(lk.url) == found for lk in links)


def _normalize_link(name: str, value: str) -> str:
    if name == "doi":
        return "https://doi.org/" + value
    if name == "arxiv":
        value = re.sub(r"^arxiv:\s*", "", value, flags=re.I)
    if name == "arxiv" and not re.match(r"^[a-z]+:", value, re.I):
        found = _ARXIV_ID.search(value)
        return f"https://arxiv.org/abs/{found.group(1) if found else value}"
    return value
