"""Tests of labbook.model.news: the news.yml schema, derived ids, and mistakes at their lines."""

from __future__ import annotations

import pytest

from labbook.model.news import NewsItem
from tests.helpers import one_error, validate


def test_valid_news_and_derived_ids() -> None:
    """Date and text are enough; the id comes from the date and the title (or the text)."""
    text = """
    - date: 2024-07
      title: Paper at COLM 2024!
      text: Accepted.
    - date: 2024-06-03
      text: |
        A [paper](pub:x) was *accepted* to a journal with a long name.
    - id: career
      date: 2024-03
      text: NSF CAREER.
    """
    items, diagnostics = validate(text, NewsItem, "data/news.yml")
    assert diagnostics == []
    assert [n.derived_id() for n in items] == [
        "2024-07-paper-at-colm-2024", "2024-06-03-a-paper-was-accepted-to-a", "career"]
    assert items[0].anchor == "2024-07-paper-at-colm-2024"


@pytest.mark.parametrize(
    ("snippet", "line", "needle"),
    [
        ("- date: 2024-07\n  txt: hello\n", 2, "unknown key 'txt'"),
        ("- text: hello\n", 1, "required key 'date' is missing"),
        ("- date: 2024-07\n  text: ''\n", 2, "'text' is empty"),
        ("- date: yesterday\n  text: hi\n", 1, "date: 'yesterday' is not a date"),
        ("- date:\n  text: hi\n", 1, "'date' is empty"),
        ("- id: Big News\n  date: 2024\n  text: hi\n", 1, "id: an id uses only"),
    ],
)
def test_each_mistake_is_one_error_at_its_line(snippet: str, line: int, needle: str) -> None:
    """Typos, missing or empty text and dates, and bad ids: one error each, at its line."""
    items, diagnostics = validate(snippet, NewsItem, "data/news.yml")
    assert items == []
    error = one_error(diagnostics)
    assert (error.path, error.line) == ("data/news.yml", line)
    assert needle in error.message
