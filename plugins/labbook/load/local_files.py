"""Links from data to files of the site itself (a paper's PDF, a person's photo) that are not there.

A relative link in data is relative to the site's root, which is ``docs_dir``: ``pdf = {papers/x.pdf}`` is the
file ``docs/papers/x.pdf``, and ``/papers/x.pdf`` means the same file. al-folio writes bare file names
(``pdf = {x.pdf}``, ``preview = {x.png}``) and keeps the files in its asset folders; a bare name that is not at
the root but is in that folder links there, so an al-folio bibliography works unchanged. A file found in
neither place would be a broken image or a 404 on the site: it is reported, with the places looked at.

Only values whose last part has a file extension are files (``notes/x/`` is a page, not a file), and nothing
outside ``docs_dir`` is ever looked at.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from labbook.diagnostics import Report
from labbook.model.person import Person
from labbook.model.publication import Publication
from labbook.model.talk import Talk

#: Where al-folio keeps the file a bare name in each field refers to (relative to the site root).
ALFOLIO_FOLDERS: dict[str, str] = {
    "pdf": "assets/pdf", "supp": "assets/pdf", "poster": "assets/pdf", "slides": "assets/pdf",
    "preview": "assets/img/publication_preview",
}  # fmt: skip
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_HAS_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_TALK_FILES = ("slides", "poster", "pdf")


def local_target(url: str) -> str | None:
    """The site-root-relative path of the file ``url`` names, or ``None`` when it is not a local file."""
    url = url.strip()
    if not url or _SCHEME.match(url) or url.startswith(("//", "\\", "#")):
        return None
    path = unquote(re.split(r"[?#]", url, maxsplit=1)[0]).lstrip("/")
    if not path or not _HAS_EXTENSION.search(path):
        return None
    return posixpath.normpath(path)


def _exists(root: str, relative: str, probed: dict[str, bool]) -> bool:
    # os.path rather than pathlib: a large lab looks at thousands of files on every `mkdocs serve` rebuild
    target = os.path.realpath(os.path.join(root, relative))
    found = target.startswith(root.rstrip(os.sep) + os.sep) and os.path.isfile(target)
    probed[target] = found
    return found


def resolve_local(url: str, field: str, docs_dir: Path, probed: dict[str, bool] | None = None,
                  real_root: str | None = None) -> tuple[str | None, list[str]]:
    """Where the local file of ``url`` (a value of ``field``) is: the URL to link (``url`` itself, or its
    al-folio asset folder for a bare name), or ``None`` and the places looked at when it is not there.
    Every file looked at is noted in ``probed`` (absolute path -> whether it exists); ``real_root`` is
    ``docs_dir`` with its symbolic links resolved, when the caller has it already."""
    probed = {} if probed is None else probed
    root = real_root or os.path.realpath(docs_dir)
    target = local_target(url)
    if target is None or _exists(root, target, probed):
        return url, []
    tried = [target]
    folder = ALFOLIO_FOLDERS.get(field)
    if folder and "/" not in url.strip():
        candidate = f"{folder}/{target}"
        if _exists(root, candidate, probed):
            return candidate, []
        tried.append(candidate)
    return None, tried


def _warn(report: Report, path: str, line: int, what: str, url: str, tried: list[str], docs: str,
          column: int = 0) -> None:
    places = " or ".join(f"{docs}/{place}" for place in tried)
    report.warning(path, line, "missing-file", f"{what} '{url[:80]}' is a file of the site, but {places} does"
                   " not exist", column=column,
                   hint="add the file under the docs folder, fix the path (relative to the site root), or use a"
                        " full https:// address")


def check_local_files(publications: Iterable[Publication], people: Iterable[Person], talks: Iterable[Talk],
                      docs_dir: Path, docs_display: str, report: Report) -> dict[str, bool]:
    """Warn about every local file named in data that does not exist; a publication link to an al-folio
    asset is pointed at it. Returns every file looked at (absolute path -> whether it exists), so that a cache
    can tell when one appears or goes."""
    probed: dict[str, bool] = {}
    root = os.path.realpath(docs_dir)
    for pub in publications:
        for link in pub.links:
            found, tried = resolve_local(link.url, link.kind, docs_dir, probed, root)
            if found is not None:
                link.url = found
            else:
                _warn(report, pub.path, pub.raw.line_of(link.kind), f"entry '{pub.key}': {link.kind}", link.url,
                      tried, docs_display)
                if len(tried) > 1:  # a bare name found nowhere links where al-folio keeps such files
                    link.url = tried[-1]
        preview = pub.raw.get("preview").strip()
        if preview:
            found, tried = resolve_local(preview, "preview", docs_dir, probed, root)
            if found is None:
                _warn(report, pub.path, pub.raw.line_of("preview"), f"entry '{pub.key}': preview", preview, tried,
                      docs_display)
    for person in people:
        for where, url in (("photo",), person.photo), (("links", "cv"), person.links.cv):
            _check_record_file(person, where, url, root, docs_display, report, probed)
    for talk in talks:
        for name in _TALK_FILES:
            _check_record_file(talk, ("links", name), getattr(talk.links, name), root, docs_display, report,
                               probed)
    return probed


def _check_record_file(record: Person | Talk, where: tuple[str, ...], url: str | None, root: str,
                       docs_display: str, report: Report, probed: dict[str, bool]) -> None:
    if not url:
        return
    # al-folio's asset folders are for publications only
    found, tried = resolve_local(str(url), "", Path(root), probed, root)
    if found is None:
        line, column = record.where_of(*where)
        _warn(report, record.source_path, line, ".".join(where), str(url), tried, docs_display, column)
