"""al-folio's ``_data/`` files (co-authors, venue colours) and its JSON Resume CV (``assets/json/resume.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from labbook.importers.common import Context
from labbook.importers.frontmatter import line_in, load_yaml_file, read_text, scalar
from labbook.importers.jekyll import report_duplicates
from labbook.importers.records import clean_text, safe_url
from labbook.importers.venues import venue_css

#: JSON Resume section -> (people.yml list, the keys labbook keeps, the key an entry cannot do without).
CV_SECTIONS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "work": ("work", ("name", "position", "location", "url", "summary", "startDate", "endDate"), "name"),
    "education": ("education", ("institution", "area", "studyType", "url", "score", "startDate", "endDate"),
                  "institution"),
    "awards": ("awards", ("title", "date", "awarder", "summary"), "title"),
    "volunteer": ("service", ("organization", "position", "url", "summary", "startDate", "endDate"),
                  "organization"),
}
_DATE_KEYS = frozenset({"startDate", "endDate", "date"})


def import_resume(ctx: Context, path: Path, rel: str) -> None:
    """The CV lists of the site's owner (the PI record) from a JSON Resume file; what has no place is noted."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        ctx.report.note(rel, 1, f"the JSON Resume CV could not be read ({exc}); not imported")
        return
    owner = next((p for p in ctx.writer.records["people"] if p.get("role") == "pi"), None)
    if not isinstance(data, dict) or owner is None:
        ctx.report.note(rel, 1, "the JSON Resume CV was not imported: " + (
            "it is not a JSON object" if not isinstance(data, dict) else "the site has no owner to attach it to"))
        return
    text = read_text(path)[0]
    for section, value in data.items():
        if section not in CV_SECTIONS:
            if value and section != "basics":
                ctx.report.note(rel, line_in(text, f'"{section}"'), f"CV section '{section}' has no place in "
                                "people.yml; not imported")
            continue
        key, kept, required = CV_SECTIONS[section]
        unmapped: set[str] = set()
        entries = [_cv_entry(ctx, rel, text, section, entry, kept, required, unmapped) for entry in
                   (value if isinstance(value, list) else [])]
        for name in sorted(unmapped):
            ctx.report.note(rel, line_in(text, f'"{name}"'), f"CV field '{section}.{name}' has no place in "
                            "people.yml; not imported")
        if any(entries):
            owner[key] = [e for e in entries if e]


def _cv_entry(ctx: Context, rel: str, text: str, section: str, entry: object, kept: tuple[str, ...],
              required: str, unmapped: set[str]) -> dict[str, str] | None:
    if not isinstance(entry, dict) or not clean_text(entry.get(required)):
        ctx.report.note(rel, 1, f"an entry of CV section '{section}' has no {required}; not imported")
        return None
    out: dict[str, str] = {}
    for name, value in entry.items():
        text_value = clean_text(value) if isinstance(value, (str, int, float)) else ""
        if name not in kept:
            if value not in (None, "", [], {}):
                unmapped.add(name)
            continue
        if not text_value:
            continue
        if name in _DATE_KEYS:
            text_value = text_value[:10]
        if name == "url":
            url = safe_url(text_value)
            if url is None:
                ctx.report.note(rel, line_in(text, text_value), f"CV link '{text_value[:60]}' is not a web address; "
                                "not imported")
                continue
            text_value = url
        out[name] = text_value
    return out


def _coauthors(ctx: Context, data: dict[str, Any], rel: str) -> None:
    """``_data/coauthors.yml``: the spellings of a lab member's first name become aliases of the person;
    links to external co-authors have no place in labbook (counted in the report)."""
    people = {(p["name"].rsplit(" ", 1)[-1].casefold(), p["name"].rsplit(" ", 1)[0]): p
              for p in ctx.writer.records["people"] if " " in p["name"]}
    external = 0
    for last, entries in data.items():
        for entry in entries if isinstance(entries, list) else []:
            firsts = entry.get("firstname") if isinstance(entry, dict) else None
            firsts = [scalar(f) for f in (firsts if isinstance(firsts, list) else [firsts]) if scalar(f)]
            person = next((people[(str(last).casefold(), f)] for f in firsts if (str(last).casefold(), f) in people),
                          None)
            if person is None:
                external += 1
                continue
            aliases = person.setdefault("aliases", [])
            aliases += [a for f in firsts if (a := f"{f} {person['name'].rsplit(' ', 1)[-1]}") != person["name"]
                        and a not in aliases]
            if not aliases:
                del person["aliases"]
    if external:
        ctx.report.note(rel, 1, f"{external} links to external co-authors were not imported (labbook links the "
                        "lab's own people only)")


def import_data_files(ctx: Context, data_used: set[str]) -> None:
    """Every file of ``_data/`` not read elsewhere (co-authors, venue colours, the CV), and ``resume.json``."""
    data_dir = ctx.folder("_data")
    handled = data_used | {"courses", "socials", "navigation", "repositories", "citations"}
    for path in sorted(data_dir.glob("*")) if data_dir.is_dir() else []:
        rel = path.relative_to(ctx.source).as_posix()
        if path.stem == "coauthors":
            report_duplicates(ctx, path)
            data, _, _ = load_yaml_file(path)
            _coauthors(ctx, data if isinstance(data, dict) else {}, rel)
        elif path.stem == "venues":
            data, _, _ = load_yaml_file(path)
            css, bad = venue_css(data if isinstance(data, dict) else {})
            ctx.writer.extra_css += css
            for name in bad:
                ctx.report.note(rel, line_in(read_text(path)[0], f"{name}"), f"the colour of venue '{name}' is not "
                                "a #rrggbb colour; not used")
        elif path.stem == "cv":
            ctx.report.note(rel, 1, f"{path.name} was not imported: labbook reads the CV from al-folio's "
                            "assets/json/resume.json (JSON Resume), which al-folio's CV page prefers too")
        elif path.stem not in handled and path.suffix in (".yml", ".yaml", ".json"):
            ctx.report.note(rel, 1, "data file not imported: it is not one labbook knows")
    resume = ctx.source / "assets" / "json" / "resume.json"
    if resume.is_file():
        import_resume(ctx, resume, "assets/json/resume.json")
