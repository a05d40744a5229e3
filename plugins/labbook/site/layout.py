"""Which of the theme's side columns a generated page shows.

A generated page reached from a navigation tab has a left sidebar that holds only its own name, and a detail
page (one paper, one talk) has a table of contents with nothing in it: two columns that squeeze the content on
a laptop and say nothing. Material hides either with ``hide: [navigation, toc]`` in a page's metadata; this
module decides, from counts the adapter reads off the site's navigation and the page's headings, which to
hide. A lab's own Markdown pages are left alone (their front matter decides).
"""

from __future__ import annotations

#: A column with this many entries or fewer is hidden.
MAX_USELESS = 1


def hidden_columns(*, sidebar_entries: int, toc_entries: int) -> list[str]:
    """Material's ``hide`` list for a generated page: ``navigation`` when the left sidebar would show at most
    one entry (the page itself), ``toc`` when the table of contents would show at most one heading."""
    hidden = []
    if sidebar_entries <= MAX_USELESS:
        hidden.append("navigation")
    if toc_entries <= MAX_USELESS:
        hidden.append("toc")
    return hidden
