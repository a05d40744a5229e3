"""Tests of labbook.render.generated: page skeletons whose text from data cannot become markup or code, and
filling their slots."""

from __future__ import annotations

import yaml

from labbook.render.generated import SLOT, GeneratedPage, front_matter, heading


def test_front_matter_is_escaped_once_and_turns_macros_off() -> None:
    """Themes print front matter raw (Material's <title>, header and description), so it is escaped once here."""
    text = front_matter('</title><script>alert(1)</script> & "q" {{ 7*7 }}', description="a <b> & c")
    meta = yaml.safe_load(text.strip().strip("-"))
    assert meta["title"] == "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34; {{ 7*7 }}"
    assert meta["description"] == "a &lt;b&gt; &amp; c"
    assert meta["render_macros"] is False


def test_front_matter_keeps_other_values() -> None:
    """Non-string values are written as they are."""
    meta = yaml.safe_load(front_matter("T", hide=["toc"], weight=3).strip().strip("-"))
    assert meta["hide"] == ["toc"] and meta["weight"] == 3


def test_heading_text_is_not_markdown() -> None:
    """Characters Markdown or HTML would read become entities."""
    assert heading(2, "<b>*x*</b> [y](z)") == "## &#60;b&#62;&#42;x&#42;&#60;/b&#62; &#91;y&#93;&#40;z&#41;"


def _page(slots: dict[str, str]) -> GeneratedPage:
    return GeneratedPage(src_uri="x/index.md", markdown="", slots=lambda base: {k: v + base for k, v in slots.items()})


def test_fill_puts_each_slot_in_its_place_once() -> None:
    """Every slot marker is replaced by its content (given the base); a second marker of the same slot and
    markers of unknown slots stay as they were."""
    html = f"<h1>T</h1>{SLOT.format('a')}<p>mid</p>{SLOT.format('b')}{SLOT.format('a')}{SLOT.format('zz')}<p>end</p>"
    out = _page({"a": "<i>A</i>", "b": "<b>B</b>"}).fill(html, "../")
    assert out == (f"<h1>T</h1><i>A</i>../<p>mid</p><b>B</b>../{SLOT.format('a')}{SLOT.format('zz')}<p>end</p>")


def test_fill_does_not_read_content_as_markers() -> None:
    """Content that itself looks like a slot marker is not filled again (slots are filled in one pass)."""
    html = SLOT.format("a") + SLOT.format("b")
    out = _page({"a": SLOT.format("b"), "b": "B"}).fill(html, "")
    assert out == SLOT.format("b") + "B"
