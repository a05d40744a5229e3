"""Setting up a run of ``add`` or ``sync`` for a site: its bibliography, its people, the client and cache."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from labbook.model.person import Person
from labbook.online.add import AddJob
from labbook.online.bibindex import Bibliography
from labbook.online.cache import ResponseCache
from labbook.online.endpoints import Endpoints
from labbook.online.http import Client, HttpSettings
from labbook.online.keys import check_key_pattern
from labbook.online.people import PeopleIndex, read_people
from labbook.settings import Settings

#: The cache folder, relative to the site (add it to .gitignore; the scaffold does).
CACHE_DIR = ".labbook/cache"


@dataclass
class Session:
    """The site's files as ``add`` and ``sync`` see them."""

    settings: Settings
    bib_path: Path
    people: list[Person]
    job: AddJob

    @property
    def bib_shown(self) -> str:
        """The bibliography written to, as the user would name it."""
        return self.settings.display(self.bib_path)


def open_session(settings: Settings, *, bib: Path | None = None, key_pattern: str | None = None,
                 http: HttpSettings | None = None, use_cache: bool = True, upgrade: bool = False) -> Session:
    """Read the site's bibliography files and people, and make the one HTTP client of this run.

    ``bib`` overrides the file written to (default: the first configured bibliography); duplicates are looked
    for in it and in every configured file. Raises :class:`~labbook.online.keys.BadKeyPattern`.
    """
    pattern = key_pattern or settings.key_pattern
    check_key_pattern(pattern)
    target = (bib if bib is not None else settings.root / settings.bibliography[0]).resolve()
    paths = [(settings.root / name).resolve() for name in settings.bibliography]
    files = [(p, settings.display(p)) for p in dict.fromkeys([*paths, target])]
    bibliography = Bibliography.read(files)
    people_file = settings.collection_path("people")
    people, _ = read_people(people_file, settings.display(people_file))
    http = http or HttpSettings(mailto=os.environ.get("LABBOOK_MAILTO", ""))
    cache = ResponseCache(settings.root / CACHE_DIR if use_cache else None)
    client = Client(http, cache)
    job = AddJob(target, bibliography, PeopleIndex(people), client, Endpoints.from_env(), pattern, upgrade=upgrade)
    return Session(settings, target, people, job)
