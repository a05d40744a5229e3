"""labbook.mkdocs.page_shapes: which values a shape may be filled with, and which templates it can follow."""

from __future__ import annotations

import jinja2
import pytest

from labbook.mkdocs.page_shapes import Shape, follows_content, inert


@pytest.mark.parametrize("value", [None, "", "Learning Plain Things", "Über α-stable noise: 3.5% (v2)", "a-b_c/d"])
def test_values_no_filter_changes_are_inert(value: str | None) -> None:
    assert inert(value)


@pytest.mark.parametrize("value", ["Don't", "Tom & Jerry", "a <b>", 'say "hi"', "back\\slash", " lead", "trail ",
                                   "two  spaces", "tab\there", "new\nline"])
def test_values_a_filter_could_change_are_not(value: str) -> None:
    assert not inert(value)


def test_a_shape_fills_each_slot() -> None:
    shape = Shape(["<title>", "title", "</title><main>", "content", "</main>"])
    assert shape.fill({"title": "T", "content": "<p>C</p>"}) == "<title>T</title><main><p>C</p></main>"


def _env(**templates: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates))


def test_templates_that_print_the_content_or_ask_for_an_h1_are_followed() -> None:
    assert follows_content(_env(**{"main.html": "{{ page.content }}{{- page.content -}}",
                                   "content.html": '{% if "\\u003ch1" not in page.content %}<h1>x</h1>{% endif %}'}))


@pytest.mark.parametrize("source", ["{{ page.content | striptags }}", '{% if "math" in page.content %}m{% endif %}',
                                    "{{ page.content[:100] }}"])
def test_any_other_reading_of_the_content_is_not(source: str) -> None:
    assert not follows_content(_env(**{"main.html": "{{ page.content }}", "other.html": source}))


def test_an_edited_template_is_read_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The answer is kept while the templates are unchanged (`mkdocs serve` asks on every rebuild); a template
    edited to read the content otherwise changes it."""
    (tmp_path / "main.html").write_text("{{ page.content }}", encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)]))
    assert follows_content(env)
    assert follows_content(env)
    (tmp_path / "main.html").write_text("{{ page.content | striptags }}", encoding="utf-8")
    assert not follows_content(env)
