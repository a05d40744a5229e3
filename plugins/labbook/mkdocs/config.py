"""The plugin's config schema for MkDocs, with the defaults of the one table of options.

Each option's meaning is documented once, in :class:`labbook.options.Options`; a test keeps this schema and that
table naming the same options.
"""

from __future__ import annotations

from datetime import date

from mkdocs.config import base
from mkdocs.config import config_options as c

from labbook.options import DEFAULTS


class LabbookConfig(base.Config):
    """Options of the ``labbook`` plugin in mkdocs.yml (see :class:`labbook.options.Options`)."""

    bibliography = c.Optional(c.ListOfItems(c.Type(str)))
    data_dir = c.Type(str, default=DEFAULTS.data_dir)
    # The two mappings hold only what the site overrides; settings_from_options lays them over the defaults.
    collections = c.Type(dict, default={})
    pages = c.Type(dict, default={})
    per_publication_pages = c.Type(bool, default=DEFAULTS.per_publication_pages)
    highlight_members = c.Type(bool, default=DEFAULTS.highlight_members)
    max_authors = c.Type(int, default=DEFAULTS.max_authors)
    timezone = c.Type(str, default=DEFAULTS.timezone)
    today = c.Optional(c.Type((str, date)))  # an unquoted YYYY-MM-DD arrives as a date
    notes_dir = c.Type(str, default=DEFAULTS.notes_dir)
    feed_limit = c.Type(int, default=DEFAULTS.feed_limit)
    list_crossref_parents = c.Type(bool, default=DEFAULTS.list_crossref_parents)
    badges = c.Type(list, default=[])
    remote_media = c.ListOfItems(c.Type(str), default=[])
    mathjax = c.Type(bool, default=DEFAULTS.mathjax)
    key_pattern = c.Type(str, default=DEFAULTS.key_pattern)
    group_photo = c.Optional(c.Type(str))
    cite_styles = c.ListOfItems(c.Type(str), default=list(DEFAULTS.cite_styles))
