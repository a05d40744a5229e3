"""Whether a record's slug can be the name of its page, and the safe name it gets when it cannot.

A record's page is ``<prefix>/<slug>.md`` (``/publications/<key>/``). Some names there are taken or
unusable: ``index`` is the list page itself, another generated page may live in the same folder (with
``pages: {publications: lab, people: lab/people}`` the key ``people`` would replace the people page), an
export file may sit there, and Windows will not create ``con``, ``nul``, ``com1`` ... at all. Such a slug
gets ``-<kind>`` appended (``con-person``); :func:`name_problem` says why, for the diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: The longest page name (and YAML id) labbook writes; SECURITY.md promises it.
MAX_NAME = 80
#: Names Windows will not create as files or folders, whatever the extension.
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                             *(f"lpt{i}" for i in range(10))})
#: Export files labbook writes, relative to the site root (a page must not share a name with one).
EXPORT_FILES = ("publications.bib", "publications.json", "talks.ics", "feeds/news.xml", "feeds/publications.xml",
                "feeds/sitemap.xml")
#: What a safe name gets appended, by page kind.
SUFFIX = {"publications": "entry", "people": "person", "talks": "talk", "projects": "project"}


def taken_names(kind: str, prefixes: Mapping[str, str], files: Iterable[str] = EXPORT_FILES) -> dict[str, str]:
    """Names a record page of ``kind`` cannot have inside its folder, each with what holds it."""
    folder = prefixes.get(kind, "").strip("/")
    taken = {"index": f"the {kind} list page ({folder}/)"}
    for other, prefix in prefixes.items():
        prefix = prefix.strip("/")
        if other != kind and prefix and prefix.startswith(folder + "/"):
            taken.setdefault(prefix[len(folder) + 1:].split("/")[0], f"the {other} pages ({prefix}/)")
    for path in files:
        parent, _, name = path.rpartition("/")
        if parent == folder:
            taken.setdefault(name.split(".")[0], f"the export file {path}")
    return taken


def name_problem(slug: str, taken: Mapping[str, str]) -> str | None:
    """Why ``slug`` cannot name a page (``None`` when it can)."""
    if slug in taken:
        return f"it is the name of {taken[slug]}"
    if slug.split(".")[0] in WINDOWS_DEVICES:
        return "Windows reserves it for a device, so the site could not be built or checked out there"
    if len(slug) > MAX_NAME:
        return f"it is longer than {MAX_NAME} characters"
    return None


def safe_name(slug: str, kind: str, taken: Mapping[str, str]) -> str:
    """``slug`` itself when it can name a page, else a name that can (``con`` -> ``con-person``)."""
    if name_problem(slug, taken) is None:
        return slug
    suffix = "-" + SUFFIX.get(kind, "page")
    candidate = slug[: MAX_NAME - len(suffix)].rstrip("-") + suffix
    n = 2
    while name_problem(candidate, taken) is not None:
        candidate = f"{slug[: MAX_NAME - len(suffix) - 4].rstrip('-')}{suffix}{n}"
        n += 1
    return candidate
