"""Tests of labbook.model.talk: the talks.yml schema, valid records and each kind of mistake with its line."""

from __future__ import annotations

import pytest

from labbook.model.talk import Talk
from tests.helpers import one_error, validate

VALID = """
- id: 2024-04-jhu
  title: Theory of Adaptation
  date: 2024-04
  speaker: kangwook-lee
  event: CIS/MINDS Seminar
  host: Johns Hopkins University
  location: Baltimore, MD
  kind: seminar
  selected: true
  abstract: |
    Two *methods* compared.
  links:
    slides: slides/jhu.pdf
    video: https://example.org/v
    event: https://example.org/e
  publications: [zeng2024expressive]
  topics: [LoRA, Theory]
- id: guest-2025
  title: A guest talk
  date: 2025-03-04T15:00:00-06:00
  speaker: Jane Doe
"""


def test_valid_talks() -> None:
    """Every documented key is accepted and typed; optional keys may be left out."""
    talks, diagnostics = validate(VALID, Talk, "data/talks.yml")
    assert diagnostics == []
    first, guest = talks
    assert first.date.precision == "month" and first.date.label == "April 2024"
    assert first.selected is True and first.kind_label == "Seminar"
    assert first.links.resolved()[0] == ("slides", "Slides", "slides/jhu.pdf")
    assert first.publications == ["zeng2024expressive"]
    assert first.line == 1 and first.line_of("topics") == 17
    assert guest.date.moment is not None and guest.speaker == "Jane Doe"
    assert guest.kind is None and guest.selected is False and guest.links.resolved() == []


@pytest.mark.parametrize(
    ("snippet", "line", "code", "needle"),
    [
        ("- id: t\n  titel: X\n  date: 2024\n", 2, "yaml-unknown-key", "unknown key 'titel'"),
        ("- id: t\n  title: X\n", 1, "yaml-missing-key", "required key 'date' is missing"),
        ("- id: t\n  title: X\n  date: April 2024\n", 3, "yaml-invalid", "date: 'April 2024' is not a date"),
        ("- id: t\n  title: X\n  date: 2024-04\n  kind: invted\n", 4, "yaml-invalid",
         "'kind' is 'invted', which is not one of"),
        ("- id: Bad Id\n  title: X\n  date: 2024\n", 1, "yaml-invalid", "id: an id uses only"),
        ("- id: t\n  title: [a, b]\n  date: 2024\n", 2, "yaml-invalid", "'title' should be a single value, not a list"),
        ("- id: t\n  title: X\n  date: 2024\n  links:\n    slidez: a.pdf\n", 5, "yaml-unknown-key",
         "unknown key 'slidez'"),
        ("- id: t\n  title: X\n  date: 2024\n  selected: maybe\n", 4, "yaml-invalid",
         "'selected' should be true or false"),
        ("- id: t\n  title: X\n  date: 2024\n  publications: key1\n", 4, "yaml-invalid",
         "'publications' should be a list, not 'key1'"),
    ],
)
def test_each_mistake_is_one_error_at_its_line(snippet: str, line: int, code: str, needle: str) -> None:
    """A typo, a missing key, a bad date, kind, id, type or URL: one error at the offending line."""
    talks, diagnostics = validate(snippet, Talk, "data/talks.yml")
    assert talks == []
    error = one_error(diagnostics)
    assert (error.path, error.line, error.code) == ("data/talks.yml", line, code)
    assert needle in error.message


def test_typo_in_a_required_key_is_one_diagnostic_with_a_hint() -> None:
    """`titel:` for `title:` is reported once, with the hint, not also as a missing key."""
    _, diagnostics = validate("- id: t\n  titel: X\n  date: 2024\n", Talk)
    error = one_error(diagnostics)
    assert error.hint == "did you mean 'title'?"
    assert "required key 'title' is missing" in error.message


def test_typo_in_an_optional_nested_key_suggests_the_key() -> None:
    """Unknown keys inside `links` get a did-you-mean hint from the links' own keys."""
    _, diagnostics = validate("- id: t\n  title: X\n  date: 2024\n  links:\n    slidez: a.pdf\n", Talk)
    assert one_error(diagnostics).hint == "did you mean 'slides'?"


def test_unknown_key_far_from_any_lists_the_allowed_keys() -> None:
    """Without a close match the hint lists every allowed key."""
    _, diagnostics = validate("- id: t\n  title: X\n  date: 2024\n  zzz: 1\n", Talk)
    assert one_error(diagnostics).hint.startswith("allowed keys: id, title, date")


def test_yaml_1_1_words_stay_text() -> None:
    """`NO`, `on` and `0755` in text fields are kept as written, never turned into booleans or numbers."""
    talks, diagnostics = validate("- id: t\n  title: NO\n  date: 2024\n  location: on\n  event: 0755\n", Talk)
    assert diagnostics == []
    assert (talks[0].title, talks[0].location, talks[0].event) == ("NO", "on", "0755")


def test_one_bad_record_does_not_hide_the_others() -> None:
    """The good records around a bad one are all kept."""
    text = "- id: a\n  title: A\n  date: 2024\n- id: b\n  date: 2024\n- id: c\n  title: C\n  date: 2023\n"
    talks, diagnostics = validate(text, Talk)
    assert [t.id for t in talks] == ["a", "c"]
    assert one_error(diagnostics).line == 4


def test_a_misspelt_choice_suggests_the_closest_one() -> None:
    """`kind: Seminr` is refused with the allowed kinds listed and a did-you-mean hint."""
    _, diagnostics = validate("- id: t\n  title: X\n  date: 2024\n  kind: Seminr\n", Talk)
    error = one_error(diagnostics)
    assert "not one of: invited, conference, seminar" in error.message
    assert error.hint == "did you mean 'seminar'?"


def test_a_javascript_link_is_dropped_and_the_talk_kept() -> None:
    """links.video: javascript:... is reported at its line and left out; the talk and its other links stay."""
    text = "- id: t\n  title: X\n  date: 2024\n  links:\n    video: javascript:alert(1)\n    slides: s.pdf\n"
    talks, diagnostics = validate(text, Talk)
    error = one_error(diagnostics)
    assert (error.code, error.line) == ("yaml-unsafe-url", 5)
    assert "links.video: 'javascript:alert(1)' is not an http(s)" in error.message
    assert [(t.id, t.links.video, t.links.slides) for t in talks] == [("t", None, "s.pdf")]
