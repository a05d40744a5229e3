"""The one clock of a build: "now" in the site's time zone.

Pages (upcoming or past talks, open or closed openings), feeds (the date of an undated entry) and the talks
calendar (its DTSTAMP) all read this clock, made once per build, so they agree with each other.
"""

from __future__ import annotations

from labbook.model.dates import Clock
from labbook.settings import Settings


def site_clock(settings: Settings) -> Clock:
    """The build's clock: the start of ``today`` in ``timezone`` when pinned, else the current instant there.

    Raises ``ValueError`` when ``settings.timezone`` is not a time zone name.
    """
    return Clock.for_site(settings.timezone, settings.today)
